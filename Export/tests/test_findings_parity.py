"""findings.sql in DuckDB and in Spark (local mode) returns exactly `twitchcheck batch --format csv`'s rows.

For each long-layout fixture and each shared EHR sample (skipped when absent): map the columns to
prescriptions(patient, medication, start_date, stop_date), resolve the distinct strings with
`twitchcheck resolve`, load `twitchcheck export`'s tables, run findings.sql and compare the rows
with batch's, as multisets; any difference is printed.

    TWITCHCHECK=.build/debug/twitchcheck python3 -m pytest -q Export/tests
"""
import collections
import csv
import os
import subprocess
import sys

import random

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
import twitchcheck_export as tc  # noqa: E402

SHARED = os.path.join(ROOT, "..", "shared", "data")
GENERATED = "generated"
INPUTS = [
    (GENERATED, "synthea"),
    (os.path.join(ROOT, "Tests", "Fixtures", "batch", "synthea-layout.csv"), "synthea"),
    (os.path.join(ROOT, "Tests", "Fixtures", "batch", "mimic-layout.csv"), "mimic"),
    (os.path.join(SHARED, "synthea-nebraska", "medications.csv"), "synthea"),
    (os.path.join(SHARED, "synthea-california", "medications.csv"), "synthea"),
    (os.path.join(SHARED, "mimic3-demo", "PRESCRIPTIONS.csv"), "mimic"),
]
ROLES = tc.ROLES


@pytest.fixture(scope="session")
def binary():
    return tc.twitchcheck_binary()


@pytest.fixture(scope="session")
def knowledge(binary, tmp_path_factory):
    directory = str(tmp_path_factory.mktemp("export"))
    return directory, tc.export(binary, directory)


@pytest.fixture(scope="session")
def spark():
    pyspark = pytest.importorskip("pyspark.sql")
    session = (pyspark.SparkSession.builder.master("local[2]").appName("twitchcheck-parity")
               .config("spark.sql.shuffle.partitions", "2").config("spark.ui.enabled", "false")
               .config("spark.sql.session.timeZone", "UTC").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


# Dates batch must read as empty (unknown start, ongoing stop): other orders, impossible days,
# February 29 of a year that is not a leap year, more digits, something other than a time after the date.
UNREADABLE_DATES = ["garbage", "2021-13-01", "2021/01/05", " 2021-01-05", "2021-02-30", "2021-00-10", "21-01-05",
                    "01/02/2020", "2020-13-45", "2021-02-29", "1900-02-29", "2100-02-29", "2021-04-31", "2021-1-05",
                    "2021-01-050", "2021-01-05X", "2021-01-05/08:00", "２０２１-01-05", "0000-02-30"]
# Dates batch reads: February 29 of leap years (2000 and year 0000 are, by the 400-year rule),
# year 0000, the last days of months, a time after 'T' or a space.
READABLE_DATES = ["2020-02-29", "2000-02-29", "0000-02-29", "0000-01-01", "0000-03-01", "2021-04-30", "2021-02-28",
                  "2020-02-29T23:59:59Z", "2021-01-05 08:00", "2021-01-05T", "2021-01-05 "]
# Patient ids batch skips as empty.
BLANK_PATIENTS = ["", " ", "\t", " \t "]
# Recognised names with words left over (batch's unrecognized_words rows), next to the names themselves.
LEFTOVER_NAMES = ["amoxicillin xyzzq", "sertraline blorf 50 mg", "Zoloft wibble", "tramadol qqq zzz",
                  "Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet frobnicate"]


def generated_rows(seed=16, patients=60, rows=2000):
    """Prescriptions that stress every rule of batch's reading: dates missing, unreadable (other
    orders, impossible days, February 29 outside leap years), with a time, in year 0000, a stop
    before the start, a same-day switch; patient ids empty or blank; names padded with spaces and
    tabs, empty, misspelt, unknown, with words left over, and combination products."""
    pick = random.Random(seed)
    names = ["sertraline", "tramadol", "Zoloft 50mg", " phenelzine\t", "linezolid", "lithium", "haloperidol",
             "metoclopramide", "ondansetron", "fluoxetine", "bupropion", "Unobtainium", "sertralin", "amoxicillin",
             "Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet", "", "  ", "valproate",
             "methylphenidate", "Tramadol HCl 50 MG Oral Tablet", "quetiapine", "dextromethorphan", "\"odd, name\""]
    names += LEFTOVER_NAMES
    def day():
        kind = pick.random()
        if kind < 0.10:
            return ""
        if kind < 0.16:
            return pick.choice(UNREADABLE_DATES)
        if kind < 0.20:
            return pick.choice(READABLE_DATES)
        text = f"2021-{pick.randint(1, 4):02d}-{pick.randint(1, 31):02d}"
        return text + pick.choice(["", "", "T08:00:00Z", " 00:00:00"])
    out = []
    for _ in range(rows):
        patient = pick.choice(BLANK_PATIENTS) if pick.random() < 0.03 else f"p{pick.randrange(patients)}"
        out.append((patient, pick.choice(names), day(), day()))
    return out + edge_rows()


def edge_rows():
    """Every case once, where getting it wrong changes a row: each date as a start and as a stop of
    sertraline beside a short course of tramadol (an unreadable start or stop widens the span to
    reach it; a readable one gives its own overlap day), a stop before its start that overlaps only
    once swapped, blank patient ids that would otherwise pair up, and each name with words left over."""
    out = []
    for number, date in enumerate(UNREADABLE_DATES + READABLE_DATES):
        out += [(f"edge-start-{number}", "sertraline", date, "2021-06-30"), (f"edge-start-{number}", "tramadol", "2021-03-01", "2021-03-05"),
                (f"edge-stop-{number}", "sertraline", "2021-03-10", date), (f"edge-stop-{number}", "tramadol", "2021-06-01", "2021-06-05"),
                (f"edge-early-{number}", "sertraline", date, date), (f"edge-early-{number}", "tramadol", "0000-01-01", "2000-03-01")]
    out += [("edge-swapped", "sertraline", "2021-03-10", "2021-03-01"), ("edge-swapped", "tramadol", "2021-03-03", "2021-03-04"),
            ("edge-not-swapped", "sertraline", "2021-03-10", "2021-03-01"), ("edge-not-swapped", "tramadol", "2021-03-11", "2021-03-12")]
    out += [(patient, name, "", "") for patient in BLANK_PATIENTS for name in ("phenelzine", "tramadol", "Unobtainium")]
    out += [("edge-leftover", name, "2021-01-01", "") for name in LEFTOVER_NAMES + ["sertraline"]]
    return out + washout_rows()


def washout_rows():
    """Covered pairs that never overlap (batch's washout findings): a gap under and over the
    14 days, fluoxetine's own 35 days at 20 and 40, an MAO inhibitor stopped first, a gap of one
    day, a tie between the two directions (drug-name order decides) and between two starts (the
    earliest wins), the smaller gap of two directions, gaps across February 29 and in year 0000."""
    spans = {
        "under-14": [("sertraline", "2021-01-01", "2021-01-31"), ("phenelzine", "2021-02-10", "2021-03-01")],
        "over-14": [("sertraline", "2021-01-01", "2021-01-31"), ("phenelzine", "2021-02-20", "2021-03-01")],
        "fluoxetine-20": [("fluoxetine", "2021-01-01", "2021-01-31"), ("phenelzine", "2021-02-20", "")],
        "fluoxetine-40": [("fluoxetine", "2021-01-01", "2021-01-31"), ("phenelzine", "2021-03-12", "")],
        "maoi-first": [("phenelzine", "2021-01-01", "2021-01-31"), ("sertraline", "2021-02-05", "")],
        "one-day": [("linezolid", "2021-01-01", "2021-01-31"), ("sertraline", "2021-02-01", "")],
        "direction-tie": [("sertraline", "2021-01-01", "2021-01-10"), ("phenelzine", "2021-01-15", "2021-01-20"),
                          ("sertraline", "2021-01-25", "2021-02-01")],
        "start-tie": [("sertraline", "2021-01-01", "2021-01-10"), ("phenelzine", "2021-01-15", "2021-01-20"),
                      ("sertraline", "2021-03-01", "2021-03-10"), ("phenelzine", "2021-03-15", "2021-03-20")],
        "smaller-gap": [("sertraline", "2021-01-01", "2021-01-10"), ("phenelzine", "2021-01-20", "2021-01-25"),
                        ("sertraline", "2021-01-28", "2021-02-01")],
        "leap": [("sertraline", "2020-01-01", "2020-02-25"), ("phenelzine", "2020-03-05", "")],
        "year-0000": [("sertraline", "0000-01-01", "0000-02-27"), ("phenelzine", "0000-03-02", "")],
        "swapped-stop": [("sertraline", "2021-01-31", "2021-01-01"), ("phenelzine", "2021-02-03T08:00:00Z", "")],
        "open-start": [("sertraline", "", "2021-01-31"), ("phenelzine", "2021-02-07", "")],
    }
    return [(f"washout-{case}", drug, start, stop) for case, rows in spans.items() for drug, start, stop in rows]


@pytest.fixture(scope="session")
def generated_file(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("generated") / "generated.csv")
    write_csv(path, ["PATIENT", "DESCRIPTION", "START", "STOP"], generated_rows())
    return path


def input_file(path, request):
    if path == GENERATED:
        return request.getfixturevalue("generated_file")
    if not os.path.exists(path):
        pytest.skip(f"{path} is absent")
    return path


def prescriptions(path, layout):
    """The file's rows as (patient, medication, start, stop), with Python's csv reader."""
    header, *rows = tc.read_csv_rows(path)
    positions = [header.index(tc.LAYOUTS[layout][role]) for role in ROLES]
    return [tuple(row[i] for i in positions) for row in rows if len(row) == len(header)]


def batch_rows(binary, path):
    output = subprocess.run([binary, "batch", path, "--format", "csv", "--quiet"],
                            check=True, capture_output=True).stdout.decode("utf-8")
    header, *rows = list(csv.reader(output.splitlines(keepends=True)))
    return header, collections.Counter(tuple(row) for row in rows)


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def assert_same(name, engine, expected, actual):
    missing = expected - actual
    extra = actual - expected
    for label, rows in (("in batch only", missing), (f"in {engine} only", extra)):
        for row in sorted(rows)[:20]:
            print(f"{name}: {label}: {row}")
    assert not missing and not extra, f"{name}: {engine} differs from batch: {sum(missing.values())} missing, {sum(extra.values())} extra"


def available():
    return [pytest.param(path, layout, id=path if path == GENERATED else os.path.relpath(path, os.path.dirname(ROOT)))
            for path, layout in INPUTS]


@pytest.mark.parametrize("path,layout", available())
def test_duckdb_matches_batch(binary, knowledge, tmp_path, request, path, layout):
    path = input_file(path, request)
    duckdb = pytest.importorskip("duckdb")
    directory, sql = knowledge
    rows = prescriptions(path, layout)
    rx_path = str(tmp_path / "prescriptions.csv")
    write_csv(rx_path, ROLES, rows)
    map_path = tc.resolve(binary, sorted({row[1] for row in rows}), str(tmp_path / "medication_map.csv"))
    con = duckdb.connect()
    con.execute("SET threads = 2")
    options = "header = true, all_varchar = true, quote = '\"', escape = '\"', delim = ','"
    for table, file in [("prescriptions", rx_path)] + tc.table_files(directory, map_path):
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{file}', {options})")
    result = con.execute(sql)
    header, expected = batch_rows(binary, path)
    assert [column[0] for column in result.description] == header
    actual = collections.Counter(tuple("" if value is None else value for value in row) for row in result.fetchall())
    assert expected, f"{path}: batch found nothing, so the comparison would prove little"
    assert_same(os.path.basename(path), "duckdb", expected, actual)


@pytest.mark.parametrize("path,layout", available())
def test_spark_matches_batch(binary, knowledge, spark, tmp_path, request, path, layout):
    path = input_file(path, request)
    directory, sql = knowledge
    rows = prescriptions(path, layout)
    schema = ", ".join(f"{role} string" for role in ROLES)
    spark.createDataFrame(rows, schema=schema).createOrReplaceTempView("prescriptions")
    map_path = tc.resolve(binary, sorted({row[1] for row in rows}), str(tmp_path / "medication_map.csv"))
    for table, file in tc.table_files(directory, map_path):
        header, *table_rows = tc.read_csv_rows(file)
        spark.createDataFrame(table_rows, schema=", ".join(f"`{c}` string" for c in header)).createOrReplaceTempView(table)
    frame = spark.sql(sql)
    header, expected = batch_rows(binary, path)
    assert frame.columns == header
    actual = collections.Counter(tuple("" if value is None else value for value in row) for row in frame.collect())
    assert_same(os.path.basename(path), "spark", expected, actual)
