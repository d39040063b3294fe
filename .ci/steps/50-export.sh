#!/usr/bin/env bash
# findings.sql parity: DuckDB and Spark (local mode) against `twitchcheck batch` on the batch
# fixtures and the shared EHR samples (Export/tests; samples absent on the machine are skipped).
set -euo pipefail

python3 -c 'import pytest' 2>/dev/null || pip install -q pytest
python3 -c 'import duckdb' 2>/dev/null || pip install -q duckdb
python3 -c 'import pyspark' 2>/dev/null || pip install -q pyspark

# Spark needs Java 17 or later; find it when JAVA_HOME is not set.
if [ -z "${JAVA_HOME:-}" ]; then
    if ! command -v java >/dev/null 2>&1; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    fi
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    export JAVA_HOME
fi
java -version 2>&1 | head -1

swift build --product twitchcheck
TWITCHCHECK="$(swift build --show-bin-path)/twitchcheck" python3 -m pytest -q Export/tests
