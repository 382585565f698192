#!/usr/bin/env bash
# Lighthouse CI (npm @lhci/cli, pinned, in .tools/lhci) on the home page and a lesson page of both languages,
# mobile, several runs each: prints the medians of the category scores and asserts the budgets (performance
# ≥ 95, accessibility and best practices 100, medians). A benchmark, not a test: it exits 0 whatever the scores.
#   bash scripts/lighthouse.sh                   serve site/ (built first if missing), 5 runs per page
#   bash scripts/lighthouse.sh --runs 1          one run per page (quicker, noisier performance score)
#   bash scripts/lighthouse.sh --site DIR        another built site
#   bash scripts/lighthouse.sh --page /bai-hoc/bai-2/   measure only this page (repeatable)
# Everything runs on this machine: Chromium is Debian's, the site is served gzip-compressed by npm `serve`
# (as a real host would: transfer sizes count for the score), and nothing is uploaded (reports go to
# .lighthouseci/ as files).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

LHCI_VERSION=0.15.1   # bundles Lighthouse 12.6.1, which runs on Debian's Node 18 and on Node 20
SERVE_VERSION=14.2.7
TOOLS="$ROOT/.tools/lhci"

command -v node >/dev/null || ensure_apt nodejs
command -v npm >/dev/null || ensure_apt npm
ensure_apt chromium

installed() { node -p "require('$TOOLS/node_modules/$1/package.json').version" 2>/dev/null || true; }
if [ "$(installed @lhci/cli)" != "$LHCI_VERSION" ] || [ "$(installed serve)" != "$SERVE_VERSION" ]; then
    say "npm install @lhci/cli@$LHCI_VERSION serve@$SERVE_VERSION (into .tools/lhci)"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --save-exact --no-audit --no-fund --loglevel=error \
        "@lhci/cli@$LHCI_VERSION" "serve@$SERVE_VERSION" >/dev/null
fi

runs=5 site="$ROOT/site" pages=()
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --site) site="$(cd "$2" && pwd)"; shift 2 ;;
        --page) pages+=("$2"); shift 2 ;;
        *) echo "Cách dùng: bash scripts/lighthouse.sh [--runs N] [--site DIR] [--page /đường-dẫn/]" >&2; exit 2 ;;
    esac
done
[ ${#pages[@]} -gt 0 ] || pages=(/ /bai-hoc/bai-1/ /en/ /en/bai-hoc/bai-1/)
if [ ! -f "$site/index.html" ]; then
    [ "$site" = "$ROOT/site" ] || { echo "$site: không có index.html (chưa dựng?)" >&2; exit 2; }
    say "site/ is missing: HANDBOOK_PDF=0 bash scripts/build.sh"
    HANDBOOK_PDF=0 bash "$ROOT/scripts/build.sh"
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
out="$ROOT/.lighthouseci"
rm -rf "$out"
config="$(mktemp --suffix=.json)"; trap 'rm -f "$config"' EXIT
# Chromium looks up Google's hosts at start even with the background flags; the resolver rule answers every
# name but the audited host with "not found" without asking DNS, so nothing leaves the machine.
python3 - "$config" "$port" "$runs" "$site" "$TOOLS" "${pages[@]}" <<'EOF'
import json, sys
config, port, runs, site, tools, *pages = sys.argv[1:]
flags = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
         "--disable-component-update --disable-sync "
         '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"')
budget = {"aggregationMethod": "median"}
json.dump({"ci": {
    "collect": {
        "url": [f"http://127.0.0.1:{port}{page}" for page in pages],
        "startServerCommand": f"node {tools}/node_modules/serve/build/main.js --no-clipboard --listen tcp://127.0.0.1:{port} {site}",
        "startServerReadyPattern": "Accepting connections",
        "numberOfRuns": int(runs),
        "chromePath": "/usr/bin/chromium",
        "settings": {"chromeFlags": flags},
    },
    "assert": {"assertions": {
        "categories:performance": ["warn", {"minScore": 0.95, **budget}],
        "categories:accessibility": ["warn", {"minScore": 1, **budget}],
        "categories:best-practices": ["warn", {"minScore": 1, **budget}],
    }},
    "upload": {"target": "filesystem", "outputDir": ".lighthouseci/reports"},
}}, open(config, "w"), indent=2)
EOF
say "lhci autorun: ${#pages[@]} page(s) × $runs run(s)"
"$TOOLS/node_modules/.bin/lhci" autorun --config="$config" || true

# Medians per page from the reports' summaries: Lighthouse CI asserts on medians but prints only failures.
python3 - "$out/reports/manifest.json" <<'EOF'
import json, statistics, sys
from urllib.parse import urlsplit
runs = json.load(open(sys.argv[1]))
by_page = {}
for run in runs:
    by_page.setdefault(urlsplit(run["url"]).path, []).append(run["summary"])
print("\nMedian scores (Lighthouse mobile), runs per page:", len(next(iter(by_page.values()))))
for page, summaries in by_page.items():
    medians = {key: round(100 * statistics.median(s[key] for s in summaries)) for key in ("performance", "accessibility", "best-practices", "seo")}
    spread = sorted(round(100 * s["performance"]) for s in summaries)
    print(f"  {page:<22} " + "  ".join(f"{k} {v}" for k, v in medians.items()) + f"   (performance per run: {spread})")
EOF
