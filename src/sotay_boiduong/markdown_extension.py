"""The handbook's Python-Markdown extension: what the content needs beyond Markdown, done once on the
element tree of each page, before it is written out as HTML.

Listed in mkdocs.yml under `markdown_extensions` (as `sotay_boiduong.markdown_extension`); its settings are
the page language's words, given once per language by hooks/settings.py (`config.mdx_configs`). Nothing
here knows MkDocs: any generator that renders Python-Markdown (Material's successor included) can load it.

Two tree processors, placed among the standard ones by priority (a higher one runs first):

- `EditorNotes` (6, before the toc extension and MkDocs' anchor collection at 5): an editor's note on a
  fact still open, `!!! doi-chieu "ma-diem"`, gets the title of the page's language and the anchor
  `doi-chieu-<ma-diem>`, so that other pages link to the one note on a fact (the code is checked against
  the list of open points by sotay_boiduong.open_points, with the line, before any page is rendered).
- `PageFinish` (0.5, after the abbr (7) and toc (5) extensions and MkDocs' title extraction (1)):
  - each glossary term (docs/_glossary/<language>.md, read once per language and given in the settings) is
    marked with its definition on its first mention in the body text only, never in a heading, code or the
    glossary's own tables (Python-Markdown's abbr extension, which the glossary used to go through, marks every
    mention: a lesson was dotted with underlines), and that mention takes the keyboard focus unless it is
    inside a link (axe: nested-interactive);
  - the "#" link after each heading is named in the page's language (`aria-label`; the toc extension can
    only give one `title` for every language, and "#" alone is read out as "number sign"), and the one
    after the page's title goes: it leads to the top of the page it is on, and on a phone it wrapped onto a
    line of its own;
  - a title too long for three lines of a phone shows its short form there: the heading carries it as
    `data-phone-title` (written by the lesson header's template with attr_list), and both forms end up in
    the `<h1>`, one shown by the stylesheet per screen width (sotay_boiduong.layout decides which titles).

Written as tree processors rather than passes over the finished HTML: the page was read by an HTML
tokenizer about six times over (306 passes for 48 pages, a third of the site build).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

EDITOR_NOTE = "doi-chieu"  # the admonition type of an editor's note
NOTE_ANCHOR = "doi-chieu-"  # + the point's code
_CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PHONE_TITLE = "data-phone-title"
TITLE_CLASS = "handbook-title"
SHORT_TITLE_CLASS = "handbook-title--phone"
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class HandbookExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "language": ["vi", "the page's language"],
            "permalink_label": ["Liên kết tới mục này", "accessible name of each heading's '#' link"],
            "editor_note_title": ["Ghi chú biên tập", "title of an editor's note"],
            "diagram_text": ["Sơ đồ bằng lời", "summary of a diagram's text alternative"],
            "glossary": [{}, "term → definition of the page language's glossary"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.treeprocessors.register(EditorNotes(md, self.getConfig("editor_note_title")), "handbook_notes", 6)
        md.treeprocessors.register(PageFinish(md, self.getConfig("permalink_label"), self.getConfig("glossary")), "handbook_page", 0.5)


def settings_of(md: Markdown) -> dict:
    """The handbook extension's settings in this Markdown instance (the diagram fence reads its words here),
    or {} where the extension is not loaded."""
    for extension in getattr(md, "registeredExtensions", ()):
        if isinstance(extension, HandbookExtension):
            return extension.getConfigs()
    return {}


def makeExtension(**kwargs) -> HandbookExtension:  # noqa: N802 (Python-Markdown's name)
    return HandbookExtension(**kwargs)


# ---------------------------------------------------------------- editors' notes


class EditorNotes(Treeprocessor):
    def __init__(self, md: Markdown, title: str):
        super().__init__(md)
        self.title = title

    def run(self, root: etree.Element) -> None:
        for box in root.iter("div"):
            if EDITOR_NOTE not in (box.get("class") or "").split():
                continue
            heading = box[0] if len(box) and "admonition-title" in (box[0].get("class") or "").split() else None
            if heading is None:
                continue
            code = "".join(heading.itertext()).strip()
            heading.text, heading[:] = self.title, []
            # Without a code, the admonition extension titles the box with its type ("Doi-chieu").
            if _CODE.match(code) and code != EDITOR_NOTE:
                box.set("id", NOTE_ANCHOR + code)
                box.set("data-point", code)


# ---------------------------------------------------------------- the page's last touches


class PageFinish(Treeprocessor):
    def __init__(self, md: Markdown, permalink_label: str, glossary: dict[str, str]):
        super().__init__(md)
        self.permalink_label = permalink_label
        self.glossary = glossary

    def run(self, root: etree.Element) -> None:
        if self.glossary:
            FirstMentions(self.glossary).mark(root)
        parents = {child: parent for parent in root.iter() for child in parent}
        for link in [a for a in root.iter("a") if "headerlink" in (a.get("class") or "").split()]:
            heading = parents.get(link)
            if heading is not None and heading.tag == "h1":
                _remove(link, parents)
            else:
                link.attrib.pop("title", None)
                link.set("aria-label", self.permalink_label)
        for heading in root.iter("h1"):
            short = heading.attrib.pop(PHONE_TITLE, None)
            if short:
                phone_title(heading, short)


NO_GLOSSARY = "handbook-no-glossary"  # a block whose terms are not marked (the glossary's own tables)
_SKIP = HEADINGS | {"code", "pre", "abbr", "script", "style", "svg"}


class FirstMentions:
    """Marks the first mention of each glossary term in a page, in document order (see the module)."""

    def __init__(self, glossary: dict[str, str]):
        self.glossary = glossary
        # As the abbr extension matches: whole words, the longest term first ("chi bộ cơ sở" before "chi bộ").
        terms = sorted(glossary, key=len, reverse=True)
        self.pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, terms)) + r")\b")
        self.seen: set[str] = set()

    def mark(self, root: etree.Element) -> None:
        self._visit(root, in_link=False)

    def _visit(self, element: etree.Element, *, in_link: bool) -> None:
        self._mark(element, None, in_link)
        for child in list(element):
            if child.tag not in _SKIP and NO_GLOSSARY not in (child.get("class") or "").split():
                self._visit(child, in_link=in_link or child.tag == "a")
            self._mark(element, child, in_link)

    def _mark(self, parent: etree.Element, child: etree.Element | None, in_link: bool) -> None:
        """Mark the unseen terms in `parent`'s text (child None) or in `child`'s tail."""
        text = parent.text if child is None else child.tail
        if not text or isinstance(text, AtomicString):
            return
        found = []
        for match in self.pattern.finditer(text):
            definition = self.glossary[match.group(0)]
            if definition not in self.seen:
                self.seen.add(definition)
                found.append(match)
        if not found:
            return
        marks = []
        for index, match in enumerate(found):
            end = found[index + 1].start() if index + 1 < len(found) else len(text)
            attributes = {"title": self.glossary[match.group(0)]} if in_link else {"tabindex": "0", "title": self.glossary[match.group(0)]}
            mark = etree.Element("abbr", attributes)
            mark.text, mark.tail = AtomicString(match.group(0)), text[match.end() : end]
            marks.append(mark)
        at = 0 if child is None else list(parent).index(child) + 1
        if child is None:
            parent.text = text[: found[0].start()]
        else:
            child.tail = text[: found[0].start()]
        for offset, mark in enumerate(marks):
            parent.insert(at + offset, mark)


def phone_title(heading: etree.Element, short: str) -> None:
    """The `<h1>`'s content in a span, followed by its phone form in another (left out of search and print)."""
    full = etree.Element("span", {"class": TITLE_CLASS})
    full.text, full[:] = heading.text, list(heading)
    phone = etree.Element("span", {"class": f"{SHORT_TITLE_CLASS} handbook-screen-only", "data-search-exclude": "true"})
    phone.text = short
    heading.text, heading[:] = None, [full, phone]


def _unwrap(element: etree.Element, parents: dict) -> None:
    """Replace `element` by its text (an `<abbr>` holds text only), keeping its tail."""
    parent = parents[element]
    text = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(element)


def _remove(element: etree.Element, parents: dict) -> None:
    """Remove `element` and what it holds, keeping its tail."""
    element.text, element[:] = None, []
    element.attrib.clear()
    _unwrap(element, parents)
