"""A deck (sotay_boiduong.bai_giang.deck) written as a PowerPoint file with python-pptx, editable in PowerPoint
and LibreOffice Impress: native text placeholders, bulleted lists, tables and pictures, speaker notes.

The look is in the master, made here from python-pptx's own template and sotay_boiduong.bai_giang.layout:
16:9; the theme's fonts are Noto Sans and its colours the handbook's (accent 1 is the site's red, which
PowerPoint's table style and bullets take); the slide master has the red rule under the title and the red
band along the bottom edge; the title slide's layout is red with white letters. A lecturer who changes the
master (View → Slide Master) changes every slide's colours, fonts and decorations. The sizes of the text are
written on each run, because the splitting rules chose them (never below 20 pt) and the tests read them.
"""

from __future__ import annotations

import copy
import io

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart
from pptx.util import Emu, Inches, Pt

from . import layout
from .deck import Deck, Line, Slide, column_widths, table_height

_DEFAULT_WIDTH = 9144000  # python-pptx's template is 4:3, ten inches wide
TITLE_SLIDE, TITLE_AND_CONTENT, TITLE_ONLY = 0, 1, 5


def write(deck: Deck) -> bytes:
    """The .pptx file's bytes."""
    presentation = Presentation()
    _quick_part_names(presentation)
    _master(presentation)
    presentation.core_properties.title = deck.label
    presentation.core_properties.language = deck.language
    presentation.core_properties.author = ""
    presentation.core_properties.comments = ""
    notes, pages = _Notes(presentation), _Pages(presentation)
    for slide in deck.slides:
        page = _slide(pages, slide)
        if slide.notes:
            notes.add(page, slide.notes)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def _quick_part_names(presentation) -> None:
    """python-pptx finds a free name for each new notes slide (and picture) by walking every part of the
    package, which makes a deck of 90 slides with notes quadratic in its slides: half the time of writing it.
    This package object is told the names already given instead (only this object: python-pptx is not
    changed)."""
    package = presentation.part.package
    used = {part.partname for part in package.iter_parts()}

    def next_partname(template: str) -> PackURI:
        number = 1
        while PackURI(template % number) in used:
            number += 1
        name = PackURI(template % number)
        used.add(name)
        return name

    package.next_partname = next_partname


class _Pages:
    """New slides. python-pptx copies a layout's placeholders into each new slide by searching the layout's
    shapes, half the time of writing a deck; the placeholders of a layout are the same for every slide made
    from it, so the first slide of each layout is made by python-pptx and the others get a copy of its shapes."""

    def __init__(self, presentation):
        self.presentation = presentation
        self.shapes: dict[int, list] = {}

    def add(self, index: int):
        slides, layout_ = self.presentation.slides, self.presentation.slide_layouts[index]
        if index not in self.shapes:
            page = slides.add_slide(layout_)
            self.shapes[index] = [copy.deepcopy(shape) for shape in list(page.shapes._spTree)[2:]]
            return page
        rId, page = slides.part.add_slide(layout_)
        tree = page.shapes._spTree
        for shape in self.shapes[index]:
            tree.append(copy.deepcopy(shape))
        slides._sldIdLst.add_sldId(rId)
        return page


class _Notes:
    """Speaker notes. python-pptx copies the notes master's placeholders into each new notes page, a tenth of a
    second for twenty pages; every notes page of a deck is the same but for its text, so the first is made
    by python-pptx and the others are copies of its empty form, related to their slide the same way."""

    def __init__(self, presentation):
        self.presentation = presentation
        self.blank = None

    def add(self, page, paragraphs: list[str]) -> None:
        if self.blank is None:
            notes = page.notes_slide
            self.blank = copy.deepcopy(notes._element)
        else:
            package = self.presentation.part.package
            part = NotesSlidePart(package.next_partname("/ppt/notesSlides/notesSlide%d.xml"), CT.PML_NOTES_SLIDE, package, copy.deepcopy(self.blank))
            part.relate_to(self.presentation.part.notes_master_part, RT.NOTES_MASTER)
            part.relate_to(page.part, RT.SLIDE)
            page.part.relate_to(part, RT.NOTES_SLIDE)
            notes = page.notes_slide
        notes.notes_text_frame.text = "\n".join(paragraphs)


# ---------------------------------------------------------------- the master


def _master(presentation) -> None:
    presentation.slide_width, presentation.slide_height = Inches(layout.SLIDE_WIDTH), Inches(layout.SLIDE_HEIGHT)
    master = presentation.slide_master
    factor = presentation.slide_width / _DEFAULT_WIDTH
    for part in [master, *presentation.slide_layouts]:
        for offset in part._element.iter(qn("a:off")):
            offset.set("x", str(round(int(offset.get("x")) * factor)))
        for extent in part._element.iter(qn("a:ext")):
            if extent.get("cx") is not None:
                extent.set("cx", str(round(int(extent.get("cx")) * factor)))
    _theme(master)
    for placeholder in master.placeholders:
        kind = placeholder.placeholder_format.type
        name = str(kind).split(".")[-1].split(" ")[0]
        if name == "TITLE":
            _place(placeholder, layout.TITLE_BOX)
            placeholder.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
        elif name == "BODY":
            _place(placeholder, layout.BODY_BOX)
            placeholder.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    _styles(master)
    spTree = master.shapes._spTree
    rule = _rectangle(100, "Handbook rule", layout.Box(layout.MARGIN, layout.RULE_TOP, layout.CONTENT_WIDTH, layout.RULE_HEIGHT))
    band = _rectangle(101, "Handbook band", layout.Box(0, layout.SLIDE_HEIGHT - layout.BAND_HEIGHT, layout.SLIDE_WIDTH, layout.BAND_HEIGHT))
    spTree.insert(2, band)
    spTree.insert(2, rule)

    cover = presentation.slide_layouts[TITLE_SLIDE]
    cover._element.set("showMasterSp", "0")
    cover.background.fill.solid()
    cover.background.fill.fore_color.rgb = RGBColor.from_string(layout.PRIMARY)
    for placeholder in cover.placeholders:
        name = str(placeholder.placeholder_format.type).split(".")[-1].split(" ")[0]
        if name == "CENTER_TITLE":
            _place(placeholder, layout.COVER_TITLE_BOX)
            _list_style(placeholder, bold=True, align="l", anchor="b")
        elif name == "SUBTITLE":
            _place(placeholder, layout.COVER_SUBTITLE_BOX)
            _list_style(placeholder, bold=False, align="l", anchor="t")


def _theme(master) -> None:
    """Noto Sans for headings and body, and the handbook's colours, in the theme every part refers to."""
    theme = master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    for font in root.iter(f"{a}majorFont", f"{a}minorFont"):
        font.find(f"{a}latin").set("typeface", layout.FONT)
    colours = {"dk1": layout.TEXT, "dk2": layout.PRIMARY_DARK, "lt2": layout.LIGHT, "accent1": layout.PRIMARY, "accent2": layout.PRIMARY_DARK, "accent3": layout.MUTED}
    scheme = root.find(f".//{a}clrScheme")
    scheme.set("name", "Handbook")
    for name, value in colours.items():
        slot = scheme.find(f"{a}{name}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{a}srgbClr", val=value)
    root.find(f".//{a}fontScheme").set("name", "Handbook")
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _styles(master) -> None:
    """The master's text styles: titles in the dark red, bold, left; body text near-black with red bullets;
    the font named as well as taken from the theme (Impress reads the name)."""
    styles = master._element.find(qn("p:txStyles"))
    title = styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    title.set("algn", "l")
    _run_style(title, layout.TITLE_SIZES[0], "tx2", bold=True)
    for style in ("p:bodyStyle", "p:otherStyle"):
        for level, paragraph in enumerate(styles.find(qn(style))):
            if not paragraph.tag.endswith("pPr"):
                continue
            size = (layout.POINT_SIZE, layout.SUB_SIZE)[min(level, 1)] if style == "p:bodyStyle" else None
            _run_style(paragraph, size, "tx1")
            if style == "p:bodyStyle":
                colour = paragraph.find(qn("a:buClr"))
                if colour is None:
                    colour = etree.Element(qn("a:buClr"))
                    paragraph.insert(0, colour)
                for child in list(colour):
                    colour.remove(child)
                etree.SubElement(colour, qn("a:schemeClr"), val="accent1")


def _run_style(paragraph, size: int | None, colour: str, *, bold: bool = False) -> None:
    run = paragraph.find(qn("a:defRPr"))
    if run is None:
        run = etree.SubElement(paragraph, qn("a:defRPr"))
    if size is not None:
        run.set("sz", str(size * 100))
    if bold:
        run.set("b", "1")
    fill = run.find(qn("a:solidFill"))
    if fill is not None:
        for child in list(fill):
            fill.remove(child)
        etree.SubElement(fill, qn("a:schemeClr"), val=colour)
    latin = run.find(qn("a:latin"))
    if latin is not None:
        latin.set("typeface", layout.FONT)


def _list_style(placeholder, *, bold: bool, align: str, anchor: str) -> None:
    """White text on the red title slide, set in the layout so a new title slide gets it too."""
    body = placeholder._element.txBody
    body.bodyPr.set("anchor", anchor)
    styles = body.find(qn("a:lstStyle"))
    for child in list(styles):
        styles.remove(child)
    paragraph = etree.SubElement(styles, qn("a:lvl1pPr"), algn=align)
    etree.SubElement(paragraph, qn("a:buNone"))
    run = etree.SubElement(paragraph, qn("a:defRPr"), b="1" if bold else "0")
    fill = etree.SubElement(run, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:schemeClr"), val="bg1")


def _rectangle(ident: int, name: str, box: layout.Box):
    p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    xml = (
        f'<p:sp xmlns:p="{p}" xmlns:a="{a}"><p:nvSpPr><p:cNvPr id="{ident}" name="{name}"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{Inches(box.left)}" y="{Inches(box.top)}"/><a:ext cx="{Inches(box.width)}" cy="{Inches(box.height)}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>'
    )
    return etree.fromstring(xml)


def _place(shape, box: layout.Box) -> None:
    shape.left, shape.top, shape.width, shape.height = Inches(box.left), Inches(box.top), Inches(box.width), Inches(box.height)


# ---------------------------------------------------------------- slides


def _slide(pages: _Pages, slide: Slide):
    if slide.kind == "cover":
        page = pages.add(TITLE_SLIDE)
        _title(page.shapes.title, slide.title, slide.title_size)
        subtitle = page.placeholders[1]
        _lines(subtitle.text_frame, slide.lines, size=layout.COVER_SUBTITLE_SIZE, cover=True)
    elif slide.picture is not None or slide.table:
        page = pages.add(TITLE_ONLY)
        _title(page.shapes.title, slide.title, slide.title_size)
        if slide.picture is not None:
            _picture(page, slide)
        else:
            _table(page, slide.table)
    else:
        page = pages.add(TITLE_AND_CONTENT)
        _title(page.shapes.title, slide.title, slide.title_size)
        body = page.placeholders[1]
        _lines(body.text_frame, slide.lines)
    return page


def _title(shape, text: str, size: int) -> None:
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.text = ""
    run = frame.paragraphs[0].add_run()
    run.text = text
    run.font.size = Pt(size)


def _lines(frame, lines: list[Line], *, size: int | None = None, cover: bool = False) -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.text = ""
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.level = min(line.level, 1)
        points = size or (layout.SUB_SIZE if line.level else layout.POINT_SIZE)
        if index:
            paragraph.space_before = Pt(round(layout.SPACE_BEFORE * layout.line_height(points), 1))
        if not cover:
            _indent(paragraph, line)
        run = paragraph.add_run()
        run.text = line.text
        run.font.size = Pt(points)


def _indent(paragraph, line: Line) -> None:
    """The left margin the measure assumed (layout.BULLET_INDENT), and no bullet where the line has none."""
    properties = paragraph._p.get_or_add_pPr()
    margin = layout.BULLET_INDENT[line.level] if (line.bullet or line.level) else 0
    properties.set("marL", str(Inches(margin)))
    properties.set("indent", str(-Inches(layout.BULLET_INDENT[0]) if line.bullet else 0))
    if not line.bullet:
        for child in properties.findall(qn("a:buNone")):
            properties.remove(child)
        etree.SubElement(properties, qn("a:buNone"))


def _picture(page, slide: Slide) -> None:
    picture, box = slide.picture, layout.PICTURE_BOX
    left = box.left + (box.width - picture.width) / 2
    top = box.top + (box.height - picture.height) / 2
    page.shapes.add_picture(io.BytesIO(picture.png), Inches(left), Inches(top), Inches(picture.width), Inches(picture.height))


def _table(page, rows: tuple[tuple[str, ...], ...]) -> None:
    widths = column_widths(rows)
    heights = [table_height([row], widths) for row in rows]
    box = layout.BODY_BOX
    frame = page.shapes.add_table(len(rows), len(rows[0]), Inches(box.left), Inches(box.top), Inches(box.width), Pt(sum(heights)))
    table = frame.table
    for index, width in enumerate(widths):
        table.columns[index].width = Inches(width)
    for index, height in enumerate(heights):
        table.rows[index].height = Emu(round(Pt(height)))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.text = ""
            run = cell.text_frame.paragraphs[0].add_run()
            run.text = text
            run.font.size = Pt(layout.TABLE_SIZE)
            run.font.bold = r == 0
