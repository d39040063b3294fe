#!/usr/bin/env bash
# Service step (issue 14): validate `check --format fhir` with the fhir.resources R4 models.
# fhir.resources 6.1.x is the last release whose default models are FHIR R4 (4.0.1); it needs
# pydantic 1, so it lives in its own virtual environment and leaves the system's packages alone.
set -euo pipefail
cd "$(dirname "$0")/../.."

venv="${TMPDIR:-/tmp}/twitchcheck-fhir-venv"
if ! "$venv/bin/python" -c 'import fhir.resources' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "fhir.resources==6.1.0" "pydantic<2"
fi

swift build --product twitchcheck
"$venv/bin/python" Tests/FHIRValidation/validate_fhir.py "$(swift build --show-bin-path)/twitchcheck" Tests/Fixtures/fhir
