"""MkDocs hook: no sitemap when the site has no public address (HANDBOOK_SITE_URL).

mkdocs.yml sets `site_url` from HANDBOOK_SITE_URL. Set it where the site is published (e.g.
HANDBOOK_SITE_URL=https://example.org/so-tay/): the sitemap then lists real addresses, pages name
their canonical address, and the 404 page finds its styles under a sub-path. Left unset (a local
build, the tests), the sitemap would be full of "None/…" addresses, so it is removed
(sotay_boiduong.site_address).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger

from sotay_boiduong.adapters.i18n import is_final_build
from sotay_boiduong.site_address import drop_sitemaps

log = get_plugin_logger("site_address")


@event_priority(-130)  # after static-i18n has written every language
def on_post_build(config: MkDocsConfig) -> None:
    if config.site_url or not is_final_build(config):
        return
    removed = drop_sitemaps(Path(config.site_dir))
    if removed:
        log.info("Không có địa chỉ trang (HANDBOOK_SITE_URL) nên bỏ %s.", ", ".join(removed))
