"""Lesson and topic pages of the real site: every rendered part, the generated index, the glossary,
editions without some topics, and the editor's mistakes the build stops on."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pdf_tools
import pytest
import yaml
from bs4 import BeautifulSoup

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
    assert len(lecturer.find("ul").find_all("li")) == len(data["lecturer_notes"])
    assert len(lecturer.select("table tbody tr")) == len(data["session_plan"]["segments"])
    assert len(lecturer.select(".handbook-key-title")) == len(data["cases"])
    # One way on, Material's footer, in the menu's order: lesson 1 comes after the lessons' index, lesson 6
    # before the readings.
    assert article.select_one(".handbook-unit-nav") is None
    footer = html_of(real_site.site, path).select_one("nav.md-footer__inner")
    number = data["lesson"]
    previous, following = footer.select_one("a.md-footer__link--prev"), footer.select_one("a.md-footer__link--next")
    assert previous["href"] == ("../" if number == 1 else f"../bai-{number - 1}/")
    assert following["href"] == ("../../van-ban/" if number == 6 else f"../bai-{number + 1}/")


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
    # Running prose writes the terms out (the editors' rule); each carries its glossary definition.
    vi = html_of(real_site.site, ROOT / "docs/bai-hoc/bai-1.md")
    abbr = vi.find("abbr", string="tổ chức cơ sở đảng")
    assert abbr is not None and abbr["title"].startswith("Tổ chức của Đảng ở cơ sở")
    # English pages spell the Vietnamese abbreviations out (the termbase): the English term carries the tooltip.
    en = html_of(real_site.site, ROOT / "docs/bai-hoc/bai-1.en.md")
    assert en.find("abbr", string="TCCSĐ") is None
    abbr = en.find("abbr", string="grassroots Party organisation")
    assert abbr is not None and "tổ chức cơ sở đảng" in abbr["title"]
    term = en.find("abbr", string="democratic centralism")
    assert term is not None and len(term["title"]) > 20


def test_glossary_page_lists_both_tables(real_site):
    page = BeautifulSoup((real_site.site / "thuat-ngu/index.html").read_text("utf-8"), "html.parser")
    tables = page.select("article table")
    # the abbreviations in one table, then the terms in one table per first letter (the A–Z jump's targets)
    abbreviations = {row.td.get_text(strip=True) for row in tables[0].select("tbody tr")}
    assert {"TCCSĐ", "BTCB", "UBKT", "QĐ/TW", "NXB CTQG ST"} <= abbreviations
    terms = [row.td.get_text(strip=True) for table in tables[1:] for row in table.select("tbody tr")]
    assert "tập trung dân chủ" in terms and "bản thu hoạch" in terms
    assert not abbreviations & set(terms) and len(tables) > 10


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


def test_an_edition_without_two_topics_leaves_them_out_of_nav_search_and_pdf(variant_site):
    site = variant_site.site
    assert not (site / "chuyen-de/tu-tuong").exists() and not (site / "en/chuyen-de/kiem-tra-giam-sat").exists()
    # The navigation shows a section's pages on the pages of that section (navigation.prune).
    section = BeautifulSoup((site / "chuyen-de/index.html").read_text("utf-8"), "html.parser")
    nav_links = [a["href"] for a in section.select("nav.md-nav a.md-nav__link[href]")]
    assert any("dan-van" in href for href in nav_links)
    # (a topic's own address: the model paper mau/bao-cao-tu-tuong/ is not the topic tu-tuong)
    assert not any(re.search(r"(^|/)(tu-tuong|kiem-tra-giam-sat)/", href) for href in nav_links)
    index = json.loads((site / "search/handbook_index.json").read_text("utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert any(loc.startswith("chuyen-de/dan-van") for loc in locations)
    assert not any(loc.startswith(("chuyen-de/tu-tuong", "chuyen-de/kiem-tra-giam-sat")) for loc in locations)
    text = pdf_tools.text(site / PDF)
    assert "Công tác dân vận của cấp uỷ" in text
    assert "Tình hình tư tưởng và nhiệm vụ công tác tư tưởng ở địa phương" not in text
    topics = BeautifulSoup((site / "chuyen-de/index.html").read_text("utf-8"), "html.parser")
    assert "Tỉnh Thử Nghiệm" in topics.get_text() and len(topics.select("article h3")) == 1


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
    text = pdf_tools.text(real_site.site / PDF)
    assert "Hướng dẫn biên tập" not in text and "Bài 6." in text
