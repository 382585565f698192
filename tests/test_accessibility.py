"""Accessibility and weight of the pages learners open on phones, measured in headless Chromium.

- axe-core (PyPI axe-playwright-python, which carries axe.min.js) finds no violation on the home page, a
  lesson, a reading and the open search results, in both languages and both colour schemes;
- search and the language switcher work from the keyboard alone; the "#" links of headings have names;
- the first visit to a lesson page, or to the home page, transfers at most 150 KB with gzip, counting
  everything it loads.
- long pages are laid out lazily (content-visibility), and that costs no focus ring its edges.
"""

from __future__ import annotations

import gzip
import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_tools import PHONE, open_search, search, wait_until_quiet
from PIL import Image

PAGES = [
    ("/", None),
    ("/bai-hoc/bai-1/", None),
    ("/van-ban/dieu-le-dang/", None),
    ("/van-ban/qd-30-2016/", None),  # a chain of documents drawn as a diagram that scrolls sideways on a phone
    ("/bai-hoc/bai-1/", "ket nap"),
    ("/en/", None),
    ("/en/bai-hoc/bai-1/", None),
    ("/en/van-ban/dieu-le-dang/", None),
    ("/en/bai-hoc/bai-1/", "party member"),
]
BUDGET = 150_000  # bytes, gzip (the budget for a lesson's first visit)
LESSONS = [f"/{prefix}bai-hoc/bai-{n}/" for prefix in ("", "en/") for n in range(1, 7)]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path, query", PAGES, ids=[f"{p}{' search ' + q if q else ''}" for p, q in PAGES])
def test_axe_finds_no_violation(browser, site_url, axe, scheme, path, query):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + path, wait_until="load")
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


@pytest.mark.parametrize("path, label", [
    ("/bai-hoc/bai-1/", "Liên kết tới mục này"), ("/en/bai-hoc/bai-1/", "Link to this section"),
])
def test_heading_links_are_named_in_the_language_of_the_page(page, site_url, path, label):
    # The "#" after each heading: a screen reader says its name, not "number sign", and in the page's
    # language (English pages used to carry the Vietnamese title). No title, so Material sets up no tooltip.
    page.goto(site_url + path, wait_until="load")
    count = page.locator("article a.headerlink:visible").count()  # a lecturer-only heading is hidden in the learner's view
    assert count > 20
    assert page.get_by_role("link", name=label, exact=True).count() == count
    assert page.locator("a.headerlink[title]").count() == 0


def test_search_works_from_the_keyboard(page, site_url):
    page.goto(site_url + "/bai-hoc/bai-1/", wait_until="load")
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
    page.goto(site_url + "/bai-hoc/bai-1/", wait_until="load")
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


@pytest.mark.parametrize("path", ["/", "/en/", *LESSONS])
def test_first_visit_of_a_page_stays_within_150_kb_gzip(browser, site_url, path):
    context = browser.new_context(viewport=PHONE)  # a new context: empty cache, as on a first visit
    page = context.new_page()
    loaded = []
    page.on("response", lambda response: loaded.append(response))
    # Everything the visit loads, the search worker's index stub included (it starts after the page).
    with page.expect_response(lambda response: response.url.endswith("search_index.json")):
        page.goto(site_url + path, wait_until="networkidle")
    sizes = {}
    for response in loaded:
        body = response.body()
        sizes[response.url.removeprefix(site_url)] = _gzip_size(body, response.headers.get("content-type", ""))
    context.close()
    total = sum(sizes.values())
    assert any(url.endswith("search_index.json") for url in sizes), sorted(sizes)  # the index is counted
    assert total <= BUDGET, f"{total} bytes: " + ", ".join(f"{u} {s}" for u, s in sorted(sizes.items(), key=lambda i: -i[1]))


# A link that starts a line, inside one of the article's blocks: the nearest place where the block's
# containment (content-visibility clips painting at its edge) could cut the focus ring.
_EDGE_LINK = """() => {
  const links = [...document.querySelectorAll(".md-content__inner > p a[href]")]
  return links.findIndex(a => {
    const paragraph = a.closest("p"), line = a.getClientRects()[0], block = paragraph.getBoundingClientRect()
    return getComputedStyle(paragraph).contentVisibility === "auto" && line
      && Math.abs(line.left - block.left) < 1 && Math.abs(line.top - block.top) < 8
  })
}"""


def _content_visibility(page) -> list[str]:
    """The computed content-visibility of each of the article's blocks, in order."""
    return page.evaluate(
        "[...document.querySelectorAll('.md-content__inner > *')].map(el => getComputedStyle(el).contentVisibility)"
    )


def _ring_pixels(strip: Image.Image, colour: tuple[int, int, int]) -> int:
    data = strip.tobytes()  # RGB, three bytes a pixel
    pixels = (data[i:i + 3] for i in range(0, len(data), 3))
    return sum(1 for pixel in pixels if sum(abs(a - b) for a, b in zip(pixel, colour, strict=True)) < 90)


@pytest.mark.parametrize("path", ["/bai-hoc/bai-1/", "/en/bai-hoc/bai-1/"])
def test_long_page_renders_lazily_and_keeps_whole_focus_rings(page, site_url, path):
    page.goto(site_url + path, wait_until="load")
    lazy = _content_visibility(page)
    assert lazy[:3] == ["visible"] * 3  # the first screen paints at once
    assert lazy[-4:] == ["visible"] * 4  # nothing laid out late can reach the footer
    assert set(lazy[3:-4]) == {"auto"}, lazy
    index = page.evaluate(_EDGE_LINK)
    assert index >= 0, "no link starts the first line of a lazily laid-out paragraph"
    link = page.locator(".md-content__inner > p a[href]").nth(index)
    link.scroll_into_view_if_needed()
    page.keyboard.press("Tab")  # a keyboard user: the focus ring is drawn
    link.focus()
    page.mouse.move(0, 0)
    colour = page.evaluate("a => getComputedStyle(a).outlineColor.match(/\\d+/g).slice(0, 3).map(Number)", link.element_handle())
    box = link.bounding_box()
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    left, top = round(box["x"]), round(box["y"])
    # Chromium draws the ring a few pixels outside the link: look just left of it and just above it.
    left_strip = shot.crop((max(0, left - 8), top, left, top + round(box["height"])))
    top_strip = shot.crop((left, max(0, top - 8), left + round(box["width"]), top))
    assert _ring_pixels(left_strip, colour) >= box["height"] / 2, "the focus ring's left side is cut off"
    assert _ring_pixels(top_strip, colour) >= box["width"] / 2, "the focus ring's top side is cut off"


@pytest.mark.parametrize("path", ["/", "/en/", "/bai-hoc/"])
def test_short_pages_render_whole(page, site_url, path):
    page.goto(site_url + path, wait_until="load")
    styles = _content_visibility(page)
    assert styles and set(styles) == {"visible"}


def _focused_in_drawer(page) -> bool:
    return page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")


@pytest.mark.parametrize("path", ["/bai-hoc/bai-1/", "/en/"])
def test_closed_drawer_on_a_phone_is_out_of_the_tab_order_until_opened(browser, site_url, path):
    # The navigation drawer slides in from the left on phones. Closed, its links are off screen, so Tab
    # must not reach them (it did: some fifty invisible stops before the article); opened, it must.
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + path, wait_until="load")
    links = page.locator(".md-sidebar--primary a.md-nav__link")
    shown = page.locator(".md-sidebar--primary a.md-nav__link:visible")
    assert links.count() > 5
    assert shown.count() == 0  # not rendered at all while closed
    reached_article = False
    for _ in range(40):
        page.keyboard.press("Tab")
        assert not _focused_in_drawer(page), "Tab reached a link of the closed drawer"
        reached_article = reached_article or page.evaluate("!!document.activeElement.closest('.md-content')")
    assert reached_article
    page.locator("label.md-header__button[for=__drawer]").click()
    # Material slides the drawer in over 0.25 s: wait until its first link is on screen.
    page.wait_for_function("() => { const a = document.querySelector('.md-sidebar--primary a.md-nav__link'); return a && a.getBoundingClientRect().left >= 0 && getComputedStyle(a).visibility !== 'hidden' }")
    # and until Playwright counts its links as visible (on a loaded machine the first check can come a frame early)
    links.nth(5).wait_for(state="visible")
    assert shown.count() > 5
    first = shown.first
    box = first.bounding_box()
    assert box and 0 <= box["x"] < PHONE["width"] and box["width"] > 50
    first.focus()
    assert _focused_in_drawer(page)
    context.close()


def test_desktop_sidebar_links_stay_in_the_tab_order(browser, site_url):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/bai-hoc/bai-1/", wait_until="load")
    reached = False
    for _ in range(30):
        page.keyboard.press("Tab")
        reached = reached or _focused_in_drawer(page)
    assert reached
    context.close()


@pytest.mark.parametrize("scheme, expected", [("dark", "slate"), ("light", "default")])
def test_first_visit_is_painted_in_the_device_colour_scheme_before_materials_script(
    browser, site_url, scheme, expected
):
    # overrides/partials/javascripts/palette.html chooses the scheme before anything is styled. Material's
    # bundle is held back here, to see the page as it is first painted.
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    context.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "/bai-hoc/bai-1/", wait_until="load")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == expected
    assert body.get_attribute("data-md-color-media") == f"(prefers-color-scheme: {scheme})"
    assert errors == []  # nor does our own script fail without Material's
    context.close()

    # With Material's bundle, the scheme stays, and its "colours are changing" mark is gone again.
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "/bai-hoc/bai-1/", wait_until="load")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == expected
    assert body.get_attribute("data-md-color-switching") is None
    context.close()


def test_a_chosen_colour_scheme_wins_over_the_device_setting(browser, site_url):
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    page = context.new_page()
    page.goto(site_url + "/bai-hoc/bai-1/", wait_until="load")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.locator("label.md-header__button[for^=__palette]:visible").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    # The next page, before Material's bundle runs, already uses the reader's choice.
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    page.goto(site_url + "/bai-hoc/bai-2/", wait_until="load")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    context.close()
