#!/usr/bin/env bash
# Sets everything up (with the test tools: pytest, pypdf, Playwright, poppler, Chromium) and runs all tests.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k pdf`.
source "$(dirname "$0")/lib.sh"
setup_test
cd "$ROOT"
exec "$PY" -m pytest "$@"
