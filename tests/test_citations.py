"""The citation parser and linker (sotay_boiduong.citations) and the document registry, without MkDocs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sotay_boiduong import citations, documents

ROOT = Path(__file__).resolve().parent.parent
REGISTRY_TEXT = (ROOT / "docs/_data/van-ban.yml").read_text("utf-8")
REGISTRY, REGISTRY_PROBLEMS = documents.load_registry("docs/_data/van-ban.yml", REGISTRY_TEXT)


def found(text: str, language: str = "vi", **kwargs):
    return [(c.article, c.clause, c.number, c.text) for c in citations.find(text, language, **kwargs)]


# (text, expected [(article, clause, number, text)]) — 26 that must be found
POSITIVE = [
    ("Theo Điều 24 Điều lệ Đảng, chi bộ họp hằng tháng.", [(24, None, None, "Điều 24 Điều lệ Đảng")]),
    ("Xem khoản 2 Điều 5 Điều lệ.", [(5, 2, None, "khoản 2 Điều 5 Điều lệ")]),
    ("như Điều 24 của Điều lệ Đảng quy định", [(24, None, None, "Điều 24 của Điều lệ Đảng")]),
    ("điều 24 điều lệ đảng", [(24, None, None, "điều 24 điều lệ đảng")]),
    ("Điều 1 Điều lệ Đảng Cộng sản Việt Nam nêu", [(1, None, None, "Điều 1 Điều lệ Đảng Cộng sản Việt Nam")]),
    ("theo điểm a khoản 1 Điều 1 Điều lệ Đảng", [(1, 1, None, "điểm a khoản 1 Điều 1 Điều lệ Đảng")]),
    ("Quy định 30-QĐ/TW", [(None, None, "30-QĐ/TW", "Quy định 30-QĐ/TW")]),
    ("Quy định số 30-QĐ/TW ngày 26/7/2016", [(None, None, "30-QĐ/TW", "Quy định số 30-QĐ/TW")]),
    ("Quy định 296 - QĐ/TW", [(None, None, "296-QĐ/TW", "Quy định 296 - QĐ/TW")]),
    ("Quy định 296-QĐ / TW", [(None, None, "296-QĐ/TW", "Quy định 296-QĐ / TW")]),
    ("Qui định 29-QĐ/TW", [(None, None, "29-QĐ/TW", "Qui định 29-QĐ/TW")]),
    ("Hướng dẫn 06-HD/TW", [(None, None, "06-HD/TW", "Hướng dẫn 06-HD/TW")]),
    ("Hướng dẫn số 6-HD/TW", [(None, None, "06-HD/TW", "Hướng dẫn số 6-HD/TW")]),
    ("Hướng dẫn 12-HD/BTCTW của Ban Tổ chức", [(None, None, "12-HD/BTCTW", "Hướng dẫn 12-HD/BTCTW")]),
    ("quy định 294-qđ/tw", [(None, None, "294-QĐ/TW", "quy định 294-qđ/tw")]),
    ("Quy định 294–QĐ/TW", [(None, None, "294-QĐ/TW", "Quy định 294–QĐ/TW")]),
    ("Điều\u00a024 Điều lệ Đảng", [(24, None, None, "Điều\u00a024 Điều lệ Đảng")]),
    ("Điều 21 Điều lệ Đảng và Quy định 294-QĐ/TW", [(21, None, None, "Điều 21 Điều lệ Đảng"), (None, None, "294-QĐ/TW", "Quy định 294-QĐ/TW")]),
    ("| Đại hội chi bộ | Hai lần | Điều 24 Điều lệ Đảng |", [(24, None, None, "Điều 24 Điều lệ Đảng")]),
    ("    Điều 9 Điều lệ Đảng trong khung ghi chú", [(9, None, None, "Điều 9 Điều lệ Đảng")]),
    ("- Quy định 37-QĐ/TW về những điều đảng viên không được làm", [(None, None, "37-QĐ/TW", "Quy định 37-QĐ/TW")]),
    ("Article 24 of the Party Charter", [(24, None, None, "Article 24 of the Party Charter")]),
    ("clause 2 of Article 1 of the Party Charter", [(1, 2, None, "clause 2 of Article 1 of the Party Charter")]),
    ("Article 5 of the Charter", [(5, None, None, "Article 5 of the Charter")]),
    ("Regulation No. 30-QĐ/TW", [(None, None, "30-QĐ/TW", "Regulation No. 30-QĐ/TW")]),
    ("Guidance 06-HD/TW", [(None, None, "06-HD/TW", "Guidance 06-HD/TW")]),
]

# 16 that must not be found (or linked)
NEGATIVE = [
    "Điều 24 quy định như vậy.",
    "Chương VII Điều lệ Đảng",
    "## Điều 24 Điều lệ Đảng",
    "Dòng có `Quy định 30-QĐ/TW` trong mã.",
    "Đã có liên kết [Quy định 30-QĐ/TW](../van-ban/qd-30-2016.md).",
    "```\nQuy định 30-QĐ/TW\n```",
    "~~~text\nĐiều 24 Điều lệ Đảng\n~~~",
    "Quy định 30 của Trung ương",
    "văn bản 30-QĐ/TW",
    '!!! note "Quy định 30-QĐ/TW"',
    '??? question "1. Điều 21 Điều lệ Đảng quy định gì?"',
    '<a href="x">Điều 24 Điều lệ Đảng</a>',
    "*[QĐ/TW]: quy định của Trung ương",
    "Điều lệ Đảng là văn bản",
    "Quy định về 30-QĐ/TW",
    "Article 24 says",
]


@pytest.mark.parametrize("text, expected", POSITIVE, ids=[f"p{i:02d}" for i in range(len(POSITIVE))])
def test_citation_is_found(text, expected):
    language = "en" if re.search(r"Article|Regulation|Guidance", text) else "vi"
    assert found(text, language) == expected


@pytest.mark.parametrize("text", NEGATIVE, ids=[f"n{i:02d}" for i in range(len(NEGATIVE))])
def test_no_citation_is_found(text):
    language = "en" if "Article" in text else "vi"
    assert found(text, language) == []


def test_headings_are_checked_but_not_linked():
    assert found("## Điều 49 Điều lệ Đảng", include_headings=True)[0][0] == 49


def test_registry_of_the_repository_is_valid():
    assert REGISTRY_PROBLEMS == []
    assert [d.number for d in documents.chain(REGISTRY, "qd-29-2016")] == ["29-QĐ/TW", "24-QĐ/TW", "232-QĐ/TW", "294-QĐ/TW"]
    assert documents.current_version(REGISTRY, "qd-30-2016").id == "qd-296-2025"
    assert documents.current_version(REGISTRY, "qd-294-2025").id == "qd-294-2025"
    assert REGISTRY["dieu-le-dang"].articles == 48


def test_check_reports_missing_article_and_unknown_document():
    text = "Dòng một.\nTheo Điều 49 Điều lệ Đảng và Quy định 20-QĐ/TW.\nĐiều 48 Điều lệ Đảng đúng.\n"
    problems = citations.check(citations.find(text, "vi"), REGISTRY, "docs/bai-hoc/bai-9.md", line_offset=10)
    assert [str(p).split(" — ")[0] for p in problems] == [
        "docs/bai-hoc/bai-9.md:12: trích dẫn «Điều 49 Điều lệ Đảng»: Điều lệ Đảng chỉ có 48 điều, không có Điều 49",
        "docs/bai-hoc/bai-9.md:12: trích dẫn «Quy định 20-QĐ/TW»: văn bản 20-QĐ/TW chưa có trong danh mục văn bản",
    ]


TARGETS = {"dieu-le-dang": "../van-ban/dieu-le-dang.md", "qd-30-2016": "../van-ban/qd-30-2016.md",
           "qd-296-2025": "../van-ban/qd-296-2025.md", "qd-22-2021": "../van-ban/index.md#qd-22-2021"}


def test_link_makes_article_and_document_links_with_status_and_successor():
    text = "Theo khoản 2 Điều 5 Điều lệ Đảng và Quy định 30-QĐ/TW.\n## Điều 24 Điều lệ Đảng\n`Quy định 30-QĐ/TW`\n"
    linked = citations.link(text, REGISTRY, "vi", TARGETS, "nay là {name}")
    first, heading, code = linked.split("\n")[:3]
    assert '[khoản 2 Điều 5 Điều lệ Đảng](../van-ban/dieu-le-dang.md#dieu-5 "Đang có hiệu lực' in first
    assert '[Quy định 30-QĐ/TW](../van-ban/qd-30-2016.md "Đã được thay thế — văn bản hiện hành: Quy định 296-QĐ/TW"){ .handbook-cite .handbook-cite--replaced }' in first
    # On the screen a small link to the document in force; in print the same words as part of the sentence.
    assert "[nay là Quy định 296-QĐ/TW](../van-ban/qd-296-2025.md" in first
    assert '<span class="handbook-print-only" data-search-exclude>, nay là Quy định 296-QĐ/TW</span>.' in first
    assert heading == "## Điều 24 Điều lệ Đảng" and code == "`Quy định 30-QĐ/TW`"


def _unlink(markdown: str) -> str:
    link_target = r'\((?:[^)"]|"[^"]*")*\)'
    markdown = re.sub(r" \[[^\]]*\]" + link_target + r"\{ \.handbook-successor \.handbook-screen-only \}", "", markdown)
    markdown = re.sub(r'<span class="handbook-print-only" data-search-exclude>[^<]*</span>', "", markdown)
    return re.sub(r"\[([^\]]*)\]" + link_target + r"\{ [^}]*\}", r"\1", markdown)


FRAGMENTS = st.sampled_from([
    "Điều 24 Điều lệ Đảng", "khoản 2 Điều 1 Điều lệ", "Quy định 30-QĐ/TW", "Quy định số 296-QĐ/TW", "Hướng dẫn 06-HD/TW",
    "chi bộ", "đảng viên", "Điều 24", "QĐ/TW", "`mã 30-QĐ/TW`", "[liên kết](x.md)", ", ", ". ", "\n", "| ", "    ",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(FRAGMENTS, max_size=25).map(" ".join))
def test_linking_only_adds_links_and_is_stable(text):
    linked = citations.link(text, REGISTRY, "vi", TARGETS, "nay là {name}")
    assert _unlink(linked) == text
    assert citations.link(linked, REGISTRY, "vi", TARGETS, "nay là {name}") == linked


@settings(max_examples=200, deadline=None)
@given(article=st.integers(1, 99), clause=st.one_of(st.none(), st.integers(1, 9)), form=st.sampled_from(["Điều lệ", "Điều lệ Đảng", "của Điều lệ Đảng"]),
       before=st.text(alphabet="abc đêơư ,.", max_size=20), after=st.text(alphabet="abc đêơư ,.", max_size=20))
def test_any_article_citation_is_found_with_its_number(article, clause, form, before, after):
    mention = (f"khoản {clause} " if clause else "") + f"Điều {article} {form}"
    [(found_article, found_clause, _, text)] = found(f"{before} {mention} {after}")
    assert (found_article, found_clause, text) == (article, clause, mention)
    problems = citations.check(citations.find(mention, "vi"), REGISTRY, "x.md")
    clauses = {int(k): v for k, v in REGISTRY["dieu-le-dang"].clauses.items()}
    clause_wrong = clause is not None and (article not in clauses or clause > clauses[article])
    assert bool(problems) == (article > 48 or clause_wrong)
    if article <= 48 and clause_wrong:
        assert ("chỉ có" if article in clauses else "chưa ghi") in problems[0].message


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="0123456789"), max_size=200))
def test_text_without_digits_has_no_citation(text):
    assert found(text) == [] and found(text, "en") == []


@pytest.mark.parametrize(
    "edit, line, message",
    [
        (lambda t: t.replace("replaced_by: qd-24-2021", "replaced_by: qd-99-2099"), "replaced_by: qd-99-2099", "dẫn tới mã `qd-99-2099` không có trong danh mục"),
        (lambda t: t.replace("  status: replaced\n  replaced_by: qd-24-2021\n", "  status: replaced\n", 1), "  status: replaced\n  page: van-ban/qd-29", "tình trạng là replaced nhưng không có `replaced_by`"),
        (lambda t: t.replace("number: 29-QĐ/TW", "number: 29/QĐ-TW"), "number: 29/QĐ-TW", "số văn bản \"29/QĐ-TW\" không đúng dạng"),
        (lambda t: t.replace("number: 24-QĐ/TW", "number: 29-QĐ/TW"), "number: 29-QĐ/TW", "số văn bản 29-QĐ/TW trùng"),
        (lambda t: t.replace("status: in-force\n  articles: 48", "status: hieu-luc\n  articles: 48"), "status: hieu-luc", "tình trạng \"hieu-luc\" không hợp lệ"),
    ],
    ids=["unknown-successor", "replaced-without-successor", "bad-number", "duplicate-number", "bad-status"],
)
def test_registry_mistakes_name_the_line(edit, line, message):
    text = edit(REGISTRY_TEXT)
    _, problems = documents.load_registry("docs/_data/van-ban.yml", text)
    assert any(message in p.message for p in problems), problems
    expected_line = text[: text.rindex(line.strip(" "))].count("\n") + 1
    assert any(p.line == expected_line and message in p.message for p in problems), (expected_line, problems)
