"""The roster of a class: a CSV file as Excel writes it, one learner a row.

The header row names the columns `Họ và tên`, `Năm sinh`, `Chức vụ`, `Đơn vị` and, once the written
reflections are marked, `Điểm thu hoạch` (the English names Full name, Year of birth, Position, Unit, Score
are accepted too). The file may be UTF-8 with or without a byte order mark (Excel's "CSV UTF-8" writes one),
separated by commas or by semicolons (Excel's "CSV" in a locale whose decimal mark is a comma); names are
normalised to Unicode NFC, since some Vietnamese keyboards type combining accents. Every problem names the
row, as Excel numbers it.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass

from ..problems import Problem

NAME, BIRTH, POSITION, UNIT, SCORE = "name", "birth_year", "position", "unit", "score"
REQUIRED = (NAME, BIRTH, POSITION, UNIT)
HEADERS = {NAME: "Họ và tên", BIRTH: "Năm sinh", POSITION: "Chức vụ", UNIT: "Đơn vị", SCORE: "Điểm thu hoạch"}
# Accepted spellings of each column's name, compared without case, spaces or accents.
_ALIASES = {
    NAME: ("họ và tên", "họ tên", "full name", "name"),
    BIRTH: ("năm sinh", "year of birth", "born"),
    POSITION: ("chức vụ", "position"),
    UNIT: ("đơn vị", "workplace", "unit"),
    SCORE: ("điểm thu hoạch", "điểm", "score", "written reflection score"),
}
SAVE_AS_UTF8 = (
    "trong Excel chọn Tệp (File) → Lưu thành (Save As), ở ô kiểu tệp chọn «CSV UTF-8 (Comma delimited) (*.csv)» "
    "rồi lưu đè tệp này; trong LibreOffice chọn Lưu thành, kiểu «Text CSV», đánh dấu «Sửa thiết lập bộ lọc» và chọn "
    "bộ ký tự Unicode (UTF-8)"
)


@dataclass(frozen=True)
class Learner:
    row: int
    name: str
    birth_year: str
    position: str
    unit: str
    score: float | None = None


def read_roster(data: bytes, path: str) -> tuple[list[Learner], list[Problem]]:
    """The learners of a roster file's bytes; `path` is how problems name the file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return [], [Problem(path, 1, "tệp danh sách lưu ở mã UTF-16 (kiểu «Unicode Text» của Excel), không phải CSV UTF-8", SAVE_AS_UTF8)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        return [], [Problem(path, row, f"hàng {row}: tệp danh sách không phải mã UTF-8 (có lẽ Excel đã lưu bằng bảng mã Windows-1258 hoặc TCVN3)", SAVE_AS_UTF8)]
    text = unicodedata.normalize("NFC", text)
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip(" ,;\t")), None)
    if first is None:
        return [], [Problem(path, 1, "tệp danh sách học viên trống", f"hàng đầu ghi tên các cột: {', '.join(HEADERS[c] for c in REQUIRED)}; mỗi hàng sau là một học viên")]
    delimiter = _delimiter(lines[first])
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    physical = _row_lines(text, delimiter)
    first = next(i for i, cells in enumerate(rows) if any(cell.strip() for cell in cells))
    header_row = physical[first]
    header = rows[first]
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = _column(cell)
        if key and key not in columns:
            columns[key] = index
    missing = [HEADERS[c] for c in REQUIRED if c not in columns]
    if missing:
        present = ", ".join(f"«{c.strip()}»" for c in header if c.strip()) or "(không có)"
        return [], [Problem(path, header_row, f"hàng {header_row} (hàng tên cột): thiếu cột {', '.join(f'«{m}»' for m in missing)}; các cột đang có: {present}", f"hàng đầu ghi đủ tên các cột: {', '.join(HEADERS[c] for c in REQUIRED)} (thêm «{HEADERS[SCORE]}» khi đã chấm bài)")]
    learners, problems = [], []
    seen: dict[tuple[str, str, str], int] = {}
    for index in range(first + 1, len(rows)):
        cells = rows[index]
        if not any(cell.strip() for cell in cells):
            continue  # Excel leaves empty rows (";;;") at the end
        row = physical[index]

        def cell(key: str, cells=cells) -> str:
            position = columns.get(key)
            value = cells[position] if position is not None and position < len(cells) else ""
            return re.sub(r"\s+", " ", value).strip()

        name = cell(NAME)
        if not name:
            problems.append(Problem(path, row, f"hàng {row}: cột «{HEADERS[NAME]}» trống", "ghi họ và tên học viên, hoặc xoá hàng này"))
            continue
        birth = cell(BIRTH)
        if birth and not re.fullmatch(r"(19|20)\d\d", birth):
            problems.append(Problem(path, row, f"hàng {row}: năm sinh «{birth}» của {name} không phải một năm", "ghi năm sinh bốn chữ số, ví dụ 1978, hoặc để trống"))
        score, wrong = _score(cell(SCORE)) if SCORE in columns else (None, False)
        if wrong:
            problems.append(Problem(path, row, f"hàng {row}: điểm thu hoạch «{cell(SCORE)}» của {name} không phải một điểm từ 0 đến 10", "ghi điểm theo thang 10, ví dụ 8 hoặc 7,5; để trống nếu chưa chấm"))
        key = (name.casefold(), birth, cell(UNIT).casefold())
        if key in seen:
            problems.append(Problem(path, row, f"hàng {row}: học viên {name} ({birth or 'không ghi năm sinh'}, {cell(UNIT) or 'không ghi đơn vị'}) trùng với hàng {seen[key]}", "xoá hàng lặp; nếu là hai người trùng tên thì ghi đúng năm sinh, đơn vị của từng người"))
            continue
        seen[key] = row
        learners.append(Learner(row, name, birth, cell(POSITION), cell(UNIT), score))
    if not learners and not problems:
        problems.append(Problem(path, header_row, "danh sách chưa có học viên nào", "mỗi hàng sau hàng tên cột là một học viên"))
    scored = [learner for learner in learners if learner.score is not None]
    if scored and len(scored) != len(learners) and not problems:
        rows_without = [str(learner.row) for learner in learners if learner.score is None]
        problems.append(Problem(path, int(rows_without[0]), f"cột «{HEADERS[SCORE]}» mới có điểm của {len(scored)}/{len(learners)} học viên (chưa có ở hàng {', '.join(rows_without[:10])}{'…' if len(rows_without) > 10 else ''})", "điền điểm cho mọi học viên (học viên không nộp bài ghi 0), hoặc để trống cả cột cho đến khi chấm xong"))
    return learners, problems


# ---------------------------------------------------------------- helpers


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).casefold().split())


_FOLDED = {_fold(alias): key for key, aliases in _ALIASES.items() for alias in aliases}


def _column(cell: str) -> str | None:
    return _FOLDED.get(_fold(cell.strip().strip("*:")))


def _delimiter(header: str) -> str:
    """The separator of the header row: the one of ; , or tab that splits it into the most known columns."""
    best, found = ",", -1
    for delimiter in (",", ";", "\t"):
        cells = next(csv.reader([header], delimiter=delimiter), [])
        known = sum(1 for cell in cells if _column(cell))
        if known > found:
            best, found = delimiter, known
    return best


def _row_lines(text: str, delimiter: str) -> list[int]:
    """The file line on which each CSV record starts (a quoted cell may span lines)."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    starts, previous = [], 0
    for _ in reader:
        starts.append(previous + 1)
        previous = reader.line_num
    return starts


def _score(value: str) -> tuple[float | None, bool]:
    if not value:
        return None, False
    try:
        score = float(value.replace(",", "."))
    except ValueError:
        return None, True
    if not 0 <= score <= 10:
        return None, True
    return score, False
