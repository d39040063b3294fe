#!/usr/bin/env bash
# `check` of 10 drugs with an existing knowledge base, against the floor of any process that
# opens it: `sqlite3 DB "SELECT count(*) FROM drug_names"` (issue 13's target: at most 3x).
#
#   Benchmarks/check_latency.sh [RUNS]      (default: 200)
#
# Needs: a release build (`swift build -c release --product twitchcheck`) and sqlite3. Uses
# hyperfine when installed (means of wall and of processor time), else a loop of RUNS runs timed with `date +%s%N`.
# Prints both times in milliseconds and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
binary=${TWITCHCHECK:-.build/release/twitchcheck}
[ -x "$binary" ] || { echo "check_latency.sh: build first: swift build -c release --product twitchcheck" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "check_latency.sh: sqlite3 is missing; apt-get install sqlite3" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/kb.sqlite"
"$binary" db build --output "$db" > /dev/null
drugs=(sertraline tramadol lithium metformin lisinopril atorvastatin levothyroxine omeprazole amlodipine quetiapine)
check=("$binary" check --db "$db" "${drugs[@]}")
floor=(sqlite3 "$db" "SELECT count(*) FROM drug_names")
"${check[@]}" > /dev/null || [ $? -le 1 ]   # exit 1 only says a finding reached --fail-on

if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 10 --runs "$runs" --export-json "$work/times.json" \
        "$(printf '%q ' "${check[@]}")" "$(printf '%q ' "${floor[@]}")" > /dev/null
    read -r check_ms floor_ms check_cpu floor_cpu < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(*["%.2f" % (x["mean"] * 1000) for x in r] + ["%.2f" % ((x["user"] + x["system"]) * 1000) for x in r])' "$work/times.json")
    # Processor time (user + system) as well: on a shared machine it moves less than wall time.
    cpu_note="   processor time: ${check_cpu} ms against ${floor_cpu} ms, $(awk -v a="$check_cpu" -v b="$floor_cpu" 'BEGIN {printf "%.1f", a / b}')x"
else
    time_ms() {  # mean wall time of RUNS runs of the command, in ms
        local start end
        for _ in 1 2 3 4 5; do "$@" > /dev/null 2>&1 || true; done
        start=$(date +%s%N)
        for _ in $(seq "$runs"); do "$@" > /dev/null 2>&1 || true; done
        end=$(date +%s%N)
        awk -v t=$(( end - start )) -v n="$runs" 'BEGIN {printf "%.2f", t / n / 1e6}'
    }
    check_ms=$(time_ms "${check[@]}")
    floor_ms=$(time_ms "${floor[@]}")
fi
echo "check of 10 drugs: ${check_ms} ms   sqlite3 count(*): ${floor_ms} ms   ratio: $(awk -v a="$check_ms" -v b="$floor_ms" 'BEGIN {printf "%.1f", a / b}')x   ($runs runs each)${cpu_note:-}"
