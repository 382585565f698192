"""What the PDF handbooks need before mkdocs-with-pdf gathers the pages (the editions themselves are made by
sotay_boiduong.editions): only pages written in the book's language, nothing meant for the screen only, and
the fonts the book is set in.

In a static-i18n build the English navigation also holds the Vietnamese pages that have no translation yet
(fallback pages): mkdocs-with-pdf would print them in the English book.
"""

from __future__ import annotations

import shutil
import subprocess

# The handbook is set in Noto Serif (text) and Noto Sans (headings), from Debian's fonts-noto-core.
# Both cover every Vietnamese letter and stacked tone mark (ưở, Ỷ).
PDF_FONTS = ("Noto Serif", "Noto Sans")


def is_own_language(page_language: str | None, build_language: str | None) -> bool:
    """A page belongs in a language's handbook only if its source is in that language (no fallback pages)."""
    return build_language is None or page_language in (None, build_language)


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
