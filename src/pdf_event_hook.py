"""mkdocs-with-pdf's own extension point: it imports a module of exactly this name (`__import__`) and calls
`pre_pdf_render` on each language's combined document before WeasyPrint renders it.

Installed as a top-level module with the package (pyproject.toml), so with-pdf finds it without any change
to sys.path. The document becomes the printed editions (sotay_boiduong.adapters.books.make_editions); with-pdf
is handed an empty page in exchange, to write to its own output path, which the build removes.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from sotay_boiduong.adapters import books


def pre_pdf_render(soup: BeautifulSoup, logger) -> BeautifulSoup:
    return books.make_editions(soup)
