"""The end-of-class report to the Party committee (bao-cao-ket-qua.docx), editable in Word, made with python-docx.

It is filled with what the class file knows (dates, sessions held, learners and their positions, lessons, local
topics, visit, results when the roster has scores) and has headed sections, marked as such, for what only the
organising body can write (assessment, learners' views, recommendations). Times New Roman 13 pt on A4 with the
margins usual for Vietnamese administrative papers; headings use Word's heading styles, so they show in Word's
navigation pane.
"""

from __future__ import annotations

import io
from collections import Counter

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

from . import words as w
from .model import ClassFile

FONT = "Times New Roman"


def report(cls: ClassFile) -> bytes:
    """The .docx file's bytes."""
    language, labels, plan = cls.language, w.words(cls.language), cls.plan
    doc = Document()
    _page_and_styles(doc)
    doc.core_properties.title = labels["report_subtitle"].format(title=cls.title)
    doc.core_properties.language = language
    doc.core_properties.author = cls.organiser

    head = doc.add_table(rows=1, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = head.rows[0].cells
    _cell(left, [(cls.organiser.upper(), True, False), (labels["report_number"], False, False)])
    _cell(right, [(labels["place_date"], False, True)])

    _centred(doc, labels["report_title"], bold=True, size=14, before=12)
    _centred(doc, labels["report_subtitle"].format(title=cls.title), bold=True)
    _centred(doc, labels["report_to"], before=6)
    doc.add_paragraph(labels["report_intro"].format(organiser=cls.organiser))

    dates = plan.dates
    doc.add_heading(labels["report_s1"], level=1)
    doc.add_paragraph(labels["report_time"].format(days=plan.days, first=w.format_date(dates[0], language), last=w.format_date(dates[-1], language), held=len(plan.sessions)))
    if plan.days_off:
        doc.add_paragraph(labels["report_days_off"].format(dates=", ".join(w.format_date(d, language) for d in plan.days_off)))
    doc.add_paragraph(labels["report_venue"].format(venue=cls.venue, locality=cls.locality))
    doc.add_paragraph(labels["report_learners"].format(n=len(cls.learners)))
    positions = Counter(learner.position for learner in cls.learners if learner.position)
    if positions:
        doc.add_paragraph(labels["report_positions"].format(positions="; ".join(f"{name}: {count}" for name, count in positions.most_common())))

    doc.add_heading(labels["report_s2"], level=1)
    doc.add_paragraph(labels["report_lessons"])
    for item in (i for i in plan.items() if i.kind == "lesson"):
        doc.add_paragraph(_held(item.label, plan.session_of(item.code), language), style="List Bullet")
    topics = [i for i in plan.items() if i.kind == "topic"]
    if topics:
        doc.add_paragraph(labels["report_topics"])
        for item in topics:
            doc.add_paragraph(_held(item.label, plan.session_of(item.code), language), style="List Bullet")
    else:
        doc.add_paragraph(labels["report_topics_none"])
    visit = next((i for i in plan.items() if i.kind == "visit"), None)
    if visit is not None:
        doc.add_paragraph(_held(visit.label, plan.session_of(visit.code), language))
    for code, key in (("thao-luan", "report_discussion"), ("thu-hoach", "report_thu_hoach")):
        session = plan.session_of(code)
        when = _when(session, language) if session else labels[f"shorten_{code}"].rstrip(".")
        doc.add_paragraph(labels[key].format(when=when))
    if plan.shorten:
        doc.add_paragraph(labels["report_shortened"].format(what=" ".join(labels[f"shorten_{code}"] for code in plan.shorten)))

    doc.add_heading(labels["report_s3"], level=1)
    thu_hoach = cls.catalogue.thu_hoach
    if cls.scored and thu_hoach is not None:
        passed = cls.passed()
        doc.add_paragraph(labels["report_scores"].format(n=len(cls.learners), passed=len(passed), mark=w.format_number(cls.pass_mark, language)))
        counts = Counter(thu_hoach.grade(learner.score, language) for learner in cls.learners)
        table = doc.add_table(rows=1, cols=2, style="Table Grid")
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = labels["report_grades"], labels["report_count"]
        for band in thu_hoach.grades:
            row = table.add_row().cells
            row[0].text, row[1].text = band[language], str(counts.get(band[language], 0))
        doc.add_paragraph(labels["rubric_note"]).runs[0].italic = True
    else:
        doc.add_paragraph(labels["report_no_scores"])
        _to_fill(doc, labels)

    doc.add_heading(labels["report_s4"], level=1)
    for key in ("report_strengths", "report_weaknesses", "report_feedback"):
        doc.add_heading(labels[key], level=2)
        _to_fill(doc, labels)
    doc.add_heading(labels["report_s5"], level=1)
    _to_fill(doc, labels)

    signature = doc.add_table(rows=1, cols=2)
    left, right = signature.rows[0].cells
    _cell(left, [(labels["report_recipients"], True, True)] + [(line, False, False) for line in labels["report_recipients_list"].split("\n")], size=11)
    _cell(right, [(labels["report_signer"], True, False), (labels["report_signature"], False, True)], centred=True)

    doc.add_page_break()
    doc.add_heading(labels["report_annex"], level=1)
    table = doc.add_table(rows=1, cols=4, style="Table Grid")
    for cell, text in zip(table.rows[0].cells, (labels["date"], labels["session"], labels["content"], labels["lecturer"]), strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for session in plan.sessions:
        row = table.add_row().cells
        row[0].text = f"{w.weekday(session.date, language)} {w.format_date(session.date, language)}"
        row[1].text = f"{labels[session.part]} {w.format_time(session.start)}–{w.format_time(session.end)}"
        row[2].text = session.title(language)
        row[3].text = session.lecturer
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- helpers


def _page_and_styles(doc, *, font: str = FONT, size: int = 13) -> None:
    """A4 with the margins of Vietnamese administrative papers, `font` in the body and heading styles (also used
    by the model forms' .docx files, sotay_boiduong.mau.docx, with Noto Sans)."""
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = font, Pt(size)
    normal.paragraph_format.space_after = Pt(4)
    for name in ("Heading 1", "Heading 2"):
        style = doc.styles[name]
        style.font.name, style.font.size, style.font.bold = font, Pt(size), True
        style.font.italic = name == "Heading 2"
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(10), Pt(4)
        # Word takes the theme's heading font unless the East Asian and complex-script fonts are set as well.
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(_qn(attribute), font)
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(_qn(attribute), None)


def _qn(name: str) -> str:
    from docx.oxml.ns import qn

    return qn(name)


def _cell(cell, lines, *, size: int = 12, centred: bool = True) -> None:
    cell.paragraphs[0].text = ""
    for index, (text, bold, italic) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
        run = paragraph.add_run(text)
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)


def _centred(doc, text: str, *, bold: bool = False, size: int = 13, before: int = 0) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(before)
    run = paragraph.add_run(text)
    run.bold, run.font.size = bold, Pt(size)


def _to_fill(doc, labels) -> None:
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(labels["to_fill"])
    run.italic = True


def _when(session, language: str) -> str:
    labels = w.words(language)
    return f"{labels[f'session_of_{session.part}'].lower()} {w.weekday(session.date, language)} {w.format_date(session.date, language)}"


def _held(label: str, session, language: str) -> str:
    text = f"{label} — {_when(session, language)}" if session else label
    return text + (f"; {session.lecturer}" if session and session.lecturer else "")
