#!/usr/bin/env bash
# Turns an official text (plain UTF-8 text: "Chương I", "Điều 1.", "1.", "a)") into a Markdown page with the
# handbook's anchors (#chuong-1, #dieu-1, #dieu-1-khoan-2, #dieu-1-khoan-2-diem-a).
#   bash scripts/import-text.sh INPUT.txt docs/van-ban/dieu-le-dang.md --title "Điều lệ Đảng Cộng sản Việt Nam" --document dieu-le-dang
source "$(dirname "$0")/lib.sh"
ensure_venv
ensure_python_deps
exec "$PY" -m sotay_boiduong.importer "$@"
