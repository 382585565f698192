"""The content itself: the Charter's numbering, the figures a secretary needs, the lecturer's material (where it
shows and where it must not), cases that differ, and sentences of the handbook's own (no run of 14 words copied
from a seed document)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import overlap
import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LESSONS = sorted((DOCS / "bai-hoc").glob("bai-*.md"))
TOPICS = sorted(p for p in (DOCS / "chuyen-de").glob("*.md") if not p.name.startswith("index"))


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def html(site: Path, path: Path) -> BeautifulSoup:
    prefix = "en/" if path.name.endswith(".en.md") else ""
    name = path.name.split(".")[0]
    return BeautifulSoup((site / prefix / path.parent.name / name / "index.html").read_text("utf-8"), "html.parser")


def words(element) -> str:
    """The element's text with its white space collapsed (inline tags such as citation links add none)."""
    return " ".join(element.get_text().split())


# ---------------------------------------------------------------- the Charter's chapters (FACTS.md section 0)


@pytest.mark.parametrize(("language", "chapter_word", "article_word"), [("vi", "Chương", "Điều"), ("en", "Chapter", "Article")])
def test_charter_chapter_vii_is_articles_30_to_33_and_chapter_viii_34_to_40(real_site, language, chapter_word, article_word):
    prefix = "en/" if language == "en" else ""
    article = BeautifulSoup((real_site.site / prefix / "van-ban/dieu-le-dang/index.html").read_text("utf-8"), "html.parser").article
    chapters: dict[str, list[int]] = {}
    current = None
    for heading in article.find_all(["h2", "h3"]):
        text = words(heading)
        if heading.name == "h2" and (match := re.match(rf"{chapter_word}s? ([IVXL]+(?:–[IVXL]+)?)\b", text)):
            current = match.group(1)  # "III–IV": chapters III and IV share one heading (FACTS.md section 0a)
            chapters[current] = []
        elif heading.name == "h3" and current and (match := re.match(rf"{article_word} (\d+)", text)):
            chapters[current].append(int(match.group(1)))
    assert chapters["VII"] == [30, 31, 32, 33]
    assert chapters["VIII"] == [34, 35, 36, 37, 38, 39, 40]
    assert article.find(id="chuong-8").find_next("h3")["id"] == "dieu-34"
    every = [n for numbers in chapters.values() for n in numbers]
    assert chapters["III–IV"] == [15, 16, 17, 18, 19, 20]
    assert every == list(range(1, 49)) and sum(len(key.split("–")) for key in chapters) == 12


def test_every_statement_of_chapter_vii_or_viii_gives_the_corrected_range():
    stated = re.compile(r"(Chương|Chapter) (VII|VIII)\b\s*\((?:Điều|Articles?)\s*(\d+)\s*(?:–|-|đến|to)\s*(\d+)\)")
    ranges = {"VII": ("30", "33"), "VIII": ("34", "40")}
    found = [(p.relative_to(ROOT), m.group(0), m.groups()) for p in DOCS.rglob("*.md") for m in stated.finditer(p.read_text("utf-8"))]
    assert len(found) >= 4  # the Charter page, lesson 5 and the inspection topic state them, in both languages
    wrong = [(path, text) for path, text, (_, chapter, first, last) in found if (first, last) != ranges[chapter]]
    assert wrong == []


# ---------------------------------------------------------------- figures confirmed by section 0, where they are taught


FIGURES = {
    # file: phrases the lesson must state (each is one confirmed fact)
    "bai-hoc/bai-3.md": ["hai đảng viên chính thức giới thiệu", "ban chấp hành đoàn cơ sở và một đảng viên chính thức", "công đoàn cơ sở và một đảng viên chính thức", "hai phần ba số đảng viên chính thức"],
    "bai-hoc/bai-3.en.md": ["sponsored by two full members", "Youth Union executive committee and one full member", "trade-union committee and one full member", "two thirds of its full members"],
    "bai-hoc/bai-5.md": ["khiển trách, cảnh cáo, giải tán", "khiển trách, cảnh cáo, cách chức, khai trừ", "đảng viên dự bị — chỉ khiển trách, cảnh cáo", "trong một tháng", "Quy định 69-QĐ/TW"],
    "bai-hoc/bai-5.en.md": ["reprimand, warning, dissolution", "reprimand, warning, removal from post, expulsion", "probationary members — reprimand or warning only", "Regulation 69-QĐ/TW"],
    "bai-hoc/bai-6.md": ["90 phút", "120 phút", "42-HD/BTCTW"],
    "bai-hoc/bai-6.en.md": ["90 minutes", "120 minutes", "42-HD/BTCTW"],
}


@pytest.mark.parametrize(("page", "phrases"), FIGURES.items(), ids=list(FIGURES))
def test_confirmed_figures_are_taught_where_a_secretary_needs_them(page, phrases):
    text = " ".join((DOCS / page).read_text("utf-8").split())
    missing = [phrase for phrase in phrases if phrase not in text]
    assert missing == []


def test_twice_in_five_years_is_said_of_a_cell_under_a_grassroots_party_committee():
    text = " ".join((DOCS / "bai-hoc/bai-6.md").read_text("utf-8").split())
    assert re.search(r"chi bộ trực thuộc đảng uỷ cơ sở[^.;]{0,40}hai lần trong năm năm", text), "bài 6 must tie 'twice in five years' to cells under a đảng uỷ cơ sở"
    assert re.search(r"Quy định 294-QĐ/TW thí điểm đại hội chi bộ năm năm một lần", text)


# ---------------------------------------------------------------- lecturer material: every case has a key, every lesson a plan


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_case_has_a_setting_and_a_key_and_the_lesson_a_plan_of_one_session(path):
    data = front_matter(path)
    for case in data["cases"]:
        assert case["setting"] and case["key"]["points"] and case["key"]["rules"] and case["key"]["pitfalls"]
    minutes = sum(segment["minutes"] for segment in data["session_plan"]["segments"])
    assert 200 <= minutes <= 240, minutes  # one session, about 3.5 to 4 hours
    kinds = {segment["kind"] for segment in data["session_plan"]["segments"]}
    assert {"giang", "thao-luan", "tong-ket"} <= kinds, kinds
    assert data["session_plan"]["prepare"] and data["session_plan"]["local_data"]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_keys_and_plan_show_in_the_lecturer_block_and_nowhere_else(real_site, path):
    data = front_matter(path)
    article = html(real_site.site, path).article
    [block] = article.select(".handbook-lecturer")
    inside, outside = words(block), words(article).replace(words(block), "")
    samples = [case["key"]["points"][0] for case in data["cases"]] + [case["key"]["pitfalls"][-1] for case in data["cases"]]
    samples += [segment["activity"] for segment in data["session_plan"]["segments"]] + data["session_plan"]["prepare"]
    for sample in samples:
        sample = " ".join(BeautifulSoup(sample, "html.parser").get_text().split())[:60]
        sample = re.sub(r"[*`]", "", sample)
        assert sample in inside, sample
        assert sample not in outside, sample
    # the case's rules link their citations to the documents
    assert block.select("a.handbook-cite"), "a key's rules should cite documents with links"


def test_the_cases_differ_and_cover_every_kind_of_unit():
    cases = [(p.name, case) for p in LESSONS if not p.name.endswith(".en.md") for case in front_matter(p)["cases"]]
    settings = Counter(case["setting"] for _, case in cases)
    assert {"xa-phuong", "doanh-nghiep", "co-quan"} <= set(settings)
    assert {"truong-hoc", "benh-vien"} & set(settings) and {"quan-doi", "cong-an"} & set(settings)
    assert max(settings.values()) <= len(cases) // 2, settings
    titles = [case["title"] for _, case in cases]
    assert len(set(titles)) == len(titles)
    roads = [name for name, case in cases if re.search(r"\bđường\b", case["title"] + case["situation"])]
    assert len(roads) <= 2, roads
    donations = [name for name, case in cases if "hiến đất" in case["situation"]]
    assert len(donations) <= 1, donations


# ---------------------------------------------------------------- own words: no run of 14 words copied from a seed


def test_the_overlap_finder_sees_a_copied_run_through_tone_style_and_markup():
    # 18 words, five runs of 14: every run holds the middle words, so changing one of them breaks them all
    source = "Chi bộ phải thường xuyên củng cố tổ chức và nâng cao chất lượng sinh hoạt hóa đơn."
    keys = set(overlap.shingles(source))
    assert len(keys) == 5
    copied = "Như đã nói, **chi bộ phải thường xuyên củng cố** tổ chức và nâng cao chất lượng sinh hoạt hoá đơn."
    assert overlap.copied_runs(copied, keys)
    assert overlap.copied_runs(copied.replace("tổ chức", "bộ máy"), keys) == []
    titled = "Chương trình bồi dưỡng công tác đảng cho bí thư chi bộ và cấp uỷ viên cơ sở gồm sáu bài."
    assert overlap.copied_runs(titled, set(overlap.shingles(titled))) == []  # a title may be quoted


VIETNAMESE_PAGES = sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".en.md") and "_glossary" not in p.parts)


@pytest.mark.parametrize("path", VIETNAMESE_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_no_vietnamese_page_repeats_14_words_of_a_seed(path):
    assert overlap.copied_runs(path.read_text("utf-8"), SEED_KEYS) == []


SEED_KEYS = overlap.seed_keys()


def test_the_seed_hash_list_is_there():
    assert len(SEED_KEYS) > 5000
