#!/usr/bin/env bash
# Main-thread work of loading pages on a slow phone (CPU slowed down 4x) in headless Chromium: blocking
# time, style, layout and script milliseconds, medians of several loads. A benchmark, not a test.
#   bash scripts/main-thread.sh                          site/ (built first if missing), / and a lesson
#   bash scripts/main-thread.sh --site A --site B        compare two built sites, loaded in turn
#   bash scripts/main-thread.sh --page /bai-hoc/bai-2/ --runs 11
source "$(dirname "$0")/lib.sh"
setup_test
cd "$ROOT"
site_given=0
for arg in "$@"; do
    case "$arg" in --site|--site=*) site_given=1 ;; esac
done
if [ "$site_given" = 0 ] && [ ! -d "$ROOT/site" ]; then
    say "site/ is missing: HANDBOOK_PDF=0 bash scripts/build.sh"
    HANDBOOK_PDF=0 bash "$ROOT/scripts/build.sh"
fi
exec "$PY" scripts/main_thread.py "$@"
