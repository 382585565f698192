"""The facts the handbook states that its sources do not settle yet, and the one editor's note on each.

docs/_data/diem-doi-chieu.yml lists them (an id, how sure FACTS.md is, the fact in a sentence). A page notes one
with a box written `!!! doi-chieu "<id>"`; the handbook's Markdown extension gives it its title and the anchor
`#doi-chieu-<id>`, so other pages link to the note instead of repeating it. A document's entry in the registry
notes one with `note` and `note_point: <id>`. Checked here, with the line:
- a box without an id, or with an id the list does not have;
- a point noted twice in one language (every page but one should link to the note, and a reader met the same
  caveat seven times);
- a point of the list that no page notes (a fact settled since: take it off the list).
The notes show on the web and in the proof edition (sotay_boiduong.editions), never in a printed release, so a
sentence with a note must read true without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from . import schema_errors
from .fences import outside_fences
from .problems import Problem
from .yamlio import parse

POINTS = "_data/diem-doi-chieu.yml"  # under docs/
SCHEMA = "open-points.schema.json"
_NOTE = re.compile(r'^\s*!!!\s+doi-chieu\b(?:\s+"(?P<id>[^"]*)")?(?P<rest>.*)$')


@dataclass(frozen=True)
class Point:
    id: str
    status: str
    fact: str
    fact_en: str
    line: int

    def text(self, language: str) -> str:
        return self.fact_en if language == "en" else self.fact


@dataclass(frozen=True)
class Note:
    """Where a point is noted: a page's box, or a registry entry."""

    point: str
    path: str
    line: int


def load(path: str, text: str | None) -> tuple[dict[str, Point], list[Problem]]:
    """The points of the list, keyed by id, and the problems of the file."""
    if text is None:
        return {}, []
    try:
        entries, root = parse(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return {}, [Problem(path, (mark.line + 1) if mark else 1, f"danh sách điểm cần đối chiếu không phải YAML hợp lệ ({getattr(error, 'problem', error)})", "sửa theo mẫu các mục đã có")]
    if entries is None:
        return {}, []
    problems = schema_errors.validate(SCHEMA, entries, root, path, noun="danh sách điểm cần đối chiếu")
    if problems:
        return {}, problems
    points: dict[str, Point] = {}
    for node, entry in zip(root.value, entries, strict=True):
        line = node.start_mark.line + 1
        if entry["id"] in points:
            problems.append(Problem(path, line, f"điểm `{entry['id']}` đã có ở dòng {points[entry['id']].line}", "gộp hai mục thành một"))
            continue
        points[entry["id"]] = Point(entry["id"], entry["status"], entry["fact"], entry["fact_en"], line)
    return points, problems


def notes_in(path: str, text: str) -> tuple[list[Note], list[Problem]]:
    """The editor's notes of a Markdown source, and the problems of how they are written."""
    notes, problems = [], []
    for number, line in outside_fences(text, 1):
        match = _NOTE.match(line)
        if match is None:
            continue
        point = match["id"]
        if not point or match["rest"].strip():
            problems.append(Problem(path, number, "hộp ghi chú biên tập không nêu mã điểm cần đối chiếu", f'viết `!!! doi-chieu "<mã>"` với một mã trong docs/{POINTS}; nội dung thụt vào bốn dấu cách ở dòng dưới'))
            continue
        notes.append(Note(point, path, number))
    return notes, problems


def check(notes: list[Note], points: dict[str, Point], points_path: str, language: str, *, complete: bool) -> list[Problem]:
    """Every note names a point of the list, once in the language; with `complete` (every page of the language
    was read), every point of the list is noted."""
    problems, first = [], {}
    for note in sorted(notes, key=lambda n: (n.path, n.line)):
        if note.point not in points:
            known = ", ".join(sorted(points)) or "(danh sách trống)"
            problems.append(Problem(note.path, note.line, f"mã điểm cần đối chiếu `{note.point}` không có trong docs/{POINTS}", f"dùng một mã có trong danh sách ({known}), hoặc thêm điểm vào đó"))
        elif note.point in first:
            home = first[note.point]
            problems.append(
                Problem(note.path, note.line, f"điểm `{note.point}` đã có ghi chú ở {home.path}:{home.line}; mỗi điểm chỉ ghi chú một lần trong mỗi ngôn ngữ", f"xoá hộp này; viết câu sao cho đúng khi không có ghi chú, và nếu cần thì dẫn tới ghi chú đó (…#doi-chieu-{note.point})")
            )
        else:
            first[note.point] = note
    if complete:
        for point in points.values():
            if point.id not in first:
                problems.append(Problem(points_path, point.line, f"điểm `{point.id}` không có ghi chú nào bằng {'tiếng Anh' if language == 'en' else 'tiếng Việt'}", f'thêm `!!! doi-chieu "{point.id}"` ở trang nói tới điểm đó, hoặc bỏ điểm khỏi danh sách nếu đã được xác nhận'))
    return problems
