"""What the handbook offers a class: the six lessons and the local topics (titles, sessions), and the written
reflection's questions, rubric and grades (docs/_data/thu-hoach.yml).

The class kit's command reads them from the handbook's `docs/` folder (`from_docs`); the build's hook makes the
same `Catalogue` from the lessons it has already validated (`hooks/class_kit.py`), so the papers, the model
timetables and the pages name the lessons alike.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import schema_errors
from ..languages import format_number
from ..problems import Problem
from ..sources import split_front_matter
from ..yamlio import duplicate_keys, parse

LESSON_DIR = "bai-hoc"
TOPIC_DIR = "chuyen-de"
THU_HOACH = "_data/thu-hoach.yml"
THU_HOACH_SCHEMA = "thu-hoach.schema.json"
LESSONS = 6  # the programme's six lessons, one session each


@dataclass(frozen=True)
class Topic:
    code: str
    title: str
    sessions: float  # 0.5: half a session, as the topic's front matter says


@dataclass(frozen=True)
class ThuHoach:
    """The written reflection: suggested questions by lesson, length, rubric and grades (both languages)."""

    length: dict[str, str]
    questions: tuple[dict[str, Any], ...]
    rubric: tuple[dict[str, Any], ...]
    grades: tuple[dict[str, Any], ...]

    def questions_of(self, lesson: int, language: str) -> list[str]:
        return [q[language] for q in self.questions if q["lesson"] == lesson]

    def grade(self, score: float, language: str) -> str:
        """The grade of a score: the first band (from the top) whose lower bound it reaches."""
        for band in self.grades:
            if score >= band["from"]:
                return band[language]
        return self.grades[-1][language]

    def total(self) -> float:
        return sum(item["points"] for item in self.rubric)

    def grade_spans(self, language: str, labels: Mapping[str, str]) -> list[dict[str, str]]:
        """Each grade from the top with its points, bands that do not overlap: "từ 8 đến 10 điểm", "từ 6,5 đến
        dưới 8 điểm" …, "dưới 5 điểm" (`labels`: points_top, points_span, points_below)."""
        spans = []
        for index, band in enumerate(self.grades):
            low = format_number(band["from"], language)
            high = format_number(self.grades[index - 1]["from"], language) if index else "10"
            if index == len(self.grades) - 1:
                span = labels["points_below"].format(high=high)
            else:
                span = labels["points_span" if index else "points_top"].format(low=low, high=high)
            spans.append({"name": band[language], "span": span})
        return spans


@dataclass(frozen=True)
class Catalogue:
    """The lessons (number → title) and local topics (code → Topic) of one language, and the written reflection."""

    language: str
    lessons: dict[int, str]
    topics: dict[str, Topic]
    thu_hoach: ThuHoach | None = None
    problems: tuple[Problem, ...] = field(default=())

    def topic_sessions(self, codes: list[str]) -> int:
        """Whole sessions the given topics fill: half-session topics share a session, two by two."""
        return math.ceil(sum(self.topics[code].sessions for code in codes if code in self.topics) - 1e-9)


def from_docs(docs: Path, language: str, *, root: Path | None = None) -> Catalogue:
    """The catalogue of a handbook's docs/ folder in one language (English titles from the .en.md files,
    the Vietnamese file where a page is not translated). Problems name the file and line."""
    lessons: dict[int, str] = {}
    topics: dict[str, Topic] = {}
    for path in _pages(docs / LESSON_DIR, language):
        meta = _front_matter(path)
        if isinstance(meta.get("lesson"), int) and isinstance(meta.get("title"), str):
            lessons[meta["lesson"]] = meta["title"]
    for path in _pages(docs / TOPIC_DIR, language):
        meta = _front_matter(path)
        if isinstance(meta.get("topic"), str) and isinstance(meta.get("title"), str):
            sessions = meta.get("sessions") if isinstance(meta.get("sessions"), (int, float)) else 1
            topics[meta["topic"]] = Topic(meta["topic"], meta["title"], float(sessions))
    problems: list[Problem] = []
    missing = [n for n in range(1, LESSONS + 1) if n not in lessons]
    if missing:
        problems.append(Problem(_shown(docs / LESSON_DIR, root), 1, f"không đọc được bài số {', '.join(map(str, missing))} trong thư mục bài học", "kiểm tra tệp bai-N.md và phần thông tin đầu trang của nó (`bash scripts/check.sh`)"))
    thu_hoach, found = load_thu_hoach(docs / THU_HOACH, root=root)
    problems += found
    return Catalogue(language, lessons, topics, thu_hoach, tuple(problems))


def load_thu_hoach(path: Path, *, root: Path | None = None, text: str | None = None) -> tuple[ThuHoach | None, list[Problem]]:
    """docs/_data/thu-hoach.yml checked against its schema: a lesson without a question, points that do not
    add up to 10, grades out of order are problems at their line."""
    shown = _shown(path, root)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            return None, [Problem(shown, 1, "không có tệp đề thu hoạch và thang chấm", f"tạo lại tệp {THU_HOACH} trong docs/ (xem bản trong kho mã nguồn)")]
        except UnicodeDecodeError:
            return None, [Problem(shown, 1, "tệp không được lưu ở mã UTF-8", "lưu lại tệp với mã UTF-8")]
    try:
        data, node = parse(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return None, [Problem(shown, (mark.line + 1) if mark else 1, "tệp không phải YAML hợp lệ", "thụt lề bằng dấu cách, đặt chữ có dấu hai chấm trong ngoặc kép")]
    problems = [Problem(shown, line + 1, f"trường `{key}` viết hai lần (dòng {first + 1} và dòng {line + 1})", "xoá một trong hai dòng") for key, line, first in duplicate_keys(node)]
    if not isinstance(data, dict):
        return None, problems + [Problem(shown, 1, "tệp phải là các dòng `khoá: giá trị`", "theo mẫu trong kho mã nguồn")]
    problems += schema_errors.validate(THU_HOACH_SCHEMA, data, node, shown, noun="mẫu đề thu hoạch")
    if problems:
        return None, problems
    lessons = {q["lesson"] for q in data["questions"]}
    for number in range(1, LESSONS + 1):
        if number not in lessons:
            problems.append(Problem(shown, schema_errors.yaml_line(node, ["questions"]), f"bài {number} chưa có đề thu hoạch gợi ý", f"thêm một mục `- lesson: {number}` với `vi:` và `en:`"))
    total = sum(item["points"] for item in data["rubric"])
    if abs(total - 10) > 1e-9:
        shown_points = " + ".join(f"{item['points']:g}" for item in data["rubric"])
        problems.append(Problem(shown, schema_errors.yaml_line(node, ["rubric"]), f"các tiêu chí cộng lại {shown_points} = {total:g} điểm, không phải 10", "sửa `points` của các tiêu chí cho tổng đúng 10"))
    bounds = [band["from"] for band in data["grades"]]
    if bounds != sorted(bounds, reverse=True) or len(set(bounds)) != len(bounds) or bounds[-1] != 0:
        problems.append(Problem(shown, schema_errors.yaml_line(node, ["grades"]), f"thang xếp loại phải đi từ cao xuống thấp và kết thúc ở `from: 0` (đang là {', '.join(f'{b:g}' for b in bounds)})", "sắp lại các loại từ điểm cao nhất xuống, loại cuối `from: 0`"))
    if problems:
        return None, problems
    return ThuHoach(dict(data["length"]), tuple(data["questions"]), tuple(data["rubric"]), tuple(data["grades"])), []


# ---------------------------------------------------------------- helpers


def _pages(folder: Path, language: str) -> list[Path]:
    """The pages of a folder in one language: page.en.md where it exists, else page.md."""
    if not folder.is_dir():
        return []
    chosen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.md")):
        parts = path.name.split(".")
        base = parts[0]
        if base in ("index", "README"):
            continue
        own = len(parts) == 3 and parts[1] == language
        default = len(parts) == 2
        if own or (default and base not in chosen):
            chosen[base] = path
    return [chosen[base] for base in sorted(chosen)]


def _front_matter(path: Path) -> dict[str, Any]:
    try:
        source, _ = split_front_matter(path.read_text(encoding="utf-8-sig"))
        data, _ = parse(source) if source is not None else (None, None)
    except (UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _shown(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()
