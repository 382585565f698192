"""The handbook's Python-Markdown extension (sotay_boiduong.markdown_extension), on Markdown as an editor writes
it, with the standard extensions the site loads around it; in the built site: tests/test_lessons_site.py and
tests/test_learners.py."""

from __future__ import annotations

import markdown
import pytest

from sotay_boiduong import layout
from sotay_boiduong.markdown_extension import HandbookExtension, settings_of

GLOSSARY = {"TCCSĐ": "tổ chức cơ sở đảng", "chi uỷ": "ban chấp hành chi bộ", "Điều lệ": "Điều lệ Đảng", "chi bộ cơ sở": "chi bộ không có đảng bộ trên nó"}


def render(text: str, **settings) -> str:
    words = {"permalink_label": "Liên kết tới mục này", "editor_note_title": "Ghi chú biên tập — cần đối chiếu", "glossary": GLOSSARY, **settings}
    md = markdown.Markdown(extensions=["abbr", "admonition", "attr_list", "md_in_html", "toc", HandbookExtension(**words)], extension_configs={"toc": {"permalink": "#", "permalink_title": ""}})
    return md.convert(text)


def test_each_term_keeps_its_definition_on_its_first_mention_outside_headings_only():
    out = render("# Vai trò của TCCSĐ\n\nTCCSĐ và chi uỷ, chi uỷ, TCCSĐ.\n\n## Chi uỷ của TCCSĐ\n\nTCCSĐ.")
    assert out.count("<abbr") == 2
    assert '<p><abbr tabindex="0" title="tổ chức cơ sở đảng">TCCSĐ</abbr> và <abbr tabindex="0" title="ban chấp hành chi bộ">chi uỷ</abbr>, chi uỷ, TCCSĐ.</p>' in out
    assert "<h1" in out and "Vai trò của TCCSĐ</h1>" in out  # the title holds the word, unmarked, and no "#" link


def test_the_longest_term_wins_and_code_and_the_glossarys_own_tables_are_left_alone():
    out = render("`TCCSĐ` trong mã.\n\n<div class=\"handbook-no-glossary\" markdown>\n\nTCCSĐ trong bảng.\n\n</div>\n\nMột chi bộ cơ sở và TCCSĐ.")
    assert "<code>TCCSĐ</code>" in out and "<p>TCCSĐ trong bảng.</p>" in out
    assert 'Một <abbr tabindex="0" title="chi bộ không có đảng bộ trên nó">chi bộ cơ sở</abbr> và <abbr tabindex="0" title="tổ chức cơ sở đảng">TCCSĐ</abbr>.' in out


def test_a_first_mention_inside_a_link_is_not_focusable_itself():
    out = render("[Điều 5 Điều lệ](x.md), chi uỷ.")
    assert '<a href="x.md">Điều 5 <abbr title="Điều lệ Đảng">Điều lệ</abbr></a>, <abbr tabindex="0" title="ban chấp hành chi bộ">chi uỷ</abbr>.' in out


def test_heading_links_are_named_in_the_page_language_and_the_titles_link_goes():
    out = render("# Tiêu đề\n\n## Mục một\n\nChữ.", permalink_label="Link to this section")
    assert out.startswith('<h1 id="tieu-e">Tiêu đề</h1>')
    assert '<h2 id="muc-mot">Mục một<a aria-label="Link to this section" class="headerlink" href="#muc-mot">#</a></h2>' in out
    assert "title=" not in out


def test_a_long_title_carries_its_phone_form_beside_it_out_of_search_and_print():
    out = render('# Bài 1. Tổ chức *cơ sở* đảng: vị trí { data-phone-title="Bài 1. Tổ chức & cơ sở" }\n\nVăn bản.')
    assert out.startswith(
        '<h1 id="bai-1-to-chuc-co-so-ang-vi-tri"><span class="handbook-title">Bài 1. Tổ chức <em>cơ sở</em> đảng: vị trí</span>'
        '<span class="handbook-title--phone handbook-screen-only" data-search-exclude="true">Bài 1. Tổ chức &amp; cơ sở</span></h1>'
    )


def test_only_a_title_longer_than_the_limit_gets_a_phone_form():
    long = "x" * (layout.PHONE_TITLE_LIMIT + 1)
    assert layout.needs_phone_title(long, "Bài 1. Ngắn")
    assert not layout.needs_phone_title("x" * layout.PHONE_TITLE_LIMIT, "Bài 1. Ngắn")
    assert not layout.needs_phone_title(long, None) and not layout.needs_phone_title(long, long)


def test_an_editors_note_gets_the_languages_title_and_the_anchor_of_its_point():
    out = render('!!! doi-chieu "ten-bai"\n    Tên các bài theo các lĩnh vực của chương trình.', editor_note_title="Editor's note")
    assert '<div class="admonition doi-chieu" data-point="ten-bai" id="doi-chieu-ten-bai">' in out
    assert '<p class="admonition-title">Editor\'s note</p>' in out and "ten-bai</p>" not in out


@pytest.mark.parametrize("language, word", [("vi", "Sơ đồ bằng lời"), ("en", "The diagram in words")])
def test_the_extension_tells_the_diagram_fence_the_words_of_the_page_language(language, word):
    md = markdown.Markdown(extensions=[HandbookExtension(language=language, diagram_text=word)])
    assert settings_of(md)["diagram_text"] == word and settings_of(markdown.Markdown()) == {}
