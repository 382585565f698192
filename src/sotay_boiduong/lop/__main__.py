"""The class kit's command: `bash scripts/class.sh FILE [--out DIR]` runs `python -m sotay_boiduong.lop`.

Reads the class file and its roster, checks them against the programme's rules, and only when there is no
problem writes the class's papers into DIR (default: out/<name of the class file>/ beside it). Each problem is
printed as `file:line: what — Cách sửa: how`; then the command exits with status 1 and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .model import load
from .pack import FILES, default_folder, write_pack


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bash scripts/class.sh",
        description="Tạo bộ giấy tờ của một lớp bồi dưỡng từ tệp lớp học: lịch học (HTML, PDF, .ics), danh sách ký tên, phiếu thu hoạch và phiếu chấm, phiếu đánh giá, báo cáo kết quả (.docx), danh sách đề nghị cấp giấy chứng nhận.",
    )
    parser.add_argument("file", type=Path, help="tệp lớp học (.yml), ví dụ lop/mau.yml")
    parser.add_argument("--out", type=Path, help="thư mục ghi giấy tờ (mặc định: out/<tên tệp> cạnh tệp lớp học, ví dụ lop/out/mau/)")
    parser.add_argument("--docs", type=Path, default=None, help="thư mục docs/ của sổ tay (tên bài, chuyên đề, đề thu hoạch); mặc định: docs/ của thư mục hiện tại")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    docs = args.docs or _find_docs(args.file)
    cls, problems = load(args.file, docs=docs, shown=_shown(args.file), root=Path.cwd())
    if problems or cls is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"Không tạo giấy tờ nào: {len(problems)} lỗi. Sửa các dòng trên rồi chạy lại.", file=sys.stderr)
        return 1
    target = args.out or default_folder(args.file)
    write_pack(cls, target)
    seconds = time.perf_counter() - started
    print(f"Đã tạo bộ giấy tờ của lớp ({len(cls.learners)} học viên, {len(cls.plan.sessions)} buổi) trong {seconds:.1f} giây, ở {_shown(target)}/:")
    for name in FILES:
        print(f"  {name}")
    return 0


def _find_docs(file: Path) -> Path:
    """docs/ of the current folder, or of the nearest folder above the class file that has one."""
    candidates = [Path.cwd()] + list(file.absolute().parents)
    for folder in candidates:
        if (folder / "docs" / "bai-hoc").is_dir():
            return folder / "docs"
    return Path.cwd() / "docs"


def _shown(path: Path) -> str:
    try:
        return path.absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


if __name__ == "__main__":
    sys.exit(main())
