#!/usr/bin/env bash
# Checks all content in seconds, without the PDFs: the same checks as the strict build, every problem at once
# as `path:line: what — Cách sửa: how`, exit status 1 if there is one.
#   bash scripts/check.sh            check
#   bash scripts/check.sh --fix      first rewrite files into Unicode NFC and the handbook's tone-mark style
source "$(dirname "$0")/lib.sh"
setup_build
cd "$ROOT"
exec "$PY" scripts/check.py "$@"
