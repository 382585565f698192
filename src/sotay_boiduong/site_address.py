"""The site's public address, and what depends on it: the sitemap.

MkDocs writes `sitemap.xml` (and its .gz) from `site_url`. Without an address every `<loc>` reads
"None/…", a file search engines reject, so a build that has no address leaves the sitemap out rather
than publish a broken one. The address is known only where the site is published, which is why
mkdocs.yml reads it from HANDBOOK_SITE_URL.
"""

from __future__ import annotations

from pathlib import Path

SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


def drop_sitemaps(site: Path) -> list[str]:
    """Delete every sitemap under `site` (one per language, if a language writes one); return their paths."""
    removed = []
    for name in SITEMAPS:
        for path in sorted(site.rglob(name)):
            path.unlink()
            removed.append(path.relative_to(site).as_posix())
    return removed
