"""Content checks of one Markdown source beyond its encoding and front matter, and the fixes that are safe.

- Tone-mark style: the handbook puts the tone mark on the main vowel of the open syllables oa, oe, uy ("hoá",
  "khoẻ", "uỷ"), as in the programme's own name ("cấp uỷ"). `fix_tone_style` moves a mark written the other way
  ("hóa", "ủy") and changes nothing else.
- Safety: no <script>, <iframe>, on…= event attributes or javascript: addresses in content.
- Accessibility: every image has alternative text; headings do not skip a level.
- Titles: the page title (front matter `title`, else the first level-1 heading), to find duplicates.
Fenced code blocks and inline code are not content here and are left alone, except the text of diagrams
(```dot blocks, sotay_boiduong.diagrams), which the tone-mark check and fix read as prose.
"""

from __future__ import annotations

import re
import unicodedata

from . import fences
from .fences import outside_fences
from .problems import Problem
from .sources import split_front_matter

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
# An open syllable oa, oe or uy (in decomposed form) whose tone mark sits on the first vowel: "hòa", "khỏe", "ủy".
# "ua" ("của") is not one of them: there the mark belongs on the u.
_OLD_STYLE = re.compile(
    rf"(?<![^\W\d_])(?P<pre>[^\W\d_]*?)(?:(?P<first>[oO])(?P<mark>[{TONE_MARKS}])(?P<second>[aAeE])"
    rf"|(?P<first_u>[uU])(?P<mark_u>[{TONE_MARKS}])(?P<second_u>[yY]))(?![^\W\d_])"
)
_INLINE_CODE = re.compile(r"`+[^`]*`+")
_UNSAFE = [
    (re.compile(r"<\s*script\b", re.I), "thẻ <script> (mã chạy trong trang)", "xoá thẻ; nội dung không được chứa mã chạy"),
    (re.compile(r"<\s*iframe\b", re.I), "thẻ <iframe> (nhúng trang khác)", "xoá thẻ; dùng liên kết thường nếu cần dẫn tới trang khác"),
    (re.compile(r"<[^>]*\son[a-z]+\s*=", re.I), "thuộc tính sự kiện on…= trong thẻ HTML", "xoá thuộc tính (onclick, onload, …)"),
    (re.compile(r"javascript\s*:", re.I), "địa chỉ javascript:", "thay bằng địa chỉ trang thật hoặc xoá liên kết"),
]
_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)]*)\)")
_HTML_IMAGE = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.I)
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*(?:\{[^}]*\})?\s*#*\s*$")


def fix_tone_style(text: str) -> str:
    """"hóa" → "hoá", "thủy" → "thuỷ", "khỏe" → "khoẻ"; all else unchanged (the result is NFC)."""
    decomposed = unicodedata.normalize("NFD", text)
    def move(m: re.Match) -> str:
        if m["first"]:
            return m["pre"] + m["first"] + m["second"] + m["mark"]
        return m["pre"] + m["first_u"] + m["second_u"] + m["mark_u"]

    fixed = _OLD_STYLE.sub(move, decomposed)
    return unicodedata.normalize("NFC", fixed) if fixed != decomposed else text


def fix_tone_style_markdown(text: str) -> str:
    """`fix_tone_style` on the prose of a Markdown text: fenced and inline code keep what they quote."""
    out = []
    for _, line, code in fences.lines(text, exact=True, text_fences=fences.TEXT_FENCES):
        if code:
            out.append(line)
            continue
        pieces, last = [], 0
        for code in _INLINE_CODE.finditer(line):
            pieces += [fix_tone_style(line[last : code.start()]), code.group(0)]
            last = code.end()
        out.append("".join(pieces) + fix_tone_style(line[last:]))
    return "\n".join(out)


def check_tone_style(path: str, text: str, *, first_line: int = 1) -> list[Problem]:
    """One problem per line that writes a tone mark on the first vowel of oa, oe or uy."""
    problems = []
    for number, line in _prose_lines(text, first_line, text_fences=fences.TEXT_FENCES):
        words = sorted({m.group(0) for m in _OLD_STYLE.finditer(unicodedata.normalize("NFD", line))})
        if words:
            shown = ", ".join(f"«{unicodedata.normalize('NFC', w)}» → «{fix_tone_style(unicodedata.normalize('NFC', w))}»" for w in words)
            problems.append(
                Problem(path, number, f"dấu thanh đặt khác kiểu của sổ tay: {shown}", "đặt dấu trên nguyên âm chính (uỷ, hoá, khoẻ), hoặc chạy `bash scripts/check.sh --fix`")
            )
    return problems


def check_safety(path: str, text: str) -> list[Problem]:
    """Script, iframe, event attributes and javascript: addresses, each with its line."""
    problems = []
    for number, line in _prose_lines(text, 1):
        for pattern, what, fix in _UNSAFE:
            if pattern.search(line):
                problems.append(Problem(path, number, f"nội dung có {what}, không được phép vì lý do an toàn", fix))
    return problems


def check_images(path: str, text: str) -> list[Problem]:
    """Every image needs a text alternative for readers who cannot see it."""
    problems = []
    for number, line in _prose_lines(text, 1):
        for match in _MD_IMAGE.finditer(line):
            if not match["alt"].strip():
                problems.append(Problem(path, number, f"hình {match['src']} không có lời mô tả (alt)", "viết lời mô tả trong ngoặc vuông: ![Mô tả hình](…)"))
        for match in _HTML_IMAGE.finditer(line):
            alt = re.search(r"\balt\s*=\s*([\"'])(.*?)\1", match["attrs"], re.I)
            if not alt or not alt.group(2).strip():
                problems.append(Problem(path, number, "thẻ <img> không có lời mô tả (alt)", "thêm alt=\"mô tả hình\" vào thẻ"))
    return problems


def check_headings(path: str, text: str, *, first_line: int = 1) -> list[Problem]:
    """A heading may go at most one level deeper than the one before (the page title counts as level 1)."""
    problems, previous = [], 1
    for number, line in _prose_lines(text, first_line):
        match = _HEADING.match(line)
        if not match:
            continue
        level = len(match["hashes"])
        if level > previous + 1:
            problems.append(
                Problem(path, number, f"đề mục cấp {level} «{match['text']}» đứng ngay sau đề mục cấp {previous}, bỏ qua cấp {previous + 1}", f"dùng {'#' * (previous + 1)} cho đề mục này, hoặc thêm đề mục cấp {previous + 1} phía trên")
            )
        previous = level
    return problems


def page_title(text: str, meta: dict) -> tuple[str | None, int]:
    """The title a page shows and its line: front matter `title`, else the first level-1 heading."""
    if isinstance(meta.get("title"), str):
        for number, line in enumerate(text.splitlines(), 1):
            if line.startswith("title:"):
                return meta["title"], number
        return meta["title"], 1
    _, start = split_front_matter(text)
    for number, line in _prose_lines(text, start):
        match = _HEADING.match(line)
        if match and len(match["hashes"]) == 1:
            return match["text"], number
    return None, 1


def duplicate_titles(titles: list[tuple[str, int, str]]) -> list[Problem]:
    """(path, line, title) of one language: a title used by two pages confuses the menu and the search.

    Each page of a duplicate is reported, naming the other, since either may be the one to change.
    """
    by_title: dict[str, list[tuple[str, int, str]]] = {}
    for path, line, title in titles:
        by_title.setdefault(" ".join(title.split()).casefold(), []).append((path, line, title))
    problems = []
    for pages in by_title.values():
        for path, line, title in pages if len(pages) > 1 else []:
            others = ", ".join(other for other, _, _ in pages if other != path)
            problems.append(Problem(path, line, f"tiêu đề «{title}» trùng với trang {others}", "đặt tiêu đề khác cho một trong các trang"))
    return sorted(problems)


EDITOR_NOTE = "doi-chieu"
_EDITOR_NOTE = re.compile(rf"^(?P<indent>\s*)!!!\s+{EDITOR_NOTE}\s*$", re.M)
_OLD_EDITOR_NOTE = re.compile(r"^\s*(!!!|\?\?\?\+?)\s*(?P<type>[\w-]+)\s+\"(Ghi chú biên tập|Editor's note)", re.I)


def title_editor_notes(markdown: str, title: str) -> str:
    """`!!! doi-chieu` (an editor's note on a fact not yet checked) gets its title in the page's language."""
    escaped = title.replace('"', "'")
    return _EDITOR_NOTE.sub(lambda m: f'{m["indent"]}!!! {EDITOR_NOTE} "{escaped}"', markdown)


def check_editor_notes(path: str, text: str) -> list[Problem]:
    """An editor's note written as another box type (the old `!!! warning "Ghi chú biên tập …"`) would be
    printed in the learners' handbook instead of listed among the points to verify."""
    return [
        Problem(path, number, f"ghi chú biên tập viết bằng hộp `{match['type']}`", f"viết `!!! {EDITOR_NOTE}` (không có tiêu đề; tiêu đề tự thêm theo ngôn ngữ), nội dung thụt vào bốn dấu cách ở dòng dưới")
        for number, line in _prose_lines(text, 1)
        if (match := _OLD_EDITOR_NOTE.match(line)) and match["type"] != EDITOR_NOTE
    ]


def check_print_editions(path: str, text: str, meta: dict, editions: tuple[str, ...]) -> list[Problem]:
    """`print:` in a page's front matter names the printed editions the page belongs in; a misspelt edition
    would silently leave the page out of every book."""
    if "print" not in meta:
        return []
    line = next((n for n, row in enumerate(text.splitlines(), start=1) if row.startswith("print:")), 2)
    value = meta["print"]
    fix = f"viết danh sách mã ấn bản, ví dụ `print: [giang-vien]`; các mã: {', '.join(editions)}"
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        return [Problem(path, line, "`print` phải là danh sách mã ấn bản in", fix)]
    return [Problem(path, line, f"không có ấn bản in mã «{v}»", fix) for v in value if v not in editions]


def check_text(path: str, text: str) -> list[Problem]:
    """Every per-file check of this module, for a Markdown source already known to be readable."""
    _, body_start = split_front_matter(text)
    body = "\n".join(text.splitlines()[body_start - 1 :])
    return sorted(
        check_tone_style(path, text)
        + check_safety(path, text)
        + check_images(path, text)
        + check_headings(path, body, first_line=body_start)
        + check_editor_notes(path, text)
    )


def _prose_lines(text: str, first_line: int, *, text_fences: tuple[str, ...] = ()):
    """(line number, line) outside fenced code (or inside the `text_fences`), with inline code blanked out."""
    for number, line in outside_fences(text, first_line, text_fences=text_fences):
        yield number, _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)
