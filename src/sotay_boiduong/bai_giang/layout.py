"""The look of a deck in one place: slide size, boxes, font sizes, the handbook's colours, and the measure of
a line of text in Noto Sans, which the splitting rules (sotay_boiduong.bai_giang.deck) use so that no slide's
text overflows its box and no font is shrunk to make it fit.

To change the look, change the constants here: the master (sotay_boiduong.bai_giang.powerpoint) is made from
them, and every slide follows the master's colours and fonts. The colours are those of the site
(docs/assets/stylesheets/handbook.css: --md-primary-fg-color and its darker shade).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# 16:9, the size PowerPoint and Impress give a new deck; inches.
SLIDE_WIDTH, SLIDE_HEIGHT = 13.333, 7.5
MARGIN = 0.6
TITLE_TOP, TITLE_HEIGHT = 0.3, 1.3
RULE_TOP, RULE_HEIGHT = 1.68, 0.05  # the red rule under the title, on the master
BODY_TOP, BODY_HEIGHT = 1.9, 5.0
BAND_HEIGHT = 0.16  # the red band along the bottom edge, on the master
CONTENT_WIDTH = SLIDE_WIDTH - 2 * MARGIN
INSET = 0.1  # PowerPoint's default inner margin of a text box, left and right

# Font sizes in points. Nothing on a slide is smaller than MIN_SIZE: read from the back of a hall.
MIN_SIZE = 20
TITLE_SIZES = (32, 28, 24)  # a title takes the first size at which it fits in its box
POINT_SIZE = 32  # a point of a section, a question, a key point
SUB_SIZE = 28  # an item under a lead line ("Chức năng … gồm ba nhóm:"), an objective
TABLE_SIZE = 20
COVER_TITLE_SIZES = (40, 36, 32, 28)
COVER_SUBTITLE_SIZE = 24
SPACE_BEFORE = 0.25  # space before a paragraph, as a share of its line height
BULLET_INDENT = {0: 0.375, 1: 0.8}  # left margin of a bulleted line of each level (the master's marL)

# The handbook's colours (RGB hex): red of the site's header, its darker shade for titles, near-black text.
PRIMARY = "A4161A"
PRIMARY_DARK = "7D1013"
TEXT = "1F1F1F"
MUTED = "555555"
LIGHT = "FBEFEF"  # the fill of an emphasised box in a diagram, and of a table's header row
WHITE = "FFFFFF"
FONT = "Noto Sans"
PICTURE_PPI = 200  # pixels per inch of a diagram's picture at the size it is shown

_FONT_FILES = {
    False: ("NotoSans-Regular.ttf",),
    True: ("NotoSans-Bold.ttf",),
}
_FONT_DIRS = ("/usr/share/fonts/truetype/noto", "/usr/share/fonts/noto", "/usr/local/share/fonts", str(Path.home() / ".fonts"))
_LINE_HEIGHT = 1.362  # Noto Sans: (ascender + descender) / units per em, the fallback when the font is missing
_AVERAGE_WIDTH = 0.56  # the fallback width of a character, in ems


@dataclass(frozen=True)
class Box:
    """Where a text goes and how big: left, top, width, height in inches."""

    left: float
    top: float
    width: float
    height: float


TITLE_BOX = Box(MARGIN, TITLE_TOP, CONTENT_WIDTH, TITLE_HEIGHT)
BODY_BOX = Box(MARGIN, BODY_TOP, CONTENT_WIDTH, BODY_HEIGHT)
COVER_TITLE_BOX = Box(MARGIN + 0.3, 1.2, CONTENT_WIDTH - 0.6, 3.1)
COVER_SUBTITLE_BOX = Box(MARGIN + 0.3, 4.5, CONTENT_WIDTH - 0.6, 2.3)
# A diagram's slide: its caption is the title, the picture takes the rest down to the band.
PICTURE_BOX = Box(MARGIN - 0.3, BODY_TOP - 0.05, CONTENT_WIDTH + 0.6, SLIDE_HEIGHT - BAND_HEIGHT - BODY_TOP - 0.05)


@lru_cache(maxsize=4)
def font_file(bold: bool = False) -> str | None:
    """The Noto Sans file the build machine has (Debian's fonts-noto-core), or None."""
    for folder in _FONT_DIRS:
        for name in _FONT_FILES[bold]:
            path = Path(folder) / name
            if path.is_file():
                return str(path)
    return None


def fingerprint() -> str:
    """What the measures depend on, for the cache key: these constants and the font files found."""
    source = Path(__file__).read_bytes()
    fonts = "|".join(f"{font_file(b)}:{Path(font_file(b)).stat().st_size if font_file(b) else 0}" for b in (False, True))
    return hashlib.sha256(source + fonts.encode()).hexdigest()


@lru_cache(maxsize=16)
def _font(size: int, bold: bool):
    path = font_file(bold)
    if path is None:
        return None
    from PIL import ImageFont

    return ImageFont.truetype(path, size * 4)  # four pixels a point: the widths of the hinted outlines are steadier


@lru_cache(maxsize=65536)
def text_width(text: str, size: int, *, bold: bool = False) -> float:
    """The width of a line of text in points."""
    font = _font(size, bold)
    if font is None:
        return len(text) * size * _AVERAGE_WIDTH
    return font.getlength(text) / 4


def line_height(size: int, *, bold: bool = False) -> float:
    """The height of one line of text in points (what PowerPoint and Impress give Noto Sans at spacing 1)."""
    font = _font(size, bold)
    if font is None:
        return size * _LINE_HEIGHT
    ascent, descent = font.getmetrics()
    return (ascent + descent) / 4


@lru_cache(maxsize=65536)
def wrap(text: str, size: int, width_in: float, *, bold: bool = False) -> tuple[str, ...]:
    """The lines a text breaks into in a box `width_in` inches wide (after the box's inner margins)."""
    room = (width_in - 2 * INSET) * 72
    space = text_width(" ", size, bold=bold)
    rows: list[str] = []
    current, used = "", 0.0
    for word in text.split():
        width = text_width(word, size, bold=bold)  # a line's width is its words' and spaces' (kerning aside)
        if current and used + space + width > room:
            rows.append(current)
            current, used = word, width
        else:
            current, used = (f"{current} {word}", used + space + width) if current else (word, width)
    if current:
        rows.append(current)
    return tuple(rows or [""])


def text_height(text: str, size: int, width_in: float, *, bold: bool = False, first: bool = True) -> float:
    """The height in points of one paragraph of text in a box `width_in` wide, with the space before it."""
    rows = len(wrap(text, size, width_in, bold=bold))
    height = rows * line_height(size, bold=bold)
    return height if first else height + SPACE_BEFORE * line_height(size, bold=bold)


def title_size(text: str, box: Box = TITLE_BOX, sizes: tuple[int, ...] = TITLE_SIZES, *, bold: bool = True) -> int | None:
    """The largest of `sizes` at which the title fits in its box, or None if it fits at none."""
    for size in sizes:
        if text_height(text, size, box.width, bold=bold) <= box.height * 72 - 8:
            return size
    return None
