"""Diagrams drawn at build time (sotay_boiduong.diagrams): the drawing and its cache, the checks with their file
and line, the chains of documents drawn from the registry; then the real site (inline SVG with caption and
text alternative, both languages, no script and no other host) and every PDF edition (the labels are text)."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

import pdf_tools
import pytest
from bs4 import BeautifulSoup

from sotay_boiduong import checks, diagrams, documents, termbase
from sotay_boiduong.adapters import diagram_fence

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "docs/_data/van-ban.yml"
WORDS = {
    "vi": {"caption": "Quá trình thay thế dẫn tới {name}", "replaced_by": "đã thay bằng {number}", "this_page": "văn bản này"},
    "en": {"caption": "Chain of replacements leading to {name}", "replaced_by": "replaced by {number}", "this_page": "this document"},
}
SMALL = 'digraph {\n  a [label="Làm đơn"]\n  b [label="Chi bộ xét" class="noi-bat"]\n  a -> b [label="rồi"]\n}'
SVG_ELEMENTS = {"svg", "g", "path", "polygon", "polyline", "ellipse", "rect", "line", "text", "title"}


def registry(text: str | None = None) -> dict[str, documents.Document]:
    found, problems = documents.load_registry("docs/_data/van-ban.yml", text if text is not None else REGISTRY.read_text("utf-8"))
    assert problems == []
    return found


def svg_texts(svg: str) -> list[str]:
    return [element.text or "" for element in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]


@pytest.fixture
def renderer(tmp_path) -> diagrams.Renderer:
    return diagrams.Renderer(tmp_path / "cache")


# ---------------------------------------------------------------- drawing and cache


def test_a_drawing_is_static_svg_in_the_pages_colours_and_font(renderer):
    drawing = renderer.draw(SMALL)
    assert drawing.message == "" and drawing.svg.startswith("<svg ")
    svg = drawing.svg
    for unwanted in ("<?xml", "<!DOCTYPE", "<!--", " id=", "<title", "<a ", "href", "script", "style=", "Times", 'stroke="black"', 'fill="black"'):
        assert unwanted not in svg, unwanted
    root = ET.fromstring(svg)
    assert {element.tag.split("}")[1] for element in root.iter()} <= SVG_ELEMENTS
    assert root.get("font-family").startswith("Noto Sans") and root.get("viewBox")
    assert float(root.get("width")) >= float(root.get("viewBox").split()[2])  # one unit of the drawing = one CSS pixel
    # What the labels share is said once: the text's colour, the commonest size, centred.
    assert (root.get("fill"), root.get("font-size"), root.get("text-anchor")) == ("currentColor", "13", "middle")
    texts = list(root.iter("{http://www.w3.org/2000/svg}text"))
    assert [t.text for t in texts] == ["Làm đơn", "Chi bộ xét", "rồi"]
    assert [(t.get("fill"), t.get("font-family"), t.get("text-anchor")) for t in texts] == [(None, None, None)] * 3
    assert [t.get("font-size") for t in texts] == [None, None, "12"]  # the arrow's label is smaller
    boxes = list(root.iter("{http://www.w3.org/2000/svg}rect"))  # rounded boxes as rectangles, not 25-point paths
    assert len(boxes) == 2 and all(b.get("rx") == "12" and float(b.get("width")) > 40 for b in boxes)
    emphasised = next(g for g in root.iter("{http://www.w3.org/2000/svg}g") if "noi-bat" in g.get("class", "").split())
    shape = next(iter(emphasised))
    assert shape.get("stroke-width") == "2.2" and shape.get("fill") == "#e4e4e4"  # thick border, grey on paper


def test_a_redraw_comes_from_the_cache_and_a_change_redraws_only_that_diagram(tmp_path):
    first = diagrams.Renderer(tmp_path / "cache")
    svg = first.draw(SMALL).svg
    assert first.drawn == 1 and len(list((tmp_path / "cache").iterdir())) == 1
    again = diagrams.Renderer(tmp_path / "cache")  # the next build
    assert again.draw(SMALL).svg == svg and again.drawn == 0
    changed = SMALL.replace("Làm đơn", "Làm đơn vào Đảng")
    assert "Làm đơn vào Đảng" in svg_texts(again.draw(changed).svg) and again.drawn == 1
    assert again.draw(SMALL).svg == svg and again.drawn == 1
    assert sorted(p.suffix for p in (tmp_path / "cache").iterdir()) == [".svg", ".svg"]  # no temporary file left


def test_the_cache_key_follows_graphviz_and_the_source(renderer):
    key = renderer.key(SMALL)
    assert renderer.version().startswith("dot - graphviz version")
    assert renderer.key(SMALL + "\n") != key
    renderer._version = "dot - graphviz version 99"
    assert renderer.key(SMALL) != key


def test_graphviz_is_run_with_a_time_limit_and_a_missing_program_is_a_message(tmp_path):
    slow = diagrams.Renderer(None, timeout=0.000001)
    assert slow.draw(SMALL).svg is None and "giây" in slow.draw(SMALL).message
    missing = diagrams.Renderer(None, program="dot-that-is-not-installed")
    drawing = missing.draw(SMALL)
    assert drawing.svg is None and "graphviz" in drawing.message


def test_the_figure_names_the_image_by_its_caption_and_describes_it_by_the_list(renderer):
    diagram = diagrams.Diagram(SMALL, 'Kết nạp "đảng viên"', "1. Làm đơn.\n2. Chi bộ xét.")
    html = diagrams.figure(diagram, renderer.draw(SMALL), ident="so-do-1", summary="Sơ đồ bằng lời")
    figure = BeautifulSoup(html, "html.parser").figure
    svg = figure.find("svg")
    assert svg["role"] == "img"
    assert figure.find(id=svg["aria-labelledby"]).get_text() == figure.figcaption.get_text() == 'Kết nạp "đảng viên"'
    words = figure.find(id=svg["aria-describedby"])
    assert [li.get_text() for li in words.find_all("li")] == ["Làm đơn.", "Chi bộ xét."]
    assert figure.details.summary.get_text() == "Sơ đồ bằng lời" and "handbook-screen-only" in figure.details["class"]
    assert figure.find(class_="handbook-diagram__canvas")["tabindex"] == "0"  # scrolls sideways from the keyboard too


def test_ids_stay_unique_on_a_page_that_shows_a_diagram_twice():
    taken: set[str] = set()
    diagram = diagrams.Diagram(SMALL, "Một", "- a")
    assert diagrams.identifier(diagram, taken) != diagrams.identifier(diagram, taken)


def test_the_fence_formatter_outside_a_build_draws_without_a_cache():
    html = diagram_fence.format(f"{SMALL}\n---\n- Làm đơn.", "dot", "handbook-diagram", {"caption": "Thử"}, type("Md", (), {})())
    assert "<svg " in html and "<figcaption>Thử</figcaption>" in html and "<li>Làm đơn.</li>" in html


# ---------------------------------------------------------------- checks with file and line


def page(*body: str) -> str:
    return "---\ntitle: Thử\n---\n\n# Thử\n\n" + "\n".join(body) + "\n"


GOOD = ['```dot caption="Trình tự"', "digraph {", '  a [label="Làm đơn"]', "  a -> b", "}", "---", "1. Làm đơn.", "2. Xét.", "```"]


def test_a_correct_diagram_has_no_problem(renderer):
    assert diagrams.check("docs/x.md", page(*GOOD), renderer) == []


def test_a_diagram_graphviz_cannot_draw_is_reported_at_its_line_with_graphvizs_words(renderer):
    broken = GOOD.copy()
    broken[3] = "  a -> -> b"  # line 10 of the file
    problems = diagrams.check("docs/x.md", page(*broken), renderer)
    assert len(problems) == 1
    assert str(problems[0]).startswith("docs/x.md:10: sơ đồ không vẽ được, Graphviz báo: «syntax error in line 3 near '->'»")
    assert " — Cách sửa: " in str(problems[0])


def test_an_unclosed_quote_is_reported_where_it_opens(renderer):
    broken = GOOD.copy()
    broken[2] = '  a [label="Làm đơn]'  # line 9
    problems = diagrams.check("docs/x.md", page(*broken), renderer)
    assert [p.line for p in problems] == [9] and "quoted string" in problems[0].message


def test_a_missing_closing_brace_is_reported_at_the_last_line_of_the_diagram(renderer):
    problems = diagrams.check("docs/x.md", page(*GOOD[:4], *GOOD[5:]), renderer)
    assert [(p.line, p.message) for p in problems] == [(10, "sơ đồ không vẽ được, Graphviz báo: «syntax error in line 3»")]


def test_a_diagram_inside_an_admonition_counts_its_lines_from_the_file(renderer):
    broken = ["!!! note", ""] + ["    " + row for row in GOOD]
    broken[5] = "    }}"  # line 12: one brace too many
    problems = diagrams.check("docs/x.md", page(*broken), renderer)
    assert [p.line for p in problems] == [12], problems


@pytest.mark.parametrize("rows, line, message", [
    (['```dot title="Trình tự"'] + GOOD[1:], 7, "sơ đồ có tuỳ chọn lạ `title`"),
    (["```dot"] + GOOD[1:], 7, "sơ đồ không có chú thích (caption)"),
    (GOOD[:5] + GOOD[8:], 7, "sơ đồ không có phần chữ thay thế"),
    (GOOD[:6] + ["Làm đơn rồi xét."] + GOOD[8:], 12, "không phải một danh sách"),
    (GOOD[:-1], 7, "không có dòng ``` đóng lại"),
], ids=["unknown-option", "no-caption", "no-text", "text-not-a-list", "unclosed"])
def test_what_a_diagram_lacks_is_reported_at_its_line(renderer, rows, line, message):
    problems = diagrams.check("docs/x.md", page(*rows), renderer)
    assert any(p.line == line and message in p.message for p in problems), problems


def test_a_diagram_shown_as_an_example_in_a_longer_fence_is_not_drawn(renderer):
    example = ["````markdown", *GOOD[:3], "  a -> -> b", *GOOD[4:], "````"]
    assert diagrams.check("docs/x.md", page(*example), renderer) == [] and renderer.drawn == 0
    assert [number for number, _ in checks._prose_lines(page(*example), 1, text_fences=("dot",)) if number > 6] == []


def test_the_text_of_a_diagram_is_checked_like_prose():
    rows = GOOD.copy()
    rows[2] = '  a [label="Văn hóa"]'  # line 9
    assert [p.line for p in checks.check_tone_style("docs/x.md", page(*rows))] == [9]
    assert "Văn hoá" in checks.fix_tone_style_markdown(page(*rows))
    terms, _ = termbase.load("docs/_data/thuat-ngu-en.yml", (ROOT / "docs/_data/thuat-ngu-en.yml").read_text("utf-8"))
    rows[2] = '  a [label="Two official members sponsor"]'
    assert [p.line for p in termbase.check_markdown("docs/x.en.md", page(*rows), terms)] == [9]
    rows[0] = "```python"  # other code stays code
    assert termbase.check_markdown("docs/x.en.md", page(*rows), terms) == []


# ---------------------------------------------------------------- chains of documents


def test_the_chain_of_the_implementing_regulation_is_drawn_from_the_registry(renderer):
    diagram = diagrams.chain(registry(), "qd-29-2016", "vi", WORDS["vi"], page="qd-29-2016")
    assert diagram.caption == "Quá trình thay thế dẫn tới Quy định 294-QĐ/TW"
    edges = re.findall(r'"([\w-]+)" -> "([\w-]+)"', diagram.source)
    assert edges == [("qd-29-2016", "qd-24-2021"), ("qd-24-2021", "qd-232-2025"), ("qd-232-2025", "qd-294-2025")]
    texts = svg_texts(renderer.draw(diagram.source).svg)
    assert texts[:4] == ["Quy định 29-QĐ/TW", "25/7/2016", "Đã được thay thế", "(văn bản này)"]
    assert texts[-3:] == ["Quy định 294-QĐ/TW", "26/5/2025", "Đang có hiệu lực"]
    assert diagram.text.splitlines() == [
        "- Quy định 29-QĐ/TW (25/7/2016): đã thay bằng 24-QĐ/TW (văn bản này).",
        "- Quy định 24-QĐ/TW (30/7/2021): đã thay bằng 232-QĐ/TW.",
        "- Quy định 232-QĐ/TW (20/1/2025): đã thay bằng 294-QĐ/TW.",
        "- Quy định 294-QĐ/TW (26/5/2025): đang có hiệu lực.",
    ]
    assert re.search(r'"qd-294-2025" \[label="[^"]*" class="noi-bat"\]', diagram.source)
    assert diagram.source.count("dashed") == 3


def test_the_chain_of_the_discipline_regulation_holds_every_document_296_replaced():
    diagram = diagrams.chain(registry(), "qd-296-2025", "en", WORDS["en"])
    targets = dict(re.findall(r'"([\w-]+)" -> "([\w-]+)"', diagram.source))
    assert targets == {"qd-30-2016": "qd-22-2021", "qd-22-2021": "qd-296-2025", "qd-262-2025": "qd-296-2025", "qd-85-2017": "qd-296-2025", "qd-86-2017": "qd-296-2025"}
    assert "rankdir=LR" in diagram.source  # a fan: left to right, narrower than four boxes side by side
    assert "- Regulation 296-QĐ/TW (30 May 2025): in force." in diagram.text and "this document" not in diagram.text


def test_a_document_outside_any_chain_has_no_diagram():
    assert diagrams.chain(registry(), "qd-69-2022", "vi", WORDS["vi"]) is None
    assert diagrams.chain(registry(), "no-such-document", "vi", WORDS["vi"]) is None


def test_changing_a_date_in_the_registry_redraws_the_chain(renderer):
    text = REGISTRY.read_text("utf-8")
    changed = text.replace("date: 2021-07-30", "date: 2021-07-31", 1)
    assert changed != text
    before = renderer.draw(diagrams.chain(registry(), "qd-294-2025", "vi", WORDS["vi"]).source).svg
    after = renderer.draw(diagrams.chain(registry(changed), "qd-294-2025", "vi", WORDS["vi"]).source).svg
    assert "30/7/2021" in svg_texts(before) and "31/7/2021" in svg_texts(after) and "30/7/2021" not in svg_texts(after)
    assert renderer.drawn == 2


def test_text_from_the_registry_cannot_break_the_diagram(renderer):
    found = registry()
    found["qd-29-2016"].data["number"] = '29-QĐ/TW "}\\'  # quotes, braces and backslashes are DOT's own
    diagram = diagrams.chain(found, "qd-29-2016", "vi", WORDS["vi"])
    drawing = renderer.draw(diagram.source)
    assert drawing.svg is not None and drawing.message == ""
    assert 'Quy định 29-QĐ/TW "}\\' in svg_texts(drawing.svg)


# ---------------------------------------------------------------- the real site

# (page, language, words that must be labels in its diagram)
DIAGRAMS = [
    ("bai-hoc/bai-1", "vi", ["Cấp Trung ương", "Cấp tỉnh", "(Quy định 294-QĐ/TW): không còn cấp huyện", "chính thức (Điều 21)", "(khoản 5 Điều 22)", "(Điều 24)"]),
    ("bai-hoc/bai-3", "vi", ["người giới thiệu (Điều 4):", "thức tán thành? (Điều 4)", "Chi bộ tổ chức lễ kết nạp cho từng", "kết nạp (Điều 5)"]),
    ("bai-hoc/bai-5", "vi", ["Hình thức kỷ luật (Điều 35):", "Chi bộ quyết định (Điều 36):", "Quyết định kỷ luật", "đến Ban Chấp hành Trung ương (Điều 39)"]),
    ("bai-hoc/bai-6", "vi", ["4. Nhiệm vụ tháng tới (bí thư)", "5. Thảo luận (đảng viên)", "ít nhất một ngày trước (Hướng dẫn 42-HD/BTCTW)"]),
    ("van-ban/qd-29-2016", "vi", ["Quy định 29-QĐ/TW", "(văn bản này)", "Quy định 294-QĐ/TW", "Đang có hiệu lực"]),
    ("van-ban/qd-296-2025", "vi", ["Quy định 30-QĐ/TW", "Quy định 262-QĐ/TW", "Quy định 85-QĐ/TW", "Quy định 86-QĐ/TW", "(văn bản này)"]),
    ("en/bai-hoc/bai-1", "en", ["Central level", "Provincial level", "(Regulation 294-QĐ/TW): no district level", "full members (Article 21)", "(clause 5, Article 22)"]),
    ("en/bai-hoc/bai-3", "en", ["a personal history form; sponsors (Article 4):", "agree? (Article 4)", "recognition as a"]),
    ("en/bai-hoc/bai-5", "en", ["Forms of discipline (Article 35):", "Disciplinary decision", "Commission, up to the Central Committee"]),
    ("en/bai-hoc/bai-6", "en", ["4. Tasks for next month (secretary)", "5. Discussion (members)"]),
    ("en/van-ban/qd-30-2016", "en", ["Regulation 30-QĐ/TW", "(this document)", "Regulation 296-QĐ/TW", "In force"]),
]
VIETNAMESE_ONLY = re.compile(r"\b(Điều|Chi bộ|chi bộ|đảng viên|Đã được|Đang có|văn bản này)\b")


def soup_of(real_site, path: str) -> BeautifulSoup:
    return BeautifulSoup((real_site.site / path / "index.html").read_text("utf-8"), "html.parser")


@pytest.mark.parametrize("path, language, labels", DIAGRAMS, ids=[d[0] for d in DIAGRAMS])
def test_each_diagram_is_inline_svg_with_its_caption_and_text_alternative(real_site, path, language, labels):
    figures = soup_of(real_site, path).select("article figure.handbook-diagram")
    assert len(figures) == 1, path
    figure = figures[0]
    svg = figure.select_one(".handbook-diagram__canvas > svg")
    assert svg is not None and svg["role"] == "img" and not figure.find("img")
    caption = figure.figcaption.get_text()
    assert caption and figure.find(id=svg["aria-labelledby"]).get_text() == caption
    items = [li.get_text(" ", strip=True) for li in figure.find(id=svg["aria-describedby"]).find_all("li")]
    assert len(items) >= 3, items
    texts = [t.get_text() for t in svg.find_all("text")]
    for label in labels:
        assert label in texts, (label, texts)
    words = " ".join(texts + [caption] + items)
    if language == "en":
        assert not VIETNAMESE_ONLY.search(words), VIETNAMESE_ONLY.search(words)
    else:
        assert not re.search(r"\b(Article|Regulation|this document|replaced by)\b", words)


def test_the_reading_list_draws_each_chain_once_and_only_chains(real_site):
    for prefix, caption in (("", "Quá trình thay thế dẫn tới"), ("en/", "Chain of replacements leading to")):
        figures = soup_of(real_site, f"{prefix}van-ban").select("article figure.handbook-diagram")
        captions = [f.figcaption.get_text() for f in figures]
        assert len(captions) == 3 and all(c.startswith(caption) for c in captions), captions
        assert [re.search(r"\d+-QĐ/TW", c).group(0) for c in captions] == ["294-QĐ/TW", "296-QĐ/TW", "37-QĐ/TW"]


def test_search_finds_the_labels_and_the_words_of_a_diagram(real_site):
    import json

    for prefix, section, label, words in (
        ("", "bai-hoc/bai-3/#43-", "Chi uỷ thẩm tra lại điều kiện,", "Người vào Đảng tự nguyện làm đơn và khai lý lịch (Điều 4)."),
        ("en/", "bai-hoc/bai-6/#33-", "5. Discussion (members)", "The secretary presents the tasks for next month."),
    ):
        index = json.loads((real_site.site / prefix / "search/handbook_index.json").read_text("utf-8"))
        texts = [entry["text"] for entry in index["docs"] if entry["location"].startswith(section)]
        assert len(texts) == 1 and label in texts[0] and words in texts[0], texts
        # The lines of a label stay separate words: no last word of one line glued to the first of the next.
        page = soup_of(real_site, prefix + section.split("#")[0].rstrip("/"))
        lines = [text.get_text() for text in page.select("figure.handbook-diagram svg text") if text.get_text().split()]
        glued = {a.split()[-1] + b.split()[0] for a, b in itertools.pairwise(lines)}
        assert not glued & set(texts[0].split()), glued & set(texts[0].split())


def test_no_page_loads_a_diagram_script_or_anything_from_another_host(real_site):
    pages = list(real_site.site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for element in soup.find_all(["script", "link", "img", "iframe"]):
            address = element.get("src") or (element.get("href") if element.name == "link" else None)
            if address:
                assert not urlparse(address).netloc, (path, address)
                assert not re.search(r"mermaid|kroki|graphviz|viz\.js|d2", address, re.I), (path, address)
        for svg in soup.select(".handbook-diagram svg"):
            assert not svg.find(["script", "a", "image", "foreignobject", "style"]), path
            assert not any(name.startswith("on") or "href" in name for tag in svg.find_all(True) for name in tag.attrs), path
        assert "mermaid" not in str(soup.find("body") or "").lower(), path


@pytest.mark.parametrize("language, edition", [(language, edition) for language in ("vi", "en") for edition in ("hoc-vien", "hoc-vien-a5", "giang-vien")])
def test_the_labels_of_every_diagram_are_text_in_every_pdf_edition(real_site, language, edition):
    prefix = "en/" if language == "en" else ""
    text = " ".join(pdf_tools.text(real_site.site / prefix / "pdf" / f"so-tay-{edition}.pdf").split())
    for path, diagram_language, labels in DIAGRAMS:
        if diagram_language == language:
            for label in labels:
                assert label in text, (path, label)
    assert ("Sơ đồ bằng lời" if language == "vi" else "The diagram in words") not in text  # the words are for screens


def test_a_change_to_a_registry_date_redraws_the_chain_on_the_site(fixture_site, real_site):
    registry_text = REGISTRY.read_text("utf-8").replace("date: 2021-07-30", "date: 2021-07-31", 1)
    registry_text = re.sub(r"\n  page: [^\n]+", "", registry_text)  # the fixture has no document pages
    build = fixture_site({"index.md": "# Trang chủ\n", "_data/van-ban.yml": registry_text, "van-ban/index.md": "# Văn bản\n\n<!-- handbook:documents -->\n"})
    assert build.returncode == 0, build.output[-3000:]
    figure = BeautifulSoup(build.page("van-ban/index.html"), "html.parser").select_one("figure.handbook-diagram")
    assert "31/7/2021" in [t.get_text() for t in figure.find_all("text")]
    assert "30/7/2021" not in figure.get_text()
    before = soup_of(real_site, "van-ban").select_one("figure.handbook-diagram")
    assert "30/7/2021" in [t.get_text() for t in before.find_all("text")]
