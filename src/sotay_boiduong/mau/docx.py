"""Every form as a Word file (.docx), made with python-docx from the same view as the web table and the printed
blank form (sotay_boiduong.mau.forms.view), so the three never disagree.

What a secretary gets: an A4 page with the margins of Vietnamese administrative papers (the class kit's report
uses the same, sotay_boiduong.lop.report), Noto Sans named as the font of every style, the form's heading and
title, and each field as a real table cell to type into (a register's blank rows, a checklist's column to tick,
a tall cell for lines to write), then the line that says it is the handbook's model, not an official form.
Nothing but python-docx's own template is used, so the files open alike in LibreOffice and Word.

`build_documents` writes one language's files into a folder of the site. Each file is kept in `cache_dir` under
a hash of what it is made from (the form's view, this module's code, python-docx's version): a build whose forms
did not change copies the files it already has, which takes a few milliseconds (`bash scripts/benchmark.sh`).
"""

from __future__ import annotations

import hashlib
import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import docx as python_docx
from docx import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .. import atomic
from ..lop.report import _page_and_styles  # the class kit's page set-up, as bai_giang.plan uses it
from . import forms

FONT = "Noto Sans"
SIZE = 11  # pt: Noto Sans is wide; 11 pt reads like 13 pt Times New Roman
TEXT_WIDTH = Cm(16)  # A4 (21 cm) less the left (3 cm) and right (2 cm) margins of lop.report._page_and_styles
LINE = Cm(0.75)  # the height of one line to write on
FOLDER = "mau"  # site/mau/<form>.docx, site/en/mau/<form>.docx
_CODE = hashlib.sha256(Path(__file__).read_bytes() + Path(forms.__file__).read_bytes()).hexdigest()
_FIXED_TIME = datetime(2026, 1, 1)  # the files' own dates: the same form makes the same document


def build_documents(definitions: forms.Definitions, language: str, out_dir: Path, cache_dir: Path | None) -> list[Path]:
    """Write every form of `definitions` as `out_dir`/<form id>.docx in `language`; return the paths written.

    A file whose content is already there is left alone (so `mkdocs serve` does not see a change)."""
    out_dir = Path(out_dir)
    written = []
    for form_id in definitions.forms:
        target = out_dir / f"{form_id}.docx"
        data = document_bytes(definitions, form_id, language, cache_dir)
        if not (target.is_file() and target.read_bytes() == data):
            with atomic.replacing(target, prefix=f".{form_id}-") as temporary:
                Path(temporary).write_bytes(data)
        written.append(target)
    return written


def document_bytes(definitions: forms.Definitions, form_id: str, language: str, cache_dir: Path | None) -> bytes:
    """The .docx of one form in one language: from the cache when it holds this content, else made and kept."""
    view = forms.view(definitions.forms[form_id], definitions, language)
    key = cache_key(view)
    cached = Path(cache_dir) / f"{key}.docx" if cache_dir is not None else None
    if cached is not None and cached.is_file():
        return cached.read_bytes()
    data = render(view, language)
    if cached is not None:
        with atomic.replacing(cached, prefix=".docx-") as temporary:
            Path(temporary).write_bytes(data)
    return data


def cache_key(view: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps([view, _CODE, python_docx.__version__, FONT, SIZE], sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def render(view: dict[str, Any], language: str) -> bytes:
    """The bytes of the .docx file of one form's view (blank)."""
    words = view["words"]
    doc = Document()
    _page_and_styles(doc, font=FONT, size=SIZE)
    _noto_everywhere(doc)
    properties = doc.core_properties
    properties.title, properties.language, properties.author = view["title"], language, words["kicker"]
    properties.created = properties.modified = _FIXED_TIME
    properties.last_modified_by, properties.revision = "", 1
    for block in view["blocks"]:
        _block(doc, block, words, view)
    status = doc.add_paragraph()
    status.paragraph_format.space_before = Pt(10)
    run = status.add_run(f"{words['kicker']}. {words['status']}")
    run.italic, run.font.size = True, Pt(8)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- fields


def _block(doc, block: dict[str, Any], words: dict[str, str], view: dict[str, Any]) -> None:
    """One block of the form's view, as the web page shows it (sotay_boiduong.mau.forms._blocks)."""
    kind, field = block["kind"], block.get("field")
    if kind == "letterhead":
        _letterhead(doc, field)
    elif kind == "title":
        _title(doc, view)
    elif kind == "subtitle":
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(field["value"]).italic = True
    elif kind == "section":
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(8)
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run(field["label"]).bold = True
        if field["hint"]:
            note = paragraph.add_run(f" ({field['hint']})")
            note.italic, note.font.size = True, Pt(9)
    elif kind == "texts":
        # consecutive one-line fields: one table of two columns, label and the cell to fill
        table = _table(doc, len(block["fields"]), 2, [Cm(5.5), TEXT_WIDTH - Cm(5.5)])
        for row, item in zip(table.rows, block["fields"], strict=True):
            _label(row.cells[0], item["label"], item["hint"])
            _height(row, Cm(0.8))
    elif kind == "lines":
        table = _table(doc, 2, 1, [TEXT_WIDTH])
        _label(table.cell(0, 0), field["label"], field["hint"])
        _height(table.rows[1], LINE * field["lines"])
    elif kind == "table":
        _caption(doc, field["label"], field["hint"])
        columns = field["columns"]
        table = _table(doc, 1 + len(field["rows"]), len(columns), _widths([c["width"] for c in columns]))
        for index, column in enumerate(columns):
            _label(table.cell(0, index), column["label"], column["hint"], bold=True, size=9)
        _repeat_header(table.rows[0])
        for row in table.rows[1:]:
            _height(row, Cm(0.9))
    elif kind == "grid":
        _grid(doc, field, words)
    elif kind == "choice":
        _caption(doc, field["label"], field["hint"] or (words["many_hint"] if field["many"] else ""))
        table = _table(doc, len(field["options"]), 2, [Cm(1.2), TEXT_WIDTH - Cm(1.2)])
        for index, option in enumerate(field["options"]):
            table.cell(index, 1).paragraphs[0].text = option["label"]
    elif kind == "signatures":
        _signatures(doc, field, words)


def _letterhead(doc, field: dict[str, Any]) -> None:
    parts = field["parts"]
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    _lines(left, [(parts["superior"], False, False), (parts["organisation"], True, False)])
    if parts["party"]:
        _lines(right, [(parts["party"], True, False), (parts["dated"], False, True)])


def _title(doc, view: dict[str, Any]) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(12)
    run = paragraph.add_run(view["title"])
    run.bold, run.font.size = True, Pt(SIZE + 2)
    if view["subtitle"]:
        sub = doc.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        sub.add_run(view["subtitle"]).italic = True


def _grid(doc, field: dict[str, Any], words: dict[str, str]) -> None:
    _caption(doc, field["label"], field["hint"])
    tick, scale = field["tick"], field["scale"]
    extra = field["columns"]
    widths = [Cm(1.3)] if tick else []
    if scale:
        label_width = TEXT_WIDTH - Cm(1.1) * scale
        widths += [label_width] + [Cm(1.1)] * scale
    else:
        rest = TEXT_WIDTH - sum(widths, Cm(0))
        shares = _widths([6] + [c["width"] for c in extra], rest)
        widths += shares
    table = _table(doc, 1 + len(field["rows"]), len(widths), widths)
    header = table.rows[0].cells
    offset = 0
    if tick:
        _label(header[0], words["tick"], "", bold=True, size=9)
        offset = 1
    _label(header[offset], words["scale_hint"] if scale else words["item"], "", bold=True, size=9)
    for index, column in enumerate(extra):
        _label(header[offset + 1 + index], column["label"], column["hint"], bold=True, size=9)
    _repeat_header(table.rows[0])
    for row_index, row in enumerate(field["rows"], start=1):
        cells = table.rows[row_index].cells
        cells[offset].paragraphs[0].text = row["label"]
        for index, text in enumerate(row["cells"]):
            cell = cells[offset + 1 + index]
            cell.paragraphs[0].text = text if (scale or text) else ""
            if scale:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _height(table.rows[row_index], Cm(0.8))


def _signatures(doc, field: dict[str, Any], words: dict[str, str]) -> None:
    signers = field["signers"]
    table = doc.add_table(rows=1, cols=len(signers))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, signer in zip(table.rows[0].cells, signers, strict=True):
        _lines(cell, [(signer["label"], True, False), (words["signature_hint"], False, True), ("", False, False), ("", False, False), ("", False, False)])
    _height(table.rows[0], Cm(3))


# ---------------------------------------------------------------- python-docx helpers


def _table(doc, rows: int, cols: int, widths: list) -> Any:
    table = doc.add_table(rows=rows, cols=cols)
    # Word's "Table Grid" by its id: python-docx looks a style name up by reading every style of the template,
    # a third of the time of a whole document.
    table._tbl.tblPr.style = "TableGrid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # LibreOffice reads the grid
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width  # Word reads each cell
    doc.add_paragraph().paragraph_format.space_after = Pt(0)
    return table


def _widths(weights: list[int], total=TEXT_WIDTH) -> list:
    whole = sum(weights) or 1
    return [int(total * weight / whole) for weight in weights]


def _label(cell, text: str, hint: str, *, bold: bool = False, size: int | None = None) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if hint:
        note = cell.add_paragraph().add_run(hint)
        note.italic, note.font.size = True, Pt(8)


def _caption(doc, text: str, hint: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.add_run(text).bold = True
    if hint:
        run = paragraph.add_run(f" ({hint})")
        run.italic, run.font.size = True, Pt(9)


def _lines(cell, lines) -> None:
    cell.paragraphs[0].text = ""
    for index, (text, bold, italic) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic


def _height(row, height) -> None:
    row.height = height
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _repeat_header(row) -> None:
    """A long register continues on the next page under its column names."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _noto_everywhere(doc) -> None:
    """Noto Sans for every script in the document's defaults and its Normal style, without the theme's fonts
    (which Word and LibreOffice would otherwise prefer for text in styles that set none)."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    targets = [doc.styles["Normal"].element.get_or_add_rPr()]
    if defaults is not None:
        run_defaults = defaults.find(qn("w:rPrDefault"))
        if run_defaults is not None and run_defaults.find(qn("w:rPr")) is not None:
            targets.append(run_defaults.find(qn("w:rPr")))
    for properties in targets:
        fonts = properties.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            properties.insert(0, fonts)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(attribute), None)
