"""The lesson model: lessons (docs/bai-hoc/) and local topics (docs/chuyen-de/) share one front matter schema.

`validate_unit` checks one file's front matter against schemas/front-matter.schema.json and turns every
schema error into a `Problem` that names the line and the field in Vietnamese. `check_numbering` checks
the lesson numbers of one language: no duplicate, no gap. Nothing here knows MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any

import yaml

from . import schema_errors
from .problems import Problem
from .sources import split_front_matter
from .yamlio import parse

SCHEMA = "front-matter.schema.json"
LESSON_DIR = "bai-hoc"
TOPIC_DIR = "chuyen-de"
SESSION_MINUTES = (210, 240)  # one session (buổi) of a class: 3.5 to 4 hours


@dataclass
class Unit:
    """A lesson or a local topic, as read from its front matter."""

    path: str
    src_uri: str
    kind: str  # "lesson" or "topic"
    data: dict[str, Any]
    key_lines: dict[str, int] = field(default_factory=dict)
    node: Any = field(default=None, repr=False, compare=False)  # the front matter's YAML nodes, for lines within fields

    def line(self, *location: str | int) -> int:
        """The file line of a place within the front matter (keys and list indexes), or of its nearest parent."""
        return schema_errors.yaml_line(self.node, list(location), 2, 1)

    @property
    def number(self) -> int | None:
        return self.data.get("lesson")

    @property
    def slug(self) -> str:
        """The file name without language suffix and extension: bai-1, dan-van."""
        return PurePosixPath(self.src_uri).name.split(".")[0]


def kind_of(src_uri: str) -> str | None:
    """'lesson' for docs/bai-hoc/*.md, 'topic' for docs/chuyen-de/*.md, None otherwise (index pages too)."""
    path = PurePosixPath(src_uri)
    if path.suffix != ".md" or path.name.split(".")[0] in ("index", "README") or len(path.parts) != 2:
        return None
    return {LESSON_DIR: "lesson", TOPIC_DIR: "topic"}.get(path.parts[0])


def validate_unit(path: str, src_uri: str, text: str) -> tuple[Unit | None, list[Problem]]:
    """Validate the front matter of a lesson or topic file; the Unit is None if it cannot be used.

    Several hooks ask for the same file in one build (the lesson model, the citations); the answer is
    computed once per text. The Unit is shared and must be treated as read-only.
    """
    unit, problems = _validate_unit(path, src_uri, text)
    return unit, list(problems)


@lru_cache(maxsize=256)
def _validate_unit(path: str, src_uri: str, text: str) -> tuple[Unit | None, tuple[Problem, ...]]:
    kind = kind_of(src_uri)
    source, _ = split_front_matter(text)
    if source is None:
        return None, (
            Problem(
                path,
                1,
                f"{_KIND_NAME[kind]} thiếu phần thông tin đầu trang (front matter)",
                "mở đầu tệp bằng một dòng '---', các dòng `khoá: giá trị` theo mẫu trong hướng dẫn biên tập, "
                "rồi một dòng '---'",
            ),
        )
    try:
        data, node = parse(source)
    except yaml.YAMLError:
        return None, ()  # reported by sources.check_front_matter with its line
    if not isinstance(data, dict):
        return None, ()
    problems = schema_errors.validate(SCHEMA, data, node, path, pointer=f"#/$defs/{kind}", first_line=2, root_line=1, noun="mẫu bài học")
    if kind == "topic" and isinstance(data.get("topic"), str) and data["topic"] != PurePosixPath(src_uri).name.split(".")[0]:
        problems.append(
            Problem(
                path,
                schema_errors.yaml_line(node, ["topic"], 2, 1),
                f"trường `topic` là \"{data['topic']}\" nhưng tệp tên là {PurePosixPath(src_uri).name}",
                "đặt `topic` trùng tên tệp (không có đuôi .md, .en.md), hoặc đổi tên tệp cho khớp",
            )
        )
    unit = Unit(path, src_uri, kind, data, {key: schema_errors.yaml_line(node, [key], 2, 1) for key in data}, node)
    if not problems:
        problems += check_session_plan(unit)
        problems += check_self_check(unit)
    return unit, tuple(sorted(problems))


def check_twins(translations: list[Unit], read: Callable[[str], str | None]) -> list[Problem]:
    """A translated lesson (bai-3.en.md) carries the number of the lesson it translates (bai-3.md)."""
    problems = []
    for unit in translations:
        parts = PurePosixPath(unit.src_uri)
        original = str(parts.with_name(parts.name.split(".")[0] + ".md"))
        text = read(original) if original != unit.src_uri else None
        twin, _ = validate_unit(original, original, text) if text is not None else (None, [])
        if twin is not None and isinstance(twin.number, int) and isinstance(unit.number, int) and twin.number != unit.number:
            problems.append(
                Problem(unit.path, unit.key_lines.get("lesson", 1), f"trường `lesson`: bản dịch ghi bài {unit.number}, nhưng bản tiếng Việt docs/{original} là bài {twin.number}", f"đặt `lesson: {twin.number}` cho khớp với bản tiếng Việt")
            )
    return problems


def check_numbering(lessons: list[Unit]) -> list[Problem]:
    """Lesson numbers of one language must be 1, 2, 3, … with no duplicate and no gap."""
    problems = []
    by_number: dict[int, Unit] = {}
    for unit in sorted(lessons, key=lambda u: u.path):
        number = unit.number
        if not isinstance(number, int):
            continue
        if number in by_number:
            first = by_number[number]
            problems.append(
                Problem(
                    unit.path,
                    unit.key_lines.get("lesson", 1),
                    f"trường `lesson`: số bài {number} trùng với {first.path}",
                    "mỗi bài có một số riêng; sửa số bài ở một trong hai tệp",
                )
            )
        else:
            by_number[number] = unit
    expected = 1
    for number in sorted(by_number):
        if number != expected:
            unit = by_number[number]
            missing = f"bài số {expected}" if number == expected + 1 else f"các bài số {expected} đến {number - 1}"
            problems.append(
                Problem(
                    unit.path,
                    unit.key_lines.get("lesson", 1),
                    f"trường `lesson`: thiếu {missing} trước bài {number}; các bài phải đánh số liền nhau từ 1 "
                    f"(các số đang có: {', '.join(map(str, sorted(by_number)))})",
                    f"đánh lại số bài cho liền nhau, hoặc thêm {missing}",
                )
            )
        expected = number + 1
    return sorted(problems)


def field_descriptions(kind: str) -> dict[str, str]:
    """The editor's description of each front matter field of a lesson or topic, in schema order."""
    return schema_errors.descriptions(SCHEMA, f"#/$defs/{kind}")


def label(unit: Unit, lesson_word: str) -> str:
    """How a unit is named in titles, links and lists: "Bài 3. Công tác tổ chức…", or a topic's title."""
    if unit.kind == "lesson":
        return f"{lesson_word} {unit.number}. {unit.data['title']}"
    return unit.data["title"]


def short_label(unit: Unit, lesson_word: str) -> str | None:
    """The same with the unit's `short_title`: "Bài 3. Công tác tổ chức, cán bộ, đảng viên"; None without one."""
    short = unit.data.get("short_title")
    if not short:
        return None
    return f"{lesson_word} {unit.number}. {short}" if unit.kind == "lesson" else short


def check_session_plan(unit: Unit) -> list[Problem]:
    """A session plan's minutes add up to the unit's sessions: 210 to 240 minutes a session."""
    plan = unit.data.get("session_plan")
    if not isinstance(plan, dict) or not isinstance(plan.get("segments"), list):
        return []
    minutes = [s.get("minutes") for s in plan["segments"] if isinstance(s, dict)]
    if not all(isinstance(m, int) for m in minutes):
        return []  # the schema reports the wrong value
    sessions = unit.data.get("sessions") if isinstance(unit.data.get("sessions"), (int, float)) else 1
    low, high = round(SESSION_MINUTES[0] * sessions), round(SESSION_MINUTES[1] * sessions)
    total = sum(minutes)
    if low <= total <= high:
        return []
    shown = " + ".join(map(str, minutes))
    return [
        Problem(
            unit.path,
            unit.key_lines.get("session_plan", 1),
            f"trường `session_plan`: các phần cộng lại {shown} = {total} phút, nhưng {_format(sessions)} buổi học là từ {low} đến {high} phút",
            f"sửa số phút (`minutes`) của các phần cho tổng nằm trong khoảng {low}–{high}, hoặc sửa `sessions`",
        )
    ]


def check_self_check(unit: Unit) -> list[Problem]:
    """Each multiple-choice question of the self-check has exactly one choice marked `correct: true` (the schema
    cannot count them); a question without one, or with two, is reported at its line."""
    problems = []
    for index, item in enumerate(unit.data.get("self_check") or []):
        choices = item.get("choices") if isinstance(item, dict) else None
        if not isinstance(choices, list):
            continue
        marked = [position for position, choice in enumerate(choices) if isinstance(choice, dict) and choice.get("correct") is True]
        where = f"trường `self_check` → câu {index + 1}"
        if not marked:
            problems.append(
                Problem(
                    unit.path,
                    unit.line("self_check", index),
                    f"{where}: không có phương án nào ghi `correct: true`, nên câu không có đáp án",
                    "thêm dòng `correct: true` dưới phương án đúng (chỉ một phương án), hoặc viết câu thành một nhận định "
                    "Đúng/Sai với `true_false: true` hay `true_false: false` thay cho `choices`",
                )
            )
        elif len(marked) > 1:
            texts = ", ".join(f"«{choices[position].get('text')}»" for position in marked)
            problems.append(
                Problem(
                    unit.path,
                    unit.line("self_check", index, "choices", marked[1], "correct"),
                    f"{where}: {len(marked)} phương án cùng ghi `correct: true` ({texts}); mỗi câu chỉ có một đáp án đúng",
                    "giữ `correct: true` ở phương án đúng và xoá dòng đó ở các phương án kia; nếu cả hai đều đúng, "
                    "sửa câu hỏi hoặc các phương án cho chỉ còn một đáp án bảo vệ được",
                )
            )
    return problems


LETTERS = "ABCD"


def self_check_items(unit: Unit, words: dict[str, str]) -> list[dict[str, Any]]:
    """The self-check as the page shows it: for each question its number, kind ("choice" or "true-false"), the
    options in order (a true/false statement has the two words of `words`), the position of the correct one and
    how the key names it ("B. 3", "Sai")."""
    items = []
    for number, item in enumerate(unit.data.get("self_check") or [], 1):
        if "choices" in item:
            options = [choice["text"] for choice in item["choices"]]
            answer = next(position for position, choice in enumerate(item["choices"]) if choice.get("correct"))
            label = f"{LETTERS[answer]}. {options[answer]}"
            kind = "choice"
        else:
            options = [words["true"], words["false"]]
            answer = 0 if item["true_false"] else 1
            label = options[answer]
            kind = "true-false"
        items.append({
            "number": number,
            "kind": kind,
            "question": item["question"],
            "options": options,
            "answer": answer,
            "answer_label": label,
            "explanation": item["explanation"],
            "rule": item["rule"],
        })
    return items


def _format(value: float) -> str:
    return f"{value:g}".replace(".", ",")


# ---------------------------------------------------------------- helpers

_KIND_NAME = {"lesson": "bài học", "topic": "chuyên đề", None: "trang"}
