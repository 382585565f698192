#!/usr/bin/env bash
# Measures build time (median of N runs, default 3) for the site alone and for site + PDFs,
# and the page count and size of each PDF handbook. A benchmark, not a test: it prints figures.
source "$(dirname "$0")/lib.sh"
setup_test
cd "$ROOT"
exec "$PY" scripts/benchmark.py "$@"
