#!/usr/bin/env bash
# A short smoke run of each libFuzzer target (Fuzz/README.md), when the toolchain can build them.
# Fuzz/run.sh exits 3 when -sanitize=fuzzer is unsupported; any crash fails CI.
set -uo pipefail
fuzz_status=0
Fuzz/run.sh all "${FUZZ_SMOKE_SECONDS:-20}" || fuzz_status=$?
if [ "$fuzz_status" -eq 3 ]; then
    echo "Fuzz smoke skipped: this toolchain cannot build with -sanitize=fuzzer"
elif [ "$fuzz_status" -ne 0 ]; then
    echo "Fuzz smoke failed (status $fuzz_status); the crashing input is in .build-fuzz/artifacts/" >&2
    exit "$fuzz_status"
fi
