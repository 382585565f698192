"""The phone's first screen, as HTML changes (sotay_boiduong.layout); in the browser: tests/test_learners.py."""

from __future__ import annotations

import pytest

from sotay_boiduong import layout
from sotay_boiduong.htmledit import MarkupNotFound

TITLE = '<h1 id="bai-1">Bài 1. Tổ chức <em>cơ sở</em> đảng: vị trí<a class="headerlink" href="#bai-1" aria-label="x">#</a></h1><p>Văn bản.</p>'


def test_only_a_title_longer_than_the_limit_gets_a_phone_form():
    long = "x" * (layout.PHONE_TITLE_LIMIT + 1)
    assert layout.needs_phone_title(long, "Bài 1. Ngắn")
    assert not layout.needs_phone_title("x" * layout.PHONE_TITLE_LIMIT, "Bài 1. Ngắn")
    assert not layout.needs_phone_title(long, None) and not layout.needs_phone_title(long, long)


def test_the_title_keeps_its_text_and_gets_its_phone_form_beside_it():
    out = layout.title_for_phones(TITLE, "Bài 1. Tổ chức & cơ sở")
    assert out == (
        '<h1 id="bai-1"><span class="handbook-title">Bài 1. Tổ chức <em>cơ sở</em> đảng: vị trí</span>'
        '<span class="handbook-title--phone handbook-screen-only" data-search-exclude="true">Bài 1. Tổ chức &amp; cơ sở</span>'
        '<a class="headerlink" href="#bai-1" aria-label="x">#</a></h1><p>Văn bản.</p>'
    )


def test_the_titles_permalink_goes_and_the_others_stay():
    html = TITLE + '<h2 id="a">A<a class="headerlink" href="#a">#</a></h2>'
    assert layout.drop_title_permalink(html) == (
        '<h1 id="bai-1">Bài 1. Tổ chức <em>cơ sở</em> đảng: vị trí</h1><p>Văn bản.</p>'
        '<h2 id="a">A<a class="headerlink" href="#a">#</a></h2>'
    )
    assert layout.drop_title_permalink("<p>Không có tiêu đề.</p>") == "<p>Không có tiêu đề.</p>"


PAGE = (
    '<div class="md-container"><section class="handbook-hero" id="tai-ve"><a class="md-button">PDF</a></section>'
    '<main><article class="md-content__inner md-typeset"><h1 id="t">Tiêu đề</h1><p>Mở đầu.</p></article></main></div>'
)


def test_the_downloads_move_to_just_after_the_title():
    assert layout.downloads_after_title(PAGE) == (
        '<div class="md-container"><main><article class="md-content__inner md-typeset"><h1 id="t">Tiêu đề</h1>'
        '<section class="handbook-hero" id="tai-ve"><a class="md-button">PDF</a></section><p>Mở đầu.</p></article></main></div>'
    )


@pytest.mark.parametrize("missing, needle", [("section", "downloads"), ("h1", "title")])
def test_a_change_of_the_pages_markup_fails_loudly(missing, needle):
    broken = PAGE.replace(f"<{missing} ", f"<{missing}x ").replace(f"<{missing}>", f"<{missing}x>").replace(f"</{missing}>", f"</{missing}x>")
    with pytest.raises(MarkupNotFound, match=needle):
        layout.downloads_after_title(broken)
