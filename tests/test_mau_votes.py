"""The vote arithmetic of the toolkit (sotay_boiduong.mau.votes) and the check of every threshold a page states
(sotay_boiduong.mau.claims): unit tests, property tests against the rule written directly, and the real
lessons with one figure changed."""

from __future__ import annotations

import datetime
import math
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sotay_boiduong.mau import claims, votes

ROOT = Path(__file__).resolve().parent.parent
D = datetime.date


# ---------------------------------------------------------------- the thresholds


@pytest.mark.parametrize(
    ("members", "half", "two_thirds"),
    [(3, 2, 2), (4, 3, 3), (8, 5, 6), (9, 5, 6), (11, 6, 8), (12, 7, 8), (14, 8, 10), (15, 8, 10), (30, 16, 20), (40, 21, 27)],
)
def test_known_thresholds(members, half, two_thirds):
    assert votes.more_than_half(members) == half
    assert votes.two_thirds(members) == two_thirds
    assert votes.needed(votes.MORE_THAN_HALF, members) == half and votes.needed(votes.TWO_THIRDS, members) == two_thirds


@given(st.integers(min_value=1, max_value=100_000))
def test_more_than_half_is_the_fewest_votes_above_half(members):
    needed = votes.more_than_half(members)
    assert Fraction(needed, members) > Fraction(1, 2)
    assert not Fraction(needed - 1, members) > Fraction(1, 2)


@given(st.integers(min_value=1, max_value=100_000))
def test_two_thirds_is_the_fewest_votes_not_below_two_thirds(members):
    needed = votes.two_thirds(members)
    assert needed == math.ceil(Fraction(2 * members, 3))
    assert Fraction(needed, members) >= Fraction(2, 3) > Fraction(needed - 1, members)


@given(st.integers(min_value=1, max_value=500), st.integers(min_value=0, max_value=500), st.sampled_from(votes.RULES))
def test_a_vote_passes_exactly_when_it_reaches_the_fraction(members, in_favour, rule):
    fraction = Fraction(in_favour, members)
    direct = fraction > Fraction(1, 2) if rule == votes.MORE_THAN_HALF else fraction >= Fraction(2, 3)
    assert votes.passes(rule, members, in_favour) == direct


def test_the_table_covers_3_to_40_full_members_and_agrees_with_the_functions():
    rows = votes.table()
    assert [row.members for row in rows] == list(range(3, 41))
    assert all(row.more_than_half == votes.more_than_half(row.members) and row.two_thirds == votes.two_thirds(row.members) for row in rows)


@pytest.mark.parametrize("members", [0, -3, 2.5, True, "14"])
def test_a_cell_size_is_a_whole_number_of_at_least_one(members):
    with pytest.raises(ValueError):
        votes.two_thirds(members)


# ---------------------------------------------------------------- the dates


@pytest.mark.parametrize(
    ("ceremony", "end"),
    [(D(2025, 6, 12), D(2026, 6, 12)), (D(2025, 1, 31), D(2026, 1, 31)), (D(2024, 2, 29), D(2025, 2, 28)), (D(2025, 12, 1), D(2026, 12, 1))],
)
def test_probation_ends_12_months_after_the_ceremony(ceremony, end):
    assert votes.probation_end(ceremony) == end


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)))
def test_probation_is_twelve_calendar_months(ceremony):
    end = votes.probation_end(ceremony)
    assert (end.year, end.month) == (ceremony.year + 1, ceremony.month)
    assert end.day == ceremony.day or (ceremony.month, ceremony.day, end.day) == (2, 29, 28)


def test_the_appeal_deadline_is_the_30th_working_day_after_receipt():
    received = D(2026, 9, 8)  # a Tuesday
    deadline = votes.appeal_deadline(received)
    assert deadline == D(2026, 10, 20)
    days = [received + datetime.timedelta(days=i) for i in range(1, (deadline - received).days + 1)]
    assert sum(day.weekday() < 5 for day in days) == 30
    assert received + datetime.timedelta(weeks=5) < deadline  # five weeks later is still within the limit
    holiday = D(2026, 9, 10)
    assert votes.appeal_deadline(received, frozenset({holiday})) == D(2026, 10, 21)


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)), st.integers(min_value=1, max_value=60))
def test_working_days_skip_weekends(start, count):
    end = votes.working_day(start, count)
    assert end.weekday() < 5
    between = [start + datetime.timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert sum(day.weekday() < 5 for day in between) == count


# ---------------------------------------------------------------- claims in text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("vi", "Chi bộ xét từng người; với 8 đảng viên chính thức, phải có ít nhất 6 người tán thành (hai phần ba của 8 là 5,33, làm tròn lên 6)."),
        ("vi", "Việc công nhận chính thức cần ít nhất hai phần ba tổng số đảng viên chính thức, tức ít nhất 8 trên 11 người."),
        ("vi", "Như vậy, chi bộ có 14 đảng viên chính thức cần ít nhất 8 phiếu tán thành để quyết định khiển trách hoặc cảnh cáo, và ít nhất 10 phiếu để đề nghị khai trừ."),
        ("vi", "Biểu quyết hợp lệ: cảnh cáo chỉ cần hơn một nửa số đảng viên chính thức tán thành, và 7 trên 12 là hơn một nửa."),
        ("vi", "Quyết định đủ tỷ lệ, vì 8 phiếu là quá nửa của 14 đảng viên chính thức."),
        ("vi", "Kết nạp: 9 trên 14 là chưa đủ hai phần ba."),
        ("en", "With 8 full members, at least 6 must agree (two thirds of 8 is 5.33, rounded up to 6)."),
        ("en", "The two thirds are counted on the full members. A cell with 8 full members needs at least 6 in favour; one with 11 full members needs at least 8."),
        ("en", "A Party cell with 14 full members needs at least 8 votes in favour to decide a reprimand or warning, and at least 10 to propose expulsion."),
        ("en", "The vote is valid: a warning needs more than half of the full members, and 7 of 12 is more than half."),
        ("en", "It was carried, since 8 is more than half of 14 full members."),
    ],
)
def test_right_figures_are_read_as_claims_and_pass(language, text):
    found = claims.find(text, language)
    assert found, text
    assert [c.wrong for c in found if c.wrong] == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("vi", "Chi bộ có 14 đảng viên chính thức cần ít nhất 9 phiếu để đề nghị kết nạp.", "ít nhất 10"),
        ("vi", "Công nhận chính thức cần hai phần ba, tức ít nhất 7 trên 11 người.", "ít nhất 8"),
        ("vi", "Cảnh cáo cần quá nửa: ít nhất 8 trên 16.", "ít nhất 9"),
        ("vi", "Cảnh cáo được thông qua vì 7 trên 14 là quá nửa.", "ít nhất 8"),
        ("vi", "Với 8 đảng viên chính thức, hai phần ba của 8 là 5,66, làm tròn lên 6.", "5,33"),
        ("vi", "Hai phần ba của 8 là 5,33, làm tròn lên 5.", "là 6"),
        ("en", "A cell with 14 full members needs at least 9 votes in favour to propose admission.", "at least 10"),
        ("en", "Recognition needs two thirds, that is at least 7 of 11.", "at least 8"),
        ("en", "The warning was carried, since 7 is more than half of 14 full members.", "at least 8"),
    ],
)
def test_a_wrong_figure_is_a_problem_with_the_right_one_in_the_fix(language, text, expected):
    problems = claims.check("docs/x.md", text, language)
    assert len(problems) == 1, problems
    assert expected.split()[-1] in problems[0].message + problems[0].fix
    assert problems[0].path == "docs/x.md" and problems[0].line == 1


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("vi", "Buổi sinh hoạt kéo dài ít nhất 90 phút; chi bộ có ít nhất 3 đảng viên chính thức."),
        ("vi", "Chi bộ họp, 7 trong 12 đảng viên chính thức biểu quyết thi hành kỷ luật cảnh cáo."),
        ("vi", "Nếu chỉ 9 người dự thì phải có ít nhất 8 người trong số đó tán thành."),
        ("vi", "Hướng dẫn 36-HD/VPTW ngày 3/4/2018 quy định thể thức văn bản."),
        ("en", "A cell meeting lasts at least 90 minutes; a cell has at least 3 full members."),
        ("en", "At a cell meeting, 7 of the 12 full members vote for a warning."),
        # the rule of a neighbouring clause that states a figure of its own is that figure's, not this one's
        ("vi", "Các con số được kiểm tra («ít nhất 10 trên 14», «7 trên 12 là hơn một nửa»)."),
    ],
)
def test_what_is_not_a_threshold_claim_is_left_alone(language, text):
    assert [c for c in claims.find(text, language) if c.text != "7 trên 12 là hơn một nửa"] == []


def test_a_case_situation_a_pitfall_and_a_false_statement_may_be_wrong_on_purpose():
    text = """---
cases:
  - situation: |
      Phó bí thư cho rằng chi bộ 11 đảng viên chính thức chỉ cần ít nhất 6 phiếu để công nhận chính thức.
    key:
      points:
        - "Cần ít nhất hai phần ba, tức ít nhất 8 trên 11."
      pitfalls:
        - "Cho rằng kết nạp chỉ cần ít nhất 6 trên 11."
self_check:
  - question: "Chi bộ 14 đảng viên chính thức kết nạp khi có ít nhất 9 trên 14 phiếu."
    true_false: false
---

Thân bài.
"""
    found = claims.find(text, "vi")
    assert [(c.line, c.text, bool(c.wrong)) for c in found] == [(7, "ít nhất 8 trên 11", False)]


def test_the_correct_choice_of_a_self_check_question_is_checked_at_its_line():
    text = """---
self_check:
  - question: "Chi bộ có 14 đảng viên chính thức. Cần ít nhất bao nhiêu đảng viên chính thức tán thành để chi bộ đề nghị kết nạp một quần chúng?"
    choices:
      - text: "8"
      - text: "9"
        correct: true
      - text: "14"
    explanation: "Hai phần ba của 14 là 9,33; số phiếu phải là số nguyên không nhỏ hơn, nên cần 10."
---
"""
    problems = claims.check("docs/bai-hoc/bai-3.md", text, "vi")
    assert [(p.line, "10" in p.message) for p in problems] == [(6, True)]
    assert claims.check("docs/bai-hoc/bai-3.md", text.replace('"9"\n        correct', '"10"\n        correct'), "vi") == []


def test_lines_of_a_wrapped_paragraph_are_named_exactly():
    text = "# Trang\n\nĐoạn văn được xuống dòng: chi bộ có 14 đảng viên chính thức\ncần ít nhất 9 phiếu tán thành để đề nghị khai trừ.\n"
    [problem] = claims.check("docs/x.md", text, "vi")
    assert problem.line == 4


# ---------------------------------------------------------------- the real pages


PAGES = sorted(p for folder in ("bai-hoc", "chuyen-de", "van-ban", "mau") for p in (ROOT / "docs" / folder).glob("*.md"))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(ROOT / "docs")))
def test_every_threshold_the_handbook_states_is_right(path):
    language = "en" if path.name.endswith(".en.md") else "vi"
    assert claims.check(str(path), path.read_text("utf-8"), language) == []


def test_the_lessons_state_thresholds_the_check_reads():
    stated = {path.name: len(claims.find(path.read_text("utf-8"), "en" if path.name.endswith(".en.md") else "vi")) for path in PAGES}
    assert stated["bai-3.md"] >= 4 and stated["bai-5.md"] >= 3 and stated["bai-3.en.md"] >= 4 and stated["bai-5.en.md"] >= 3


@pytest.mark.parametrize(
    ("page", "right", "wrong", "line_text"),
    [
        ("bai-hoc/bai-3.md", "tức ít nhất 8 trên 11 người", "tức ít nhất 7 trên 11 người", "ít nhất 7 trên 11"),
        ("bai-hoc/bai-5.md", "và ít nhất 10 phiếu để đề nghị khai trừ", "và ít nhất 9 phiếu để đề nghị khai trừ", "ít nhất 9 phiếu"),
        ("bai-hoc/bai-5.en.md", "and at least 10 to propose expulsion", "and at least 11 to propose expulsion", "at least 11 to"),
        ("chuyen-de/kiem-tra-giam-sat.md", "7 trên 12 là hơn một nửa", "6 trên 12 là hơn một nửa", "6 trên 12"),
    ],
)
def test_a_figure_changed_in_a_real_page_is_caught_at_its_line(page, right, wrong, line_text):
    path = ROOT / "docs" / page
    text = path.read_text("utf-8")
    if right not in text:
        pytest.skip(f"{page} no longer says «{right}»")
    changed = text.replace(right, wrong, 1)
    problems = claims.check(page, changed, "en" if page.endswith(".en.md") else "vi")
    expected_line = next(n for n, row in enumerate(changed.splitlines(), start=1) if line_text in row)
    assert [p.line for p in problems] == [expected_line], problems
