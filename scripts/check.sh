#!/usr/bin/env bash
# Checks all content in seconds, without building: every problem as `path:line: what — how to fix`.
#   bash scripts/check.sh            check every Markdown file under docs/
#   bash scripts/check.sh --fix      first rewrite files into Unicode NFC, then check
source "$(dirname "$0")/lib.sh"
ensure_venv
ensure_python_deps
cd "$ROOT"
PYTHONPATH="$ROOT/hooks" exec "$PY" -m handbook.check "$@"
