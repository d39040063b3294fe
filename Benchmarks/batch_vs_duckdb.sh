#!/usr/bin/env bash
# Times `twitchcheck batch` against DuckDB on the same generated Synthea-layout file, in one run.
#
#   Benchmarks/batch_vs_duckdb.sh [ROWS ...]      (default: 1000000)
#
# Needs: a release build (`swift build -c release`), python3 with duckdb (`pip install duckdb`),
# and GNU time at /usr/bin/time for peak memory. Prints, per size: wall seconds for each tool,
# the ratio twitchcheck/DuckDB, and twitchcheck's peak RSS.
#
# The DuckDB side answers a simplified version of the question: it joins the first word of
# every DESCRIPTION against the knowledge base's drug names and counts, per patient, the
# distinct drugs found. twitchcheck does the whole job: full name resolution, time-aware
# pairwise rules, and a CSV report.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000000}")
binary=.build/release/twitchcheck
[ -x "$binary" ] || swift build -c release >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data"
"$binary" sql "SELECT key FROM drug_names" --format csv > "$work/names.csv"

for rows in "${sizes[@]}"; do
    file="$work/medications-$rows.csv"
    python3 Benchmarks/generate_synthea_layout.py "$rows" "$file"
    megabytes=$(( $(stat -c %s "$file") / 1048576 ))
    cat "$file" > /dev/null   # warm the page cache for both tools alike

    /usr/bin/time -v -o "$work/time.txt" "$binary" batch "$file" --quiet --output "$work/findings.csv"
    ours=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2, t, ":"); print (length(t) == 3 ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2])}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$work/time.txt")

    theirs=$(python3 - "$file" "$work/names.csv" <<'PY'
import sys, time, duckdb
path, names = sys.argv[1], sys.argv[2]
connection = duckdb.connect()
started = time.perf_counter()
connection.execute(f"""
    WITH meds AS (
        SELECT PATIENT, lower(split_part(trim(DESCRIPTION), ' ', 1)) AS word
        FROM read_csv('{path}', header = true, all_varchar = true)
    ), names AS (SELECT key FROM read_csv('{names}', header = true))
    SELECT PATIENT, count(DISTINCT word) FROM meds JOIN names ON names.key = meds.word GROUP BY PATIENT
""").fetchall()
print(f"{time.perf_counter() - started:.3f}")
PY
)
    ratio=$(python3 -c "print(f'{$ours / $theirs:.2f}')")
    echo "rows=$rows size=${megabytes}MB twitchcheck=${ours}s duckdb=${theirs}s ratio=${ratio} twitchcheck_peak_rss=${rss}MB"
done
