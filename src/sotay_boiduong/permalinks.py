"""Names for the "#" links that Python-Markdown's toc extension puts after each heading.

The extension can only give them a `title`, the same text in every language (ours said "Liên kết tới mục
này" on English pages too), and a link whose text is "#" is read out as "number sign". `label_permalinks`
gives each one an `aria-label` in the page's language instead; `permalink_title` is empty in mkdocs.yml.
"""

from __future__ import annotations

import html as html_lib
import re

_PERMALINK = re.compile(r'<a class="headerlink" href="(#[^"]*)"(?P<title> title="[^"]*")?>')


def label_permalinks(html: str, label: str) -> str:
    """Every `<a class="headerlink">` with `aria-label="label"` and without a `title`."""
    attribute = html_lib.escape(label, quote=True)
    return _PERMALINK.sub(lambda m: f'<a class="headerlink" href="{m[1]}" aria-label="{attribute}">', html)
