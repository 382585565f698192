"""MkDocs' own link and anchor validation, told in the editors' words: file, line, what is wrong, the fix.

MkDocs names the file of a broken link but not its line, in English. `explain` turns its message into a
`Problem` by finding the link in the source; the validation itself stays MkDocs'.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .problems import Problem

_MESSAGE = re.compile(
    r"^Doc file '(?P<file>[^']+)' contains (?P<kind>a link|an absolute link|an unrecognized relative link) "
    r"'(?P<link>[^']+)'(?P<rest>.*)$",
    re.S,
)
_SUGGESTION = re.compile(r"Did you mean '([^']+)'\?")


_NAV_MISSING = re.compile(r"^A reference to '(?P<file>[^']+)' is included in the 'nav' configuration, which is not found")
_NAV_OMITTED = re.compile(r"^The following pages exist in the docs directory, but are not included in the \"nav\" configuration:\n(?P<files>.*)$", re.S)


def explain_nav(message: str, config_text: str, config_path: str = "mkdocs.yml") -> list[Problem]:
    """MkDocs' menu (nav) warnings as Problems in mkdocs.yml; [] for any other message."""
    if match := _NAV_MISSING.match(message):
        return [nav_missing_file(match["file"], config_text, config_path)]
    if match := _NAV_OMITTED.match(message):
        line = next((n for n, text in enumerate(config_text.splitlines(), 1) if text.startswith("nav:")), 1)
        files = [f.strip(" -") for f in match["files"].splitlines() if f.strip(" -")]
        return [Problem(config_path, line, f"trang docs/{file} không có trong menu (nav)", "thêm trang vào mục nav của mkdocs.yml, dưới phần phù hợp") for file in files]
    return []


def nav_missing_file(file: str, config_text: str, config_path: str = "mkdocs.yml") -> Problem:
    """A page the menu names that has no file."""
    return Problem(config_path, _line_of(config_text, file), f"menu (nav) nêu trang '{file}' nhưng không có tệp docs/{file}", "sửa tên tệp trong nav cho đúng, hoặc tạo tệp đó")


def explain(message: str, read_source: Callable[[str], str | None], docs_prefix: str = "docs/") -> Problem | None:
    """The Problem behind one of MkDocs' link warnings, or None for any other message."""
    match = _MESSAGE.match(message)
    if not match:
        return None
    file, link, rest = match["file"], match["link"], match["rest"]
    path = docs_prefix + file
    line = _line_of(read_source(file) or "", link)
    suggestion = _SUGGESTION.search(rest)
    hint = f" (có phải là '{suggestion.group(1)}'?)" if suggestion else ""
    if match["kind"] == "an absolute link":
        return Problem(path, line, f"liên kết '{link}' là đường dẫn tuyệt đối", "viết đường dẫn tương đối tới tệp .md, ví dụ ../van-ban/index.md" + hint)
    if match["kind"] == "an unrecognized relative link":
        return Problem(path, line, f"liên kết '{link}' không trỏ tới một tệp nội dung", "trỏ tới tệp .md trong docs/, ví dụ ../bai-hoc/bai-1.md" + hint)
    if "no such anchor on this page" in rest:
        return Problem(path, line, f"liên kết '{link}' trỏ tới một mục không có trên trang này", "dùng neo của một đề mục có thật: chữ thường, không dấu, nối bằng gạch ngang (ví dụ #1-muc-dich)")
    anchor = re.search(r"does not contain an anchor '([^']+)'", rest)
    if anchor:
        target = re.search(r"the doc '([^']+)'", rest)
        return Problem(path, line, f"liên kết '{link}' trỏ tới mục {anchor.group(1)} không có trong {docs_prefix}{target.group(1) if target else '?'}", "mở trang đích, chép đúng neo của đề mục (chữ thường, không dấu, nối bằng gạch ngang)")
    return Problem(path, line, f"liên kết '{link}' trỏ tới trang không có", "sửa đường dẫn cho đúng tên tệp .md, tính từ thư mục của trang này" + hint)


def _line_of(text: str, link: str) -> int:
    """The first line where the link target is written: `](link`, `(link "`, or the bare text."""
    for needle in (f"]({link})", f"]({link} ", f"({link}", link):
        for number, line in enumerate(text.splitlines(), start=1):
            if needle in line:
                return number
    return 1
