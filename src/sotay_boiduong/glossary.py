"""The glossary: one snippet file per language (docs/_glossary/vi.md, en.md) in the `abbr` syntax.

Each line `*[TCCSĐ]: tổ chức cơ sở đảng` defines a tooltip for Python-Markdown's abbr extension; the same
lines are parsed here to list the glossary on its page and to check that lessons' key terms are defined.
"""

from __future__ import annotations

import re
import unicodedata

from . import htmledit
from .problems import Problem

_ENTRY = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<definition>.+?)\s*$")


def parse(text: str) -> dict[str, str]:
    """Term → definition, in file order."""
    entries = {}
    for line in text.splitlines():
        match = _ENTRY.match(line)
        if match:
            entries[match["term"]] = match["definition"]
    return entries


FOLDER = "_glossary"  # docs/_glossary/<language>.md


def check(path: str, text: str) -> list[Problem]:
    """Lines of a glossary file that would be dropped without a word: an entry without its colon or its
    definition, and a term defined twice (the last definition would win)."""
    problems, seen = [], {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("<!--"):
            continue
        entry = _ENTRY.match(line)
        if entry is None:
            problems.append(Problem(path, number, f"dòng «{line.strip()[:60]}» không phải một mục thuật ngữ, nên bị bỏ qua", "viết mỗi mục một dòng, dạng `*[thuật ngữ]: lời giải thích` (có dấu hai chấm sau ngoặc vuông)"))
            continue
        term = entry["term"]
        if term in seen:
            problems.append(Problem(path, number, f"thuật ngữ «{term}» đã có ở dòng {seen[term]}; chỉ lời giải thích sau được dùng", "gộp hai lời giải thích thành một mục"))
        seen.setdefault(term, number)
    return problems


def is_abbreviation(term: str) -> bool:
    """TCCSĐ, QĐ/TW, NXB CTQG ST: written in capitals (letters other than capitals are not allowed)."""
    return any(ch.isalpha() for ch in term) and term == term.upper()


def _sort_key(term: str) -> str:
    # Vietnamese order is close enough to the order of the letters with their marks removed; "đ" after "d".
    base = unicodedata.normalize("NFD", term.lower().replace("đ", "dz"))
    return "".join(ch for ch in base if not unicodedata.combining(ch))


def abbreviations(entries: dict[str, str]) -> list[tuple[str, str]]:
    return sorted(((t, d) for t, d in entries.items() if is_abbreviation(t)), key=lambda e: _sort_key(e[0]))


def terms(entries: dict[str, str]) -> list[tuple[str, str]]:
    return sorted(((t, d) for t, d in entries.items() if not is_abbreviation(t)), key=lambda e: _sort_key(e[0]))


def missing_terms(unit, known: set[str], glossary_path: str) -> list[Problem]:
    """A key term of a lesson or topic that the glossary of its language does not define."""
    line = unit.key_lines.get("key_terms", 1)
    return [
        Problem(
            unit.path,
            line,
            f"trường `key_terms`: thuật ngữ \"{term}\" chưa có trong bảng thuật ngữ",
            f"thêm một dòng `*[{term}]: giải thích ngắn` vào {glossary_path}, hoặc sửa cho trùng với thuật ngữ đã có",
        )
        for term in unit.data.get("key_terms", [])
        if term not in known
    ]


HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def first_mentions(html: str) -> str:
    """Keep the definition of each glossary term on its first mention in the body text of a page only, and
    let it take the focus.

    Python-Markdown's abbr extension marks every mention; a lesson mentions its key terms a hundred times
    and more, so the text was dotted with underlines. Later mentions become plain text; the glossary page
    has them all. A mention in a heading (the page's title included) is never marked: an underline there
    reads as a link and breaks up the title, and the heading's words come again in the text below, where
    the first of them is marked. The first mention can be reached with Tab, which shows its definition
    (handbook.js), unless it is inside a link: the link takes the focus there, and a focusable element
    inside a link is an accessibility error (axe: nested-interactive).
    """
    seen: set[str | None] = set()
    edits = []
    for abbr in htmledit.elements(html, ["abbr"]):
        title = abbr.attrs.get("title")
        if title in seen or HEADINGS.intersection(abbr.ancestors):
            edits += [(abbr.start, abbr.start_end, ""), (abbr.end_start, abbr.end, "")]
            continue
        seen.add(title)
        if not htmledit.inside(abbr, "a"):
            edits.append((abbr.start, abbr.start_end, htmledit.start_tag("abbr", {"tabindex": "0", **abbr.attrs})))
    return htmledit.apply(html, edits)
