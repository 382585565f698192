"""Mistakes an editor can make fail the strict build with a message naming the file and the line."""

from __future__ import annotations

import unicodedata

import pytest

GOOD_HOME = "---\ntitle: Trang chủ\n---\n\n# Trang chủ\n\nNội dung.\n"
GOOD_HOME_EN = "---\ntitle: Home\n---\n\n# Home\n\nContent.\n"


def pages(**extra):
    return {"index.md": GOOD_HOME, "index.en.md": GOOD_HOME_EN, **extra}


def test_fixture_site_builds_when_nothing_is_wrong(fixture_site):
    build = fixture_site(pages(**{"huong-dan/lop-hoc.md": "---\ntitle: Lớp học\n---\n\n# Lớp học\n\nChi bộ.\n"}))
    assert build.returncode == 0, build.output
    assert "Chi bộ." in build.page("huong-dan/lop-hoc/index.html")


def test_decomposed_unicode_fails_naming_file_and_line(fixture_site):
    text = "---\ntitle: Bài 1\n---\n\n# Bài 1\n\n" + unicodedata.normalize("NFD", "Cấp uỷ viên cơ sở.") + "\n"
    build = fixture_site(pages(**{"bai-hoc/bai-1.md": text}))
    assert build.returncode != 0
    assert "docs/bai-hoc/bai-1.md:7: cột 2" in build.output, build.output
    assert "NFC" in build.output and "Cách sửa:" in build.output


def test_decomposed_unicode_in_an_english_page_fails_too(fixture_site):
    text = "---\ntitle: Lesson 1\n---\n\n# Lesson 1\n\nThe term " + unicodedata.normalize("NFD", "chi bộ") + ".\n"
    build = fixture_site(pages(**{"huong-dan/x.md": "# Trang\n", "huong-dan/x.en.md": text}))
    assert build.returncode != 0
    assert "docs/huong-dan/x.en.md:7:" in build.output, build.output


def test_broken_front_matter_fails_naming_file_and_line(fixture_site):
    text = "---\ntitle: Bài 2: Công tác tư tưởng\n---\n\nNội dung.\n"
    build = fixture_site(pages(**{"bai-hoc/bai-2.md": text}))
    assert build.returncode != 0
    assert "docs/bai-hoc/bai-2.md:2: front matter không phải YAML hợp lệ" in build.output, build.output


def test_unclosed_front_matter_fails(fixture_site):
    build = fixture_site(pages(**{"huong-dan/x.md": "---\ntitle: Hướng dẫn\n\n# Hướng dẫn\n"}))
    assert build.returncode != 0
    assert "docs/huong-dan/x.md:1:" in build.output and "'---'" in build.output, build.output


def test_every_problem_is_reported_at_once(fixture_site):
    build = fixture_site(
        pages(
            **{
                "a.md": "---\ntitle: [một\n---\n",
                "b.md": unicodedata.normalize("NFD", "# Đảng viên\n"),
            }
        )
    )
    assert build.returncode != 0
    assert "docs/a.md:2:" in build.output and "docs/b.md:1:" in build.output, build.output
    assert "2 lỗi" in build.output


def test_file_not_in_utf8_fails(fixture_site):
    build = fixture_site(pages(**{"c.md": b"# Chi bo\n\n" + "Đ".encode("cp1258") + b"ang\n"}))
    assert build.returncode != 0
    assert "docs/c.md:3:" in build.output and "UTF-8" in build.output, build.output


@pytest.mark.parametrize(
    "body, message",
    [
        ("[Chương trình](huong-dan/khong-co.md)", "docs/d.md:4: liên kết 'huong-dan/khong-co.md' trỏ tới trang không có — Cách sửa: sửa đường dẫn cho đúng tên tệp .md"),
        ("[Mục](#khong-co-muc-nay)", "docs/d.md:4: liên kết '#khong-co-muc-nay' trỏ tới một mục không có trên trang này — Cách sửa: dùng neo của một đề mục có thật"),
    ],
    ids=["missing-page", "missing-anchor"],
)
def test_broken_link_or_anchor_fails_the_strict_build_with_the_handbooks_message(fixture_site, body, message):
    # MkDocs' own warning names no line and gives no fix; the handbook's filter (hooks/editor_messages.py)
    # rewrites it, keeping its level, so this fails if the filter is gone.
    build = fixture_site(pages(**{"d.md": f"# Trang\n\nChữ.\n{body}\n"}))
    assert build.returncode != 0
    assert message in build.output, build.output


def test_a_page_left_out_of_the_menu_fails_naming_the_file_and_the_nav_line(fixture_site):
    nav = [{"Trang chủ": "index.md"}, {"Hướng dẫn": ["huong-dan/a.md"]}]
    build = fixture_site(pages(**{"huong-dan/a.md": "# A\n", "huong-dan/moi.md": "# Trang mới\n\nChữ.\n"}), nav=nav)
    assert build.returncode != 0
    assert "docs/huong-dan/moi.md:1: trang không có trong menu: mục `nav:` của" in build.output, build.output
    assert "Cách sửa: thêm dòng `- huong-dan/moi.md` vào `nav:`" in build.output


def test_an_html_image_whose_file_does_not_exist_fails_with_its_line(fixture_site):
    text = '# Trang\n\nChữ.\n\n<img src="../assets/khong-co.png" alt="Sơ đồ">\n\n<img src="../assets/favicon.svg" alt="Biểu tượng">\n'
    build = fixture_site(pages(**{"huong-dan/hinh.md": text}))
    assert build.returncode != 0
    assert "docs/huong-dan/hinh.md:5: hình «../assets/khong-co.png» viết bằng thẻ <img> nhưng không có tệp đó trong trang web" in build.output, build.output
    assert "favicon.svg" not in build.output.split("Dừng dựng")[0].split("khong-co.png")[-1]  # the image that exists passes


def test_a_local_topic_file_that_the_edition_does_not_name_fails(fixture_site):
    topic = "---\ntitle: Chuyên đề mới\n---\n\n# Chuyên đề mới\n"
    build = fixture_site(pages(**{"chuyen-de/moi.md": topic}))
    assert build.returncode != 0
    assert "mkdocs.yml:" in build.output and "có tệp chuyên đề docs/chuyen-de/moi.md nhưng ấn bản không nêu trong `topics`" in build.output, build.output
    assert "Cách sửa: thêm moi vào extra.edition.topics để đưa vào ấn bản, hoặc vào extra.edition.topics_left_out" in build.output


def test_a_glossary_definition_with_quotes_or_brackets_fails_with_its_line(fixture_site):
    glossary = "*[chi bộ]: tổ chức của đảng viên\n*[tổ đảng]: nhóm đảng viên (trong một chi bộ)\n*[đảng viên]: người vào Đảng \"tự nguyện\"\n"
    build = fixture_site(pages(**{"_glossary/vi.md": glossary}))
    assert build.returncode != 0
    assert "docs/_glossary/vi.md:2: lời giải thích của «tổ đảng» có dấu «(»" in build.output, build.output
    assert "docs/_glossary/vi.md:3: lời giải thích của «đảng viên» có dấu «\"»" in build.output
    assert "docs/_glossary/vi.md:1:" not in build.output
