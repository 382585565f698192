"""What a reader sees in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright)."""

from __future__ import annotations

import pytest
from browser_tools import PHONE


def test_language_switcher_opens_the_same_page_in_english_and_back(page, site_url):
    page.goto(f"{site_url}/huong-dan/chuong-trinh/", wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_url(f"{site_url}/en/huong-dan/chuong-trinh/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("article h1").inner_text().startswith("Party work training programme")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='vi']").click()
    page.wait_for_url(f"{site_url}/huong-dan/chuong-trinh/")
    assert page.locator("article h1").inner_text().startswith("Chương trình bồi dưỡng")


@pytest.mark.parametrize("path", ["/", "/en/", "/van-ban/", "/en/bai-hoc/"])
def test_pages_load_nothing_from_another_host(page, site_url, path):
    page.goto(site_url + path, wait_until="networkidle")
    assert page.locator("article h1").count() == 1
    foreign = [url for url in page.requests if not url.startswith(site_url + "/")]
    assert foreign == []
    # The self-hosted font is the one in use, Vietnamese letters included, and both upright weights loaded.
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px \"Noto Sans\"', 'Đảng viên ưở Ỷ')")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.family.includes('Noto Sans') && f.status === 'loaded')"
        ".map(f => f.weight + ' ' + f.style)"
    )
    assert {"400 normal", "700 normal"} <= set(loaded)
    families = page.evaluate("getComputedStyle(document.querySelector('article p')).fontFamily")
    assert families.startswith('"Noto Sans"')


def test_home_page_pdf_button_downloads_the_handbook(page, site_url):
    page.goto(site_url + "/", wait_until="networkidle")
    button = page.locator(".handbook-hero a.handbook-pdf-link")
    assert button.is_visible()
    assert button.inner_text() == "Tải sổ tay PDF"
    response = page.request.get(site_url + "/" + button.get_attribute("href"))
    assert response.status == 200
    assert response.body()[:5] == b"%PDF-"


@pytest.mark.parametrize("path", ["/bai-hoc/bai-1/", "/en/bai-hoc/bai-1/"])
def test_tapping_a_glossary_term_on_a_phone_shows_its_definition(browser, site_url, path):
    # Material's content.tooltips does this; a browser's own title tooltip never shows on a touch screen.
    # The feature costs some start-up time (Lighthouse), and this is what it buys.
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    term = page.locator(".md-content abbr").first
    definition = term.get_attribute("title")
    assert definition and len(definition) > 20
    term.scroll_into_view_if_needed()
    term.tap()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() == definition.strip()
    context.close()
