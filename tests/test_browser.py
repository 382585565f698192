"""What a reader sees in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright)."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_tools import PHONE


def test_language_switcher_opens_the_same_page_in_english_and_back(page, site_url):
    page.goto(f"{site_url}/huong-dan/chuong-trinh/", wait_until="load")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_url(f"{site_url}/en/huong-dan/chuong-trinh/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("article h1").inner_text().startswith("The Party work training programme")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='vi']").click()
    page.wait_for_url(f"{site_url}/huong-dan/chuong-trinh/")
    assert page.locator("article h1").inner_text().startswith("Chương trình bồi dưỡng")


@pytest.mark.parametrize("path", ["/", "/en/", "/van-ban/", "/en/bai-hoc/"])
def test_pages_load_nothing_from_another_host(page, site_url, path):
    page.goto(site_url + path, wait_until="load")
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


def test_home_page_offers_the_three_editions_each_a_real_pdf_with_its_pages_and_size(page, site_url):
    page.goto(site_url + "/", wait_until="load")
    buttons = page.locator(".handbook-hero a.handbook-pdf-link")
    assert buttons.count() == 3
    assert [buttons.nth(i).inner_text() for i in range(3)] == ["Sổ tay học viên (A4)", "Sổ tay học viên, bản bỏ túi A5", "Sổ tay giảng viên (A4)"]
    for index in range(3):
        button = buttons.nth(index)
        assert button.is_visible()
        meta = button.locator("xpath=following-sibling::span[1]").inner_text()
        assert re.fullmatch(r"\d+ trang, \d+,\d MB", meta), meta
        response = page.request.get(site_url + "/" + button.get_attribute("href"))
        assert response.status == 200
        assert response.body()[:5] == b"%PDF-"


@pytest.mark.parametrize("path", ["/bai-hoc/bai-1/", "/en/bai-hoc/bai-1/"])
def test_tapping_a_glossary_term_on_a_phone_shows_its_definition(browser, site_url, path):
    # A browser's own title tooltip never shows on a touch screen; handbook.js shows the definition.
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + path, wait_until="load")
    tip = page.locator("#handbook-definition")
    terms = page.locator(".md-content p abbr[tabindex]")
    for index in (0, 3):  # a second term replaces the first one's definition
        term = terms.nth(index)
        definition = term.get_attribute("title")
        assert definition and len(definition) > 20
        term.scroll_into_view_if_needed()
        term.tap()
        tip.wait_for(state="visible")
        assert tip.inner_text().strip() == definition.strip()
        assert tip.get_attribute("role") == "tooltip" and term.get_attribute("aria-describedby") == "handbook-definition"
        assert term.get_attribute("title") is None  # no second, native tooltip meanwhile
        term_box, tip_box = term.bounding_box(), tip.bounding_box()
        assert 0 <= tip_box["x"] and tip_box["x"] + tip_box["width"] <= PHONE["width"]
        assert abs(tip_box["y"] - (term_box["y"] + term_box["height"])) < 20 or tip_box["y"] + tip_box["height"] <= term_box["y"]
    # Open, it breaks no accessibility rule either (it once sat outside every landmark: axe "region").
    assert [v["id"] for v in Axe().run(page).response["violations"]] == []
    page.locator("article h1").tap()  # a tap elsewhere hides it and gives the title back
    tip.wait_for(state="hidden")
    assert terms.nth(3).get_attribute("title") == definition and terms.nth(3).get_attribute("aria-describedby") is None
    context.close()


def test_a_glossary_term_shows_its_definition_from_the_keyboard(page, site_url):
    page.goto(site_url + "/bai-hoc/bai-1/", wait_until="load")
    tip = page.locator("#handbook-definition")
    term = page.locator(".md-content p abbr[tabindex]").first
    definition = term.get_attribute("title")
    term.focus()
    tip.wait_for(state="visible")
    assert tip.inner_text().strip() == definition.strip()
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    term.focus()
    page.keyboard.press("Tab")  # moving on hides it too
    tip.wait_for(state="hidden")
    # Material's own tooltips are off: they cost a phone half of a lesson page's start-up blocking time.
    assert page.locator(".md-tooltip2").count() == 0
    assert "content.tooltips" not in page.evaluate("JSON.parse(document.getElementById('__config').textContent).features")


def test_a_glossary_term_inside_a_link_is_left_to_the_link(page, site_url):
    page.goto(site_url + "/van-ban/dieu-le-dang/", wait_until="load")
    inside = page.locator(".md-content a abbr[title]")
    assert inside.count() > 0 and page.locator(".md-content a abbr[tabindex]").count() == 0
