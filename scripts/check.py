"""The content check: `bash scripts/check.sh [--fix]`.

Runs the same checks as the strict build (the hooks in hooks/ and MkDocs' own link and anchor validation)
by building the site without the PDFs into a temporary folder, in the build's collecting mode
(sotay_boiduong.adapters.context.collect_problems), so that no check stops at its first file. Prints every problem once, as `path:line: what — Cách sửa: how`, then the
notices (pages in one language only), and exits 1 if there was a problem.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import tempfile
from pathlib import Path

from sotay_boiduong.adapters import context
from sotay_boiduong.fixes import fix_file

ROOT = Path(__file__).resolve().parent.parent


# Hooks log through MkDocs' plugin loggers, which put the hook's name in front: "lessons: docs/…".
_PREFIX = re.compile(r"^[a-z_]+: (?=[^:\n]+:\d+: )")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.problems: list[str] = []
        self.notices: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno >= logging.WARNING:
            self.problems += [_PREFIX.sub("", line) for line in message.splitlines() if line.strip()]
        elif message.startswith("Lưu ý:") or ": Lưu ý:" in message:
            self.notices.append(message.split("Lưu ý:", 1)[1].strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bash scripts/check.sh", description="Kiểm tra toàn bộ nội dung sổ tay, không dựng PDF.")
    parser.add_argument("--fix", action="store_true", help="trước khi kiểm tra, chuyển các tệp sang Unicode NFC và kiểu đặt dấu của sổ tay")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    if args.fix:
        for path in sorted(Path("docs").rglob("*.md")):
            if fix_file(path):
                print(f"{path}: đã sửa (Unicode NFC, kiểu đặt dấu)")

    os.environ.update(HANDBOOK_PDF="0", NO_MKDOCS_2_WARNING="1")
    context.collect_problems()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    with tempfile.TemporaryDirectory() as site:
        try:
            build(load_config("mkdocs.yml", site_dir=site))
        except MkDocsException as error:
            handler.problems.append(f"mkdocs.yml: {error}")
    problems = list(dict.fromkeys(handler.problems))
    for problem in problems:
        print(problem)
    for notice in dict.fromkeys(handler.notices):
        print(f"Lưu ý: {notice}")
    files = len(list(Path("docs").rglob("*.md")))
    if problems:
        print(f"{len(problems)} lỗi ({files} tệp nội dung).", file=sys.stderr)
        return 1
    print(f"Không có lỗi ({files} tệp nội dung).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
