"""The whole-file checks of a Markdown source (sotay_boiduong.sources), without MkDocs."""

from __future__ import annotations

import unicodedata

import pytest

from sotay_boiduong.sources import check_front_matter, check_nfc, check_source, split_front_matter

NFD = unicodedata.normalize("NFD", "Đảng viên")


def test_nfc_text_has_no_problem():
    assert check_nfc("a.md", "Bồi dưỡng công tác đảng\ncho bí thư chi bộ và cấp uỷ viên\n") == []


def test_decomposed_text_is_reported_with_line_column_and_letter():
    text = "---\ntitle: Bài 1\n---\n\nDòng đầu.\nMột " + NFD + " mới.\n"
    [problem] = check_nfc("docs/bai-hoc/bai-1.md", text)
    assert problem.path == "docs/bai-hoc/bai-1.md"
    assert problem.line == 6
    # "Đ" has no decomposition; the first decomposed letter is the "ả" after it, in column 6.
    assert "cột 6" in problem.message
    assert "«ả»" in problem.message
    assert "NFC" in problem.message
    assert "--fix" in problem.fix
    assert str(problem).startswith("docs/bai-hoc/bai-1.md:6: ")


def test_every_decomposed_line_is_reported():
    text = f"{NFD}\nđúng\n{NFD}\n"
    assert [p.line for p in check_nfc("x.md", text)] == [1, 3]


def test_front_matter_is_parsed():
    data, problems = check_front_matter("x.md", "---\ntitle: Trang chủ\nlesson: 2\n---\n# Nội dung\n")
    assert problems == []
    assert data == {"title": "Trang chủ", "lesson": 2}


def test_no_front_matter_is_fine():
    assert check_front_matter("x.md", "# Tiêu đề\n\n---\n\nĐoạn văn.\n") == ({}, [])


@pytest.mark.parametrize(
    "source, line, words",
    [
        ("---\ntitle: Bài 1: Tổ chức\n---\n", 2, "YAML"),
        ("---\ntitle: Bài 1\nobjectives:\n  - một\n - hai\n---\n", 5, "YAML"),
        ("---\ntitle: \"không đóng ngoặc\n---\n", 2, "YAML"),
        ("---\ntitle: Bài 1\n\n# Nội dung\n", 1, "không có dòng '---' đóng lại"),
        ("---\n- một\n- hai\n---\n", 2, "khoá: giá trị"),
    ],
    ids=["colon-in-value", "bad-indent", "unclosed-quote", "unclosed-fence", "not-a-mapping"],
)
def test_broken_front_matter_names_the_line(source, line, words):
    data, [problem] = check_front_matter("docs/x.md", source)
    assert data == {}
    assert problem.line == line, problem
    assert words in str(problem)
    assert "Cách sửa:" in str(problem)


def test_split_front_matter_returns_body_line():
    assert split_front_matter("---\na: 1\nb: 2\n---\nbody\n") == ("a: 1\nb: 2\n", 5)
    assert split_front_matter("body\n") == (None, 1)


def test_file_not_in_utf8_is_reported_with_its_line():
    data = "---\ntitle: x\n---\n\nchi bộ\n".encode() + unicodedata.normalize("NFD", "Đảng\n").encode("cp1258")
    [problem] = check_source("docs/x.md", data)
    assert problem.line == 6
    assert "UTF-8" in problem.message


def test_byte_order_mark_is_accepted():
    assert check_source("x.md", "\ufeff---\ntitle: Trang\n---\nNội dung\n".encode("utf-8")) == []
