"""Changing generated HTML with a parser, in place: the rest of the page stays byte for byte as it was.

The hooks adjust pages that MkDocs and Material have written (a name for the search dialog, the search
configuration, labels of heading links, glossary marks). Doing it with regular expressions worked until the
theme's markup changed, and then did nothing without a word. Here the page is read by the standard
library's HTML tokenizer (html.parser), every element is located by its exact position, and each change
replaces exactly one span: an element the change expects and cannot find raises `MarkupNotFound`, so an
upgrade of Material fails a test instead of degrading quietly.

Written by hand rather than with BeautifulSoup (a dependency already): a BeautifulSoup round trip costs
about 50 ms a page and rewrites the whole document (attribute quoting, void tags); the tokenizer costs a
fifth of that and leaves everything it does not change alone. BeautifulSoup is used where a whole document
is rebuilt anyway (the combined PDF document).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class MarkupNotFound(LookupError):
    """An element a change needs is not in the page: the theme's markup is not what the change expects."""


@dataclass
class Element:
    """One element of a page: its tag, attributes, where its start tag is and (unless void) where it ends."""

    tag: str
    attrs: dict[str, str | None]
    start: int  # offset of "<tag"
    start_end: int  # offset just after the start tag's ">"
    end_start: int | None = None  # offset of "</tag>"
    end: int | None = None  # offset just after "</tag>"
    ancestors: tuple[str, ...] = ()  # tags of the open elements around it, outermost first

    def has_class(self, name: str) -> bool:
        return name in (self.attrs.get("class") or "").split()

    def inner(self, html: str) -> str:
        return html[self.start_end : self.end_start] if self.end_start is not None else ""


@dataclass
class _Scanner(HTMLParser):
    wanted: Callable[[str], bool] = lambda tag: True
    found: list[Element] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._stack: list[tuple[str, Element | None]] = []
        self._lines: list[int] = [0]

    def scan(self, html: str) -> list[Element]:
        self._lines = [0] + [i + 1 for i, ch in enumerate(html) if ch == "\n"]
        self._html = html
        self.feed(html)
        self.close()
        return self.found

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        text = self.get_starttag_text() or ""
        element = None
        if self.wanted(tag):
            element = Element(tag, dict(attrs), start, start + len(text), ancestors=tuple(t for t, _ in self._stack))
            self.found.append(element)
        if tag in VOID or text.endswith("/>"):
            if element is not None:
                element.end_start = element.end = start + len(text)
            return
        self._stack.append((tag, element))

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        end = self._html.find(">", start) + 1
        # Close the nearest open element of this tag (and any left unclosed inside it).
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                element = self._stack[index][1]
                if element is not None:
                    element.end_start, element.end = start, end
                del self._stack[index:]
                return


def elements(html: str, tags: Iterable[str] | None = None) -> list[Element]:
    """Every element of `html` (or those with one of `tags`), in document order."""
    wanted = set(tags) if tags is not None else None
    return _Scanner(wanted=(lambda tag: tag in wanted) if wanted is not None else (lambda tag: True)).scan(html)


def find(html: str, tag: str, *, what: str, **attrs: str) -> list[Element]:
    """The elements `tag` whose attributes include `attrs` (class="x" matches one class among several);
    MarkupNotFound, naming `what`, if there is none."""
    found = [e for e in elements(html, [tag]) if all(_matches(e, key, value) for key, value in attrs.items())]
    if not found:
        shown = " ".join(f'{key.rstrip("_").replace("_", "-")}="{value}"' for key, value in attrs.items())
        raise MarkupNotFound(f"{what}: no <{tag} {shown}> in the page (has the theme's markup changed?)")
    return found


def start_tag(tag: str, attrs: dict[str, str | None]) -> str:
    """A start tag with the given attributes, values escaped."""
    # Escaped as Python-Markdown escapes attribute values (&, <, >, "), so an unchanged value reads the same.
    parts = [tag] + [key if value is None else f'{key}="{escape(value, quote=False).replace(chr(34), "&quot;")}"' for key, value in attrs.items()]
    return "<" + " ".join(parts) + ">"


def apply(html: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace each span (start, end) of `html` with its text; the spans must not overlap."""
    out, last = [], 0
    for start, end, text in sorted(edits):
        if start < last:
            raise ValueError("overlapping HTML edits")
        out += [html[last:start], text]
        last = end
    out.append(html[last:])
    return "".join(out)


def retag(element: Element, **changes: str | None) -> tuple[int, int, str]:
    """An edit that rewrites an element's start tag with attributes set (a value) or removed (None)."""
    attrs = dict(element.attrs)
    for key, value in changes.items():
        name = key.rstrip("_").replace("_", "-")
        if value is None:
            attrs.pop(name, None)
        else:
            attrs[name] = value
    return element.start, element.start_end, start_tag(element.tag, attrs)


def inside(element: Element, tag: str) -> bool:
    return tag in element.ancestors


def _matches(element: Element, key: str, value: str) -> bool:
    name = key.rstrip("_").replace("_", "-")
    if name == "class":
        return element.has_class(value)
    return element.attrs.get(name) == value
