#!/usr/bin/env bash
# Builds and runs a libFuzzer target: Fuzz/run.sh TARGET|all SECONDS [extra libFuzzer flags...]
#
#   TARGET   csv (CSVReaderFuzz) or resolver (NameResolverFuzz), or all for both in turn
#   SECONDS  how long to fuzz each target (-max_total_time); 0 only builds
#
# Each target is compiled with swiftc -sanitize=fuzzer,address together with the few
# TwitchCheckKit source files it needs (no SwiftPM, no GRDB). Binaries go to
# $FUZZ_BUILD (default .build-fuzz/), new corpus entries to $FUZZ_BUILD/corpus/TARGET
# (the seed corpus in Fuzz/corpus/TARGET is only read), and crashes to $FUZZ_BUILD/artifacts/.
# Exit status: 0 no crash; 1 a crash or a failed invariant (the input is saved as an artifact);
# 2 bad usage; 3 the toolchain cannot build fuzz targets (-sanitize=fuzzer unsupported).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
kit="$root/Sources/TwitchCheckKit"
build="${FUZZ_BUILD:-$root/.build-fuzz}"
swiftc="${SWIFTC:-swiftc}"

usage() { echo "usage: Fuzz/run.sh csv|resolver|all SECONDS [libFuzzer flags...]" >&2; exit 2; }
[ $# -ge 2 ] || usage
target="$1"; seconds="$2"; shift 2
[[ "$seconds" =~ ^[0-9]+$ ]] || usage

sources_for() {
    case "$1" in
        csv) echo "$here/CSVReaderFuzz/main.swift $kit/CSV/*.swift $kit/Support/TwitchCheckError.swift" ;;
        resolver) echo "$here/NameResolverFuzz/main.swift $here/NameResolverFuzz/KnowledgeBaseStub.swift $kit/Resolution/MedicationResolver.swift
                   $kit/Resolution/NameNormalizer.swift $kit/Resolution/NameVocabulary.swift
                   $kit/Resolution/SuggestionFinder.swift $kit/Resolution/Resolution.swift
                   $kit/Resolution/ResolvedMedication.swift $kit/Resolution/UnrecognizedMedication.swift
                   $kit/Resolution/NameEntry.swift $kit/Vocabulary/MatchKind.swift" ;;
        *) usage ;;
    esac
}

# Whether this toolchain can link a libFuzzer target at all.
supports_fuzzer() {
    local probe="$build/probe"
    mkdir -p "$probe"
    printf '@_cdecl("LLVMFuzzerTestOneInput")\npublic func fuzz(_ d: UnsafeRawPointer?, _ n: Int) -> CInt { 0 }\n' > "$probe/probe.swift"
    "$swiftc" -sanitize=fuzzer,address -parse-as-library "$probe/probe.swift" -o "$probe/probe" >/dev/null 2>&1
}

build_target() {
    local name="$1"; shift
    mkdir -p "$build"
    # The CSV reader works on raw pointers, so AddressSanitizer guards it; the resolver is safe
    # Swift (bounds are checked anyway), fuzzed without it for speed. FUZZ_SANITIZE overrides.
    local sanitize="${FUZZ_SANITIZE:-}"
    if [ -z "$sanitize" ]; then
        if [ "$name" = csv ]; then sanitize=fuzzer,address; else sanitize=fuzzer; fi
    fi
    # shellcheck disable=SC2046
    "$swiftc" -sanitize="$sanitize" -parse-as-library -O -g -module-name TwitchCheckFuzz \
        $(sources_for "$name") -o "$build/$name-fuzz" 2>&1 | { grep -v "Cannot export local symbol" >&2 || true; }
    return "${PIPESTATUS[0]}"
}

run_target() {
    local name="$1"; shift
    echo "== building $name-fuzz" >&2
    build_target "$name"
    [ "$seconds" -gt 0 ] || return 0
    mkdir -p "$build/corpus/$name" "$build/artifacts"
    echo "== fuzzing $name for ${seconds}s" >&2
    # The first corpus folder receives new inputs; the seed folder is only read.
    "$build/$name-fuzz" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$name-" "$@" \
        "$build/corpus/$name" "$here/corpus/$name"
}

mkdir -p "$build"
if ! supports_fuzzer; then
    echo "Fuzz/run.sh: this toolchain ($("$swiftc" --version 2>&1 | head -1)) cannot build with -sanitize=fuzzer" >&2
    exit 3
fi
case "$target" in
    all) run_target csv "$@"; run_target resolver "$@" ;;
    csv|resolver) run_target "$target" "$@" ;;
    *) usage ;;
esac
