"""The glossary: one snippet file per language (docs/_glossary/vi.md, en.md) in the `abbr` syntax.

Each line `*[TCCSĐ]: tổ chức cơ sở đảng` defines a tooltip for Python-Markdown's abbr extension; the same
lines are parsed here to list the glossary on its page and to check that lessons' key terms are defined.
"""

from __future__ import annotations

import re
import unicodedata

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


_ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)
_LINK = re.compile(r"<a\b.*?</a>", re.S)  # Python-Markdown never nests links


def first_mentions(html: str) -> str:
    """Keep the tooltip of each glossary term on its first mention in a page only, and let it take the focus.

    Python-Markdown's abbr extension marks every mention; a lesson mentions its key terms a hundred times
    and more, so the text was dotted with underlines. Later mentions become plain text; the glossary page
    has them all. The first mention can be reached with Tab, which shows its definition (handbook.js),
    unless it is inside a link: the link takes the focus there, and a focusable element inside a link is an
    accessibility error (axe: nested-interactive).
    """
    seen: set[str] = set()
    links = [m.span() for m in _LINK.finditer(html)]

    def keep_first(match: re.Match) -> str:
        if match.group(1) in seen:
            return match.group(2)
        seen.add(match.group(1))
        if any(start < match.start() < end for start, end in links):
            return match.group(0)
        return f'<abbr tabindex="0" title="{match.group(1)}">{match.group(2)}</abbr>'

    return _ABBR.sub(keep_first, html)
