"""Lesson and topic pages of the real site: every rendered part, the generated index, the glossary,
editions without some topics, and the editor's mistakes the build stops on."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
PDF = "pdf/so-tay-boi-duong-cong-tac-dang.pdf"
LESSONS = sorted((ROOT / "docs/bai-hoc").glob("bai-*.md"))


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("---", 2)[2]


def html_of(site: Path, path: Path) -> BeautifulSoup:
    name = path.name.split(".")[0]
    prefix = "en/" if path.name.endswith(".en.md") else ""
    return BeautifulSoup((site / prefix / path.parent.name / name / "index.html").read_text("utf-8"), "html.parser")


def section_after(article, anchor: str):
    """The elements between the heading with this id and the next heading of the same level."""
    heading = article.find(id=anchor)
    assert heading is not None, anchor
    elements = []
    for sibling in heading.find_next_siblings():
        if sibling.name == heading.name:
            break
        elements.append(sibling)
    return elements


def test_there_are_six_lessons_in_each_language():
    vi = [p for p in LESSONS if not p.name.endswith(".en.md")]
    en = [p for p in LESSONS if p.name.endswith(".en.md")]
    assert [front_matter(p)["lesson"] for p in vi] == [1, 2, 3, 4, 5, 6]
    assert [front_matter(p)["lesson"] for p in en] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("path", [p for p in LESSONS if not p.name.endswith(".en.md")], ids=lambda p: p.stem)
def test_vietnamese_lessons_have_at_least_2500_words(path):
    assert len(body(path).split()) >= 2500


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_page_renders_every_part(real_site, path):
    data = front_matter(path)
    english = path.name.endswith(".en.md")
    article = html_of(real_site.site, path).find("article")
    label = "Lesson" if english else "Bài"
    assert " ".join(article.h1.get_text().split()).startswith(f"{label} {data['lesson']}. {data['title'][:20]}")
    meta = article.select_one(".handbook-unit-meta").get_text(" ", strip=True)
    assert f"{label} {data['lesson']}" in meta and ("Duration: 1" if english else "Thời lượng: 1 buổi") in meta
    assert article.select_one(".admonition.info") is not None  # the study-summary note
    objectives = article.select_one(".admonition.abstract")
    assert len(objectives.select("li")) == len(data["objectives"])
    key_points = [el for el in section_after(article, "ghi-nho") if "handbook-key-points" in el.get("class", [])]
    assert len(key_points[0].select("li")) == len(data["key_points"])
    cases = [el for el in section_after(article, "tinh-huong") if el.name == "h3"]
    assert len(cases) == len(data["cases"]) >= 1
    questions = [el for el in section_after(article, "cau-hoi-on-tap") if el.name == "details"]
    assert len(questions) == len(data["review_questions"]) >= 5
    for details, item in zip(questions, data["review_questions"], strict=True):
        assert "question" in details["class"] and not details.has_attr("open")
        assert " ".join(details.summary.get_text().split()).endswith(" ".join(item["question"].split())[-15:])
        assert ("Suggested answer" if english else "Gợi ý trả lời") in details.get_text()
    [lecturer] = [el for el in section_after(article, "goi-y-giang-vien") if el.name == "details"]
    assert "lecturer" in lecturer["class"] and not lecturer.has_attr("open")
    assert len(lecturer.select("li")) == len(data["lecturer_notes"])
    nav = article.select_one(".handbook-unit-nav")
    previous, following = nav.select_one(".handbook-unit-nav__previous"), nav.select_one(".handbook-unit-nav__next")
    number = data["lesson"]
    assert (previous is None) == (number == 1) and (following is None) == (number == 6)
    if following is not None:
        assert following["href"] == f"../bai-{number + 1}/"
    if previous is not None:
        assert previous["href"] == f"../bai-{number - 1}/"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_lesson_index_is_generated_from_front_matter(real_site, language):
    prefix, suffix = ("en/", ".en.md") if language == "en" else ("", ".md")
    page = BeautifulSoup((real_site.site / prefix / "bai-hoc/index.html").read_text("utf-8"), "html.parser")
    entries = page.select("article h3")
    lessons = [p for p in LESSONS if p.name.endswith(suffix) and (language == "en") == p.name.endswith(".en.md")]
    assert len(entries) == len(lessons) == 6
    for heading, path in zip(entries, lessons, strict=True):
        data = front_matter(path)
        assert " ".join(heading.get_text().split()).startswith(f"{'Lesson' if language == 'en' else 'Bài'} {data['lesson']}. {data['title']}")
        assert heading.a["href"] == f"bai-{data['lesson']}/"
        objectives = heading.find_next_sibling("ul")
        assert [" ".join(li.get_text().split()) for li in objectives.select("li")] == [
            " ".join(o.split()) for o in data["objectives"]
        ]


def test_abbreviations_carry_their_tooltip_in_each_language(real_site):
    vi = html_of(real_site.site, ROOT / "docs/bai-hoc/bai-1.md")
    abbr = vi.find("abbr", string="TCCSĐ")
    assert abbr is not None and abbr["title"] == "tổ chức cơ sở đảng"
    en = html_of(real_site.site, ROOT / "docs/bai-hoc/bai-1.en.md")
    abbr = en.find("abbr", string="TCCSĐ")
    assert abbr is not None and abbr["title"].startswith("grassroots Party organisation")
    term = en.find("abbr", string="democratic centralism")
    assert term is not None and len(term["title"]) > 20


def test_glossary_page_lists_both_tables(real_site):
    page = BeautifulSoup((real_site.site / "thuat-ngu/index.html").read_text("utf-8"), "html.parser")
    tables = page.select("article table")
    assert len(tables) == 2
    abbreviations = {row.td.get_text(strip=True) for row in tables[0].select("tbody tr")}
    assert {"TCCSĐ", "BTCB", "UBKT", "QĐ/TW", "NXB CTQG ST"} <= abbreviations
    terms = {row.td.get_text(strip=True) for row in tables[1].select("tbody tr")}
    assert "tập trung dân chủ" in terms and "bản thu hoạch" in terms


def test_topic_index_follows_the_edition_order(real_site):
    page = BeautifulSoup((real_site.site / "chuyen-de/index.html").read_text("utf-8"), "html.parser")
    assert [h["id"] for h in page.select("article h3")] == ["tu-tuong", "kiem-tra-giam-sat", "dan-van"]


def test_topics_render_local_data_checklist(real_site):
    page = BeautifulSoup((real_site.site / "chuyen-de/dan-van/index.html").read_text("utf-8"), "html.parser")
    data = front_matter(ROOT / "docs/chuyen-de/dan-van.md")
    checklist = page.select("article .task-list-item")
    assert len(checklist) == len(data["local_data"])
    assert page.select_one(".handbook-unit-meta").get_text(" ", strip=True).startswith("Chuyên đề địa phương")
    assert page.select("article .admonition.example")  # the boxes a locality fills in


def test_an_edition_without_two_topics_leaves_them_out_of_nav_search_and_pdf(repo_copy):
    def only_one_topic(project: Path):
        config = (project / "mkdocs.yml").read_text("utf-8")
        config = config.replace("topics: [tu-tuong, kiem-tra-giam-sat, dan-van]", "topics: [dan-van]")
        config = config.replace('locality: ""', 'locality: "Tỉnh Thử Nghiệm"')
        (project / "mkdocs.yml").write_text(config, "utf-8")

    build = repo_copy(only_one_topic, pdf=True)
    assert build.returncode == 0, build.output
    site = build.site
    assert not (site / "chuyen-de/tu-tuong").exists() and not (site / "en/chuyen-de/kiem-tra-giam-sat").exists()
    # The navigation shows a section's pages on the pages of that section (navigation.prune).
    section = BeautifulSoup((site / "chuyen-de/index.html").read_text("utf-8"), "html.parser")
    nav_links = [a["href"] for a in section.select("nav.md-nav a.md-nav__link[href]")]
    assert any("dan-van" in href for href in nav_links)
    assert not any("tu-tuong" in href or "kiem-tra-giam-sat" in href for href in nav_links)
    index = json.loads((site / "search/handbook_index.json").read_text("utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert any(loc.startswith("chuyen-de/dan-van") for loc in locations)
    assert not any(loc.startswith(("chuyen-de/tu-tuong", "chuyen-de/kiem-tra-giam-sat")) for loc in locations)
    text = "\n".join(page.extract_text() for page in PdfReader(site / PDF).pages)
    assert "Công tác dân vận của cấp uỷ" in text
    assert "Tình hình tư tưởng và nhiệm vụ công tác tư tưởng ở địa phương" not in text
    topics = BeautifulSoup((site / "chuyen-de/index.html").read_text("utf-8"), "html.parser")
    assert "Tỉnh Thử Nghiệm" in topics.get_text() and len(topics.select("article h3")) == 1


@pytest.mark.parametrize(
    "edit, expected",
    [
        (lambda t: t.replace("lesson: 4\n", "lesson: 3\n"), r"docs/bai-hoc/bai-4\.md:3: trường `lesson`: số bài 3 trùng với docs/bai-hoc/bai-3\.md"),
        (lambda t: t.replace("lesson: 4\n", "lesson: 7\n"), r"docs/bai-hoc/bai-5\.md:3: trường `lesson`: thiếu bài số 4 trước bài 5; .* \(các số đang có: 1, 2, 3, 5, 6, 7\)"),
        (lambda t: re.sub(r"\nobjectives:\n(  - .*\n)+", "\n", t), r"docs/bai-hoc/bai-4\.md:1: thiếu trường `objectives`"),
        (lambda t: t.replace("key_terms:\n", "key_terms:\n  - \"từ không có\"\n", 1), r"docs/bai-hoc/bai-4\.md:\d+: trường `key_terms`: thuật ngữ \"từ không có\" chưa có trong bảng thuật ngữ"),
    ],
    ids=["duplicate-number", "gap", "missing-field", "unknown-key-term"],
)
def test_lesson_mistakes_stop_the_build_naming_file_line_and_field(repo_copy, edit, expected):
    def change(project: Path):
        lesson = project / "docs/bai-hoc/bai-4.md"
        lesson.write_text(edit(lesson.read_text("utf-8")), "utf-8")

    build = repo_copy(change)
    assert build.returncode != 0
    assert re.search(expected, build.output), build.output[-3000:]


def test_editors_guide_documents_every_field_from_the_schema(real_site):
    from sotay_boiduong.lessons import field_descriptions

    page = BeautifulSoup((real_site.site / "huong-dan/bien-tap/index.html").read_text("utf-8"), "html.parser")
    tables = [t for t in page.select("article table") if t.th and t.th.get_text(strip=True) == "Trường"]
    assert len(tables) == 2
    for table, kind in zip(tables, ("lesson", "topic"), strict=True):
        rows = {row.td.get_text(strip=True): row.select("td")[1].get_text(" ", strip=True) for row in table.select("tbody tr")}
        assert list(rows) == list(field_descriptions(kind))
        assert all(rows.values())
    blocks = [code.get_text() for code in page.select("pre code")]
    assert any("topic: ten-chuyen-de-moi" in block and "local_data:" in block for block in blocks)


def test_editors_guide_is_not_in_the_pdf(real_site):
    text = "\n".join(page.extract_text() for page in PdfReader(real_site.site / PDF).pages)
    assert "Hướng dẫn biên tập" not in text and "Bài 6." in text
