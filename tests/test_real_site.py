"""The repository's own site, built with --strict: both languages, the switcher, both PDF handbooks,
and no request to any other host."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont

SITE_URL = "http://handbook.test/"  # a stand-in origin to resolve relative links against


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content_pages(site: Path, language: str) -> dict[str, Path]:
    """Built content pages of one language, keyed by their path inside that language's root."""
    root = site / "en" if language == "en" else site
    pages = {}
    for html in root.rglob("index.html"):
        relative = html.relative_to(root).as_posix()
        if language == "vi" and relative.startswith("en/"):
            continue
        pages[relative] = html
    return pages


def url_of(site: Path, html: Path) -> str:
    return urljoin(SITE_URL, html.relative_to(site).as_posix().removesuffix("index.html"))


# ---------------------------------------------------------------- pages and languages


def test_both_languages_have_the_same_pages_with_the_right_lang(real_site):
    vi = content_pages(real_site.site, "vi")
    en = content_pages(real_site.site, "en")
    assert {"index.html", "huong-dan/chuong-trinh/index.html", "bai-hoc/index.html"} <= set(vi)
    assert set(vi) == set(en)
    for path in vi:
        assert soup_of(vi[path]).html["lang"] == "vi", path
        assert soup_of(en[path]).html["lang"] == "en", path


def test_pages_are_in_their_own_language(real_site):
    vi = soup_of(real_site.site / "huong-dan/chuong-trinh/index.html").find("article").get_text()
    en = soup_of(real_site.site / "en/huong-dan/chuong-trinh/index.html").find("article").get_text()
    assert "Lớp học dành cho ai" in vi and "giấy chứng nhận" in vi
    assert "Who the class is for" in en and "certificate" in en and "Lớp học dành cho ai" not in en


@pytest.mark.parametrize("page", ["", "huong-dan/chuong-trinh/", "van-ban/"])
def test_language_switcher_stays_on_the_same_page(real_site, page):
    for here, there, other in (("", "en/", "en"), ("en/", "", "vi")):
        html = real_site.site / here / page / "index.html"
        links = soup_of(html).select(f"a.md-select__link[hreflang='{other}']")
        assert len(links) == 1, html
        target = urljoin(url_of(real_site.site, html), links[0]["href"])
        assert target == urljoin(SITE_URL, there + page), (html, links[0]["href"])


EDITION_FILES = {"hoc-vien": "pdf/so-tay-hoc-vien.pdf", "hoc-vien-a5": "pdf/so-tay-hoc-vien-a5.pdf", "giang-vien": "pdf/so-tay-giang-vien.pdf"}


def test_every_page_links_its_own_languages_three_editions(real_site):
    for language, prefix in (("vi", ""), ("en", "en/")):
        for path, html in content_pages(real_site.site, language).items():
            links = soup_of(html).select(".handbook-footer a.handbook-pdf-link")
            assert [link["data-edition"] for link in links] == list(EDITION_FILES), f"{language} {path}"
            for link in links:
                target = urljoin(url_of(real_site.site, html), link["href"])
                assert target == urljoin(SITE_URL, prefix + EDITION_FILES[link["data-edition"]]), (path, link["href"])
                assert (real_site.site / prefix / EDITION_FILES[link["data-edition"]]).is_file()
    home = soup_of(real_site.site / "index.html")
    assert home.select_one(".handbook-hero a.handbook-pdf-link").get_text(strip=True) == "Sổ tay học viên (A4)"


# ---------------------------------------------------------------- no other host

RESOURCE_ATTRIBUTES = {"src", "href", "srcset", "data", "poster", "action", "formaction"}
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", re.I)


def registry_sources() -> set[str]:
    import yaml

    entries = yaml.safe_load((Path(__file__).resolve().parent.parent / "docs/_data/van-ban.yml").read_text("utf-8"))
    return {entry["source"] for entry in entries if entry.get("source")}


def test_no_built_file_references_another_host(real_site):
    """Nothing a page loads comes from another host. The only links out are the official sources named in
    the document registry, as plain links marked rel="external" (following one is the reader's choice)."""
    official = registry_sources()
    found = []
    for html in real_site.site.rglob("*.html"):
        soup = soup_of(html)
        for element in soup.find_all(True):
            for attribute in RESOURCE_ATTRIBUTES & set(element.attrs):
                for value in str(element[attribute]).replace(",", " ").split():
                    if element.name == "a" and value in official and "external" in element.get("rel", []):
                        continue
                    if EXTERNAL.match(value):
                        found.append(f"{html.relative_to(real_site.site)}: <{element.name} {attribute}={value}>")
            for match in CSS_URL.finditer(element.get("style", "")):
                found.append(f"{html.relative_to(real_site.site)}: style {match.group(0)}")
        for style in soup.find_all("style"):
            found += [f"{html}: {m.group(0)}" for m in CSS_URL.finditer(style.get_text()) if EXTERNAL.match(m.group(1) or m.group(2))]
    for css in real_site.site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for match in CSS_URL.finditer(text):
            target = match.group(1) or match.group(2)
            if EXTERNAL.match(target):
                found.append(f"{css.relative_to(real_site.site)}: {target}")
    assert found == []


def test_fonts_are_self_hosted_and_hold_every_letter_the_site_uses(real_site):
    # One Noto Sans file per weight and style (scripts/fonts.py merges fontsource's latin and Vietnamese
    # subsets). With no unicode-range, a letter missing from the file would silently come from a system
    # font: every letter, digit and mark in the site's text must be in all four files.
    css = (real_site.site / "assets/stylesheets/handbook.css").read_text(encoding="utf-8")
    names = re.findall(r'url\("\.\./fonts/([^"]+)"\)', css)
    assert sorted(names) == [f"noto-sans-{s}.woff2" for s in ("400-italic", "400-normal", "700-italic", "700-normal")]
    used = set()
    for html in real_site.site.rglob("*.html"):
        page = soup_of(html)
        for hidden in page(["script", "style", "svg"]):
            hidden.decompose()
        used |= {ch for ch in page.get_text() if unicodedata.category(ch)[0] in "LMN"}
    vietnamese = {chr(c) for c in range(0x1EA0, 0x1EFA)} | set("ăâđêôơưĂÂĐÊÔƠƯ")
    assert len(vietnamese & used) > 40 and len(used) > 100
    for name in names:
        font = TTFont(real_site.site / "assets/fonts" / name)
        missing = {ch for ch in used | vietnamese if ord(ch) not in font.getBestCmap()}
        assert missing == set(), (name, sorted(missing))
    assert not list(real_site.site.glob("assets/stylesheets/fonts.css"))  # the faces are in handbook.css
    assert not list(real_site.site.rglob("*fonts.googleapis*"))
