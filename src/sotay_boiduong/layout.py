"""What a phone shows on its first screen: a page's title in at most three lines.

A lesson's or topic's title longer than PHONE_TITLE_LIMIT characters ("Bài 1. Tổ chức cơ sở đảng: vị trí, chức
năng, … ở từng loại hình", 111) takes four lines and more on a 412-pixel phone even in a smaller type; there the
title shows its short form instead ("Bài 1. Tổ chức cơ sở đảng", from the front matter's `short_title`). The
lesson header's template gives the heading its short form (`data-phone-title`), and the handbook's Markdown
extension writes both forms into the `<h1>` (sotay_boiduong.markdown_extension.phone_title); the stylesheet shows
one of them by the width of the screen, so a screen reader reads the one shown. The short form is left out of the
search index and of the printed editions.
"""

from __future__ import annotations

# Characters of a title (lesson label included) that still fit in three lines of a 412-pixel phone in the
# phone's title size (handbook.css), with room to spare: measured, 100 fit and 110 did not.
PHONE_TITLE_LIMIT = 90


def needs_phone_title(title: str, short: str | None) -> bool:
    return bool(short) and len(title) > PHONE_TITLE_LIMIT and short != title
