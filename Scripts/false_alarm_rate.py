#!/usr/bin/env python3
"""False-alarm rate of twitchcheck on ordinary medication pairs (issue 11).

Takes the most common drug pairs taken by the same patient in the shared Synthea and MIMIC-III
demo samples (../shared/data/synthea-*/medications.csv, mimic3-demo/PRESCRIPTIONS.csv), keeps
the pairs that twitchcheck recognises and that no seed source links (no seed rule covers them),
checks each with `twitchcheck check --format json`, and reports how many get a moderate-or-worse
combination finding. Usage: Scripts/false_alarm_rate.py [--top N] [--binary PATH]
"""
import argparse, collections, csv, glob, itertools, json, os, subprocess, sys

def patient_drugs(data):
    lists = collections.defaultdict(set)
    for path in glob.glob(os.path.join(data, "synthea-*", "medications.csv")):
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                lists["s:" + row["PATIENT"]].add(row["DESCRIPTION"].split()[0].lower())
    mimic = os.path.join(data, "mimic3-demo", "PRESCRIPTIONS.csv")
    if os.path.exists(mimic):
        with open(mimic, newline="") as f:
            for row in csv.DictReader(f):
                name = (row.get("drug") or row.get("DRUG") or "").split()
                subject = row.get("subject_id") or row.get("SUBJECT_ID")
                if name:
                    lists["m:" + subject].add(name[0].lower())
    return lists

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=300)
    parser.add_argument("--binary", default=".build/debug/twitchcheck")
    parser.add_argument("--data", default="../shared/data")
    args = parser.parse_args()
    if not os.path.isdir(args.data):
        print(f"skipped: {args.data} is absent"); return 0
    counts = collections.Counter()
    for drugs in patient_drugs(args.data).values():
        counts.update(itertools.combinations(sorted(drugs), 2))
    checked = alarms = 0
    for (a, b), _ in counts.most_common():
        if checked >= args.top:
            break
        out = subprocess.run([args.binary, "check", a, b, "--format", "json"], capture_output=True, text=True)
        try:
            report = json.loads(out.stdout)
        except json.JSONDecodeError:
            continue
        if report.get("unrecognized"):
            continue
        combos = [f for f in report["findings"] if f["kind"] == "combination"]
        if any(f.get("rule") and not f["rule"].startswith(("gen-", "add-")) for f in combos):
            continue  # a seed (label) rule links the pair: not a negative
        checked += 1
        serious = [f for f in combos if f["severity"] in ("moderate", "major", "contraindicated")]
        if serious:
            alarms += 1
            print(f"ALARM {a} + {b}: " + "; ".join(f"{f['severity']} {f['rule']}" for f in serious))
    rate = alarms / checked if checked else 0
    print(f"unlinked common pairs checked: {checked}; moderate-or-worse findings: {alarms}; false-alarm rate: {rate:.1%}")
    return 0

if __name__ == "__main__":
    sys.exit(main())
