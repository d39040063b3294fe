#!/usr/bin/env bash
# The release build users run: it must link (the Swift runtime and Foundation statically, with
# lld; Package.swift), carry no dynamic Swift libraries, and check a list. Then one short run of
# Benchmarks/check_latency.sh, whose figures are printed for the log (not a pass/fail timing).
set -euo pipefail
swift build -c release --product twitchcheck 2>&1 | grep -v ': warning:' | tail -3
binary=.build/release/twitchcheck
if ldd "$binary" | grep -q 'libswiftCore\|libFoundation'; then
    echo "80-release-check: the release twitchcheck links the Swift runtime dynamically:" >&2
    ldd "$binary" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$binary" db build --output "$work/kb.sqlite" > /dev/null
status=0
"$binary" check --db "$work/kb.sqlite" sertraline tramadol "Zoloft 50mg" --format json > "$work/report.json" || status=$?
[ "$status" -le 1 ] || { echo "80-release-check: check exited $status" >&2; exit 1; }
python3 - "$work/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
pairs = [f for f in report["findings"] if f["kind"] == "combination" and f["effect"] == "serotonin_syndrome"]
assert pairs and set(pairs[0]["drugs"]) == {"sertraline", "tramadol"}, report["findings"]
print("80-release-check: the release build finds sertraline + tramadol:", pairs[0]["severity"])
PY
Benchmarks/check_latency.sh 50
