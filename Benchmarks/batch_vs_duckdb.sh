#!/usr/bin/env bash
# Times `twitchcheck batch` against DuckDB on generated Synthea-layout files, in one run.
#
#   Benchmarks/batch_vs_duckdb.sh [--rows N] [--shapes "S ..."] [--large] [--reference BINARY] [--keep DIR]
#
#   --rows N            rows of each file (default 1000000)
#   --shapes "S ..."    which shapes (default "runs grouped scattered")
#   --large             also a scattered file of 10 × N rows (slow: minutes on 2 cores)
#   --reference BINARY  another twitchcheck build (say, main's): its CSV and JSONL output on
#                       each file is compared byte for byte with this build's (`cmp`)
#   --keep DIR          generate the files into DIR and keep them (reused when present)
#
# Shapes (see generate_synthea_layout.py): `runs` (the original file: 60 rows a patient in
# runs, 25 distinct strings), `grouped` (7 rows a patient, in patient order, ~200 RxNorm
# strings) and `scattered` (the same rows, each row's patient drawn at random).
#
# Needs: a release build (`swift build -c release`), python3 with duckdb (`pip install duckdb`),
# and GNU time at /usr/bin/time. Prints a table: wall seconds of the whole twitchcheck process
# (CSV and JSONL), wall seconds of the whole DuckDB process and of its query alone, the ratio
# twitchcheck CSV / DuckDB process, JSONL / CSV, and peak RSS of each twitchcheck run.
#
# The DuckDB side answers a simplified version of the question: it joins the first word of
# every DESCRIPTION against the knowledge base's drug names and counts, per patient, the
# distinct drugs found. twitchcheck does the whole job: full name resolution, time-aware
# pairwise rules, and a report.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=1000000
large=0
shapes="runs grouped scattered"
reference=""
keep=""
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) rows=$2; shift 2 ;;
        --shapes) shapes=$2; shift 2 ;;
        --large) large=1; shift ;;
        --reference) reference=$(realpath "$2"); shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        *) echo "unknown argument $1 (see the comment at the top of $0)" >&2; exit 2 ;;
    esac
done
binary=${TWITCHCHECK:-.build/release/twitchcheck}
[ -x "$binary" ] || swift build -c release --product twitchcheck >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data=${keep:-$work}
mkdir -p "$data"
export XDG_DATA_HOME="$work/data"
"$binary" sql "SELECT key FROM drug_names" --format csv > "$work/names.csv"
[ -z "$reference" ] || "$reference" check sertraline > /dev/null   # its knowledge base, built outside the timing

# Wall seconds and peak RSS (MB) of a command, from GNU time. Dirty pages are written out first
# (`sync`), so that no run pays for writing back the output of the run before it (650 MB of JSON Lines).
timed() {
    sync
    /usr/bin/time -v -o "$work/time.txt" "$@" > /dev/null
    awk -F': ' '/Elapsed \(wall clock\)/ {split($2, t, ":"); s = (length(t) == 3 ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2])}
                /Maximum resident set size/ {m = int($2 / 1024)} END {printf "%.2f %d\n", s, m}' "$work/time.txt"
}

cat > "$work/duckdb_query.py" <<'PY'
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
print(f"{time.perf_counter() - started:.2f}", file=open(names + ".query", "w"))
PY

runs=()
for shape in $shapes; do runs+=("$shape $rows"); done
[ "$large" = 0 ] || runs+=("scattered $((rows * 10))")
printf '| shape | rows | MB | twitchcheck CSV s | JSONL s | DuckDB process s (query s) | CSV / DuckDB | JSONL / CSV | peak RSS CSV / JSONL MB | same as reference |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n'
for run in "${runs[@]}"; do
    read -r shape count <<< "$run"
    file="$data/$shape-$count.csv"
    [ -s "$file" ] || python3 Benchmarks/generate_synthea_layout.py "$count" "$file" "$shape"
    megabytes=$(( $(stat -c %s "$file") / 1048576 ))
    cat "$file" > /dev/null   # warm the page cache for both tools alike

    # Each run writes a new file: replacing the last shape's output would time the kernel freeing it too.
    rm -f "$work/ours.csv" "$work/ours.jsonl"
    read -r csv csv_rss <<< "$(timed "$binary" batch "$file" --quiet --output "$work/ours.csv")"
    read -r jsonl jsonl_rss <<< "$(timed "$binary" batch "$file" --quiet --format jsonl --output "$work/ours.jsonl")"
    read -r duck _ <<< "$(timed python3 "$work/duckdb_query.py" "$file" "$work/names.csv")"
    query=$(cat "$work/names.csv.query")
    same="—"
    if [ -n "$reference" ]; then
        "$reference" batch "$file" --quiet --output "$work/theirs.csv"
        "$reference" batch "$file" --quiet --format jsonl --output "$work/theirs.jsonl"
        same=yes
        cmp -s "$work/ours.csv" "$work/theirs.csv" || same="NO (CSV differs)"
        cmp -s "$work/ours.jsonl" "$work/theirs.jsonl" || same="NO (JSONL differs)"
    fi
    ratio=$(python3 -c "print(f'{$csv / $duck:.2f}')")
    jsonl_ratio=$(python3 -c "print(f'{$jsonl / $csv:.2f}')")
    printf '| %s | %s | %s | %s | %s | %s (%s) | %s | %s | %s / %s | %s |\n' "$shape" "$count" "$megabytes" "$csv" "$jsonl" \
        "$duck" "$query" "$ratio" "$jsonl_ratio" "$csv_rss" "$jsonl_rss" "$same"
done
