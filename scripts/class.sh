#!/usr/bin/env bash
# The class kit: every paper of a class from its class file (see lop/mau.yml and the organisers' page of the
# handbook, docs/huong-dan/to-chuc-lop.md).
#   bash scripts/class.sh lop/mau.yml              writes lop/out/mau/
#   bash scripts/class.sh lop/mau.yml --out DIR    writes DIR (replaced as a whole, only if the class file is valid)
# Sets itself up like the other scripts (Debian packages, .venv, pinned Python packages), then runs
# `python -m sotay_boiduong.lop` with the handbook's docs/ for the lesson titles, topics and the written reflection.
source "$(dirname "$0")/lib.sh"
setup_build
exec "$PY" -m sotay_boiduong.lop --docs "$ROOT/docs" "$@"
