"""mkdocs-with-pdf's own extension point: it imports a module of exactly this name (`__import__`) and calls
`pre_pdf_render` on each language's combined document before WeasyPrint renders it.

Installed as a top-level module with the package (pyproject.toml), so with-pdf finds it without any
change to sys.path. What it needs of the language being built comes from the build's shared state.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from sotay_boiduong import pdf
from sotay_boiduong.adapters import context


def pre_pdf_render(soup: BeautifulSoup, logger) -> BeautifulSoup:
    return pdf.prepare_document(soup, **context.current().pdf_target)
