"""Content checks of one Markdown source beyond its encoding and front matter, and the fixes that are safe.

- Tone-mark style: the handbook puts the tone mark on the main vowel of the open syllables oa, oe, uy ("hoá",
  "khoẻ", "uỷ"), as in the programme's own name ("cấp uỷ"). `fix_tone_style` moves a mark written the other way
  ("hóa", "ủy") and changes nothing else.
- Safety: no <script>, <iframe>, on…= event attributes or javascript: addresses in content.
- Accessibility: every image has alternative text; headings do not skip a level.
- Titles: the page title (front matter `title`, else the first level-1 heading), to find duplicates.
- Print-neutral wording: one source makes the web page and the printed book, so a sentence does not call itself
  "trang này" / "this page", and running text writes out the abbreviations that only tables and the glossary
  use (`PROSE_ABBREVIATIONS`); the editors' guide, which is about the site, is exempt.
Fenced code blocks and inline code are not content here and are left alone, except the text of diagrams
(```dot blocks, sotay_boiduong.diagrams), which the tone-mark check and fix read as prose.
"""

from __future__ import annotations

import os
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
        for code in fences.INLINE_CODE.finditer(line):
            pieces += [fix_tone_style(line[last : code.start()]), code.group(0)]
            last = code.end()
        out.append("".join(pieces) + fix_tone_style(line[last:]))
    return "\n".join(out)


def check_tone_style(path: str, text: str, *, first_line: int = 1) -> list[Problem]:
    """One problem per line that writes a tone mark on the first vowel of oa, oe or uy."""
    problems = []
    if not _OLD_STYLE.search(unicodedata.normalize("NFD", text)):
        return problems  # most files: one look at the whole text instead of one per line
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


def front_matter_line(text: str, key: str, default: int) -> int:
    """The line where the front matter sets `key` (a top-level key starts its line), else `default`."""
    return next((n for n, row in enumerate(text.splitlines(), start=1) if row.startswith(f"{key}:")), default)


def page_title(text: str, meta: dict) -> tuple[str | None, int]:
    """The title a page shows and its line: front matter `title`, else the first level-1 heading."""
    if isinstance(meta.get("title"), str):
        return meta["title"], front_matter_line(text, "title", 1)
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


def check_plain_fields(path: str, text: str, meta: dict) -> list[Problem]:
    """The front matter's texts that templates print as they are (the title in every menu and tab, the
    description in the page's head) hold no HTML."""
    from .htmlsafety import markup_in_text

    problems = []
    for key in ("title", "short_title", "description"):
        value = meta.get(key)
        found = markup_in_text(value) if isinstance(value, str) else None
        if found:
            problems.append(Problem(path, front_matter_line(text, key, 2), f"trường `{key}` có mã HTML «{found}»", "viết chữ thường; tiêu đề và mô tả không có thẻ HTML"))
    return problems


def check_print_editions(path: str, text: str, meta: dict, editions: tuple[str, ...]) -> list[Problem]:
    """`print:` in a page's front matter names the printed editions the page belongs in; a misspelt edition
    would silently leave the page out of every book."""
    if "print" not in meta:
        return []
    line = front_matter_line(text, "print", 2)
    value = meta["print"]
    fix = f"viết danh sách mã ấn bản, ví dụ `print: [giang-vien]`; các mã: {', '.join(editions)}"
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        return [Problem(path, line, "`print` phải là danh sách mã ấn bản in", fix)]
    return [Problem(path, line, f"không có ấn bản in mã «{v}»", fix) for v in value if v not in editions]


# ---------------------------------------------------------------- wording that reads in print as on the web

_THIS_PAGE = {
    "vi": (re.compile(r"(?<!\w)[Tt]rang này(?!\w)"), "viết «Phần này», «Bài này» hay «Chuyên đề này»: câu này được in cả trong sổ tay giấy"),
    "en": (re.compile(r"\b[Tt]his page\b"), "viết 'this section', 'this lesson' hay 'this topic': câu này được in cả trong sổ tay giấy"),
}
# Abbreviations kept for tables and the glossary; in running text a reader meets the words.
PROSE_ABBREVIATIONS = {"KTGS": "kiểm tra, giám sát", "UBKT": "Uỷ ban Kiểm tra", "TCCSĐ": "tổ chức cơ sở đảng"}
_ABBREVIATION = re.compile(r"(?<!\w)(" + "|".join(PROSE_ABBREVIATIONS) + r")(?!\w)")
_WORDING_EXEMPT = ("huong-dan/bien-tap.",)  # the editors' guide is about the site and quotes these as examples


def check_print_wording(path: str, text: str) -> list[Problem]:
    """"Trang này" / "this page" in a sentence, and an abbreviation of PROSE_ABBREVIATIONS outside a table row
    or a glossary entry, each at its line."""
    shown = path.replace(os.sep, "/")
    if any(part in shown for part in _WORDING_EXEMPT):
        return []
    pattern, fix = _THIS_PAGE["en" if shown.endswith(".en.md") else "vi"]
    problems = []
    for number, line in _prose_lines(text, 1):
        stripped = line.lstrip()
        if stripped.startswith(("|", "*[", "<!--")):
            continue
        found = pattern.search(line)
        if found:
            problems.append(Problem(path, number, f"«{found.group(0)}» chỉ đúng trên trang web", fix))
        for abbreviation in _ABBREVIATION.finditer(line):
            word = abbreviation.group(1)
            problems.append(Problem(
                path, number, f"chữ viết tắt «{word}» trong câu văn",
                f"viết đầy đủ «{PROSE_ABBREVIATIONS[word]}»; chữ viết tắt chỉ dùng trong bảng và trong Thuật ngữ",
            ))
    return problems


def check_text(path: str, text: str, *, unit: bool = False, rendered: bool = True) -> list[Problem]:
    """Every per-file check of this module, for a Markdown source already known to be readable; `unit` for a
    lesson or topic, whose title comes from its front matter (its body has no level-1 heading). A page that
    is `rendered` has its HTML checked after Markdown (sotay_boiduong.htmlsafety, which sees what attr_list
    and raw HTML make); a file that is not (a template editors copy) gets the line-by-line safety check."""
    _, body_start = split_front_matter(text)
    body = "\n".join(text.splitlines()[body_start - 1 :])
    return sorted(
        check_tone_style(path, text)
        + ([] if rendered else check_safety(path, text))
        + check_images(path, text)
        + check_headings(path, body, first_line=body_start)
        + check_editor_notes(path, text)
        + check_characters(path, text)
        + check_structure(path, text, unit=unit)
        + check_print_wording(path, text)
    )


# ---------------------------------------------------------------- characters a reader cannot see or tell apart

_INVISIBLE = {
    "\u00a0": "dấu cách không ngắt (U+00A0)",
    "\u00ad": "dấu gạch nối mềm (U+00AD)",
    "\u200b": "dấu cách độ rộng 0 (U+200B)",
    "\u200c": "ký tự không nối (U+200C)",
    "\u200d": "ký tự nối độ rộng 0 (U+200D)",
    "\u2060": "ký tự nối từ (U+2060)",
    "\u202f": "dấu cách hẹp không ngắt (U+202F)",
    "\ufeff": "dấu BOM (U+FEFF) giữa tệp",
}
_BIDI = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
# Letters of other scripts that look like Latin letters of Vietnamese words, and what they pass for.
_LOOK_ALIKE = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ѕ": "s", "ј": "j", "һ": "h",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X",
    "ο": "o", "α": "a", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "ρ": "p", "Ο": "O", "Α": "A", "Β": "B", "Ε": "E",
    "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ρ": "P", "Τ": "T", "Χ": "X", "Υ": "Y", "Ζ": "Z",
    "ð": "đ", "Ð": "Đ", "ɗ": "đ", "Ɖ": "Đ",
}  # fmt: skip
_WORD_CHARS = re.compile(r"[^\W\d_]+")
_SUSPECT = re.compile("[" + re.escape("".join(_INVISIBLE) + "".join(_LOOK_ALIKE)) + "]|" + _BIDI.pattern)


def check_characters(path: str, text: str) -> list[Problem]:
    """Invisible characters, direction controls and look-alike letters of other scripts: a citation or a
    glossary term that holds one is no longer recognised, and search does not find the word."""
    problems = []
    if not _SUSPECT.search(text.replace("\ufeff", "", 1) if text.startswith("\ufeff") else text):
        return problems  # most files hold none of them: one look at the whole text
    for number, line in enumerate(text.splitlines(), start=1):
        for char, name in _INVISIBLE.items():
            column = line.find(char)
            if column >= 0 and not (char == "\ufeff" and number == 1 and column == 0):
                problems.append(Problem(path, number, f"cột {column + 1}: có {name}, không nhìn thấy khi đọc, thường do dán từ Word hoặc trang web", "xoá ký tự đó, gõ lại dấu cách thường nếu cần (`bash scripts/check.sh --fix` làm việc này)"))
        bidi = _BIDI.search(line)
        if bidi:
            problems.append(Problem(path, number, f"cột {bidi.start() + 1}: có ký tự điều khiển hướng chữ (U+{ord(bidi.group(0)):04X}), làm chữ hiện khác với chữ được lưu", "xoá ký tự đó"))
        prose = fences.blank_inline_code(line)  # an example in `code` may show one
        for word in _WORD_CHARS.finditer(prose):
            strange = [c for c in word.group(0) if c in _LOOK_ALIKE]
            if strange and (len(strange) < len(word.group(0)) or strange[0] in "ðÐɗƉ"):
                shown = ", ".join(f"«{c}» (U+{ord(c):04X}, {unicodedata.name(c, '?').title()})" for c in dict.fromkeys(strange))
                fixed = "".join(_LOOK_ALIKE.get(c, c) for c in word.group(0))
                problems.append(Problem(path, number, f"chữ «{word.group(0)}» có {shown}, trông giống chữ Việt nhưng là ký tự khác", f"gõ lại thành «{fixed}» bằng bộ gõ tiếng Việt"))
    return problems


# ---------------------------------------------------------------- structure that Markdown drops or renders wrong

_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_FOOTNOTE_DEF = re.compile(r"^\s*\[\^([^\]\s]+)\]:", re.M)
_ADMONITION = re.compile(r"^(?P<indent>\s*)(!!!|\?\?\?\+?)\s*[\w-]+")
_REF_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\[(?P<ref>[^\]]*)\]")
_SNIPPET = re.compile(r"^\s*-{1,}8<-{1,}\s+[\"']?(?P<path>[^\"'\s]+)[\"']?\s*$")
_CITATION_TAIL = re.compile(r"(?:\bĐiều|\bkhoản|\bArticle|\bclause|\bQuy định|\bRegulation)\s+\d+\s*$", re.I)
_CITATION_HEAD = re.compile(r"^\s*(?:của\s+)?(?:Điều lệ|Điều\s+\d|of\s+(?:the\s+)?(?:Party\s+)?Charter|-\s*QĐ|of\s+Article)", re.I)


def check_structure(path: str, text: str, *, unit: bool = False) -> list[Problem]:
    """What Markdown silently drops or renders wrong: a second level-1 heading (any in a lesson), the same
    heading twice, an HTML comment left open (it hides the rest of the page), a footnote without its text,
    a box whose text is indented by fewer than four spaces (an empty box), a reference-style image without
    alternative text, a citation broken across two lines (then not recognised)."""
    problems: list[Problem] = []
    _, body_start = split_front_matter(text)
    lines = [(n, row) for n, row in _prose_lines(text, 1) if n >= body_start]
    titles: dict[tuple[int, str], int] = {}
    h1 = 0
    for index, (number, line) in enumerate(lines):
        heading = _HEADING.match(line)
        if heading:
            level = len(heading["hashes"])
            if level == 1:
                h1 += 1
                if unit:
                    problems.append(Problem(path, number, f"bài học, chuyên đề không có đề mục cấp 1 trong phần nội dung («{heading['text']}»): tiêu đề lấy từ trường `title`", "dùng ## cho các mục của bài"))
                elif h1 == 2:
                    problems.append(Problem(path, number, f"đề mục cấp 1 thứ hai «{heading['text']}»: mỗi trang chỉ có một tiêu đề", "dùng ## cho đề mục này"))
            key = (level, " ".join(heading["text"].split()).lower())
            if key in titles:
                problems.append(Problem(path, number, f"đề mục «{heading['text']}» trùng với đề mục ở dòng {titles[key]}: liên kết tới mục này chỉ tới được mục đầu", "đặt tên khác cho một trong hai đề mục"))
            titles.setdefault(key, number)
        admonition = _ADMONITION.match(line)
        if admonition and index + 1 < len(lines):
            following = next(((n, row) for n, row in lines[index + 1 :] if row.strip()), None)
            indent = len(admonition["indent"])
            if following is not None:
                depth = len(following[1]) - len(following[1].lstrip(" "))
                if indent < depth < indent + 4:
                    problems.append(Problem(path, following[0], f"nội dung của hộp ở dòng {number} chỉ thụt vào {depth - indent} dấu cách, nên hộp rỗng và chữ nằm ngoài hộp", "thụt nội dung của hộp vào đúng bốn dấu cách"))
        for image in _REF_IMAGE.finditer(line):
            if not image["alt"].strip():
                problems.append(Problem(path, number, f"hình [{image['ref']}] không có lời mô tả (alt)", "viết lời mô tả trong ngoặc vuông: ![Mô tả hình][…]"))
        if index + 1 < len(lines) and _CITATION_TAIL.search(line) and lines[index + 1][0] == number + 1 and _CITATION_HEAD.match(lines[index + 1][1]):
            problems.append(Problem(path, number, "trích dẫn bị ngắt sang dòng sau nên không được nhận ra và không có liên kết", "viết cả trích dẫn trên một dòng, ví dụ «Điều 24 Điều lệ Đảng»"))
    problems += _open_comment(path, text)
    problems += _footnotes(path, text)
    return problems


def _open_comment(path: str, text: str) -> list[Problem]:
    position = 0
    while True:
        start = text.find("<!--", position)
        if start < 0:
            return []
        end = text.find("-->", start + 4)
        if end < 0:
            line = text.count("\n", 0, start) + 1
            return [Problem(path, line, "ghi chú HTML `<!--` không được đóng, nên mọi chữ từ đây tới cuối trang bị ẩn", "thêm `-->` ở cuối ghi chú")]
        position = end + 3


def _footnotes(path: str, text: str) -> list[Problem]:
    defined = set(_FOOTNOTE_DEF.findall(text))
    problems = []
    for number, line in _prose_lines(text, 1):
        for ref in _FOOTNOTE_REF.finditer(line):
            if ref.group(1) not in defined and not line.lstrip().startswith(f"[^{ref.group(1)}]:"):
                problems.append(Problem(path, number, f"chú thích [^{ref.group(1)}] không có lời chú thích, nên hiện nguyên văn", f"thêm một dòng `[^{ref.group(1)}]: lời chú thích` ở cuối trang"))
    return problems


def check_snippets(path: str, text: str, docs_dir: str) -> list[Problem]:
    """`--8<-- "file"` includes a file of docs/: it must exist and lie inside docs/."""
    problems = []
    for number, line in outside_fences(text, 1):
        wrong = _bad_snippet(line, docs_dir)
        if wrong is not None:
            problems.append(Problem(path, number, *wrong))
    return problems


def drop_bad_snippets(markdown: str, docs_dir: str) -> str:
    """The Markdown without the include lines that `check_snippets` reports: pymdownx.snippets would stop the
    build on them with a traceback instead of the message that names the line."""
    lines = markdown.split("\n")
    for number, line in outside_fences(markdown, 1):
        if _bad_snippet(line, docs_dir) is not None:
            lines[number - 1] = ""
    return "\n".join(lines)


def _bad_snippet(line: str, docs_dir: str) -> tuple[str, str] | None:
    match = _SNIPPET.match(line)
    if not match:
        return None
    root = os.path.realpath(docs_dir)
    target = os.path.realpath(os.path.join(root, match["path"]))
    if not target.startswith(root + os.sep):
        return (f"đoạn chèn «{match['path']}» nằm ngoài thư mục docs/", "chỉ chèn tệp trong docs/, viết đường dẫn tính từ docs/, ví dụ chuyen-de/_mau/mau-chuyen-de.md")
    if not os.path.isfile(target):
        return (f"đoạn chèn «{match['path']}» trỏ tới tệp không có", "sửa đường dẫn (tính từ docs/), hoặc xoá dòng chèn")
    return None


def _prose_lines(text: str, first_line: int, *, text_fences: tuple[str, ...] = ()):
    """(line number, line) outside fenced code (or inside the `text_fences`), with inline code blanked out."""
    for number, line in outside_fences(text, first_line, text_fences=text_fences):
        yield number, fences.blank_inline_code(line)
