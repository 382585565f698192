"""A lesson's lesson plan (kế hoạch bài giảng), the paper a lecturer files: the lecturer's name, the class, the
date and the place left to fill in; the objectives; what to prepare and the local data to bring; and the
session plan as the table lecturers use, with the columns step, content, method, equipment and minutes.

The rows are the session plan's segments (`session_plan.segments`), in order, their minutes adding up to
the session. The content is the segment's kind and activity as the lesson writes them. The front matter has
no method or equipment: they come from the segment's kind (sotay_boiduong.bai_giang.words.METHODS), and the
equipment names the deck's slides of the segment. Written with python-docx and the class kit's page and
styles (sotay_boiduong.lop.report: A4, Times New Roman 13 pt, Word's heading styles).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from ..languages import format_number
from ..lessons import Unit, label
from ..lop.report import _centred, _page_and_styles
from .deck import Deck
from .text import plain
from .words import method

COLUMN_WIDTHS = (1.2, 7.2, 3.1, 3.1, 1.4)  # centimetres; the page's text is 16 cm wide


@dataclass(frozen=True)
class Row:
    step: str
    content: str
    method: str
    equipment: str
    minutes: int


@dataclass(frozen=True)
class LessonPlan:
    language: str
    title: str  # "Bài 1. …"
    duration: str  # "Thời lượng: 1 buổi (220 phút)"
    objectives: tuple[str, ...]
    prepare: tuple[str, ...]
    local_data: tuple[str, ...]
    columns: tuple[str, str, str, str, str]
    rows: tuple[Row, ...]
    total: int
    words: Mapping[str, str]


def make(unit: Unit, words: Mapping[str, str], language: str, deck: Deck | None = None) -> LessonPlan:
    """The lesson plan of a validated lesson; `deck`, if given, names each segment's slides."""
    data, w = unit.data, words
    plan = data.get("session_plan") or {}
    segments = [s for s in plan.get("segments") or [] if isinstance(s, Mapping)]
    rows = []
    for index, segment in enumerate(segments):
        kind = str(segment.get("kind", ""))
        how, equipment = method(language, kind)
        span = deck.segment_slides[index] if deck is not None and index < len(deck.segment_slides) else None
        if span is not None and equipment != "—":
            first, last = span
            shown = w["plan_slides"].format(first=first, last=last) if last > first else w["plan_slide"].format(first=first)
            equipment = f"{equipment} ({shown})"
        content = f"{w.get('plan_kind_' + kind, kind)}. {plain(str(segment.get('activity', '')))}"
        rows.append(Row(str(index + 1), content, how, equipment, int(segment.get("minutes", 0))))
    total = sum(row.minutes for row in rows)
    sessions = format_number(data.get("sessions", 1), language)
    duration = f"{w['duration']}: {sessions} {w['sessions']} ({total} {w['minutes']})"
    columns = (w["plan_step"], w["plan_content"], w["plan_method"], w["plan_equipment"], w["plan_minutes"])
    return LessonPlan(
        language,
        label(unit, w["lesson"]),
        duration,
        tuple(plain(str(o)) for o in data.get("objectives") or []),
        tuple(plain(str(p)) for p in plan.get("prepare") or []),
        tuple(plain(str(p)) for p in plan.get("local_data") or []),
        columns,
        tuple(rows),
        total,
        dict(words),
    )


def write(plan: LessonPlan) -> bytes:
    """The .docx file's bytes."""
    w = plan.words
    doc = Document()
    _page_and_styles(doc)
    doc.core_properties.title = f"{w['plan_title']}: {plan.title}"
    doc.core_properties.language = plan.language
    doc.core_properties.author = ""

    _centred(doc, w["plan_title"].upper(), bold=True, size=14)
    _centred(doc, plan.title, bold=True, before=4)
    for key in ("plan_lecturer", "plan_class", "plan_date", "plan_venue"):
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{w[key]}: ").bold = True
        paragraph.add_run(w["plan_blank"])
    doc.add_paragraph(plan.duration)

    doc.add_heading(f"1. {w['objectives']}", level=1)
    doc.add_paragraph(w["objectives_lead"])
    for objective in plan.objectives:
        doc.add_paragraph(objective, style="List Bullet")
    doc.add_heading(f"2. {w['plan_prepare']}", level=1)
    for item in plan.prepare:
        doc.add_paragraph(item, style="List Bullet")
    doc.add_heading(w["plan_local_data"], level=2)
    for item in plan.local_data:
        doc.add_paragraph(item, style="List Bullet")

    doc.add_heading(f"3. {w['plan_course']}", level=1)
    table = doc.add_table(rows=1, cols=5, style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, plan.columns, strict=True):
        _cell(cell, text, bold=True, centred=True)
    for row in plan.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, (row.step, row.content, row.method, row.equipment, str(row.minutes)), strict=True):
            _cell(cell, text, centred=cell is cells[0] or cell is cells[4])
    last = table.add_row().cells
    merged = last[0].merge(last[3])
    _cell(merged, w["plan_total"], bold=True)
    _cell(last[4], str(plan.total), bold=True, centred=True)
    for row in table.rows:
        for cell, width in zip(row.cells, COLUMN_WIDTHS, strict=False):
            cell.width = Cm(width)

    note = doc.add_paragraph()
    note.paragraph_format.space_before = Pt(8)
    run = note.add_run(w["plan_made_from"].format(lesson=plan.title))
    run.italic, run.font.size = True, Pt(11)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _cell(cell, text: str, *, bold: bool = False, centred: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.text = ""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(12)
