# Shared setup steps for scripts/build.sh, scripts/test.sh and scripts/check.sh.
# Every step checks first and installs only what is missing, so running a script twice is cheap.
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# HANDBOOK_VENV lets the tests reuse an environment that is already set up.
VENV="${HANDBOOK_VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"
export NO_MKDOCS_2_WARNING=1
export PIP_DISABLE_PIP_VERSION_CHECK=1
export DEBIAN_FRONTEND=noninteractive

# Some machines' pip configuration names index folders that do not exist; pip warns once per package.
quiet_pip() { grep -v "is ignored: it is neither a file nor a directory" || true; }

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Debian packages: Pango for WeasyPrint, Noto fonts for the PDF (full Vietnamese coverage), Graphviz (`dot`)
# for the diagrams drawn at build time (sotay_boiduong.diagrams), librsvg (`rsvg-convert`) for the app's icons drawn from
# docs/assets/favicon.svg (sotay_boiduong.pwa), python3-venv where Debian's Python lacks venv; for tests also poppler
# (pdftotext/pdftoppm) and Chromium.
APT_BUILD=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fontconfig graphviz librsvg2-bin)
APT_TEST=(poppler-utils chromium)

apt_missing() {
    local p missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    echo "${missing[@]:-}"
}

ensure_apt() {
    local missing
    missing="$(apt_missing "$@")"
    [ -z "${missing// /}" ] && return 0
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null; then sudo="sudo"; else
            echo "Cần cài các gói Debian: $missing (chạy với quyền root hoặc cài sudo)." >&2; exit 1
        fi
    fi
    say "apt-get install $missing"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

ensure_venv() {
    [ -x "$PY" ] && return 0
    if [ -e "$VENV" ]; then
        # A folder this run did not make is never deleted: it may be someone else's, or a venv this user
        # cannot run. Say what is wrong and stop.
        echo "Thư mục $VENV đã có nhưng không chạy được $PY (thiếu, hỏng, hoặc người dùng này không có quyền chạy)." >&2
        echo "Cách sửa: xoá thư mục đó nếu nó là môi trường cũ của dự án (rm -rf $VENV) rồi chạy lại, hoặc chạy bằng người dùng đã tạo nó." >&2
        exit 1
    fi
    say "python3 -m venv .venv"
    if ! python3 -m venv "$VENV" 2>/dev/null; then
        rm -rf "$VENV"  # made by the failed command just above, in this run
        ensure_apt python3-venv
        python3 -m venv "$VENV"
    fi
}

# Installs every package from the hashed lock (requirements.lock for the build, requirements-test.lock with the
# test tools too; scripts/lock.sh makes both with uv from pyproject.toml) with pip --require-hashes, so a file
# that is not the one locked is refused, then the project itself (the package sotay_boiduong in src/, which the
# hooks import) editable, without its dependencies and with the locked setuptools (no build isolation).
PIP_VERSION=25.0.1
ensure_python_deps() {
    local extras="${1:-}" lock stamp
    lock="$ROOT/requirements.lock"
    [ "$extras" = "test" ] && lock="$ROOT/requirements-test.lock"
    stamp="$VENV/.installed-$( (cat "$ROOT/pyproject.toml" "$lock"; echo "$extras $ROOT") | sha256sum | cut -c1-16)"
    [ -f "$stamp" ] && return 0
    say "pip install --require-hashes -r $(basename "$lock"); pip install -e . (no dependencies)"
    # Debian's venv brings pip 23.2, which takes a dependency's extra (WeasyPrint's fonttools[woff]) for an
    # unpinned requirement and refuses the hashed lock; pip 25 pairs it with the locked fonttools.
    "$PY" -m pip install -q "pip==$PIP_VERSION" 2> >(quiet_pip >&2)
    "$PY" -m pip install -q --require-hashes -r "$lock" 2> >(quiet_pip >&2)
    "$PY" -m pip install -q --no-deps --no-build-isolation -e "$ROOT" 2> >(quiet_pip >&2)
    touch "$stamp"
}

# Workbox (npm workbox-build), which generates the service worker over the finished site (sotay_boiduong.pwa), in
# .tools/workbox: `npm ci` from scripts/workbox/ (package.json pins the version, package-lock.json every package
# with its hash), again only when the lock changed. Node.js and npm from Debian where the machine has none.
ensure_workbox() {
    local tools="$ROOT/.tools/workbox" stamp
    stamp="$tools/.installed-$(sha256sum "$ROOT/scripts/workbox/package-lock.json" | cut -c1-16)"
    [ -f "$stamp" ] && return 0
    command -v node >/dev/null || ensure_apt nodejs
    command -v npm >/dev/null || ensure_apt npm
    say "npm ci workbox-build (scripts/workbox/package-lock.json, into .tools/workbox)"
    rm -rf "$tools"
    mkdir -p "$tools"
    cp "$ROOT/scripts/workbox/package.json" "$ROOT/scripts/workbox/package-lock.json" "$tools/"
    (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    touch "$stamp"
}

# HANDBOOK_VENV names an environment that is already set up (the tests run the scripts of repository copies
# with theirs): nothing is installed then, not even into it, so a copy never re-points its editable install.
reuse_venv() { [ -n "${HANDBOOK_VENV:-}" ] && [ -x "$PY" ]; }
setup_build() { reuse_venv && return 0; ensure_apt "${APT_BUILD[@]}"; ensure_venv; ensure_python_deps; ensure_workbox; }
setup_test()  { reuse_venv && return 0; ensure_apt "${APT_BUILD[@]}" "${APT_TEST[@]}"; ensure_venv; ensure_python_deps test; ensure_workbox; }

# Benchmarks measure site/ unless told otherwise (--site DIR or --url BASE among their arguments); build
# it first, without PDFs, when it is the one to measure and does not exist yet.
ensure_site_unless_given() {
    local arg
    for arg in "$@"; do
        case "$arg" in --site|--site=*|--url|--url=*) return 0 ;; esac
    done
    if [ ! -d "$ROOT/site" ]; then
        say "site/ is missing: HANDBOOK_PDF=0 bash scripts/build.sh"
        HANDBOOK_PDF=0 bash "$ROOT/scripts/build.sh"
    fi
}
