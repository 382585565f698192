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
        quoted = re.search(r"[\"“”„«»‘’()\[\]{}]", entry["definition"])
        if quoted:
            problems.append(Problem(path, number, f"lời giải thích của «{term}» có dấu «{quoted.group(0)}»: lời giải thích hiện trong khung nhỏ khi đưa chuột hoặc chạm vào thuật ngữ, và dấu ngoặc làm câu khó đọc, dễ vỡ", "viết lại thành một câu không có dấu ngoặc kép, ngoặc đơn hay ngoặc vuông (tách phần trong ngoặc thành một vế câu)"))
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


def by_letter(entries: list[tuple[str, str]]) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The terms in their order, grouped by first letter: (letter, anchor, terms). A letter is its base letter
    ("Ủ" under "U"), except Đ, which Vietnamese alphabets keep apart; the anchor is ascii ("chu-dd" for Đ)."""
    groups: list[tuple[str, str, list[tuple[str, str]]]] = []
    for term, definition in entries:
        first = term[:1].upper()
        letter = "Đ" if first == "Đ" else unicodedata.normalize("NFD", first)[:1]
        anchor = "chu-dd" if letter == "Đ" else f"chu-{letter.lower()}"
        if not groups or groups[-1][0] != letter:
            groups.append((letter, anchor, []))
        groups[-1][2].append((term, definition))
    return groups


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
