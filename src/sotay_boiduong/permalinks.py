"""Names for the "#" links that Python-Markdown's toc extension puts after each heading.

The extension can only give them a `title`, the same text in every language (ours said "Liên kết tới mục
này" on English pages too), and a link whose text is "#" is read out as "number sign". `label_permalinks`
gives each one an `aria-label` in the page's language instead; `permalink_title` is empty in mkdocs.yml.
"""

from __future__ import annotations

from . import htmledit


def label_permalinks(html: str, label: str) -> str:
    """Every `<a class="headerlink">` with `aria-label="label"` and without a `title` (a page without
    headings has none, which is not an error)."""
    links = [e for e in htmledit.elements(html, ["a"]) if e.has_class("headerlink")]
    return htmledit.apply(html, [htmledit.retag(link, aria_label=label, title=None) for link in links])
