"""What a phone shows on its first screen: a page's title in at most three lines, then the downloads.

Plain functions over a page's HTML (sotay_boiduong.htmledit), no MkDocs in them; hooks/lessons.py and
hooks/layout.py call them.

- `title_for_phones`: a lesson's or topic's title longer than PHONE_TITLE_LIMIT characters ("Bài 1. Tổ chức
  cơ sở đảng: vị trí, chức năng, … ở từng loại hình", 111) takes four lines and more on a 412-pixel phone
  even in a smaller type; there the title shows its short form instead ("Bài 1. Tổ chức cơ sở đảng", from
  the front matter's `short_title`). Both forms are in the `<h1>`, and the stylesheet shows one of them by
  the width of the screen, so a screen reader reads the one shown. The short form is left out of the
  search index (`data-search-exclude`, which Material's search plugin reads) and of the printed editions
  (`handbook-screen-only`).
- `drop_title_permalink`: the "#" link after a page's title leads to the top of the page it is on; on a
  phone it wrapped onto a line of its own under a long title.
- `downloads_after_title`: the home page's downloads (overrides/partials/handbook-actions.html, written
  outside the article by the theme's `hero` block, so that they stay out of the printed editions) move to
  just after the page's title: on a phone they stood above it, with their caption, and pushed the title
  off the first screen.
"""

from __future__ import annotations

from html import escape

from . import htmledit

# Characters of a title (lesson label included) that still fit in three lines of a 412-pixel phone in the
# phone's title size (handbook.css), with room to spare: measured, 100 fit and 110 did not.
PHONE_TITLE_LIMIT = 90

TITLE_CLASS = "handbook-title"
SHORT_TITLE_CLASS = "handbook-title--phone"


def needs_phone_title(title: str, short: str | None) -> bool:
    return bool(short) and len(title) > PHONE_TITLE_LIMIT and short != title


def _permalinks(html: str, heading: htmledit.Element) -> list[htmledit.Element]:
    """The "#" links inside `heading`."""
    return [a for a in htmledit.elements(html, ["a"]) if a.has_class("headerlink") and heading.start < a.start < heading.end_start]


def title_for_phones(html: str, short: str) -> str:
    """The page's `<h1>` with its text in a span, followed by the phone's short form of it (see the module);
    MarkupNotFound if the page has no `<h1>`."""
    heading = htmledit.find(html, "h1", what="the page's title")[0]
    links = _permalinks(html, heading)
    text_end = links[0].start if links else heading.end_start
    text = html[heading.start_end:text_end]
    replacement = (
        f'<span class="{TITLE_CLASS}">{text}</span>'
        f'<span class="{SHORT_TITLE_CLASS} handbook-screen-only" data-search-exclude="true">{escape(short, quote=False)}</span>'
    )
    return htmledit.apply(html, [(heading.start_end, text_end, replacement)])


def drop_title_permalink(html: str) -> str:
    """The page without the "#" link of its `<h1>` (a page without a title or without the link is left alone)."""
    headings = htmledit.elements(html, ["h1"])
    if not headings:
        return html
    return htmledit.apply(html, [(a.start, a.end, "") for a in _permalinks(html, headings[0])])


def downloads_after_title(html: str) -> str:
    """The whole page with its downloads section moved from above the content to just after the article's
    title; MarkupNotFound if the page has no downloads section or its article no title."""
    [section] = htmledit.find(html, "section", what="the home page's downloads", class_="handbook-hero")
    articles = htmledit.find(html, "article", what="the page's article")
    heading = next((h for h in htmledit.elements(html, ["h1"]) if articles[0].start < h.start < articles[0].end_start), None)
    if heading is None:
        raise htmledit.MarkupNotFound("the page's title: no <h1> in the article (has the theme's markup changed?)")
    moved = html[section.start:section.end]
    return htmledit.apply(html, [(section.start, section.end, ""), (heading.end, heading.end, moved)])
