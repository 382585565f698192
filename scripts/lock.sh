#!/usr/bin/env bash
# Rebuilds the hashed locks from pyproject.toml with uv (`uv pip compile --generate-hashes`): requirements.lock
# holds what the build needs ([project.dependencies] and the "build" extra), requirements-test.lock what the
# tests need too. Every package is pinned with the sha256 hashes of its files; scripts/lib.sh installs them with
# `pip install --require-hashes`. Run after changing a pin in pyproject.toml.
#   bash scripts/lock.sh              keep every version already locked, resolve only what changed
#   bash scripts/lock.sh --upgrade    resolve everything anew (newest versions the pins allow)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
UV_VERSION="0.13.10"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q "uv==$UV_VERSION" 2> >(grep -v "is ignored: it is neither" >&2 || true)
upgrade=()
[ "${1:-}" = "--upgrade" ] && upgrade=(--upgrade)
compile() {  # compile OUTPUT EXTRA...
    local out="$1"; shift
    local extras=()
    for extra in "$@"; do extras+=(--extra "$extra"); done
    (cd "$ROOT" && "$tmp/venv/bin/uv" pip compile pyproject.toml "${extras[@]}" "${upgrade[@]}" \
        --python-version 3.11.7 --python-platform x86_64-manylinux_2_28 --generate-hashes --quiet \
        --custom-compile-command "bash scripts/lock.sh" -o "$out")
    echo "$out: $(grep -c '^[a-zA-Z0-9]' "$ROOT/$out") packages"
}
compile requirements-test.lock build test
# The build's lock takes the test lock's versions (uv keeps the versions already in its output file), so the
# tests run on exactly what the build installs.
cp "$ROOT/requirements-test.lock" "$ROOT/requirements.lock"
upgrade=()
compile requirements.lock build
