"""Search for readers on phones: without diacritics, exact matches first, lessons whose headings hold the
query before pages that mention it in passing, the words marked in the opened page as typed and as the page
spells them, in the page's language.

The domain functions (sotay_boiduong.search), the built site's per-language indexes and pages, and
the search itself in headless Chromium: both Material's own list and the full result lists of the
page's search worker.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_tools import open_search, search, worker_search
from bs4 import BeautifulSoup

from sotay_boiduong import search as domain

ROOT = Path(__file__).resolve().parent.parent

WORKER_SOURCE = Path(__file__).parent.parent / "src/sotay_boiduong/assets/search-worker.js"

# (typed without diacritics, the same with diacritics, a page that must be among the first five)
VIETNAMESE = [
    ("dang vien", "đảng viên", "/bai-hoc/bai-3/"),
    ("bi thu chi bo", "bí thư chi bộ", "/bai-hoc/bai-6/"),
    ("ket nap", "kết nạp", "/bai-hoc/bai-3/"),
    ("kiem tra giam sat", "kiểm tra giám sát", "/bai-hoc/bai-5/"),
    ("dan van", "dân vận", "/bai-hoc/bai-4/"),
    ("sinh hoat chi bo", "sinh hoạt chi bộ", "/bai-hoc/bai-6/"),
    ("ky luat dang", "kỷ luật đảng", "/bai-hoc/bai-5/"),
    ("cong tac tu tuong", "công tác tư tưởng", "/bai-hoc/bai-2/"),
    ("dieu le dang", "điều lệ đảng", "/van-ban/dieu-le-dang/"),
    ("thu hoach", "thu hoạch", None),
    ("phe binh", "phê bình", None),
    ("uy ban kiem tra", "uỷ ban kiểm tra", None),
]
ENGLISH = [
    ("party member", "/en/bai-hoc/bai-3/"),
    ("admission", "/en/bai-hoc/bai-3/"),
    ("inspection supervision", "/en/bai-hoc/bai-5/"),
    ("mass mobilisation", "/en/bai-hoc/bai-4/"),
    ("charter", "/en/van-ban/dieu-le-dang/"),
    ("written reflection", None),
]

# What learners type, as the issue asked (item 7): Vietnamese without and with diacritics, and English, each
# with the lesson that treats the subject, which must be among the first three results. Several of these
# once listed the home page, the programme guide or a local topic first ("dang vien du bi": ninth).
LEARNERS = [
    ("dang vien du bi", "/bai-hoc/bai-3/"),
    ("ket nap dang vien", "/bai-hoc/bai-3/"),
    ("danh gia xep loai dang vien", "/bai-hoc/bai-3/"),
    ("tu phe binh", "/bai-hoc/bai-6/"),
    ("sinh hoat chuyen de", "/bai-hoc/bai-6/"),
    ("bien ban sinh hoat", "/bai-hoc/bai-6/"),
    ("khieu nai ky luat", "/bai-hoc/bai-5/"),
    ("tap trung dan chu", "/bai-hoc/bai-1/"),
    ("tu dien bien tu chuyen hoa", "/bai-hoc/bai-2/"),
    ("đảng viên dự bị", "/bai-hoc/bai-3/"),
    ("kết nạp đảng viên", "/bai-hoc/bai-3/"),
    ("hình thức kỷ luật", "/bai-hoc/bai-5/"),
    ("dư luận xã hội", "/bai-hoc/bai-2/"),
    ("probationary member", "/en/bai-hoc/bai-3/"),
    ("admission procedure", "/en/bai-hoc/bai-3/"),
    ("self-criticism", "/en/bai-hoc/bai-6/"),
    ("forms of discipline", "/en/bai-hoc/bai-5/"),
    ("cell meeting", "/en/bai-hoc/bai-6/"),
    ("mass mobilisation", "/en/bai-hoc/bai-4/"),
    ("democratic centralism", "/en/bai-hoc/bai-1/"),
]


def _fold(text: str) -> str:
    """Diacritics dropped, as the worker folds them (its own function is tested against this below)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass
class IndexedPage:
    """One page of a language's search index, read here independently of the worker: its words (lower case)
    and the words of each of its titles (the page's own, then its headings')."""

    words: set[str]
    titles: list[list[str]]

    def has_exactly(self, query: str, separator: str) -> bool:
        """Every word of `query` as typed, marks and all; the last one may be only begun (Material adds a
        wildcard to it)."""
        *whole, last = [w for w in re.split(separator, query.lower()) if w]
        return all(w in self.words for w in whole) and any(w.startswith(last) for w in self.words)

    def titles_holding(self, query: str, separator: str) -> list[int]:
        """For each title, how many of the query's words it holds, folded (the last word may be begun)."""
        words = [_fold(w) for w in re.split(separator, query.lower()) if w]
        counts = []
        for title in self.titles:
            folded = [_fold(w) for w in title]
            counts.append(sum(
                any(t == w or (i == len(words) - 1 and t.startswith(w)) for t in folded) for i, w in enumerate(words)
            ))
        return counts


def _indexed_pages(site: Path, prefix: str) -> tuple[dict[str, IndexedPage], str]:
    """{page path as the worker reports it: IndexedPage}, and the index's word separator."""
    index = _index(site, prefix)
    separator = index["config"]["separator"]

    def split(html: str) -> list[str]:
        return [w for w in re.split(separator, re.sub(r"<[^>]*>", " ", html or "").lower()) if w]

    pages: dict[str, IndexedPage] = {}
    for doc in index["docs"]:
        page = pages.setdefault("/" + prefix + doc["location"].split("#")[0], IndexedPage(set(), []))
        page.titles.append(split(doc["title"]))
        page.words.update(split(doc["title"]) + split(doc["text"]))
    return pages, separator


# --- the folding rule, as the search worker runs it -----------------------------------------------


@pytest.fixture(scope="module")
def fold(browser):
    """The worker's own `handbookFold`, run in Chromium: fold(["Đảng", …]) → ["Dang", …]."""
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    function = re.search(r"^function handbookFold\(text\) \{\n.*?^\}", source, re.S | re.M).group(0)
    page = browser.new_page()
    yield lambda texts: page.evaluate(f"texts => {{ {function}; return texts.map(handbookFold) }}", texts)
    page.close()


def test_fold_drops_every_vietnamese_mark_and_keeps_the_length(fold):
    assert fold(["Đảng viên", "đ"]) == ["Dang vien", "d"]  # no Unicode decomposition for đ
    text = "Bí thư chi bộ kết nạp, kiểm tra, giám sát; uỷ ban, Ỷ, ưở, ữ, ậ, Ố"
    [folded] = fold([text])
    assert len(folded) == len(text)
    assert folded == "Bi thu chi bo ket nap, kiem tra, giam sat; uy ban, Y, uo, u, a, O"
    assert folded.isascii()
    assert folded == _fold(text)  # the tests' own folding, which reads the index below, agrees


def test_fold_agrees_with_decomposition_for_every_vietnamese_letter(fold):
    letters = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    marks = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    chars = [unicodedata.normalize("NFC", letter + mark) for letter in letters for mark in marks]
    for char, folded in zip(chars, fold(chars), strict=True):
        stripped = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        assert folded == stripped, char


# --- the domain -----------------------------------------------------------------------------------


def test_split_index_gives_each_language_its_own_documents_relative_to_its_root():
    data = {
        "config": {"lang": ["vi", "en"]},
        "docs": [
            {"location": "bai-hoc/bai-1/", "title": "Bài 1", "text": ""},
            {"location": "en/bai-hoc/bai-1/#x", "title": "Lesson 1", "text": ""},
            {"location": "", "title": "Trang chủ", "text": ""},
            {"location": "en/", "title": "Home", "text": ""},
        ],
    }
    split = domain.split_index(data, {"vi": "", "en": "en/"})
    assert [d["location"] for d in split["vi"]["docs"]] == ["bai-hoc/bai-1/", ""]
    assert [d["location"] for d in split["en"]["docs"]] == ["bai-hoc/bai-1/#x", ""]
    assert split["en"]["config"] == {"lang": ["vi", "en"]}


# --- the built site --------------------------------------------------------------------------------


def _index(site, prefix="", name="handbook_index.json"):
    return json.loads((site / prefix / "search" / name).read_text(encoding="utf-8"))


def test_each_language_has_its_own_index_with_only_its_pages(real_site):
    vi, en = _index(real_site.site), _index(real_site.site, "en")
    assert vi["docs"] and en["docs"]
    assert not any(d["location"].startswith("en/") for d in vi["docs"])
    assert not any(d["location"].startswith("en/") for d in en["docs"])
    vi_titles = {d["title"] for d in vi["docs"] if "#" not in d["location"]}
    en_titles = {d["title"] for d in en["docs"] if "#" not in d["location"]}
    assert any(t.startswith("Bài 3.") for t in vi_titles) and not any(t.startswith("Lesson") for t in vi_titles)
    assert any(t.startswith("Lesson 3.") for t in en_titles) and not any(t.startswith("Bài 3.") for t in en_titles)
    # Every English location is a real English page.
    for doc in en["docs"]:
        path = doc["location"].split("#")[0]
        assert (real_site.site / "en" / path / "index.html").is_file(), doc["location"]


def test_pages_load_a_stub_that_names_the_real_index(real_site):
    for prefix in ["", "en/"]:
        stub = _index(real_site.site, prefix, "search_index.json")
        assert stub["docs"] == []
        assert stub["config"]["separator"] == _index(real_site.site, prefix)["config"]["separator"]
        workers = real_site.site / "assets/javascripts/workers"
        assert (workers / stub["config"]["handbook_full"]).resolve() == (
            real_site.site / prefix / "search/handbook_index.json"
        ).resolve()


def test_the_learners_index_leaves_out_what_only_the_lecturer_sees_and_the_lecturers_holds_it(real_site):
    for prefix in ["", "en/"]:
        learner, lecturer = _index(real_site.site, prefix), _index(real_site.site, prefix, "handbook_index.giang-vien.json")
        marked = [doc["location"] for doc in lecturer["docs"] if doc.get("view") == "giang-vien"]
        assert any(location.startswith("huong-dan/bien-tap/") for location in marked), prefix
        assert sum(location.endswith("#goi-y-giang-vien") for location in marked) >= 6, prefix  # each lesson's notes
        assert not [doc["location"] for doc in learner["docs"] if doc.get("view") or doc["location"].startswith("huong-dan/bien-tap/")]
        assert [doc for doc in lecturer["docs"] if not doc.get("view")] == learner["docs"]
        stub = _index(real_site.site, prefix, "search_index.json")
        workers = real_site.site / "assets/javascripts/workers"
        assert (workers / stub["config"]["handbook_lecturer"]).resolve() == (
            real_site.site / prefix / "search/handbook_index.giang-vien.json"
        ).resolve()


def test_pages_use_their_language_index_and_the_folding_worker(real_site):
    for path, base in [("bai-hoc/bai-1/index.html", "../.."), ("en/bai-hoc/bai-1/index.html", "../../../en/")]:
        html = (real_site.site / path).read_text(encoding="utf-8")
        config = json.loads(html.split('<script id="__config" type="application/json">')[1].split("</script>")[0])
        assert config["base"] == base
        assert config["search"].endswith("/assets/javascripts/workers/handbook-search.js")
        assert '<link rel="alternate"' not in html
    worker = (real_site.site / "assets/javascripts/workers/handbook-search.js").read_text(encoding="utf-8")
    engine = worker.split('new URL("')[1].split('"')[0]
    assert engine.startswith("search.") and (real_site.site / "assets/javascripts/workers" / engine).is_file()
    # Minified: every page loads it on its first visit, and its source is mostly comments.
    assert "handbookFold" in worker and len(worker) < len(WORKER_SOURCE.read_text(encoding="utf-8")) / 2


# --- in the browser --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def vietnamese_answers(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "/bai-hoc/bai-1/", wait_until="load")
    queries = [q for plain, exact, _ in VIETNAMESE for q in (plain, exact)] + ["đãng viên", "kêt nap"]
    answers = worker_search(page, queries)
    page.close()
    return answers


def _pages(answer):
    return [group["page"] for group in answer]


@pytest.mark.parametrize("plain, exact, expected", VIETNAMESE, ids=[v[0] for v in VIETNAMESE])
def test_typing_without_diacritics_finds_what_typing_with_them_finds(vietnamese_answers, plain, exact, expected):
    found_plain, found_exact = _pages(vietnamese_answers[plain]), _pages(vietnamese_answers[exact])
    assert found_exact, exact
    assert set(found_exact) <= set(found_plain), (plain, set(found_exact) - set(found_plain))
    assert all(not p.startswith("/en/") for p in found_plain + found_exact)
    if expected:
        assert expected in found_plain[:5], (plain, found_plain[:5])
        assert expected in found_exact[:5], (exact, found_exact[:5])


def test_a_wrong_or_missing_tone_mark_still_finds_the_page(vietnamese_answers):
    assert "/bai-hoc/bai-3/" in _pages(vietnamese_answers["đãng viên"])[:3]
    assert "/bai-hoc/bai-3/" in _pages(vietnamese_answers["kêt nap"])[:3]


@pytest.fixture(scope="module")
def learner_answers(browser, site_url):
    """The worker's whole answer to each of LEARNERS, asked from a lesson of the query's language."""
    answers = {}
    for prefix in ("", "en/"):
        page = browser.new_page()
        page.goto(f"{site_url}/{prefix}bai-hoc/bai-1/", wait_until="load")
        queries = [query for query, expected in LEARNERS if expected.startswith("/en/") == bool(prefix)]
        answers.update(worker_search(page, queries))
        page.close()
    return answers


@pytest.mark.parametrize("query, expected", LEARNERS, ids=[q for q, _ in LEARNERS])
def test_the_lesson_that_treats_a_learners_query_is_among_the_first_three(learner_answers, query, expected):
    found = _pages(learner_answers[query])
    assert expected in found[:3], (query, found[:5])


def test_english_pages_search_english_only(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "/en/bai-hoc/bai-1/", wait_until="load")
    answers = worker_search(page, [query for query, _ in ENGLISH])
    page.close()
    for query, expected in ENGLISH:
        found = _pages(answers[query])
        assert found, query
        assert all(p.startswith("/en/") for p in found), (query, found)
        if expected:
            assert expected in found[:3], (query, found[:5])


def test_the_search_box_lists_the_lesson_before_pages_that_mention_the_words_in_passing(page, site_url):
    # The example: the home page and the programme guide used to come first.
    page.goto(site_url + "/", wait_until="load")
    open_search(page)
    results = search(page, "dang vien du bi")
    assert results and results[0].path == "/bai-hoc/bai-3/", [r.path for r in results[:5]]
    # Its heading that holds the words is among the sections listed under it.
    assert "đảng viên dự bị" in page.locator(".md-search-result__item").first.inner_text().lower()


def test_the_search_box_shows_original_text_with_the_words_marked(page, site_url):
    page.goto(site_url + "/bai-hoc/bai-1/", wait_until="load")
    open_search(page)
    results = search(page, "ket nap")
    assert results and results[0].path == "/bai-hoc/bai-3/"
    first = page.locator(".md-search-result__item").first
    marked = [m.lower() for m in first.locator("mark").all_inner_texts()]
    assert "kết" in marked and "nạp" in marked  # the original words, marked
    assert "ket nap" not in results[0].text.lower()  # the preview is the page's own text
    results = search(page, "dang vien")
    assert "đảng viên" in results[0].title.lower() or "đảng viên" in results[0].text.lower()
    assert not any(r.path.startswith("/en/") for r in results)
    foreign = [url for url in page.requests if not url.startswith(site_url + "/")]
    assert foreign == []


@pytest.mark.parametrize("start, query, expected, spelled", [
    ("/bai-hoc/bai-1/", "ket nap", "/bai-hoc/bai-3/", {"kết", "nạp"}),
    ("/bai-hoc/bai-1/", "dang vien", "/bai-hoc/bai-3/", {"đảng", "viên"}),
    # Once marked "đảng viên" only: the page's opening text, all that Material reports for it, lacks "kết nạp".
    ("/bai-hoc/bai-1/", "ket nap dang vien", "/bai-hoc/bai-3/", {"kết", "nạp", "đảng", "viên"}),
    # Not "bi" as typed: the page's highlighter would mark the start of every "biểu".
    ("/", "dang vien du bi", "/bai-hoc/bai-3/", {"đảng", "viên", "dự", "bị"}),
    # "chi" as typed: the page spells it so ("bí thư chi bộ").
    ("/bai-hoc/bai-1/", "bi thu chi bo", "/bai-hoc/bai-6/", {"bí", "thư", "chi", "bộ"}),
    ("/bai-hoc/bai-1/", "đảng viên dự bị", "/bai-hoc/bai-3/", {"đảng", "viên", "dự", "bị"}),
    # Both spellings: the page has "probationary member" and "probationary members", each a phrase to mark.
    ("/en/bai-hoc/bai-1/", "probationary members", "/en/bai-hoc/bai-3/", {"probationary", "members", "member"}),
])
def test_the_opened_page_marks_the_words_as_the_page_spells_them(page, site_url, start, query, expected, spelled):
    page.goto(site_url + start, wait_until="load")
    open_search(page)
    results = search(page, query)
    # The lesson is among the first results (a model paper titled with the same words may come first: ranking
    # is the search benchmark's to assert); it is the one opened.
    paths = [result.path for result in results]
    assert expected in paths[:3], paths
    link = page.locator(".md-search-result__item").nth(paths.index(expected)).locator("a").first
    # What the opened page is to mark (the worker's ?h=): phrases as the page spells them, joined by "|".
    highlight = parse_qs(urlsplit(link.get_attribute("href")).query)["h"][0]
    # The page's spelling of each word, which is the typed one where the page spells it so; not the
    # folded forms, nor other words that fold alike ("đang").
    assert {word for phrase in highlight.split("|") for word in phrase.split()} == spelled, highlight
    link.click()
    page.wait_for_url(f"{site_url}{expected}**")
    page.locator("article mark[data-md-highlight]").first.wait_for()
    # Material joins neighbouring marks ("kết nạp" in one), so compare words; text contents, because the
    # inner text of a block not yet laid out (content-visibility) is empty.
    marks = page.locator("article mark[data-md-highlight]").all_text_contents()
    marked = {word for mark in marks for word in mark.lower().split()}
    on_the_page = {w for w in spelled if w in page.locator("article").text_content().lower()}
    assert on_the_page == spelled and spelled <= marked, (spelled - marked, marked)


def test_a_wrong_tone_mark_is_not_reported_missing_when_the_word_was_found(page, site_url):
    page.goto(site_url + "/bai-hoc/bai-1/", wait_until="load")
    open_search(page)
    results = search(page, "đãng viên")
    paths = [result.path for result in results]
    assert "/bai-hoc/bai-3/" in paths[:3], paths
    # the lesson's item: its first link is the page itself, not its sections
    first = page.locator(".md-search-result__item").nth(paths.index("/bai-hoc/bai-3/")).locator("a").first
    assert first.locator("del").count() == 0, first.inner_html()  # Material's "Missing: ..." line
    missing = set(page.locator(".md-search-result__item del").all_inner_texts())
    assert "đãng" not in missing and "vien" not in missing, missing  # found folded; added by the worker
    # A word that is really absent is still reported, as Material does.
    search(page, "ket nap xyzabc")
    missing = page.locator(".md-search-result__item del").all_inner_texts()
    assert "xyzabc" in missing, missing


def test_the_index_is_downloaded_only_when_the_reader_searches(page, site_url):
    page.goto(site_url + "/bai-hoc/bai-1/", wait_until="load")
    page.wait_for_timeout(300)
    assert not [url for url in page.requests if "handbook_index.json" in url]
    open_search(page)
    assert search(page, "dan van")
    assert [url for url in page.requests if url == site_url + "/search/handbook_index.json"]
    page.requests.clear()
    assert search(page, "ket nap")  # once is enough
    assert not [url for url in page.requests if "handbook_index" in url]


def test_the_lecturers_view_searches_its_own_index(page, site_url):
    page.goto(site_url + "/bai-hoc/bai-1/?view=giang-vien", wait_until="load")
    open_search(page)
    assert search(page, "kế hoạch buổi học")
    fetched = [url for url in page.requests if "handbook_index" in url]
    assert fetched == [site_url + "/search/handbook_index.giang-vien.json"], fetched
    assert search(page, "gợi ý cho giảng viên")
    links = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    assert any("#goi-y-giang-vien" in link for link in links), links


def test_the_english_search_box_lists_english_pages(page, site_url):
    page.goto(site_url + "/en/", wait_until="load")
    open_search(page)
    results = search(page, "party member")
    assert results and all(r.path.startswith("/en/") for r in results)
    link = page.locator(".md-search-result__item a").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(href)
    assert page.url.startswith(site_url + "/en/") and page.locator("html").get_attribute("lang") == "en"


# --- the blocks of Material's templates the handbook copies ------------------------------------------------


def _block(text: str, name: str) -> str:
    start = text.index(f"{{% block {name} %}}") + len(f"{{% block {name} %}}")
    return " ".join(text[start : text.index("{% endblock %}", start)].split())


def test_the_copied_material_templates_differ_from_materials_own_only_by_the_handbooks_changes():
    # overrides/main.html and overrides/partials/search.html copy Material's blocks with a few changes. A
    # Material upgrade that changes those blocks must fail here, to be copied again, not pass with old markup.
    import material

    theme = Path(material.__file__).parent / "templates"
    base = (theme / "base.html").read_text("utf-8")
    ours = (ROOT / "overrides" / "main.html").read_text("utf-8")
    meta = _block(base, "site_meta")
    alternate = meta[meta.index("{% if config.extra.alternate is iterable %}") : meta.index("{% if \"rss\" in config.plugins %}")]
    assert _block(ours, "site_meta") == meta.replace(alternate, "")
    config = _block(base, "config")
    material_worker = config.split('"search": ')[1].split(",")[0]
    expected = config.replace('"base": base_url,', '"base": base_url ~ ("/" ~ handbook_language_prefix if handbook_language_prefix else ""),')
    assert _block(ours, "config") == expected.replace(f'"search": {material_worker},', '"search": handbook_search_worker | url,')
    search = " ".join((theme / "partials" / "search.html").read_text("utf-8").split("-#}", 1)[1].split())
    own = " ".join((ROOT / "overrides" / "partials" / "search.html").read_text("utf-8").split("-#}", 1)[1].split())
    assert own == search.replace('role="dialog">', 'role="dialog" aria-label="{{ config.extra.ui.search_dialog }}">', 1)


@pytest.mark.parametrize("page, language_root", [("bai-hoc/bai-1/index.html", "../.."), ("en/bai-hoc/bai-1/index.html", "../../../en/"), ("en/index.html", "../en/")])
def test_each_page_points_materials_search_at_its_language_and_names_the_dialog(real_site, page, language_root):
    soup = BeautifulSoup((real_site.site / page).read_text("utf-8"), "html.parser")
    config = json.loads(soup.select_one("script#__config").string)
    assert config["base"] == language_root
    assert config["search"].endswith("assets/javascripts/workers/handbook-search.js")
    assert (real_site.site / page).parent.joinpath(config["search"]).resolve().is_file()
    assert not soup.select("link[rel=alternate][hreflang]")
    assert soup.select_one('[data-md-component="search"][role="dialog"]')["aria-label"] in ("Tìm kiếm trong sổ tay", "Search the handbook")
