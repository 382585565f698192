"""The offline copies: one zip per language, offered on its home page, readable and searchable from
file:// in headless Chromium, asking no host for anything."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from browser_tools import PHONE, open_search, search

from sotay_boiduong import offline

# Each language's zip names its language (sotay_boiduong.offline.zip_path).
ZIPS = {"": "offline/so-tay-boi-duong-cong-tac-dang-vi.zip", "en/": "offline/so-tay-boi-duong-cong-tac-dang-en.zip"}
ZIP = ZIPS[""]


def test_language_files_keep_one_language_and_the_shared_assets(tmp_path):
    for name in [
        "index.html",
        "bai-hoc/bai-1.html",
        "search/search_index.js",
        "assets/javascripts/bundle.js",
        "assets/javascripts/bundle.js.map",
        "assets/javascripts/lunr/wordcut.js",
        "assets/javascripts/lunr/min/lunr.vi.min.js",
        "assets/javascripts/lunr/min/lunr.ja.min.js",
        "search/search_index.json",
        "sitemap.xml",
        "en/index.html",
        "en/bai-hoc/bai-1.html",
        "en/search/search_index.js",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    prefixes = {"vi": "", "en": "en/"}
    assert list(offline.language_files(tmp_path, prefixes, "vi", ["vi", "en"])) == [
        "assets/javascripts/bundle.js",
        "assets/javascripts/lunr/min/lunr.vi.min.js",
        "bai-hoc/bai-1.html",
        "index.html",
        "search/search_index.js",
    ]
    assert list(offline.language_files(tmp_path, prefixes, "en", ["vi", "en"])) == [
        "assets/javascripts/bundle.js",
        "assets/javascripts/lunr/min/lunr.vi.min.js",
        "en/bai-hoc/bai-1.html",
        "en/index.html",
        "en/search/search_index.js",
    ]


def _names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def test_each_language_has_a_zip_with_its_pages_search_and_pdf(real_site):
    vi, en = _names(real_site.site / ZIPS[""]), _names(real_site.site / "en" / ZIPS["en/"])
    top_vi, top_en = vi[0].split("/")[0], en[0].split("/")[0]
    assert top_vi != top_en
    vi = {name.split("/", 1)[1] for name in vi}
    en = {name.split("/", 1)[1] for name in en}
    for name in ["index.html", "bai-hoc/bai-1.html", "van-ban/dieu-le-dang.html", "search/search_index.js",
                 "assets/javascripts/iframe-worker.js", "pdf/so-tay-boi-duong-cong-tac-dang.pdf", "pdf/so-tay-hoc-vien.pdf"]:
        assert name in vi, name
    assert not any(name.startswith("en/") for name in vi)
    for name in ["index.html", "en/index.html", "en/bai-hoc/bai-1.html", "en/search/search_index.js",
                 "assets/javascripts/iframe-worker.js", "en/pdf/so-tay-boi-duong-cong-tac-dang.pdf", "en/pdf/so-tay-hoc-vien.pdf"]:
        assert name in en, name
    assert "bai-hoc/bai-1.html" not in en and "search/search_index.js" not in en
    assert not any(name.endswith(".map") for name in vi | en)


def test_offline_pages_load_nothing_from_another_host(real_site):
    with zipfile.ZipFile(real_site.site / ZIP) as archive:
        for name in archive.namelist():
            if name.endswith(".html"):
                html = archive.read(name).decode("utf-8")
                sources = re.findall(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]+)"', html)
                assert not [s for s in sources if re.match(r"(https?:)?//", s)], name
                assert "unpkg.com" not in html, name
                assert 'class="md-select' not in html, name  # one language per zip: no switcher


def test_home_pages_offer_their_zip(real_site):
    from bs4 import BeautifulSoup

    for prefix, label in [("", "ngoại tuyến"), ("en/", "offline")]:
        soup = BeautifulSoup((real_site.site / prefix / "index.html").read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one(".handbook-hero a.handbook-offline-link")
        assert link is not None and label in link.get_text().lower()
        assert (real_site.site / prefix / link["href"]).resolve() == (real_site.site / prefix / ZIPS[prefix]).resolve()
        assert "máy tính" in link.get_text() or "computer" in link.get_text()  # a phone cannot open a zip
        assert zipfile.is_zipfile(real_site.site / prefix / link["href"])


@pytest.fixture(scope="module")
def unzipped(real_site, tmp_path_factory):
    folders = {}
    for language, prefix in [("vi", ""), ("en", "en/")]:
        target = tmp_path_factory.mktemp(f"offline-{language}")
        with zipfile.ZipFile(real_site.site / prefix / ZIPS[prefix]) as archive:
            archive.extractall(target)
            folders[language] = target / archive.namelist()[0].split("/")[0]
    return folders


@pytest.mark.parametrize(
    "language, query, result",
    [("vi", "ket nap", "bai-hoc/bai-3.html"), ("en", "admission", "en/bai-hoc/bai-3.html")],
)
def test_the_unzipped_copy_reads_and_searches_from_file(browser, unzipped, language, query, result):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    folder = unzipped[language]
    page.goto((folder / "index.html").as_uri())
    page.wait_for_load_state("load")
    home = "en/index.html" if language == "en" else "index.html"
    page.wait_for_url(re.compile(re.escape(home) + "$"))
    # Navigation: the lesson index, then the first lesson, as a reader would tap through.
    page.locator("article a[href*='bai-hoc/']").first.click()
    page.wait_for_url(re.compile(r"^file://.*bai-hoc/"))  # the click's navigation, not the page before it
    assert page.locator("article h1").count() == 1
    # Search from file://: Material's worker runs in its iframe shim, on search_index.js.
    open_search(page)
    found = search(page, query)
    assert found and found[0].path.endswith(result), [r.path for r in found[:5]]
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url(re.compile(re.escape(result) + r"([?#].*)?$"))
    assert [url for url in requests if not url.startswith("file://")] == []
    context.close()


def test_only_the_published_site_preloads_its_fonts(real_site):
    # A preload is a cross-origin request, which Chromium refuses from file://; the published site keeps it.
    published = (real_site.site / "bai-hoc/bai-1/index.html").read_text(encoding="utf-8")
    assert published.count('rel="preload"') == 2 and 'as="font"' in published
    with zipfile.ZipFile(real_site.site / ZIP) as archive:
        pages = [name for name in archive.namelist() if name.endswith(".html")]
        assert pages and not [name for name in pages if 'rel="preload"' in archive.read(name).decode("utf-8")]


@pytest.mark.parametrize("language, lesson, query", [("vi", "bai-hoc/bai-1.html", "ket nap"), ("en", "en/bai-hoc/bai-1.html", "admission")])
def test_the_unzipped_copy_opens_from_file_with_a_clean_console_and_its_fonts(browser, unzipped, language, lesson, query):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    folder = unzipped[language]
    page.goto((folder / "index.html").as_uri(), wait_until="load")
    # The English copy's index.html sends the reader on to en/index.html: wait for the page where that ends,
    # or the redirect interrupts the next navigation.
    home = (folder / lesson).parent.parent / "index.html"
    page.wait_for_url(home.as_uri(), wait_until="load")
    for address in [(folder / lesson).as_uri(), None]:
        if address:
            page.goto(address, wait_until="load")
        page.evaluate("document.fonts.ready")
        loaded = page.evaluate(
            "[...document.fonts].filter(f => f.family.replace(/\"/g, '') === 'Noto Sans' && f.status === 'loaded')"
            ".map(f => f.weight + ' ' + f.style)"
        )
        assert {"400 normal", "700 normal"} <= set(loaded), loaded
        assert page.evaluate("document.fonts.check('16px \"Noto Sans\"', 'Đảng viên ưở Ỷ')")
        assert page.evaluate("getComputedStyle(document.querySelector('article p')).fontFamily").startswith('"Noto Sans"')
    open_search(page)
    assert search(page, query)
    page.wait_for_timeout(500)  # anything the page logs late (the search worker, the fonts) is caught too
    context.close()
    assert console == []


def test_zip_names_name_their_language():
    assert offline.zip_path("offline/so-tay.zip", "vi") == "offline/so-tay-vi.zip"
    assert offline.zip_path("offline/so-tay.zip", "en") == "offline/so-tay-en.zip"


_REFERENCES = re.compile(r'<(?:a|link|script|img|source|iframe)\b[^>]*?\b(?:href|src)="([^"]+)"')


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_link_of_the_zip_resolves_inside_it(real_site, prefix):
    # The learner's PDF under the name its home page links, the lessons, the assets: nothing points outside
    # the zip or at a file it does not hold (an address on the web, a mail link and a page's own anchors aside).
    from posixpath import dirname, normpath
    from urllib.parse import unquote, urlsplit

    with zipfile.ZipFile(real_site.site / prefix / ZIPS[prefix]) as archive:
        names = archive.namelist()
        top = names[0].split("/")[0]
        held = {name.split("/", 1)[1] for name in names}
        missing = set()
        for name in names:
            if not name.endswith(".html"):
                continue
            page = name.split("/", 1)[1]
            for address in _REFERENCES.findall(archive.read(name).decode("utf-8")):
                parts = urlsplit(address)
                if parts.scheme or address.startswith(("#", "//", "javascript:")):
                    continue
                target = normpath(f"{dirname(page)}/{unquote(parts.path)}" if dirname(page) else unquote(parts.path))
                if target not in held and f"{target}/index.html" not in held:
                    missing.add((page, address))
    assert top and not missing, sorted(missing)[:20]


def test_the_offline_home_page_says_what_the_copy_holds(real_site):
    from bs4 import BeautifulSoup

    with zipfile.ZipFile(real_site.site / ZIPS[""]) as archive:
        top = archive.namelist()[0].split("/")[0]
        home = BeautifulSoup(archive.read(f"{top}/index.html").decode("utf-8"), "html.parser")
    hero = home.select_one(".handbook-hero")
    assert [a["href"] for a in hero.select("a.handbook-pdf-link")] == ["pdf/so-tay-hoc-vien.pdf"]
    assert "ba ấn bản" not in home.get_text() and "ngoại tuyến" in hero.get_text()
