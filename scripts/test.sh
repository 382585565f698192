#!/usr/bin/env bash
# Sets everything up (with the test tools: pytest, pypdf, Playwright, poppler, Chromium, ruff) and runs all
# checks and tests: the linter, then the test suite on every core (pytest-xdist).
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k pdf`.
source "$(dirname "$0")/lib.sh"
setup_test
cd "$ROOT"
say "ruff check"
"$VENV/bin/ruff" check src hooks scripts tests
say "deptry (declared dependencies = imported ones)"
"$VENV/bin/deptry" .
say "pytest"
exec "$PY" -m pytest -n auto "$@"
