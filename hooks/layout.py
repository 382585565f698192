"""MkDocs hook: the home page's downloads come after its title (sotay_boiduong.layout).

The theme writes them above the content (`hero` block of overrides/main.html), outside the article, so
that mkdocs-with-pdf, which keeps each page's article for the printed editions, never sees them. Once it
has kept the article, the downloads move to just after the article's title, where a phone shows them
below the title instead of above it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from sotay_boiduong import layout


@event_priority(-120)  # after mkdocs-with-pdf (-100) and hooks/pdf_handbook.py (-110) have kept the article
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if page.file.src_uri.split(".")[0] == "index":  # each language's home page: index.md, index.en.md
        return layout.downloads_after_title(output)
    return output
