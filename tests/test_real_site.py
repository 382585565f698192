"""The repository's own site, built with --strict: both languages, the switcher, both PDF handbooks,
and no request to any other host."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import urljoin

import pdf_tools
import pytest
from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont
from pypdf import PdfReader

PDF = "pdf/so-tay-boi-duong-cong-tac-dang.pdf"
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


def test_every_page_links_its_own_languages_pdf(real_site):
    for language, prefix in (("vi", ""), ("en", "en/")):
        for path, html in content_pages(real_site.site, language).items():
            links = soup_of(html).select("a.handbook-pdf-link")
            assert links, f"{language} {path}: no PDF link"
            for link in links:
                target = urljoin(url_of(real_site.site, html), link["href"])
                assert target == urljoin(SITE_URL, prefix + PDF), (path, link["href"])
    home = soup_of(real_site.site / "index.html")
    assert home.select_one(".handbook-hero a.handbook-pdf-link").get_text(strip=True) == "Tải sổ tay PDF"


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


# ---------------------------------------------------------------- the PDF handbooks


class Handbook:
    """A PDF handbook: its file (for its text, through pdftotext) and pypdf's reader (outline, fonts, metadata)."""

    def __init__(self, path: Path):
        self.path, self.reader = path, PdfReader(path)

    def __getattr__(self, name):
        return getattr(self.reader, name)


def pdf_text(handbook: Handbook) -> list[str]:
    return pdf_tools.pages(handbook.path)


def outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles += outline_titles(item) if isinstance(item, list) else [item.title]
    return titles


@pytest.fixture(scope="module")
def handbooks(real_site):
    return {"vi": Handbook(real_site.site / PDF), "en": Handbook(real_site.site / "en" / PDF)}


def test_each_language_has_its_own_pdf(handbooks):
    vi, en = ("\n".join(pdf_text(handbooks[lang])) for lang in ("vi", "en"))
    assert "Chương trình dành cho ai" in vi and "Who the programme is for" not in vi
    assert "Who the programme is for" in en and "Chương trình dành cho ai" not in en
    assert "Party work training" in en


def test_pdf_cover_has_title_context_and_year(handbooks):
    cover = pdf_text(handbooks["vi"])[0]
    assert "Bồi dưỡng công tác đảng cho" in cover and "cấp uỷ viên cơ" in cover
    assert "Ban Tuyên giáo Trung ương" in cover
    assert "2026" in cover
    for reader in handbooks.values():
        assert "None" not in "\n".join(pdf_text(reader))


def test_pdf_has_outline_and_table_of_contents_with_page_numbers(handbooks):
    reader = handbooks["vi"]
    titles = outline_titles(reader.outline)
    assert "Mục lục" in titles and "Văn bản cần đọc" in titles and "3. Học những gì, trong bao lâu" in titles
    toc = pdf_text(reader)[1]
    assert "Mục lục" in toc
    # Each entry ends in the number of the page where its heading stands.
    entry = re.search(r"Văn bản cần đọc\s*\.*\s*(\d+)", toc)
    assert entry, toc
    page = int(entry.group(1))
    assert "Văn bản cần đọc" in pdf_text(reader)[page - 1]
    assert outline_titles(handbooks["en"].outline)[:2] == ["Contents", "Party work training for cell secretaries and grassroots Party committee members"]


def test_pdf_pages_are_numbered(handbooks):
    for reader in handbooks.values():
        texts = pdf_text(reader)
        for number in range(2, len(texts) + 1):
            last_line = texts[number - 1].strip().splitlines()[-1].strip()
            assert last_line == str(number), (number, texts[number - 1][-200:])


def test_pdf_running_heads_never_overlap(real_site):
    """The programme title (left) and the chapter title (right) share the top margin without touching."""
    for path in [real_site.site / PDF, real_site.site / "en" / PDF]:
        for number, page in enumerate(pdf_tools.layout(path), start=1):
            head = [
                (word.xmin, word.ymin, word.xmax, word.ymax)
                for word in page.words
                if word.ymax < 60  # the top margin (22 mm is 62 pt)
            ]
            for i, a in enumerate(head):
                for b in head[i + 1 :]:
                    overlap_x = min(a[2], b[2]) - max(a[0], b[0])
                    overlap_y = min(a[3], b[3]) - max(a[1], b[1])
                    assert overlap_x <= 0.5 or overlap_y <= 0.5, (path.name, number, a, b)


def test_pdf_text_is_correct_nfc_vietnamese_in_embedded_noto_fonts(handbooks):
    reader = handbooks["vi"]
    text = "\n".join(pdf_text(reader))
    assert unicodedata.is_normalized("NFC", text)
    for word in ("Trưởng", "cấp uỷ", "Đảng", "bồi dưỡng", "khoá", "giấy chứng nhận"):
        assert word in text, word
    fonts = pdf_tools.fonts(reader.path)
    assert all(font["embedded"] for font in fonts.values()), fonts
    assert {"Noto-Serif", "Noto-Serif-Bold", "Noto-Sans-Bold"} <= set(fonts), set(fonts)
    # Every letter is set in Noto; a fallback font may only supply symbols Noto Serif lacks (such as →).
    fallback = {ch for name, font in fonts.items() if "Noto" not in name for ch in font["characters"]}
    assert not any(ch.isalpha() for ch in fallback), sorted(fallback)
    assert any(ch in fonts["Noto-Serif"]["characters"] for ch in "ưởỷ")


def test_pdf_metadata_is_per_language(handbooks):
    assert handbooks["vi"].metadata.title == "Bồi dưỡng công tác đảng cho bí thư chi bộ và cấp uỷ viên cơ sở"
    assert handbooks["en"].metadata.title.startswith("Party work training")
