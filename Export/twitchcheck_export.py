"""Shared by the DuckDB and Spark recipes and the parity test: run `twitchcheck resolve` and
`twitchcheck export`, and name the columns of the common layouts.

The knowledge (which drug, which finding) always comes from twitchcheck itself; this module
only moves strings and files between it and the engine.
"""
import csv
import io
import os
import shutil
import subprocess

# Column names of the layouts `twitchcheck batch` recognises without flags, per role.
LAYOUTS = {
    "synthea": {"patient": "PATIENT", "medication": "DESCRIPTION", "start_date": "START", "stop_date": "STOP"},
    "mimic": {"patient": "SUBJECT_ID", "medication": "DRUG", "start_date": "STARTDATE", "stop_date": "ENDDATE"},
    # OMOP CDM drug_exposure (see Export/README.md for the concept-name variant).
    "omop": {"patient": "person_id", "medication": "drug_source_value",
             "start_date": "drug_exposure_start_date", "stop_date": "drug_exposure_end_date"},
}


def twitchcheck_binary(explicit=None):
    """The twitchcheck executable: the argument, $TWITCHCHECK, .build/{release,debug} or $PATH."""
    if explicit:
        return explicit
    if os.environ.get("TWITCHCHECK"):
        return os.environ["TWITCHCHECK"]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for flavour in ("release", "debug"):
        candidate = os.path.join(root, ".build", flavour, "twitchcheck")
        if os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("twitchcheck")
    if not found:
        raise SystemExit("twitchcheck not found: build it with 'swift build -c release' or pass --twitchcheck")
    return found


def export(binary, directory, force=True):
    """Writes drug_findings.csv, pair_findings.csv, washout_intervals.csv and findings.sql into `directory`."""
    args = [binary, "export", directory] + (["--force"] if force else [])
    subprocess.run(args, check=True, stderr=subprocess.DEVNULL)
    with open(os.path.join(directory, "findings.sql"), encoding="utf-8") as handle:
        return handle.read()


def resolve(binary, medications, map_path):
    """Resolves the distinct medication strings once (the driver's job) into `map_path` (CSV)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(["medication"])
    for name in medications:
        if name is not None:
            writer.writerow([name])
    with open(map_path, "wb") as out:
        subprocess.run([binary, "resolve", "--csv", "-"], input=text.getvalue().encode("utf-8"),
                       stdout=out, check=True)
    return map_path


def read_csv_rows(path):
    """All rows of an RFC 4180 file (header first) as lists of strings, read with Python's csv."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


ROLES = ("patient", "medication", "start_date", "stop_date")


def recipe_arguments(description, output_help):
    """The command line both recipes share: input, output, layout, column names, twitchcheck."""
    import argparse
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", help="prescriptions as CSV or Parquet")
    parser.add_argument("output", help=output_help)
    parser.add_argument("--layout", choices=sorted(LAYOUTS), default="synthea",
                        help="column names to start from (default synthea)")
    for role in ROLES:
        parser.add_argument(f"--{role.replace('_', '-')}-column", dest=role, help=f"the {role} column")
    parser.add_argument("--twitchcheck", help="the twitchcheck binary")
    return parser


def columns_from(args):
    """The input's column for each role: the layout's, overridden by --ROLE-column."""
    columns = dict(LAYOUTS[args.layout])
    columns.update({role: getattr(args, role) for role in ROLES if getattr(args, role)})
    return columns


def table_files(workdir, map_path):
    """(table name, CSV path) of medication_map and the three knowledge tables."""
    return [("medication_map", map_path),
            ("drug_findings", os.path.join(workdir, "drug_findings.csv")),
            ("pair_findings", os.path.join(workdir, "pair_findings.csv")),
            ("washout_intervals", os.path.join(workdir, "washout_intervals.csv"))]
