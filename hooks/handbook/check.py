"""Command-line content check: `bash scripts/check.sh [--fix] [FILE ...]`.

Runs the same source checks as the build (hooks/source_check.py) over every Markdown file under docs/,
prints every problem as `path:line: what — how to fix`, and exits 1 if there is any. With --fix it first
rewrites files into Unicode NFC, changing nothing else.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

from .sources import check_source


def fix_file(path: Path) -> bool:
    """Rewrite a UTF-8 file into NFC; return whether it changed. Files not in UTF-8 are left alone."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    fixed = unicodedata.normalize("NFC", text)
    if fixed == text:
        return False
    path.write_bytes(fixed.encode("utf-8"))
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/check.sh", description="Kiểm tra nội dung sổ tay.")
    parser.add_argument("--fix", action="store_true", help="chuẩn hoá tệp sang Unicode NFC trước khi kiểm tra")
    parser.add_argument("files", nargs="*", type=Path, help="các tệp cần kiểm tra (mặc định: mọi tệp .md trong docs/)")
    args = parser.parse_args(argv)
    files = args.files or sorted(Path("docs").rglob("*.md"))
    if args.fix:
        for path in files:
            if fix_file(path):
                print(f"{path}: đã chuẩn hoá sang NFC")
    problems = [problem for path in files for problem in check_source(path.as_posix(), path.read_bytes())]
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} lỗi trong {len(files)} tệp.", file=sys.stderr)
        return 1
    print(f"Không có lỗi trong {len(files)} tệp.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
