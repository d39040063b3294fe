#!/usr/bin/env bash
# The page for people (issue 15) in a real browser: headless Chromium driven by Selenium types a
# list into the form served by twitchcheck-serve and reads the result. Screenshots at 1280 and
# 390 pixels wide are kept in .build-artifacts/page/ (the README shows copies from Docs/screenshots/).
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -c 'import pytest' 2>/dev/null || pip install -q pytest
python3 -c 'import selenium' 2>/dev/null || pip install -q selenium

swift build --product twitchcheck-serve
TWITCHCHECK_SERVE="$(swift build --show-bin-path)/twitchcheck-serve" python3 -m pytest -q Tests/Browser
