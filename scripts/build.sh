#!/usr/bin/env bash
# Sets everything up, then builds the site, the PDF handbooks and the offline copies into site/.
#   bash scripts/build.sh           build everything; site/ is replaced in one step, only if all succeeded,
#                                   and one build runs at a time (a second one waits)
#   bash scripts/build.sh serve     preview with live reload at http://127.0.0.1:8000 (no PDFs; only the
#                                   changed page is rebuilt, so a saved edit shows within about two seconds)
#   HANDBOOK_PDF=0 bash scripts/build.sh   build without the PDFs (faster); HANDBOOK_ZIP=0: without the zips;
#                                   HANDBOOK_SERVICE_WORKER=0: without the app (manifests, service workers)
#   HANDBOOK_SERVICE_WORKER=1 bash scripts/build.sh serve   the preview as an app too, its workers remade with
#                                   every rebuild (off in the preview unless asked)
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
    [ $# -gt 0 ] && shift
    args=()
    [ "${HANDBOOK_PDF:-1}" = "0" ] && args+=(--no-pdf)
    [ "${HANDBOOK_ZIP:-1}" = "0" ] && args+=(--no-zip)
    exec "$PY" scripts/build.py "${args[@]}" "$@"
    ;;
*)
    echo "Cách dùng: bash scripts/build.sh [build|serve]" >&2
    exit 2
    ;;
esac
