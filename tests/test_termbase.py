"""One English terminology: the termbase (docs/_data/thuat-ngu-en.yml) and its check (sotay_boiduong.termbase)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sotay_boiduong import termbase

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def real_termbase() -> termbase.Termbase:
    terms, problems = termbase.load_bytes("docs/_data/thuat-ngu-en.yml", (DOCS / termbase.TERMBASE).read_bytes())
    assert problems == []
    return terms


def test_the_issue_s_terms_are_settled(real_termbase):
    english = {t.vi: t.en for t in real_termbase.terms}
    assert english["Ban Tuyên giáo Trung ương"] == "Central Propaganda and Education Commission"
    assert english["Ban Tuyên giáo và Dân vận Trung ương"] == "Central Propaganda, Education and Mass Mobilisation Commission"
    assert english["đảng viên chính thức"] == "full member"
    assert english["chương trình (bồi dưỡng)"] == "programme"
    assert english["chi bộ"] == "Party cell"
    assert english["đảng bộ cơ sở"] != english["đảng uỷ cơ sở"]
    rejected = {v for t in real_termbase.terms for v in t.rejected}
    assert {"TCCSĐ", "KTGS", "UBKT", "official member", "program"} <= rejected


def test_a_rejected_variant_is_reported_with_file_line_and_preferred_term(real_termbase):
    page = "---\ntitle: The training program\n---\n\nThe cell has nine official  members.\n\n```\nprogram in code is left alone\n```\n\nA `program` in inline code too; the programme is fine.\n"
    problems = [str(p) for p in termbase.check_markdown("docs/x.en.md", page, real_termbase)]
    assert problems == [
        "docs/x.en.md:2: thuật ngữ tiếng Anh «program» không theo bảng thuật ngữ (chương trình (bồi dưỡng)) — Cách sửa: viết «programme» (docs/_data/thuat-ngu-en.yml)",
        "docs/x.en.md:5: thuật ngữ tiếng Anh «official  members» không theo bảng thuật ngữ (đảng viên chính thức) — Cách sửa: viết «full member» (docs/_data/thuat-ngu-en.yml)",
    ]


def test_vietnamese_abbreviations_are_spelt_out_but_may_be_glossary_keys(real_termbase):
    assert [p.line for p in termbase.check_markdown("docs/x.en.md", "Ask the UBKT.\nTCCSĐ work.\n", real_termbase)] == [1, 2]
    glossary = "*[UBKT]: Inspection Commission (Uỷ ban Kiểm tra)\n*[KTGS]: the KTGS work\n"
    assert [(p.line, p.message) for p in termbase.check_glossary("docs/_glossary/en.md", glossary, real_termbase)] == [
        (2, "thuật ngữ tiếng Anh «KTGS» không theo bảng thuật ngữ (kiểm tra, giám sát)")
    ]


def test_the_registry_s_english_fields_are_checked_and_vietnamese_fields_are_not(real_termbase):
    registry = "- id: a\n  name: Chương trình (program)\n  name_en: Party Statute of the Party\n"
    assert [p.line for p in termbase.check_registry("docs/_data/van-ban.yml", registry, real_termbase)] == [3]


def test_the_real_english_texts_follow_the_termbase(real_termbase):
    problems = []
    for page in sorted(DOCS.rglob("*.en.md")):
        problems += termbase.check_markdown(str(page.relative_to(ROOT)), page.read_text("utf-8"), real_termbase)
    problems += termbase.check_glossary("docs/_glossary/en.md", (DOCS / termbase.GLOSSARY).read_text("utf-8"), real_termbase)
    problems += termbase.check_registry("docs/_data/van-ban.yml", (DOCS / termbase.REGISTRY).read_text("utf-8"), real_termbase)
    assert [str(p) for p in problems] == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- vi: chi bộ\n  en: Party cell\n", "thiếu trường `rejected`"),
        ("- vi: chi bộ\n  en: Party cell\n  rejected: [Party cell]\n", "cũng nằm trong danh sách không dùng"),
        ("- vi: chi bộ\n  en: Party cell\n  rejected: [branch]\n  vi: chi uỷ\n", "khoá `vi` được viết hai lần"),
        ("- vi: chi bộ\n  en: Party cell\n  rejected: [branch]\n- vi: chi uỷ\n  en: cell committee\n  rejected: [branch]\n", "bị loại ở cả"),
        ("- vi: chi bộ\n  en: [Party cell\n", "không phải YAML hợp lệ"),
    ],
)
def test_a_broken_termbase_is_reported(text, message):
    _, problems = termbase.load("docs/_data/thuat-ngu-en.yml", text)
    assert any(message in str(p) for p in problems), problems
