"""Per-file content checks and MkDocs link messages (sotay_boiduong.checks, sotay_boiduong.links), without MkDocs."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sotay_boiduong import checks, links
from sotay_boiduong.fixes import fix_text


@pytest.mark.parametrize(
    "old, new",
    [("hóa", "hoá"), ("Hòa", "Hoà"), ("họa", "hoạ"), ("khỏe", "khoẻ"), ("xòe", "xoè"), ("ủy", "uỷ"), ("ỦY", "UỶ"),
     ("thủy", "thuỷ"), ("tùy", "tuỳ"), ("lũy", "luỹ"), ("thúy", "thuý")],
)
def test_tone_mark_moves_to_the_main_vowel(old, new):
    assert checks.fix_tone_style(old) == new
    assert checks.fix_tone_style(f"Văn bản {old}, tiếp.") == f"Văn bản {new}, tiếp."


@pytest.mark.parametrize("word", ["của", "quý", "quỳ", "hoàn", "khuyến", "thuyết", "hoá", "uỷ", "Đảng", "người", "tuyên", "múa", "gìn"])
def test_words_already_right_or_outside_the_rule_are_left_alone(word):
    assert checks.fix_tone_style(word) == word
    assert checks.check_tone_style("x.md", word) == []


@given(st.text(alphabet="aăâeêioôơuưyđqhkltxnm òóỏõọùúủũụàáảãạ,.\n", max_size=80))
def test_tone_fix_is_idempotent_and_keeps_letters(text):
    text = unicodedata.normalize("NFC", text)
    once = fix_text(text)
    assert fix_text(once) == once
    def strip(s):
        return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    assert strip(once) == strip(text)
    assert checks.check_tone_style("x.md", once) == []


def test_tone_check_names_line_and_words_but_not_code():
    text = "Dòng đầu.\nVăn hóa và cấp ủy `hóa`.\n```\nthủy\n```\n"
    [problem] = checks.check_tone_style("docs/x.md", text)
    assert problem.line == 2 and "«hóa» → «hoá», «ủy» → «uỷ»" in problem.message


@pytest.mark.parametrize(
    "line, what",
    [("<script>alert(1)</script>", "<script>"), ("<SCRIPT src=x>", "<script>"), ('<iframe src="x"></iframe>', "<iframe>"),
     ('<p onclick="x()">a</p>', "on…="), ('<img src="a.png" alt="a" onerror="x()">', "on…="), ("[a](javascript:alert(1))", "javascript:")],
)
def test_unsafe_markup_is_reported(line, what):
    [problem] = checks.check_safety("docs/x.md", f"Dòng một.\n{line}\n")
    assert problem.line == 2 and what in problem.message


@pytest.mark.parametrize("line", ["Chữ script và iframe trong câu.", "`<script>` trong mã", "Bấm onclick thì sao", "[trang](javascript.md)"])
def test_safe_text_is_not_reported(line):
    assert checks.check_safety("x.md", line) == []


def test_images_need_alt_text():
    text = "![Sơ đồ chi bộ](a.png)\n![](b.png)\n<img src=\"c.png\">\n<img src=\"d.png\" alt=\"Mô tả\">\n<img src=e.png alt=\"\">\n"
    assert [p.line for p in checks.check_images("x.md", text)] == [2, 3, 5]


def test_headings_may_not_skip_a_level():
    text = "# Trang\n## Một\n### Một một\n## Hai\n#### Bỏ cấp\n```\n###### trong mã\n```\n"
    [problem] = checks.check_headings("docs/x.md", text)
    assert problem.line == 5 and "đề mục cấp 4 «Bỏ cấp» đứng ngay sau đề mục cấp 2, bỏ qua cấp 3" in problem.message
    assert checks.check_headings("x.md", "### Ngay cấp 3\n")[0].line == 1  # the page title is level 1


def test_duplicate_titles_report_both_pages():
    problems = checks.duplicate_titles([("docs/a.md", 2, "Bài học"), ("docs/b.md", 3, "bài  học"), ("docs/c.md", 2, "Khác")])
    assert [(p.path, p.line) for p in problems] == [("docs/a.md", 2), ("docs/b.md", 3)]
    assert "trùng với trang docs/b.md" in problems[0].message


def test_page_title_from_front_matter_or_first_heading():
    assert checks.page_title("---\ntitle: Tên\n---\n# Khác\n", {"title": "Tên"}) == ("Tên", 2)
    assert checks.page_title("Đoạn.\n\n# Tiêu đề trang {#x}\n", {}) == ("Tiêu đề trang", 3)


SOURCE = "---\ntitle: T\n---\n\nXem [mục](#khong-co) và [trang](../khong-co.md).\n"


@pytest.mark.parametrize(
    "message, expected",
    [
        ("Doc file 'huong-dan/x.md' contains a link '../khong-co.md', but the target 'khong-co.md' is not found among documentation files.",
         "docs/huong-dan/x.md:5: liên kết '../khong-co.md' trỏ tới trang không có"),
        ("Doc file 'huong-dan/x.md' contains a link '#khong-co', but there is no such anchor on this page.",
         "docs/huong-dan/x.md:5: liên kết '#khong-co' trỏ tới một mục không có trên trang này"),
        ("Doc file 'huong-dan/x.md' contains a link '../khong-co.md', but the doc 'khong-co.md' does not contain an anchor '#a'.",
         "docs/huong-dan/x.md:5: liên kết '../khong-co.md' trỏ tới mục #a không có trong docs/khong-co.md"),
        ("Doc file 'huong-dan/x.md' contains an absolute link '/tuyet-doi', it was left as is.",
         "docs/huong-dan/x.md:1: liên kết '/tuyet-doi' là đường dẫn tuyệt đối"),
    ],
)
def test_mkdocs_link_warnings_are_explained_with_line_and_fix(message, expected):
    problem = links.explain(message, lambda uri: SOURCE if uri == "huong-dan/x.md" else None)
    assert str(problem).startswith(expected) and " — Cách sửa: " in str(problem)


def test_other_messages_are_not_touched_and_nav_warnings_point_into_mkdocs_yml():
    assert links.explain("Building documentation to directory: site", lambda uri: None) is None
    config = "site_name: x\nnav:\n  - Trang: index.md\n  - Khác: khac.md\n"
    [problem] = links.explain_nav("A reference to 'khac.md' is included in the 'nav' configuration, which is not found in the documentation files.", config)
    assert str(problem).startswith("mkdocs.yml:4: menu (nav) nêu trang 'khac.md' nhưng không có tệp docs/khac.md")
    problems = links.explain_nav('The following pages exist in the docs directory, but are not included in the "nav" configuration:\n  - a.md\n  - b/c.md', config)
    assert [str(p).split(" — ")[0] for p in problems] == ["mkdocs.yml:2: trang docs/a.md không có trong menu (nav)", "mkdocs.yml:2: trang docs/b/c.md không có trong menu (nav)"]


def test_print_wording_flags_this_page_and_abbreviations_in_sentences_only():
    from sotay_boiduong.checks import check_print_wording

    text = "Trang này nói về UBKT.\n| UBKT | Uỷ ban Kiểm tra |\n*[KTGS]: kiểm tra, giám sát\nViết `TCCSĐ` trong mã.\nKhông có gì.\n"
    found = [(p.line, p.message) for p in check_print_wording("docs/chuyen-de/x.md", text)]
    assert found == [(1, "«Trang này» chỉ đúng trên trang web"), (1, "chữ viết tắt «UBKT» trong câu văn")]
    assert [p.line for p in check_print_wording("docs/chuyen-de/x.en.md", "A line.\nSee this page.\n")] == [2]
    assert check_print_wording("docs/huong-dan/bien-tap.md", text) == []  # the editors' guide is about the site
