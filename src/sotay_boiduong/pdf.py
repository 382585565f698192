"""Preparing the combined handbook HTML for WeasyPrint: one language, clean print styles, correct metadata.

mkdocs-with-pdf gathers every page of the navigation into one HTML document. In a static-i18n build the
English navigation also holds the Vietnamese pages that have no translation yet (fallback pages), and
the document head is copied from a web page with the site's screen stylesheets and scripts. These
functions fix both, on a BeautifulSoup tree, without knowing anything of MkDocs.
"""

from __future__ import annotations

import shutil
import subprocess

from bs4 import BeautifulSoup

# The handbook is set in Noto Serif (text) and Noto Sans (headings), from Debian's fonts-noto-core.
# Both cover every Vietnamese letter and stacked tone mark (ưở, Ỷ).
PDF_FONTS = ("Noto Serif", "Noto Sans")


def is_own_language(page_language: str | None, build_language: str | None) -> bool:
    """A page belongs in a language's handbook only if its source is in that language (no fallback pages)."""
    return build_language is None or page_language in (None, build_language)


def prepare_document(
    soup: BeautifulSoup, *, language: str, title: str, author: str, toc_title: str
) -> BeautifulSoup:
    """Set the document language, metadata and contents title; drop the web page's stylesheets and scripts.

    Only the <style> elements that mkdocs-with-pdf adds (its print rules and overrides/pdf/styles.scss)
    are kept, so the PDF's look is defined in one place and WeasyPrint fetches nothing from the site.
    """
    html = soup.find("html")
    if html is not None:
        html["lang"] = language
    head = soup.find("head")
    if head is None:
        head = soup.new_tag("head")
        soup.html.insert(0, head)
    for element in head.find_all(["link", "script", "meta"]):
        if element.name == "meta" and element.get("charset"):
            continue
        element.decompose()
    for element in soup.find_all("script"):
        element.decompose()
    if head.title is None:
        head.append(soup.new_tag("title"))
    head.title.string = title
    toc_heading = soup.select_one("article#doc-toc > h1")
    if toc_heading is not None:
        toc_heading.string = toc_title
    for name, content in (("author", author), ("generator", "MkDocs, mkdocs-with-pdf, WeasyPrint")):
        meta = soup.new_tag("meta", attrs={"name": name, "content": content})
        head.append(meta)
    return soup


WEB_ONLY = ".handbook-web-only"


def drop_web_only(article) -> None:
    """Remove what only a screen reader of the site needs (downloads, search tips, links for editors)."""
    for element in article.select(WEB_ONLY):
        element.decompose()


def missing_fonts() -> list[str]:
    """The handbook fonts that fontconfig cannot find on this machine (WeasyPrint would silently substitute)."""
    if shutil.which("fc-list") is None:
        return list(PDF_FONTS)
    installed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    families = {name.strip() for line in installed.splitlines() for name in line.split(",")}
    return [font for font in PDF_FONTS if font not in families]
