"""What a printed edition has that a web page has not (sotay_boiduong.editions calls these on each edition's
document): numbered tables and figures with their list, blocks kept together, the index of terms, and the proof
edition's list of the points still open. Plain functions on BeautifulSoup trees.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

from .markdown_extension import NO_GLOSSARY  # the class of the glossary's own tables

KEEP = "handbook-keep"  # a block printed whole on one page
KEEP_WITH_NEXT = "handbook-keep-next"  # a block printed on the page of what follows it
INDEX_MARK = "handbook-index-mark"  # where a glossary term is first used on a page of the site
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
SMALL_TABLE = 10  # rows: a table with fewer is never split across pages, unless it is long (SHORT_TABLE)
# Characters: a table with more text is longer than half the booklet's page and may be split between rows
# (its head repeated). Kept whole, WeasyPrint would move it to the next page and leave the heading and the
# caption above it alone at the foot of a page, or, longer than a page with them, split them from it.
SHORT_TABLE = 900
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
SHORT_LINE = 140  # characters: about one line of an A4 page, two of the booklet


@dataclass(frozen=True)
class Numbered:
    """A numbered table or figure, for the list of tables and figures."""

    label: str  # "Bảng 3.2"
    caption: str
    target: str  # the id the list links to


def number_tables_and_figures(doc: BeautifulSoup, words: Mapping[str, str], chapters: Mapping[str, int]) -> list[Numbered]:
    """Give each table a caption and each figure a number: "Bảng 3.2. …" (the second table of lesson 3), "Hình
    5.1. …"; in the pages that are not lessons, numbered through the book ("Bảng 4"). A table's caption is the
    heading it stands under. `chapters` maps a page's element id ("bai-hoc/bai-3/:") to its lesson number."""
    found, counters = [], {}
    for element in doc.find_all(["table", "figure"]):
        if element.find_parent(id="doc-toc") or element.find_parent(class_="handbook-index"):
            continue
        # A form is paper to fill in, its tables its fields (sotay_boiduong.mau): it has its own title.
        if element.find_parent(class_="handbook-form") is not None or element.get("role") == "presentation":
            continue
        # The glossary's tables are its entries under their letters: a reference list, like the index.
        if element.find_parent(class_=NO_GLOSSARY) is not None:
            continue
        page = _page_of(element)
        chapter = chapters.get(page.get("id", "")) if page is not None else None
        kind = "table" if element.name == "table" else "figure"
        key = (kind, chapter)
        counters[key] = counters.get(key, 0) + 1
        number = f"{chapter}.{counters[key]}" if chapter else str(counters[key])
        label = f"{words['table_label' if kind == 'table' else 'figure_label']} {number}"
        identifier = element.get("id") or f"{'bang' if kind == 'table' else 'hinh'}-{number.replace('.', '-')}"
        element["id"] = identifier
        if kind == "table":
            heading = element.find_previous(["h2", "h3", "h4"])
            # The heading's own number ("3.6. So sánh nhanh") is the section's, not the table's.
            text = _SECTION_NUMBER.sub("", heading.get_text(" ", strip=True)) if heading is not None else ""
            if text.casefold() == words["table_label"].casefold() and page is not None:
                # A heading that only says "Bảng" names nothing: the page's title does.
                title = page.find(["h1", "h2"])
                text = title.get_text(" ", strip=True) if title is not None else ""
            caption = doc.new_tag("caption")
            caption.append(_label_span(doc, label))
            caption.append(NavigableString(f" {text}" if text else ""))
            element.insert(0, caption)
        else:
            caption = element.find("figcaption")
            text = caption.get_text(" ", strip=True) if caption is not None else ""
            if caption is not None:
                caption.insert(0, NavigableString(" "))
                caption.insert(0, _label_span(doc, label))
        found.append(Numbered(label, text, identifier))
    return found


def keep_together(doc: BeautifulSoup) -> None:
    """A short table (fewer than ten rows, under half a booklet page of text) on one page; a paragraph that
    announces what follows it (it ends with a colon, or is a bold title of its own) on the page of what follows."""
    for table in doc.find_all("table"):
        if len(table.find_all("tr")) < SMALL_TABLE and len(table.get_text(" ", strip=True)) <= SHORT_TABLE:
            _add_class(table, KEEP)
    for paragraph in doc.find_all("p"):
        text = paragraph.get_text(" ", strip=True)
        following = paragraph.find_next_sibling()
        if following is None or following.name not in ("table", "ul", "ol", "dl", "div", "figure", "p"):
            continue
        alone_bold = len(paragraph.contents) == 1 and getattr(paragraph.contents[0], "name", None) in ("strong", "em")
        # A line or so right under a heading ("Theo hướng dẫn năm 2016, việc tổ chức được phân công như sau.",
        # a case's setting) goes with what follows it too: else the heading and that line are left at the foot.
        previous = paragraph.find_previous_sibling()
        under_heading = previous is not None and previous.name in HEADINGS and len(text) <= SHORT_LINE
        if text.endswith(":") or alone_bold or under_heading:
            _add_class(paragraph, KEEP_WITH_NEXT)


def mark_terms(doc: BeautifulSoup) -> None:
    """Each glossary mark (`<abbr>`, on a term's first use in each page of the site) becomes a plain span with
    an anchor the index can point to: on paper the glossary and the index explain the terms."""
    for number, mark in enumerate(doc.find_all("abbr"), start=1):
        mark.name = "span"
        mark.attrs = {"class": INDEX_MARK, "id": f"chi-muc-{number}", "data-term": mark.get_text()}


def index_entries(doc: BeautifulSoup, glossary: Mapping[str, str], language: str) -> list[tuple[str, list[str]]]:
    """(term, anchors where it is first used in each page) of every glossary term the edition uses, in the
    language's alphabetical order; one anchor per page of the site."""
    anchors: dict[str, list[str]] = {term: [] for term in glossary}
    pages: dict[str, set[int]] = {term: set() for term in glossary}
    for mark in doc.select(f"span.{INDEX_MARK}"):
        term = mark.get("data-term", "")
        page = _page_of(mark)
        if term in anchors and id(page) not in pages[term]:
            pages[term].add(id(page))
            anchors[term].append(mark["id"])
    used = [(term, found) for term, found in anchors.items() if found]
    key = vietnamese_key if language == "vi" else english_key
    return sorted(used, key=lambda entry: key(entry[0]))


def index_html(entries: list[tuple[str, list[str]]], words: Mapping[str, str]) -> str:
    """The index's article: each term, then its pages (WeasyPrint fills each with target-counter)."""
    items = "".join(
        f'<li><span class="handbook-index-term">{_escape(term)}</span> '
        + ", ".join(f'<a class="handbook-index-page" href="#{anchor}"></a>' for anchor in anchors)
        + "</li>"
        for term, anchors in entries
    )
    return (
        f'<article id="chi-muc" class="handbook-index">'
        f'<h1 id="chi-muc-tieu-de" data-part="{_escape(words["index_title"])}" data-running="{_escape(words["index_title"])}">{_escape(words["index_title"])}</h1>'
        f'<p class="handbook-index-lead">{_escape(words["index_lead"])}</p><ul>{items}</ul></article>'
    )


# Vietnamese alphabetical order: the letters with their shapes (ă, â, đ, ê, ô, ơ, ư are letters of their own),
# then, between words with the same letters, the tones in the dictionary's order (none, grave, acute, hook,
# tilde, dot below).
_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_SHAPES = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: they make letters of their own
_TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}


def vietnamese_key(term: str) -> tuple:
    """Sorting key of a Vietnamese term: letters first, tones after (so "da" < "dà" < "dạ" < "đa")."""
    letters, tones = [], []
    for char in term.lower():
        if not char.isalnum():
            continue
        decomposed = unicodedata.normalize("NFD", char)
        shape = "".join(mark for mark in decomposed[1:] if mark in _SHAPES)
        letter = unicodedata.normalize("NFC", decomposed[0] + shape)
        letters.append(_LETTERS.index(letter) if letter in _LETTERS else len(_LETTERS) + ord(letter))
        tones.append(max((_TONES.get(mark, 0) for mark in decomposed[1:]), default=0))
    return (tuple(letters), tuple(tones))


def english_key(term: str) -> str:
    base = unicodedata.normalize("NFD", term.casefold())
    return "".join(char for char in base if not unicodedata.combining(char))


@dataclass(frozen=True)
class OpenPoint:
    """A point still open, as the proof edition lists it."""

    code: str
    status: str
    fact: str
    source: str  # "docs/bai-hoc/bai-1.md:286"
    target: str | None  # the id of its note in the document (None: the note is not in this edition)


def open_points(doc: BeautifulSoup, points: list[tuple[str, str, str, str]]) -> list[OpenPoint]:
    """(code, status, fact, source) of each point → the proof's entries, each with the anchor of its note."""
    boxes = {box.get("data-point"): box for box in doc.select(".admonition.doi-chieu[data-point]")}
    return [OpenPoint(code, status, fact, source, boxes[code]["id"] if code in boxes and boxes[code].get("id") else None) for code, status, fact, source in points]


# ---------------------------------------------------------------- helpers


def _page_of(element: Tag) -> Tag | None:
    """The <section> or <article> of the combined document that holds one page of the site."""
    for parent in element.parents:
        if parent.name in ("section", "article") and (parent.get("id") or "").endswith(":"):
            return parent
    return None


def _label_span(doc: BeautifulSoup, label: str) -> Tag:
    span = doc.new_tag("span", attrs={"class": "handbook-number"})
    span.string = f"{label}."
    return span


def _add_class(element: Tag, name: str) -> None:
    classes = element.get("class", [])
    if name not in classes:
        element["class"] = [*classes, name]


_ESCAPES = re.compile(r'[&<>"]')


def _escape(text: str) -> str:
    return _ESCAPES.sub(lambda m: {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[m.group(0)], text)
