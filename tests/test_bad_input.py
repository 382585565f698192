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
    "body, words",
    [
        ("[Chương trình](huong-dan/khong-co.md)", "huong-dan/khong-co.md"),
        ("[Mục](#khong-co-muc-nay)", "#khong-co-muc-nay"),
    ],
    ids=["missing-page", "missing-anchor"],
)
def test_broken_link_or_anchor_fails_the_strict_build(fixture_site, body, words):
    build = fixture_site(pages(**{"d.md": f"# Trang\n\n{body}\n"}))
    assert build.returncode != 0
    assert "d.md" in build.output and words in build.output, build.output
