"""What a reader sees in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright)."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(real_site):
    handler = functools.partial(_QuietHandler, directory=str(real_site.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def test_language_switcher_opens_the_same_page_in_english_and_back(page, server):
    page.goto(f"{server}/huong-dan/chuong-trinh/", wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_url(f"{server}/en/huong-dan/chuong-trinh/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("article h1").inner_text().startswith("Party work training programme")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='vi']").click()
    page.wait_for_url(f"{server}/huong-dan/chuong-trinh/")
    assert page.locator("article h1").inner_text().startswith("Chương trình bồi dưỡng")


@pytest.mark.parametrize("path", ["/", "/en/", "/van-ban/", "/en/bai-hoc/"])
def test_pages_load_nothing_from_another_host(page, server, path):
    page.goto(server + path, wait_until="networkidle")
    assert page.locator("article h1").count() == 1
    foreign = [url for url in page.requests if not url.startswith(server + "/")]
    assert foreign == []
    # The self-hosted font is the one in use, Vietnamese subset included.
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px \"Noto Sans\"', 'Đảng viên ưở Ỷ')")
    families = page.evaluate("getComputedStyle(document.querySelector('article p')).fontFamily")
    assert families.startswith('"Noto Sans"')


def test_home_page_pdf_button_downloads_the_handbook(page, server):
    page.goto(server + "/", wait_until="networkidle")
    button = page.locator(".handbook-hero a.handbook-pdf-link")
    assert button.is_visible()
    assert button.inner_text() == "Tải sổ tay PDF"
    response = page.request.get(server + "/" + button.get_attribute("href"))
    assert response.status == 200
    assert response.body()[:5] == b"%PDF-"
