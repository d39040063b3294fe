#!/usr/bin/env bash
# Times `twitchcheck batch` on one patient with many non-overlapping prescriptions of four drugs
# that rules pair with each other (issue 10: time must be linear in one patient's rows).
#
#   Benchmarks/one_patient.sh [ROWS ...]      (default: 400000 1000000)
#
# Needs a release build and GNU time at /usr/bin/time. Prints rows, wall seconds and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-400000 1000000}")
binary=${TWITCHCHECK:-.build/release/twitchcheck}
[ -x "$binary" ] || swift build -c release >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data"
"$binary" check sertraline >/dev/null   # build the default knowledge base outside the timing

for rows in ${sizes[@]}; do
    file="$work/one-patient-$rows.csv"
    python3 - "$rows" "$file" <<'PY'
import datetime, sys
rows, path = int(sys.argv[1]), sys.argv[2]
drugs = ["sertraline", "tramadol", "phenelzine", "haloperidol"]
first = datetime.date(1000, 1, 1)
with open(path, "w") as out:
    out.write("PATIENT,DESCRIPTION,START,STOP\n")
    for index in range(rows):
        day = (first + datetime.timedelta(days=index)).isoformat()
        out.write(f"p,{drugs[index % 4]},{day},{day}\n")
PY
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$binary" batch "$file" --quiet --output "$work/findings.csv"
    read -r seconds kilobytes < "$work/time.txt"
    echo "rows=$rows one_patient twitchcheck=${seconds}s peak_rss=$((kilobytes / 1024))MB"
done
