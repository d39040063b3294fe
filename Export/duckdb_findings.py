#!/usr/bin/env python3
"""twitchcheck's findings over a prescriptions file with DuckDB: CSV or Parquet in, Parquet out.

    python3 Export/duckdb_findings.py medications.csv findings.parquet --layout synthea --threads 2

Steps: `twitchcheck export` (the knowledge as three tables and findings.sql), read the input,
resolve its distinct medication strings once with `twitchcheck resolve`, run findings.sql,
write Parquet. The rows equal `twitchcheck batch --format csv` on the same file.
"""
import os
import sys
import tempfile
import time

import duckdb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import twitchcheck_export as tc  # noqa: E402

CSV_OPTIONS = "header = true, all_varchar = true, quote = '\"', escape = '\"', delim = ','"


def source(path):
    """A DuckDB table expression for the input: Parquet by extension, else CSV (all text)."""
    quoted = path.replace("'", "''")
    if path.endswith(".parquet"):
        return f"read_parquet('{quoted}')"
    return f"read_csv('{quoted}', {CSV_OPTIONS})"


def load(con, workdir, binary, input_path, columns):
    """Creates prescriptions, medication_map and the knowledge tables (tc.table_files); returns findings.sql."""
    sql = tc.export(binary, workdir)
    cols = ", ".join(f'"{columns[role]}" AS {role}' for role in tc.ROLES)
    con.execute(f"CREATE VIEW prescriptions AS SELECT {cols} FROM {source(input_path)}")
    names = [row[0] for row in con.execute(
        "SELECT DISTINCT trim(BOTH ' ' || chr(9) FROM medication) FROM prescriptions WHERE medication IS NOT NULL").fetchall()]
    map_path = tc.resolve(binary, names, os.path.join(workdir, "medication_map.csv"))
    for table, path in tc.table_files(workdir, map_path):
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM {source(path)}")
    return sql


def main():
    parser = tc.recipe_arguments(__doc__, "the findings as Parquet")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")
    args = parser.parse_args()
    if os.path.exists(args.output) and not args.force:
        raise SystemExit(f"{args.output} exists; pass --force to replace it")
    columns = tc.columns_from(args)
    binary = tc.twitchcheck_binary(args.twitchcheck)
    con = duckdb.connect()
    con.execute(f"SET threads = {int(args.threads)}")
    started = time.time()
    with tempfile.TemporaryDirectory() as workdir:
        sql = load(con, workdir, binary, args.input, columns)
        loaded = time.time()
        temporary = args.output + ".tmp"
        con.execute(f"COPY ({sql}) TO '{temporary.replace(chr(39), chr(39) * 2)}' (FORMAT parquet)")
        os.replace(temporary, args.output)
    finished = time.time()
    rows = con.execute(f"SELECT count(*) FROM read_parquet('{args.output.replace(chr(39), chr(39) * 2)}')").fetchone()[0]
    print(f"{rows} findings written to {args.output} in {finished - started:.2f} s "
          f"(export and resolve {loaded - started:.2f} s, findings.sql and Parquet {finished - loaded:.2f} s, "
          f"{args.threads} threads)", file=sys.stderr)


if __name__ == "__main__":
    main()
