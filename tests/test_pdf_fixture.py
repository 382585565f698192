"""PDF handbooks of small fixture sites: stacked Vietnamese marks, one language per handbook."""

from __future__ import annotations

import unicodedata

import pdf_tools
from bs4 import BeautifulSoup

PDF = "pdf/so-tay-boi-duong-cong-tac-dang.pdf"

PAGES = {
    "index.md": "---\ntitle: Trang chủ\n---\n\n# Trang chủ\n\nUỶ BAN KIỂM TRA và ƯỚC NGUYỆN; trưởng, hưởng ứng, Ỷ lại.\n",
    "index.en.md": "---\ntitle: Home\n---\n\n# Home\n\nThe inspection commission.\n",
    # Written in Vietnamese only: English readers get it as a fallback page, the English PDF must not.
    "chi-tiet.md": "---\ntitle: Chỉ có tiếng Việt\n---\n\n# Chỉ có tiếng Việt\n\nNội dung riêng của bản tiếng Việt.\n",
}


def text_of(path) -> str:
    return pdf_tools.text(path)


def test_stacked_vietnamese_marks_survive_into_the_pdf(fixture_site):
    build = fixture_site(PAGES, pdf=True)
    assert build.returncode == 0, build.output
    text = text_of(build.site / PDF)
    assert unicodedata.is_normalized("NFC", text)
    for word in ("UỶ BAN KIỂM TRA", "ƯỚC NGUYỆN", "trưởng", "hưởng ứng", "Ỷ lại"):
        assert word in text, (word, text)


def test_untranslated_page_is_a_fallback_on_the_site_but_not_in_the_english_pdf(fixture_site):
    build = fixture_site(PAGES, pdf=True)
    assert build.returncode == 0, build.output
    english_page = BeautifulSoup(build.page("en/chi-tiet/index.html"), "html.parser")
    assert english_page.html["lang"] == "en"
    notice = english_page.select_one(".handbook-fallback")
    assert notice is not None and "not been translated" in notice.get_text()
    assert "Nội dung riêng của bản tiếng Việt." in english_page.get_text()
    assert BeautifulSoup(build.page("chi-tiet/index.html"), "html.parser").select_one(".handbook-fallback") is None

    vi = text_of(build.site / PDF)
    en = text_of(build.site / "en" / PDF)
    assert "Nội dung riêng của bản tiếng Việt." in vi
    assert "Nội dung riêng" not in en and "Chỉ có tiếng Việt" not in en
    assert "The inspection commission." in en
    assert "bỏ trang chưa dịch chi-tiet.md" in build.output
    # A page in one language only is a notice, not an error: the strict build passed.
    assert "Lưu ý: docs/chi-tiet.md chưa có bản 'en'" in build.output


def test_site_only_build_makes_no_pdf_and_passes_strict(fixture_site):
    build = fixture_site(PAGES, pdf=False)
    assert build.returncode == 0, build.output
    assert not (build.site / PDF).exists()
    assert "WARNING" not in build.output
