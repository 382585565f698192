"""The files in docs/: names that work as web addresses, and only kinds of file the site may publish.

MkDocs copies every file of docs/ into the site as it is: a Word document left there by mistake would be
published, and a page named "Bài 7.md" gets an address with spaces and marks that breaks when copied.
"""

from __future__ import annotations

import os
import re

from .languages import slugify
from .problems import Problem

# Kinds of file a page may use or link to; anything else in docs/ is a mistake until added here.
PUBLISHED = {".md", ".yml", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".css", ".js", ".woff2", ".txt"}
_SEGMENT = re.compile(r"^_?[a-z0-9]+(-[a-z0-9]+)*$")
_NAMED = {".md", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}  # files whose names become addresses


def check_names(files: list[tuple[str, str]], docs_dir: str) -> list[Problem]:
    """(src_uri, shown path) of every file of docs/ → a problem for each stray kind of file and each name
    that is not lower-case letters without marks, digits and hyphens."""
    problems = []
    for src_uri, shown in files:
        stem, extension = os.path.splitext(src_uri)
        extension = extension.lower()
        if extension not in PUBLISHED:
            problems.append(Problem(shown, 1, f"tệp {extension or 'không có đuôi'} trong docs/ sẽ được đăng nguyên như vậy lên trang web", "xoá tệp khỏi docs/ (chuyển nội dung của nó thành một trang .md nếu cần)"))
            continue
        if extension not in _NAMED:
            continue
        parts = stem.split("/")
        if extension == ".md" and parts[-1].endswith(".en"):
            parts[-1] = parts[-1][: -len(".en")]
        bad = [part for part in parts if not _SEGMENT.match(part)]
        if bad:
            suggestion = "/".join(_slug(part) for part in stem.split("/")) + extension
            problems.append(Problem(shown, 1, f"tên «{bad[0]}» có chữ hoa, dấu cách hoặc dấu tiếng Việt, nên địa chỉ của trang dễ hỏng", f"đổi tên thành chữ thường không dấu, nối bằng gạch ngang, ví dụ {suggestion} (và sửa các liên kết tới nó)"))
    return problems


def _slug(part: str) -> str:
    """The name suggested for `part`: the heading anchors' ASCII form, the English twin's `.en` kept."""
    keep_en = part.endswith(".en")
    return slugify(part[:-3] if keep_en else part) + (".en" if keep_en else "")


def duplicate_nav(nav: list | None, config_text: str, config_path: str) -> list[Problem]:
    """A page listed twice in `nav:` shows twice in the menu and twice in the printed handbooks."""
    seen: set[str] = set()
    problems = []
    for page in _nav_pages(nav or []):
        if page in seen:
            lines = [n for n, row in enumerate(config_text.splitlines(), start=1) if re.search(rf"(^|[\s:]){re.escape(page)}\s*$", row)]
            line = lines[1] if len(lines) > 1 else (lines[0] if lines else 1)
            problems.append(Problem(config_path, line, f"trang {page} có hai lần trong menu (nav)", "xoá một trong hai dòng"))
        seen.add(page)
    return problems


def _nav_pages(nav) -> list[str]:
    pages: list[str] = []
    for item in nav if isinstance(nav, list) else [nav]:
        if isinstance(item, str) and item.endswith(".md"):
            pages.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                pages += _nav_pages(value)
        elif isinstance(item, list):
            pages += _nav_pages(item)
    return pages


def single_language(pages: list[tuple[str, str]], languages: list[str]) -> list[str]:
    """Notices for the pages written in one language only: `pages` are (src_uri, language) of the Markdown
    pages; the first of `languages` is the default, whose files have no language suffix."""
    default, by_page = languages[0], {}
    for src_uri, language in pages:
        base = src_uri[:-3] if language == default else src_uri[: -(len(language) + 4)]
        by_page.setdefault(base, set()).add(language)
    return [
        f"Lưu ý: docs/{base}.md chưa có bản '{language}'; trang đó hiện bản có sẵn kèm thông báo."
        for base, present in sorted(by_page.items())
        for language in languages
        if language not in present
    ]
