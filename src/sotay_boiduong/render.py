"""Render one printed edition, in a worker process of the build (sotay_boiduong.editions.start_render) so that
the editions render side by side on every core while the site build goes on, or from the command line:

    python -m sotay_boiduong.render EDITION.html OUT.pdf [--notes-pages N --multiple 4]

Page references are checked before the PDF is written. WeasyPrint fills "(xem trang N)" and the contents'
page numbers with target-counter(), and when a heading moves on to the next page after it was first laid out
(a title kept with its text, a lesson sent to a right-hand page) the references to it can keep the first
page. So every reference's printed number is compared with the page where its target ended up; if any
differs, all references are written into the document as plain numbers (data-page, which the edition's
stylesheet prints instead of the counter) and the document is laid out again, until they agree.

With --notes-pages, the document ends with N pages for notes; only as many of them are kept as make the
page count a multiple of --multiple (a booklet is printed on sheets folded in four pages). The command
prints a JSON report, {"pages": n, "passes": k}.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys

from . import atomic

MAX_PASSES = 4
_NUMBER = re.compile(r"(\d+)\)?\s*$")


class RenderError(RuntimeError):
    """An edition could not be rendered as it should be."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sotay_boiduong.render")
    parser.add_argument("source")
    parser.add_argument("out")
    parser.add_argument("--notes-pages", type=int, default=0)
    parser.add_argument("--multiple", type=int, default=1)
    args = parser.parse_args(argv)
    try:
        report = render_file(args.source, args.out, args.notes_pages, args.multiple)
    except RenderError as error:
        print(error, file=sys.stderr)
        return 1
    print(json.dumps(report))
    return 0


def render_file(source: str, out: str, notes_pages: int = 0, multiple: int = 1) -> dict:
    """Render the HTML file `source` into the PDF `out`; returns {"pages": n, "passes": k}."""
    from weasyprint import HTML

    with open(source, encoding="utf-8") as handle:
        html = handle.read()
    for passes in range(1, MAX_PASSES + 1):
        document = HTML(string=html, base_url=os.path.dirname(os.path.abspath(source))).render()
        pages, wrong = where_targets_are(document)
        if not wrong:
            break
        if passes == MAX_PASSES:
            raise RenderError(f"{out}: page references still disagree after {MAX_PASSES} layouts: {wrong[:5]}")
        html = pin_page_numbers(html, pages)
    if notes_pages:
        content = len(document.pages) - notes_pages
        keep = content + (-content) % multiple
        if keep > len(document.pages):
            raise RenderError(f"{out}: {content} pages need {keep - content} pages of notes, more than the {notes_pages} the document has")
        document = document.copy(document.pages[:keep])
    # Written beside its place and moved there whole: a reader of the site never gets half a PDF, and a
    # failed write leaves no partial file in the site. The site's files are readable by all.
    with atomic.replacing(out, mode=0o644) as partial:
        document.write_pdf(partial)
    return {"pages": len(document.pages), "passes": passes}


def where_targets_are(document) -> tuple[dict[str, int], list[tuple[int, str, int, int]]]:
    """({anchor: page number}, [(page, anchor, number printed, real page)] for every reference that prints
    a number other than its target's page)."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for name in page.anchors:
            pages.setdefault(name, number)
    wrong = []
    for number, page in enumerate(document.pages, start=1):
        for kind, target, _, box in page.links:
            if kind != "internal":
                continue
            printed = _printed_number(box)
            if printed is not None and printed != pages.get(target):
                wrong.append((number, target, printed, pages.get(target)))
    return pages, wrong


def pin_page_numbers(html: str, pages: dict[str, int]) -> str:
    """The document with every internal link's target page written in its data-page attribute."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all("a", href=True):
        target = link["href"][1:] if link["href"].startswith("#") else None
        if target in pages:
            link["data-page"] = str(pages[target])
    return str(soup)


def _printed_number(box) -> int | None:
    """The page number a link's generated text (its ::after) prints, if it prints one."""
    texts = []
    for descendant in box.descendants():
        # The pseudo-element's boxes and the boxes inside them all bear its tag: take the text boxes only.
        if getattr(descendant, "element_tag", "").endswith("::after") and hasattr(descendant, "text"):
            texts.append(descendant.text)
    match = _NUMBER.search("".join(texts))
    return int(match.group(1)) if match else None


if __name__ == "__main__":
    sys.exit(main())
