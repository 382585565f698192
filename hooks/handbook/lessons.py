"""The lesson model: lessons (docs/bai-hoc/) and local topics (docs/chuyen-de/) share one front matter schema.

`validate_unit` checks one file's front matter against schemas/front-matter.schema.json and turns every
schema error into a `Problem` that names the line and the field in Vietnamese. `check_numbering` checks
the lesson numbers of one language: no duplicate, no gap. Nothing here knows MkDocs.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

import jsonschema
import yaml

from .problems import Problem
from .sources import split_front_matter
from .yamlio import parse

SCHEMA_PATH = Path(__file__).parent / "schemas" / "front-matter.schema.json"
LESSON_DIR = "bai-hoc"
TOPIC_DIR = "chuyen-de"

_TYPES = {
    "string": "một dòng chữ",
    "integer": "một số nguyên",
    "number": "một số",
    "array": "một danh sách (mỗi mục một dòng bắt đầu bằng '- ')",
    "object": "một nhóm các dòng `khoá: giá trị` thụt vào",
    "boolean": "true hoặc false",
}


@dataclass
class Unit:
    """A lesson or a local topic, as read from its front matter."""

    path: str
    src_uri: str
    kind: str  # "lesson" or "topic"
    data: dict[str, Any]
    key_lines: dict[str, int] = field(default_factory=dict)

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
    validator = jsonschema.Draft202012Validator(_schema()[kind], registry=_registry())
    problems = [_problem(path, kind, error, node) for error in validator.iter_errors(data)]
    if kind == "topic" and isinstance(data.get("topic"), str) and data["topic"] != PurePosixPath(src_uri).name.split(".")[0]:
        problems.append(
            Problem(
                path,
                _line(node, ["topic"]),
                f"trường `topic` là \"{data['topic']}\" nhưng tệp tên là {PurePosixPath(src_uri).name}",
                "đặt `topic` trùng tên tệp (không có đuôi .md, .en.md), hoặc đổi tên tệp cho khớp",
            )
        )
    unit = Unit(path, src_uri, kind, data, {key: _line(node, [key]) for key in data})
    return unit, tuple(sorted(problems))


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
    definitions = _schema()["$defs"]
    result = {}
    for name, subschema in definitions[kind]["properties"].items():
        resolved = _resolve(subschema)
        result[name] = resolved.get("description", "")
    return result


# ---------------------------------------------------------------- helpers

_KIND_NAME = {"lesson": "bài học", "topic": "chuyên đề", None: "trang"}


@cache
def _schema() -> dict[str, Any]:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return {
        "$defs": schema["$defs"],
        "lesson": {"$ref": "front-matter.schema.json#/$defs/lesson"},
        "topic": {"$ref": "front-matter.schema.json#/$defs/topic"},
    }


@cache
def _registry():
    from referencing import Registry, Resource

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return Registry().with_resource("front-matter.schema.json", Resource.from_contents(schema))


def _resolve(subschema: dict[str, Any]) -> dict[str, Any]:
    """Follow local $ref links, merging the referring schema's own keywords over the target's."""
    merged = dict(subschema)
    while "$ref" in merged:
        target = _schema()["$defs"][merged.pop("$ref").rsplit("/", 1)[1]]
        merged = {**target, **merged}
    return merged


def _problem(path: str, kind: str, error: jsonschema.ValidationError, node: yaml.Node) -> Problem:
    location = list(error.absolute_path)
    line = _line(node, location)
    name = _field_name(location)
    schema = _resolve(error.schema) if isinstance(error.schema, dict) else {}
    hint = schema.get("description", "")
    keyword = error.validator
    if keyword == "required":
        # jsonschema reports each missing property as its own error, naming it in the message.
        named = [f for f in error.validator_value if f not in error.instance and repr(f) in error.message]
        missing = named[0] if named else next(f for f in error.validator_value if f not in error.instance)
        where = f"{name}: " if location else ""
        description = field_descriptions(kind).get(missing, "") if not location else ""
        return Problem(
            path,
            line,
            f"{where}thiếu trường `{missing}`",
            f"thêm dòng `{missing}: …`" + (f" — {description}" if description else ""),
        )
    if keyword == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extra = [key for key in error.instance if key not in allowed]
        unknown = extra[0] if extra else "?"
        line = _line(node, location + [unknown])
        close = difflib.get_close_matches(unknown, allowed, n=1)
        fix = f"có phải là `{close[0]}`? " if close else ""
        return Problem(
            path,
            line,
            f"trường lạ `{unknown}`" + (f" trong {name}" if location else "") + " không có trong mẫu bài học",
            fix + "các trường hợp lệ: " + ", ".join(f"`{key}`" for key in allowed),
        )
    if keyword == "type":
        wanted = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        return Problem(path, line, f"{name} phải là {_TYPES.get(wanted, wanted)}", hint or "sửa theo mẫu bài học")
    if keyword in ("minItems", "maxItems"):
        low, high = schema.get("minItems"), schema.get("maxItems")
        count = len(error.instance)
        wanted = f"từ {low} đến {high}" if low is not None and high is not None else (
            f"ít nhất {low}" if keyword == "minItems" else f"nhiều nhất {high}"
        )
        return Problem(path, line, f"{name} cần {wanted} mục (đang có {count})", hint or "thêm hoặc bớt mục")
    if keyword in ("minLength", "maxLength"):
        limit = error.validator_value
        size = len(error.instance)
        wanted = f"ít nhất {limit}" if keyword == "minLength" else f"tối đa {limit}"
        return Problem(path, line, f"{name} cần {wanted} ký tự (đang có {size})", hint or "viết lại cho đủ ý")
    if keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return Problem(path, line, f"{name} có giá trị {error.instance!r} nằm ngoài khoảng cho phép", hint)
    if keyword == "pattern":
        return Problem(path, line, f"{name} có giá trị \"{error.instance}\" không đúng dạng", hint)
    if keyword == "uniqueItems":
        return Problem(path, line, f"{name} có mục bị lặp lại", "xoá mục trùng")
    return Problem(path, line, f"{name}: {error.message}", hint or "sửa theo mẫu bài học")


def _field_name(location: list) -> str:
    """`objectives`, `review_questions` mục 3 → `answer`: how editors find a field in their file."""
    if not location:
        return "front matter"
    parts = []
    for step in location:
        if isinstance(step, int):
            parts.append(f"mục {step + 1}")
        else:
            parts.append(f"`{step}`")
    return "trường " + " → ".join(parts)


def _line(node: yaml.Node | None, location: list) -> int:
    """File line (front matter starts on line 2) of the YAML node at `location`, or its nearest parent."""
    current = node
    for step in location:
        child = None
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                if key.value == step:
                    child = key if step == location[-1] else value
                    break
        elif isinstance(current, yaml.SequenceNode) and isinstance(step, int) and step < len(current.value):
            child = current.value[step]
        if child is None:
            break
        current = child
    if current is None:
        return 1
    return current.start_mark.line + 2 if current is not node else 1
