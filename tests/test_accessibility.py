"""Accessibility and weight of the pages learners open on phones, measured in headless Chromium.

- axe-core (PyPI axe-playwright-python, which carries axe.min.js) finds no violation on the home page, a
  lesson, a reading and the open search results, in both languages and both colour schemes;
- search and the language switcher work from the keyboard alone;
- the first visit to a lesson page transfers at most 250 KB with gzip, counting everything it loads.
"""

from __future__ import annotations

import gzip

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_tools import PHONE, open_search, search, wait_until_quiet

PAGES = [
    ("/", None),
    ("/bai-hoc/bai-1/", None),
    ("/van-ban/dieu-le-dang/", None),
    ("/bai-hoc/bai-1/", "ket nap"),
    ("/en/", None),
    ("/en/bai-hoc/bai-1/", None),
    ("/en/van-ban/dieu-le-dang/", None),
    ("/en/bai-hoc/bai-1/", "party member"),
]
BUDGET = 250_000  # bytes, gzip


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path, query", PAGES, ids=[f"{p}{' search ' + q if q else ''}" for p, q in PAGES])
def test_axe_finds_no_violation(browser, site_url, axe, scheme, path, query):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    if query:
        open_search(page)
        assert search(page, query)
    results = axe.run(page)
    violations = [
        (v["id"], v["help"], [node["target"] for node in v["nodes"][:3]]) for v in results.response["violations"]
    ]
    context.close()
    assert violations == []


def test_search_works_from_the_keyboard(page, site_url):
    page.goto(site_url + "/bai-hoc/bai-1/", wait_until="networkidle")
    page.keyboard.press("/")  # Material's shortcut: focus the search box
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("ket nap")
    # Each key sends a query; wait for the answer to the whole of it.
    page.wait_for_function(
        "(document.querySelector('.md-search-result__list a') || {}).href?.includes('/bai-hoc/bai-3/')"
    )
    wait_until_quiet(page, ".md-search-result")
    # Arrow down moves from the box to the first result (if the list was redrawn under the focus, the
    # first press returns to the box and the second goes down).
    for _ in range(3):
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("document.activeElement.getAttribute('href')")
        if focused:
            break
    assert focused and "bai-hoc/bai-3/" in focused
    assert page.evaluate("document.activeElement.closest('.md-search-result__list') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}/bai-hoc/bai-3/**")
    assert page.locator("article h1").inner_text().startswith("Bài 3.")


def test_language_switcher_works_from_the_keyboard(page, site_url):
    page.goto(site_url + "/bai-hoc/bai-1/", wait_until="networkidle")
    english = page.locator(".md-header .md-select a[hreflang='en']")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang') === 'en'"):
            break
    else:
        pytest.fail("Tab never reached the English link of the language switcher")
    assert english.is_visible()  # the list opens when focus enters it
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}/en/bai-hoc/bai-1/")
    assert page.locator("html").get_attribute("lang") == "en"


def _gzip_size(body: bytes, content_type: str) -> int:
    if content_type.startswith(("font/", "image/png", "image/jpeg", "application/zip", "application/pdf")):
        return len(body)  # already compressed: a server sends them as they are
    return len(gzip.compress(body, 6))


@pytest.mark.parametrize("path", ["/bai-hoc/bai-1/", "/en/bai-hoc/bai-1/", "/"])
def test_first_visit_of_a_page_stays_within_250_kb_gzip(browser, site_url, path):
    context = browser.new_context(viewport=PHONE)  # a new context: empty cache, as on a first visit
    page = context.new_page()
    loaded = []
    page.on("response", lambda response: loaded.append(response))
    page.goto(site_url + path, wait_until="networkidle")
    page.wait_for_timeout(500)  # anything started late (the search worker and its index)
    sizes = {}
    for response in loaded:
        body = response.body()
        sizes[response.url.removeprefix(site_url)] = _gzip_size(body, response.headers.get("content-type", ""))
    context.close()
    total = sum(sizes.values())
    assert any(url.endswith("search_index.json") for url in sizes), sorted(sizes)  # the index is counted
    assert total <= BUDGET, f"{total} bytes: " + ", ".join(f"{u} {s}" for u, s in sorted(sizes.items(), key=lambda i: -i[1]))
