"""mkdocs-with-pdf's own extension point: it imports a module of this name from sys.path (hooks/ is put
there by the MkDocs hooks) and calls `pre_pdf_render` on the combined document before WeasyPrint."""

from __future__ import annotations

from bs4 import BeautifulSoup

from handbook import pdf
from handbook.pdf_state import CURRENT


def pre_pdf_render(soup: BeautifulSoup, logger) -> BeautifulSoup:
    return pdf.prepare_document(soup, **CURRENT)
