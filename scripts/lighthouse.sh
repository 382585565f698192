#!/usr/bin/env bash
# Runs Google Lighthouse (mobile) on the home page and a lesson page, in both languages, and prints the
# category scores and the failing audits. A benchmark, not a test: it exits 0 whatever the scores.
#   bash scripts/lighthouse.sh                    serve site/ (built first if missing), 5 runs per page
#   bash scripts/lighthouse.sh --runs 1           one run per page (quicker, noisier performance score)
#   bash scripts/lighthouse.sh --site DIR         serve another built site
#   bash scripts/lighthouse.sh --url BASE         use a server that is already running (e.g. build.sh serve)
#   bash scripts/lighthouse.sh --out DIR          also keep every raw Lighthouse JSON report in DIR
#   bash scripts/lighthouse.sh --page /bai-hoc/bai-2/   measure only this page (repeatable)
# Everything runs on this machine: Chromium is Debian's, and Lighthouse sends nothing anywhere.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

# Lighthouse 12.8.2 is the last release that runs on Node 18/20 (13.x needs Node >= 22.19);
# Debian 12 ships Node 18.20, which this version accepts.
LIGHTHOUSE_VERSION=12.8.2
LIGHTHOUSE_DIR="$ROOT/.tools/lighthouse"

# Node and npm: install Debian's packages only when the command is missing. A Node.js from another
# source (e.g. NodeSource) bundles npm and conflicts with Debian's npm package, so asking dpkg for "npm"
# there would replace that Node.js.
command -v node >/dev/null || ensure_apt nodejs
command -v npm >/dev/null || ensure_apt npm
ensure_apt chromium

installed_version() {
    local pkg="$LIGHTHOUSE_DIR/node_modules/lighthouse/package.json"
    [ -f "$pkg" ] && node -p "require(process.argv[1]).version" "$pkg" 2>/dev/null || true
}
if [ "$(installed_version)" != "$LIGHTHOUSE_VERSION" ]; then
    say "npm install lighthouse@$LIGHTHOUSE_VERSION (into .tools/lighthouse)"
    mkdir -p "$LIGHTHOUSE_DIR"
    npm install --prefix "$LIGHTHOUSE_DIR" --save-exact --no-audit --no-fund --loglevel=error \
        "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
    [ "$(installed_version)" = "$LIGHTHOUSE_VERSION" ] || { echo "lighthouse@$LIGHTHOUSE_VERSION did not install" >&2; exit 1; }
fi

ensure_site_unless_given "$@"

# lighthouse.py needs only the standard library, so any Python 3.11+ will do.
python=python3
[ -x "$PY" ] && python="$PY"
exec "$python" "$ROOT/scripts/lighthouse.py" --lighthouse "$LIGHTHOUSE_DIR/node_modules/lighthouse/cli/index.js" "$@"
