"""The site as a learner meets it, on a 412-pixel phone and a desktop (issue 18), in headless Chromium:

1. glossary marks in body text only, never in headings, page titles, the menu or the glossary's own table;
2. each menu section opens its index page and does not list it again; the editors' guide is out of the menu
   and the footer, linked from the guide to running a class;
3. one previous/next pair at the end of a lesson;
4. on a phone, a page title takes at most three lines; on the home page the course, then the downloads;
5. the back-to-top button says "Lên đầu trang" (and "Back to top" in English).

(Search: tests/test_search.py; the offline copy: tests/test_offline.py; axe and the first-visit budget:
tests/test_accessibility.py.)
"""

from __future__ import annotations

import pytest

PHONE_412 = {"width": 412, "height": 915}  # the phone of the issue (a common Android size)
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE_412)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


# --- 1. glossary marks in body text only ------------------------------------------------------------------

# (page, a glossary term its title holds, a term its body text marks)
TITLES_WITH_TERMS = [
    ("/", "bí thư chi bộ", "bí thư chi bộ"),
    ("/bai-hoc/bai-1/", "nhiệm vụ chính trị", "nhiệm vụ chính trị"),
    ("/van-ban/qd-29-2016/", "QĐ/TW", "Điều lệ Đảng"),
    ("/en/bai-hoc/bai-1/", "grassroots Party organisation", "grassroots Party organisation"),
]


@pytest.mark.parametrize("path, in_title, in_body", TITLES_WITH_TERMS, ids=[t[0] for t in TITLES_WITH_TERMS])
def test_glossary_terms_are_marked_in_the_text_not_in_titles_headings_or_the_menu(desktop, site_url, path, in_title, in_body):
    desktop.goto(site_url + path, wait_until="load")
    title = desktop.locator("article h1")
    assert in_title in title.inner_text()  # the term is there, unmarked
    for where in ("article :is(h1, h2, h3, h4, h5, h6)", ".md-nav", ".md-header", "title"):
        assert desktop.locator(f"{where} abbr").count() == 0, where
    # The first mention in the text below carries the definition instead, and only that one.
    marked = desktop.locator("article abbr[title]", has_text=in_body)
    assert marked.count() >= 1
    first = marked.first
    assert first.evaluate("el => !el.closest('h1, h2, h3, h4, h5, h6')")
    assert len(first.get_attribute("title")) > 10
    titles = desktop.locator("article abbr[title]").evaluate_all("els => els.map(el => el.title)")
    assert len(titles) == len(set(titles))  # one mark per term


@pytest.mark.parametrize("path", ["/thuat-ngu/", "/en/thuat-ngu/"])
def test_the_glossary_page_marks_nothing(desktop, site_url, path):
    desktop.goto(site_url + path, wait_until="load")
    rows = desktop.locator("article table tbody tr")
    assert rows.count() > 30  # the tables are there, with every term
    assert desktop.locator("abbr").count() == 0
    underlined = desktop.locator("article td").evaluate_all(
        "cells => cells.filter(td => getComputedStyle(td.querySelector('*') || td).textDecorationLine.includes('underline')).length"
    )
    assert underlined == 0


# --- 2. menu sections open their index; the editors' guide is out of the menu ----------------------------

SECTIONS = [
    ("/bai-hoc/bai-1/", "Bài học", "/bai-hoc/"),
    ("/van-ban/dieu-le-dang/", "Văn bản cần đọc", "/van-ban/"),
    ("/chuyen-de/dan-van/", "Chuyên đề địa phương", "/chuyen-de/"),
    ("/en/bai-hoc/bai-1/", "Lessons", "/en/bai-hoc/"),
    ("/en/van-ban/dieu-le-dang/", "Required readings", "/en/van-ban/"),
]


def _menu_links(page) -> list[tuple[str, str]]:
    """(text, absolute path) of every link of the menu (not the page's table of contents)."""
    links = page.locator(".md-sidebar--primary nav.md-nav--primary a.md-nav__link:not(.md-nav--secondary a)").evaluate_all(
        "links => links.map(a => [a.textContent.trim(), new URL(a.href).pathname])"
    )
    return [(text, path) for text, path in links]


_SECTION = """(section) => {
  const items = [...document.querySelectorAll(".md-sidebar--primary nav.md-nav--primary li.md-nav__item--nested")]
  const item = items.find(li => li.querySelector(":scope > .md-nav__link, :scope > .md-nav__container")
    .textContent.trim() === section)
  if (!item) return null
  const head = item.querySelector(":scope > .md-nav__container > a.md-nav__link")
  const listed = [...item.querySelectorAll(":scope > nav > ul > li > a.md-nav__link")]
  return {
    head: head && new URL(head.href).pathname,
    listed: listed.map(a => [a.textContent.trim(), new URL(a.href).pathname]),
  }
}"""


@pytest.mark.parametrize("path, section, index", SECTIONS, ids=[s[0] for s in SECTIONS])
def test_a_menu_section_opens_its_index_page_and_does_not_list_it(desktop, site_url, path, section, index):
    desktop.goto(site_url + path, wait_until="load")
    found = desktop.evaluate(_SECTION, section)
    assert found is not None, section
    assert found["head"] == index  # the section's title is the link to its index page
    assert found["listed"] and all(href != index and text != section for text, href in found["listed"]), found
    desktop.locator(".md-sidebar--primary .md-nav__container > a.md-nav__link", has_text=section).click()
    desktop.wait_for_url(site_url + index)
    assert desktop.locator("article h1").count() == 1


@pytest.mark.parametrize("path, guide, label, title", [
    ("/huong-dan/to-chuc-lop/", "/huong-dan/bien-tap/", "Hướng dẫn biên tập", "Hướng dẫn biên tập"),
    ("/en/huong-dan/to-chuc-lop/", "/en/huong-dan/bien-tap/", "Editors' guide", "Editors' guide"),
])
def test_the_editors_guide_is_out_of_the_menu_and_the_footer_and_linked_from_running_a_class(desktop, phone, site_url, path, guide, label, title):
    for page in (desktop, phone):
        page.goto(site_url + path, wait_until="load")
        assert not any("bien-tap" in href for _, href in _menu_links(page))
        assert page.locator("footer a[href*='bien-tap']").count() == 0
    link = phone.locator("article a", has_text=label).first
    link.click()
    phone.wait_for_url("**" + guide)
    assert phone.locator("article h1").inner_text().startswith(title)


# --- 3. one previous/next pair at the end of a lesson --------------------------------------------------

_WAYS_ON = """([previous, following]) => [...document.querySelectorAll("a[href]")]
  .filter(a => !a.closest(".md-sidebar, .md-header, .md-search"))
  .map(a => [new URL(a.href).pathname, a.getBoundingClientRect().top + scrollY])
  .filter(([path]) => path === previous || path === following)"""


@pytest.mark.parametrize("path, previous, following", [
    ("/bai-hoc/bai-3/", "/bai-hoc/bai-2/", "/bai-hoc/bai-4/"),
    ("/bai-hoc/bai-1/", "/bai-hoc/", "/bai-hoc/bai-2/"),
    ("/en/bai-hoc/bai-4/", "/en/bai-hoc/bai-3/", "/en/bai-hoc/bai-5/"),
])
def test_a_lesson_ends_with_one_previous_and_next_pair(phone, site_url, path, previous, following):
    phone.goto(site_url + path, wait_until="load")
    ways = phone.evaluate(_WAYS_ON, [previous, following])
    assert sorted(p for p, _ in ways) == sorted([previous, following]), ways  # one link each, no second pair
    # Both below the whole article, where the lesson ends.
    article_end = phone.evaluate("document.querySelector('article').getBoundingClientRect().bottom + scrollY")
    assert all(top >= article_end for _, top in ways), (ways, article_end)
    # Followed from the keyboard: a click aims at coordinates, and the lazily laid-out sections of a long
    # lesson may still move the footer after it is scrolled into view (a missed click under load).
    phone.locator("a.md-footer__link--next").focus()
    phone.keyboard.press("Enter")
    phone.wait_for_url(site_url + following)


# --- 4. on a phone, the title in at most three lines, then the downloads ---------------------------------


def _pages(site, prefix: str) -> list[str]:
    """The address of every page of one language (its folder: "" or "en/")."""
    root = site / prefix
    found = []
    for html in sorted(root.rglob("index.html")):
        relative = html.relative_to(root).parent.as_posix()
        if relative.split("/")[0] in {"en", "search", "assets", "offline", "pdf"}:
            continue
        found.append("/" + prefix + ("" if relative == "." else relative + "/"))
    return found


_TITLE = """() => {
  const h1 = document.querySelector("article h1")
  const box = h1.getBoundingClientRect()
  return {lines: Math.round(box.height / parseFloat(getComputedStyle(h1).lineHeight)), top: box.top,
          bottom: box.bottom, text: h1.innerText.trim()}
}"""


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_title_takes_at_most_three_lines_on_a_phone(phone, real_site, site_url, prefix):
    pages = _pages(real_site.site, prefix)
    assert len(pages) > 15
    too_long = {}
    for path in pages:
        phone.goto(site_url + path, wait_until="load")
        phone.evaluate("document.fonts.ready")
        title = phone.evaluate(_TITLE)
        if title["lines"] > 3:
            too_long[path] = title
        assert title["bottom"] < PHONE_412["height"] / 2, (path, title)  # the title is on the first screen
    assert too_long == {}


@pytest.mark.parametrize("path, full, short", [
    ("/bai-hoc/bai-1/", "Bài 1. Tổ chức cơ sở đảng: vị trí, chức năng, nhiệm vụ", "Bài 1. Tổ chức cơ sở đảng"),
    ("/en/bai-hoc/bai-1/", "Lesson 1. The grassroots Party organisation: position", "Lesson 1. The grassroots Party organisation"),
])
def test_a_title_too_long_for_a_phone_shows_its_short_form_there_and_only_there(phone, desktop, site_url, path, full, short):
    phone.goto(site_url + path, wait_until="load")
    assert phone.locator("article h1").inner_text().strip() == short
    assert phone.get_by_role("heading", level=1).inner_text().strip() == short  # what a screen reader meets
    desktop.goto(site_url + path, wait_until="load")
    assert desktop.locator("article h1").inner_text().strip().startswith(full)
    assert short not in desktop.locator("article h1").inner_text().replace(full, "")
    # The page's name everywhere else stays the full title.
    assert desktop.title().startswith(full.split(". ", 1)[1][:30])


def test_the_short_form_of_a_title_stays_out_of_search_and_the_printed_editions(real_site):
    import json

    index = json.loads((real_site.site / "search/handbook_index.json").read_text("utf-8"))
    [lesson] = [doc for doc in index["docs"] if doc["location"] == "bai-hoc/bai-1/"]
    assert lesson["title"].startswith("Bài 1. Tổ chức cơ sở đảng: vị trí") and lesson["title"].count("Bài 1.") == 1
    html = (real_site.site / "bai-hoc/bai-1/index.html").read_text("utf-8")
    assert 'class="handbook-title--phone handbook-screen-only"' in html


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_the_home_pages_title_then_the_course_then_the_downloads_on_a_phone(phone, site_url, path):
    phone.goto(site_url + path, wait_until="load")
    title = phone.evaluate(_TITLE)
    course = phone.locator("section.handbook-course").bounding_box()
    downloads = phone.locator("section.handbook-hero")
    buttons = downloads.locator("a.md-button")
    assert buttons.count() == 4  # three editions and the offline copy
    assert title["bottom"] <= course["y"] < downloads.bounding_box()["y"], (title, course)
    # Nothing but the header above the title: no caption, no button.
    above = phone.evaluate(
        """top => [...document.querySelectorAll(".md-main a, .md-main p, .md-main .md-button")]
             .filter(el => el.offsetParent && el.getBoundingClientRect().bottom <= top
                      && !el.closest(".md-sidebar")).map(el => el.outerHTML.slice(0, 80))""",
        title["top"],
    )
    assert above == []
    start = phone.locator("a.handbook-course__start")
    assert start.bounding_box()["y"] + 40 < PHONE_412["height"]  # the way in is on the first screen


# --- 5. the back-to-top button -----------------------------------------------------------------------------


@pytest.mark.parametrize("path, label", [("/bai-hoc/bai-2/", "Lên đầu trang"), ("/en/bai-hoc/bai-2/", "Back to top")])
def test_the_back_to_top_button_says_so_in_the_pages_language(phone, site_url, path, label):
    phone.goto(site_url + path, wait_until="load")
    button = phone.locator("button.md-top")
    assert button.get_attribute("hidden") is not None  # Material's mark: faded out, out of reach
    # Material shows it once the reader, far down the page, scrolls back up a little.
    phone.mouse.wheel(0, 4000)
    phone.wait_for_timeout(300)
    phone.mouse.wheel(0, -300)
    phone.wait_for_function("!document.querySelector('button.md-top').hidden")
    assert button.inner_text().strip() == label
    assert phone.get_by_role("button", name=label).count() == 1
    button.click()
    phone.wait_for_function("scrollY === 0")
