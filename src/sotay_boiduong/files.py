"""The files in docs/: names that work as web addresses, and only kinds of file the site may publish.

MkDocs copies every file of docs/ into the site as it is: a Word document left there by mistake would be
published, and a page named "Bài 7.md" gets an address with spaces and marks that breaks when copied.
"""

from __future__ import annotations

import os
import posixpath
import re

from .languages import slugify
from .links import nav_missing_file
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


def missing_from_nav(pages: list[tuple[str, str]], nav: list | None, config_text: str, config_path: str, also_existing: set[str] = frozenset()) -> list[Problem]:
    """(src_uri, shown path) of the default language's pages that should be in the menu → a problem for each
    one `nav:` does not list: MkDocs builds it, but no reader finds it, and it is not in the printed books;
    and one for each page the menu names that has no file (among `pages` or `also_existing`)."""
    if nav is None:
        return []  # no nav: MkDocs lists every page itself
    listed = set(_nav_pages(nav))
    problems = [nav_missing_file(page, config_text, config_path) for page in sorted(listed - {src_uri for src_uri, _ in pages}) if page not in also_existing]
    lines = config_text.splitlines()
    nav_line = next((number for number, row in enumerate(lines, start=1) if row.startswith("nav:")), 1)
    for src_uri, shown in pages:
        if src_uri in listed:
            continue
        folder = src_uri.rsplit("/", 1)[0] + "/" if "/" in src_uri else ""
        near = next((number for number, row in enumerate(lines, start=1) if folder and f" {folder}" in row and number > nav_line), nav_line)
        problems.append(
            Problem(
                shown,
                1,
                f"trang không có trong menu: mục `nav:` của {config_path} (dòng {near}) không nêu {src_uri}, nên người đọc không tìm thấy trang và sổ tay in không có nó",
                f"thêm dòng `- {src_uri}` vào `nav:` ở phần phù hợp, hoặc ghi trang vào `not_in_nav` nếu chủ ý để ngoài menu",
            )
        )
    return problems


_RAW_IMAGE = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)


def missing_raw_images(path: str, text: str, page_url: str, exists) -> list[Problem]:
    """Images written in HTML (`<img src="…">`) whose file is not in the site: MkDocs checks the images of
    Markdown (`![…](…)`) but passes HTML through as it is, so a reader got a broken picture. `exists` says
    whether a site address (relative to the site's root) is a file of the site; the address is resolved from
    the page's own address, as the reader's browser does."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _RAW_IMAGE.finditer(line):
            src = next(group for group in match.groups() if group is not None).strip()
            if not src or re.match(r"^[a-z][a-z0-9+.-]*:|^//|^#", src, re.I):
                continue  # another host or a scheme: the HTML safety check's business
            base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
            address = posixpath.normpath(posixpath.join(base, src.split("#")[0].split("?")[0]))
            if not exists(address.lstrip("/")):
                problems.append(Problem(path, number, f"hình «{src}» viết bằng thẻ <img> nhưng không có tệp đó trong trang web", "viết hình bằng Markdown, `![Mô tả hình](đường-dẫn-tới-tệp)`, với đường dẫn tính từ tệp .md này (MkDocs kiểm tra và sửa đường dẫn), hoặc đặt tệp vào docs/assets/"))
    return problems
