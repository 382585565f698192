"""The public address (HANDBOOK_SITE_URL): with one, a sitemap of real addresses and a 404 page that
finds its styles under a sub-path; without one, no sitemap at all rather than one of "None/…" entries."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile

from bs4 import BeautifulSoup
from conftest import VARIANT_ADDRESS as ADDRESS
from test_real_site import content_pages

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_without_an_address_there_is_no_sitemap_and_no_canonical_link(real_site):
    assert not (real_site.site / "sitemap.xml").exists()
    assert not (real_site.site / "sitemap.xml.gz").exists()
    assert not list(real_site.site.rglob("sitemap.xml*"))
    page = BeautifulSoup(real_site.page("bai-hoc/bai-1/index.html"), "html.parser")
    assert page.find("link", rel="canonical") is None


def test_with_an_address_the_sitemap_lists_every_page_of_both_languages(variant_site):
    build = variant_site
    site = build.site
    locations = {loc.text for loc in ET.parse(site / "sitemap.xml").getroot().iter(SITEMAP + "loc")}
    expected = set()
    for language, prefix in (("vi", ""), ("en", "en/")):
        for path in content_pages(site, language):
            expected.add(ADDRESS + prefix + path.removesuffix("index.html"))
    # Every page once, nothing else: no "None", no address outside the site.
    assert locations == expected, (locations ^ expected)

    for path, address in (("bai-hoc/bai-1/index.html", "bai-hoc/bai-1/"), ("en/bai-hoc/bai-1/index.html", "en/bai-hoc/bai-1/")):
        canonical = BeautifulSoup(build.page(path), "html.parser").find("link", rel="canonical")
        assert canonical["href"] == ADDRESS + address

    # The 404 page is served at any depth, so its styles and scripts are addressed from the site's root.
    missing = BeautifulSoup(build.page("404.html"), "html.parser")
    styles = [link["href"] for link in missing.find_all("link", rel="stylesheet")]
    assert styles and all(href.startswith("/so-tay/assets/") for href in styles), styles

    # The offline copy has no public address: no page in the zip names a web address as its own.
    for archive in (site / "offline").glob("*.zip"), (site / "en/offline").glob("*.zip"):
        for path in archive:
            with zipfile.ZipFile(path) as zipped:
                pages = [name for name in zipped.namelist() if name.endswith(".html")]
                assert pages
                for name in pages:
                    assert "example.org" not in zipped.read(name).decode("utf-8"), name
