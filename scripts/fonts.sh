#!/usr/bin/env bash
# Remakes the site's web fonts in docs/assets/fonts/ from the npm package @fontsource/noto-sans. Only needed
# when the font version changes: the four files it writes are committed, so building the site needs no npm.
#   bash scripts/fonts.sh
source "$(dirname "$0")/lib.sh"
setup_build
cd "$ROOT"
command -v node >/dev/null || ensure_apt nodejs
command -v npm >/dev/null || ensure_apt npm

FONTSOURCE_VERSION=5.3.0
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
say "npm pack @fontsource/noto-sans@$FONTSOURCE_VERSION"
(cd "$work" && npm pack --silent "@fontsource/noto-sans@$FONTSOURCE_VERSION" >/dev/null && tar -xzf ./*.tgz)
exec "$PY" scripts/fonts.py "$work/package" docs/assets/fonts
