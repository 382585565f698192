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
  - each glossary term keeps its definition on its first mention in the body text only, never in a heading
    (Python-Markdown's abbr extension marks every mention: a lesson was dotted with underlines), and that
    mention takes the keyboard focus unless it is inside a link (axe: nested-interactive);
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

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

EDITOR_NOTE = "doi-chieu"  # the admonition type of an editor's note
NOTE_ANCHOR = "doi-chieu-"  # + the point's code
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
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.treeprocessors.register(EditorNotes(md, self.getConfig("editor_note_title")), "handbook_notes", 6)
        md.treeprocessors.register(PageFinish(md, self.getConfig("permalink_label")), "handbook_page", 0.5)


def settings_of(md: Markdown) -> dict:
    """The handbook extension's settings in this Markdown instance (the diagram fence reads its words here),
    or {} where the extension is not loaded."""
    for extension in md.registeredExtensions:
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
            if code and " " not in code:
                box.set("id", NOTE_ANCHOR + code)
                box.set("data-point", code)


# ---------------------------------------------------------------- the page's last touches


class PageFinish(Treeprocessor):
    def __init__(self, md: Markdown, permalink_label: str):
        super().__init__(md)
        self.permalink_label = permalink_label

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        first_mentions(root, parents)
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


def first_mentions(root: etree.Element, parents: dict[etree.Element, etree.Element]) -> None:
    """Keep each term's `<abbr>` on its first mention outside headings only; let it take the focus there
    unless a link around it takes the focus already."""
    seen: set[str | None] = set()
    for abbr in [e for e in root.iter("abbr")]:
        ancestors = _ancestors(abbr, parents)
        title = abbr.get("title")
        if title in seen or HEADINGS.intersection(a.tag for a in ancestors):
            _unwrap(abbr, parents)
            continue
        seen.add(title)
        if not any(a.tag == "a" for a in ancestors):
            abbr.attrib = {"tabindex": "0", **abbr.attrib}


def phone_title(heading: etree.Element, short: str) -> None:
    """The `<h1>`'s content in a span, followed by its phone form in another (left out of search and print)."""
    full = etree.Element("span", {"class": TITLE_CLASS})
    full.text, full[:] = heading.text, list(heading)
    phone = etree.Element("span", {"class": f"{SHORT_TITLE_CLASS} handbook-screen-only", "data-search-exclude": "true"})
    phone.text = short
    heading.text, heading[:] = None, [full, phone]


def _ancestors(element: etree.Element, parents: dict) -> list[etree.Element]:
    found = []
    while element in parents:
        element = parents[element]
        found.append(element)
    return found


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
