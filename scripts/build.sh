#!/usr/bin/env bash
# Sets everything up, then builds the site and both PDF handbooks into site/.
#   bash scripts/build.sh           build (site + PDFs), replacing site/ only if the whole build succeeds
#   bash scripts/build.sh serve     preview with live reload at http://127.0.0.1:8000 (PDFs skipped; only the
#                                   changed page is rebuilt, so a saved edit shows within about two seconds)
#   HANDBOOK_PDF=0 bash scripts/build.sh   build the site without the PDFs (faster)
source "$(dirname "$0")/lib.sh"
setup_build
cd "$ROOT"

case "${1:-build}" in
serve)
    shift
    # --dirty rebuilds only the pages whose files changed: a saved edit shows in about two seconds instead of
    # the time of a whole two-language build. Generated lists (lesson index, glossary) refresh on restart.
    exec "$VENV/bin/mkdocs" serve --livereload --dirty "$@"
    ;;
build)
    # Build into a fresh folder beside site/ and swap it in only when mkdocs succeeded, so a
    # failed build never leaves a half-written site where the last good one was.
    staging="$ROOT/.site-staging"
    rm -rf "$staging"
    if HANDBOOK_PDF="${HANDBOOK_PDF:-1}" "$VENV/bin/mkdocs" build --strict --site-dir "$staging"; then
        rm -rf "$ROOT/.site-old"
        [ -d "$ROOT/site" ] && mv "$ROOT/site" "$ROOT/.site-old"
        mv "$staging" "$ROOT/site"
        rm -rf "$ROOT/.site-old"
        say "Xong: site/ (trang web), site/pdf/ và site/en/pdf/ (sổ tay PDF)."
    else
        rm -rf "$staging"
        echo "LỖI: dựng thất bại (xem thông báo ở trên). Thư mục site/ cũ được giữ nguyên." >&2
        exit 1
    fi
    ;;
*)
    echo "Cách dùng: bash scripts/build.sh [build|serve]" >&2
    exit 2
    ;;
esac
