"""What a slide is made of, read from a lesson's Markdown: its headings, its blocks (paragraphs, list items,
tables, diagrams) with their line numbers, and the sentences and clauses inside a block.

Nothing here writes text: every function returns words of its input, in their order. The rules that choose
among them for a slide are in sotay_boiduong.bai_giang.deck.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .. import diagrams
from ..fences import blocks as fenced_blocks

_HEADING = re.compile(r"^(?P<hashes>#{2,6})\s+(?P<text>.+?)\s*#*\s*$")
_ATTR_LIST = re.compile(r"\s*\{[:#.][^}]*\}\s*$|\s*\{\s*#[^}]*\}\s*$")
_ITEM = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(?P<text>\S.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)\s")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HTML = re.compile(r"^\s*</?[a-zA-Z][^>]*>\s*$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BOLD_LEAD = re.compile(r"^\*\*(?P<lead>[^*]+?)\*\*")

_LINK = re.compile(r"!?\[(?P<text>[^\]]*)\]\([^)]*\)|!?\[(?P<ref>[^\]]*)\]\[[^\]]*\]")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_(?=\S))(?P<inner>.+?)\1")
_CODE = re.compile(r"`+([^`]*)`+")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_INLINE_ATTR = re.compile(r"\{\s*[:#.][^}]*\}")


@dataclass(frozen=True)
class Block:
    """One block of a section: a paragraph, a list item, a table or a diagram, at the line it starts."""

    kind: str  # "paragraph", "item", "table", "diagram"
    line: int
    text: str = ""  # plain text (markup removed) of a paragraph or item
    lead: str = ""  # its bold opening words, if it starts with **…**
    level: int = 0  # nesting of a list item (0 = top level)
    rows: tuple[tuple[str, ...], ...] = ()  # a table: the header row first
    diagram: diagrams.Diagram | None = None


@dataclass
class Section:
    """The text under one heading, up to the next heading of the same or a higher level."""

    title: str  # the heading as the reader sees it ("1.2. Chi bộ cơ sở, …")
    level: int  # 2 for ##, 3 for ###
    line: int
    number: str  # "1.2", or "" for a heading without a number
    blocks: list[Block] = field(default_factory=list)


def sections(body: str, first_line: int = 1) -> tuple[list[Block], list[Section]]:
    """The blocks before the first heading (the lesson's opening words) and each ## and ### section.

    A #### heading or deeper is not a section of its own: it is read as a paragraph of its section.
    Admonitions (!!! and ??? boxes: editors' notes, tips) and raw HTML are left out: a slide shows the
    lesson's own text, and an editor's note is not for learners."""
    fences = {fence.line: fence for fence in fenced_blocks(body, first_line)}
    lines = body.splitlines()
    opening: list[Block] = []
    found: list[Section] = []
    target = opening
    index = 0
    while index < len(lines):
        number = index + first_line
        line = lines[index]
        if number in fences:
            fence = fences[number]
            if fence.language == diagrams.LANGUAGE:
                source, alternative, _ = diagrams.split("\n".join(text for _, text in fence.body))
                caption = diagrams.options(fence.info).get("caption", "")
                target.append(Block("diagram", number, diagram=diagrams.Diagram(source, caption, alternative)))
            index += len(fence.body) + (2 if fence.closed else 1)
            continue
        heading = _HEADING.match(line)
        if heading and len(heading["hashes"]) <= 3:
            title = plain(_ATTR_LIST.sub("", heading["text"]))
            found.append(Section(title, len(heading["hashes"]), number, _number_of(title)))
            target = found[-1].blocks
            index += 1
            continue
        if heading:  # #### and deeper: a lead line of its section
            target.append(Block("paragraph", number, plain(_ATTR_LIST.sub("", heading["text"])), lead=plain(heading["text"])))
            index += 1
            continue
        if _ADMONITION.match(line):
            index += 1
            while index < len(lines) and (not lines[index].strip() or lines[index].startswith(("    ", "\t"))):
                index += 1
            continue
        if not line.strip() or _HTML.match(line) or line.strip().startswith("<!--"):
            index = _skip_comment(lines, index) if "<!--" in line and "-->" not in line else index + 1
            continue
        if line.lstrip().startswith("|") and index + 1 < len(lines) and _TABLE_RULE.match(lines[index + 1]):
            rows = [_cells(line)]
            index += 2
            while index < len(lines) and lines[index].lstrip().startswith("|"):
                rows.append(_cells(lines[index]))
                index += 1
            target.append(Block("table", number, rows=tuple(rows)))
            continue
        item = _ITEM.match(line)
        if item:
            text, index = _gather(lines, index + 1, [item["text"]], continuation=True)
            level = len(item["indent"].expandtabs(4)) // 2
            target.append(_block("item", number, text, level=min(level, 1)))
            continue
        text, index = _gather(lines, index + 1, [line.strip()], continuation=False)
        target.append(_block("paragraph", number, text))
    return opening, found


def plain(markdown: str) -> str:
    """The words a reader sees in a line of Markdown: links as their text, no emphasis marks, code spans as
    their content, no footnote marks, attribute lists or HTML tags; spaces collapsed; NFC."""
    text = _COMMENT.sub("", markdown)
    text = _LINK.sub(lambda m: m["text"] if m["text"] is not None else m["ref"], text)
    text = _FOOTNOTE.sub("", text)
    text = _INLINE_ATTR.sub("", text)
    text = _CODE.sub(lambda m: m.group(1), text)
    for _ in range(3):  # nested emphasis: ***a***, **a *b* c**
        text = _EMPHASIS.sub(lambda m: m["inner"], text)
    text = _TAG.sub("", text)
    text = text.replace("\\", "")
    return unicodedata.normalize("NFC", " ".join(text.split()))


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»’)]*\s+(?=[\"“«‘(]?[A-ZÀ-ỸĐ0-9])")
_NO_BREAK_BEFORE = re.compile(r"(?:\b(?:TP|Tp|Đ/c|đ/c|e\.g|i\.e|No|Nos|Mr|Mrs|Ms|Dr|St|cf|vs|v\.v)|\b[A-ZĐ])\.$")


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, each with its closing mark. A full stop ends a sentence only before a
    capital or a digit, and not after an abbreviation such as "TP." or an initial."""
    result, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        head = text[start : match.start()]
        if _NO_BREAK_BEFORE.search(head.rstrip("\"”»’)")):
            continue
        result.append(text[start : match.start()].strip() + text[match.start() : match.end()].strip())
        start = match.end()
    rest = text[start:].strip()
    if rest:
        result.append(rest)
    return [s.strip() for s in result if s.strip()]


@lru_cache(maxsize=65536)
def words(text: str) -> int:
    """How many words a text has, counted as a reader counts them on a slide: runs of letters or digits
    separated by spaces (a Vietnamese syllable is a word; a dash or a bullet is not)."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


# ---------------------------------------------------------------- helpers


def _block(kind: str, line: int, markdown: str, *, level: int = 0) -> Block:
    lead = _BOLD_LEAD.match(markdown)
    return Block(kind, line, plain(markdown), lead=plain(lead["lead"]) if lead else "", level=level)


def _gather(lines: list[str], index: int, parts: list[str], *, continuation: bool) -> tuple[str, int]:
    """A paragraph's or an item's lines up to a blank line, a heading, a list item or a table."""
    while index < len(lines):
        line = lines[index]
        if not line.strip() or _HEADING.match(line) or _FENCE.match(line) or _ITEM.match(line) or line.lstrip().startswith("|") or _ADMONITION.match(line):
            break
        if not continuation and line.startswith("    "):
            break
        parts.append(line.strip())
        index += 1
    return " ".join(parts), index


def _skip_comment(lines: list[str], index: int) -> int:
    while index < len(lines) and "-->" not in lines[index]:
        index += 1
    return index + 1


def _cells(line: str) -> tuple[str, ...]:
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return tuple(plain(cell.replace("\\|", "|")) for cell in re.split(r"(?<!\\)\|", row))


_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?\s")


def _number_of(title: str) -> str:
    match = _NUMBER.match(title)
    return match.group(1) if match else ""
