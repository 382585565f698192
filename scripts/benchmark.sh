#!/usr/bin/env bash
# Times the full build (site, every PDF edition, offline copies) of this tree against the commit before the
# diagrams (or --base REV), N runs each (--runs, default 3), as medians and their ratio; then the pages and
# size of every PDF edition. --site-only times the site alone instead, this tree with its diagram cache warm
# and cold; --serve adds the time a saved edit takes to show under `mkdocs serve`.
# --offline [--site DIR] reports the handbook on a phone: the service workers' step, each precache, first visits.
# --class-kit [--learners 60] times the class kit (bash scripts/class.sh) on the example class instead.
# --search [--site DIR] prints the search benchmark's precision at 1 and 3 per language on a built site instead.
# A benchmark, not a test: it prints figures (scripts/benchmark.py).
source "$(dirname "$0")/lib.sh"
setup_test
cd "$ROOT"
exec "$PY" scripts/benchmark.py "$@"
