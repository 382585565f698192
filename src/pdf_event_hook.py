"""mkdocs-with-pdf's own extension point: it imports a module of exactly this name (`__import__`) and calls
`pre_pdf_render` on each language's combined document before WeasyPrint renders it.

Installed as a top-level module with the package (pyproject.toml), so with-pdf finds it without any change
to sys.path. Here the document becomes the three printed editions (sotay_boiduong.editions), which start
rendering at once in processes of their own (sotay_boiduong.render, which also checks every page reference);
mkdocs-with-pdf is handed an empty page in exchange, to write to its own output path, which the build removes
(sotay_boiduong.adapters.books).
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from sotay_boiduong import editions
from sotay_boiduong.adapters import context

EMPTY = '<html><head><meta charset="utf-8"></head><body></body></html>'


def pre_pdf_render(soup: BeautifulSoup, logger) -> BeautifulSoup:
    build = context.current()
    target = build.pdf_target
    book, folder, paths, render = target["book"], target["folder"], target["paths"], target["render"]
    editions.prepare(soup, book)
    # The longest first: the A5 booklet, the lecturer's edition, then the learner's A4 edition.
    order = sorted(editions.EDITIONS, key=lambda e: (not e.booklet, not e.lecturer))
    for edition in order:
        document = editions.make(soup, book, edition, render, in_place=edition is order[-1])
        build.pdf_jobs.append(editions.start_render(document, folder / paths[edition.key], edition, book.language))
    return BeautifulSoup(EMPTY, "html.parser")
