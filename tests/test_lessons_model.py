"""The lesson model without MkDocs: schema errors with their messages, numbering, glossary."""

from __future__ import annotations

import copy

import pytest
import yaml

from sotay_boiduong import glossary
from sotay_boiduong.lessons import Unit, check_numbering, field_descriptions, kind_of, validate_unit

GOOD = {
    "title": "Công tác tư tưởng của tổ chức cơ sở đảng",
    "short_title": "Công tác tư tưởng",
    "lesson": 2,
    "sessions": 1,
    "description": "Nội dung, phương pháp làm công tác tư tưởng ở chi bộ.",
    "objectives": ["Nắm được nội dung công tác tư tưởng.", "Trình bày được phương pháp.", "Vận dụng được ở chi bộ."],
    "key_terms": ["TCCSĐ"],
    "sources": [{"document": "dieu-le-dang", "articles": [21, 24]}],
    "key_points": ["Ý thứ nhất cần nhớ.", "Ý thứ hai cần nhớ.", "Ý thứ ba cần nhớ."],
    "cases": [
        {
            "title": "Tình huống",
            "setting": "xa-phuong",
            "situation": "Một chi bộ khu dân cư có mười hai đảng viên, sinh hoạt chưa đều.",
            "questions": ["Chi bộ nên làm gì?"],
            "key": {"points": ["Chi uỷ chuẩn bị nội dung trước.", "Bí thư phân công người chuẩn bị."], "rules": ["Điều 24 Điều lệ Đảng: chi bộ sinh hoạt mỗi tháng một lần."], "pitfalls": ["Coi sinh hoạt là việc đọc văn bản."]},
        }
    ],
    "review_questions": [{"question": f"Câu hỏi {n}?", "answer": "Gợi ý trả lời đủ dài để đọc."} for n in range(5)],
    "lecturer_notes": ["Nhấn mạnh phần 2."],
    "session_plan": {
        "segments": [
            {"minutes": 90, "kind": "giang", "activity": "Giảng mục 1 và mục 2 của bài."},
            {"minutes": 90, "kind": "thao-luan", "activity": "Thảo luận tình huống theo nhóm."},
            {"minutes": 30, "kind": "tong-ket", "activity": "Tổng kết và giao việc chuẩn bị."},
        ],
        "prepare": ["Bản in các tình huống."],
        "local_data": ["Số chi bộ của địa phương."],
    },
}


def source(data: dict) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n\n## 1. Mục\n\nNội dung.\n"


def validate(data: dict, src_uri: str = "bai-hoc/bai-2.md"):
    return validate_unit(f"docs/{src_uri}", src_uri, source(data))


def changed(**changes) -> dict:
    data = copy.deepcopy(GOOD)
    for key, value in changes.items():
        if value is None:
            del data[key]
        else:
            data[key] = value
    return data


def test_a_complete_lesson_is_valid():
    unit, problems = validate(GOOD)
    assert problems == []
    assert unit.kind == "lesson" and unit.number == 2 and unit.slug == "bai-2"
    assert unit.key_lines["lesson"] == 4


def line_of(text: str, key: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if line.startswith(key))


@pytest.mark.parametrize(
    "changes, key, message",
    [
        ({"objectives": None}, None, "thiếu trường `objectives` — Cách sửa: thêm dòng `objectives: …` — từ 3 đến 5 mục tiêu"),
        ({"lesson": "hai"}, "lesson:", "trường `lesson` phải là một số nguyên"),
        ({"lesson": 0}, "lesson:", "trường `lesson` có giá trị 0 nằm ngoài khoảng cho phép"),
        ({"objectives": ["Một.", "Hai."]}, "objectives:", "trường `objectives` cần từ 3 đến 5 mục (đang có 2)"),
        ({"objectives": [f"Mục tiêu {n}." for n in range(6)]}, "objectives:", "trường `objectives` cần từ 3 đến 5 mục (đang có 6)"),
        ({"objective": ["x"]}, "objective:", "trường lạ `objective` không có trong mẫu bài học — Cách sửa: có phải là `objectives`?"),
        ({"sessions": 5}, "sessions:", "trường `sessions` có giá trị 5 nằm ngoài khoảng cho phép"),
        ({"description": "x" * 300}, "description:", "trường `description` cần tối đa 220 ký tự (đang có 300)"),
        ({"sources": [{"document": "QĐ 294"}]}, "- document:", "trường `sources` → mục 1 → `document` có giá trị \"QĐ 294\" không đúng dạng"),
        ({"review_questions": GOOD["review_questions"][:4]}, "review_questions:", "trường `review_questions` cần ít nhất 5 mục (đang có 4)"),
        ({"cases": []}, "cases:", "trường `cases` cần ít nhất 1 mục (đang có 0)"),
        ({"key_terms": "TCCSĐ"}, "key_terms:", "trường `key_terms` phải là một danh sách"),
    ],
    ids=["missing", "not-integer", "below-minimum", "too-few", "too-many", "unknown-field", "out-of-range",
         "too-long", "bad-document-id", "too-few-questions", "no-case", "not-a-list"],
)
def test_each_schema_error_names_line_field_and_fix(changes, key, message):
    data = changed(**changes)
    text = source(data)
    unit, problems = validate_unit("docs/bai-hoc/bai-2.md", "bai-hoc/bai-2.md", text)
    assert len(problems) == 1, problems
    expected_line = line_of(text, key) if key and not key.startswith("- ") else 1
    if key and key.startswith("- "):
        expected_line = next(n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith(key))
    assert str(problems[0]).startswith(f"docs/bai-hoc/bai-2.md:{expected_line}: "), problems[0]
    assert message in str(problems[0])


def test_nested_error_points_at_the_nested_field():
    data = changed(review_questions=GOOD["review_questions"][:4] + [{"question": "Câu 5?"}])
    text = source(data)
    [problem] = validate_unit("docs/bai-hoc/bai-2.md", "bai-hoc/bai-2.md", text)[1]
    assert "trường `review_questions` → mục 5: thiếu trường `answer`" in problem.message
    assert text.splitlines()[problem.line - 1].strip() == "- question: Câu 5?"


def test_topic_needs_its_own_fields_and_matching_code():
    topic = changed(lesson=None)
    topic.update(topic="dan-van", local_data=["Số đảng viên.", "Số chi bộ.", "Kết quả dân vận khéo."], sessions=0.5)
    for segment, minutes in zip(topic["session_plan"]["segments"], (45, 45, 20), strict=True):
        segment["minutes"] = minutes  # half a session: 105 to 120 minutes
    unit, problems = validate(topic, "chuyen-de/dan-van.md")
    assert problems == [] and unit.kind == "topic"
    _, [problem] = validate(topic, "chuyen-de/tu-tuong.md")
    assert "trường `topic` là \"dan-van\" nhưng tệp tên là tu-tuong.md" in problem.message
    _, problems = validate(changed(), "chuyen-de/dan-van.md")
    messages = [p.message for p in problems]
    assert "thiếu trường `topic`" in messages and "thiếu trường `local_data`" in messages
    assert any(m.startswith("trường lạ `lesson`") for m in messages)


def test_file_without_front_matter_is_reported():
    _, [problem] = validate_unit("docs/bai-hoc/bai-7.md", "bai-hoc/bai-7.md", "## 1. Nội dung\n")
    assert problem.line == 1 and "thiếu phần thông tin đầu trang" in problem.message


@pytest.mark.parametrize(
    "src_uri, kind",
    [("bai-hoc/bai-1.md", "lesson"), ("bai-hoc/bai-1.en.md", "lesson"), ("bai-hoc/index.md", None),
     ("chuyen-de/dan-van.md", "topic"), ("chuyen-de/_mau/mau.md", None), ("huong-dan/x.md", None)],
)
def test_kind_of(src_uri, kind):
    assert kind_of(src_uri) == kind


def unit(number: int, path: str) -> Unit:
    return Unit(path, path.removeprefix("docs/"), "lesson", {"lesson": number}, {"lesson": 3})


def test_numbering_duplicate_and_gap():
    assert check_numbering([unit(1, "docs/bai-hoc/a.md"), unit(2, "docs/bai-hoc/b.md")]) == []
    [duplicate] = check_numbering([unit(1, "docs/bai-hoc/a.md"), unit(1, "docs/bai-hoc/b.md")])
    assert str(duplicate).startswith("docs/bai-hoc/b.md:3: trường `lesson`: số bài 1 trùng với docs/bai-hoc/a.md")
    [gap] = check_numbering([unit(1, "docs/bai-hoc/a.md"), unit(3, "docs/bai-hoc/c.md")])
    assert str(gap).startswith("docs/bai-hoc/c.md:3: trường `lesson`: thiếu bài số 2 trước bài 3")
    [start] = check_numbering([unit(2, "docs/bai-hoc/b.md")])
    assert "thiếu bài số 1 trước bài 2" in start.message


def test_field_descriptions_come_from_the_schema():
    descriptions = field_descriptions("lesson")
    assert list(descriptions)[:4] == ["title", "short_title", "lesson", "sessions"]
    assert "từ 3 đến 5" in descriptions["objectives"]
    assert "local_data" in field_descriptions("topic")


def test_glossary_parsing_and_missing_terms():
    entries = glossary.parse("*[TCCSĐ]: tổ chức cơ sở đảng\n*[chi uỷ]: ban chấp hành của chi bộ\nrác\n")
    assert entries == {"TCCSĐ": "tổ chức cơ sở đảng", "chi uỷ": "ban chấp hành của chi bộ"}
    assert glossary.abbreviations(entries) == [("TCCSĐ", "tổ chức cơ sở đảng")]
    assert glossary.terms(entries) == [("chi uỷ", "ban chấp hành của chi bộ")]
    lesson = Unit("docs/bai-hoc/bai-1.md", "bai-hoc/bai-1.md", "lesson", {"key_terms": ["TCCSĐ", "đảng viên"]}, {"key_terms": 9})
    [problem] = glossary.missing_terms(lesson, set(entries), "docs/_glossary/vi.md")
    assert str(problem).startswith("docs/bai-hoc/bai-1.md:9: trường `key_terms`: thuật ngữ \"đảng viên\" chưa có")
    assert "docs/_glossary/vi.md" in problem.fix
