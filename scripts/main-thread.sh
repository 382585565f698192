#!/usr/bin/env bash
# Main-thread work of loading pages on a slow phone (CPU slowed down 4x) in headless Chromium: blocking
# time, style, layout and script milliseconds, medians of several loads. A benchmark, not a test.
#   bash scripts/main-thread.sh                          site/ (built first if missing), / and a lesson
#   bash scripts/main-thread.sh --site A --site B        compare two built sites, loaded in turn
#   bash scripts/main-thread.sh --page /bai-hoc/bai-2/ --runs 11
source "$(dirname "$0")/lib.sh"
setup_test
cd "$ROOT"
ensure_site_unless_given "$@"
exec "$PY" scripts/main_thread.py "$@"
