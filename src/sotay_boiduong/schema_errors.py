"""JSON Schema validation of YAML that editors write, told as `file:line: what — Cách sửa: how`.

Every data format an editor or organiser writes (lesson front matter, the document registry, the settings in
mkdocs.yml, a class file) has a schema under `schemas/`. `validate` checks a parsed YAML value against one of
them and turns each error into a `Problem` at the line of the YAML node it concerns, in Vietnamese, with the
schema's own `description` of the field as the fix. The wording is shared, so a wrong type or an unknown key
reads the same in every file. A property may give its own wording for a wrong value: `x-message` (with
`{value}`) and `x-fix` (JSON Schema ignores keywords it does not know).
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from referencing import Registry, Resource

from .problems import Problem

SCHEMAS = Path(__file__).parent / "schemas"

_TYPES = {
    "string": "một dòng chữ",
    "integer": "một số nguyên",
    "number": "một số",
    "array": "một danh sách (mỗi mục một dòng bắt đầu bằng '- ')",
    "object": "một nhóm các dòng `khoá: giá trị` thụt vào",
    "boolean": "true hoặc false",
}


@cache
def schema(name: str) -> dict[str, Any]:
    """A schema of `schemas/` by file name, e.g. "front-matter.schema.json"."""
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


@cache
def _registry() -> Registry:
    resources = [(path.name, Resource.from_contents(schema(path.name))) for path in sorted(SCHEMAS.glob("*.schema.json"))]
    return Registry().with_resources(resources)


def validate(
    name: str,
    data: Any,
    node: yaml.Node | None,
    path: str,
    *,
    pointer: str = "",
    first_line: int = 1,
    where: list | None = None,
    noun: str = "mẫu",
    root_line: int | None = None,
    label: str = "",
) -> list[Problem]:
    """Problems of `data` against schema `name` (optionally the subschema at JSON `pointer`, e.g.
    "#/$defs/lesson"). `node` is the YAML node of `data`, whose line marks count from `first_line`;
    `where` is the location of `data` in a larger document, for the field names in messages; `root_line` is
    the line to name for a problem of `data` as a whole (a missing field), if not the line where it starts;
    `label` names `data` at the start of every message ("văn bản `qd-29-2016`")."""
    root = schema(name)
    target = {"$ref": f"{name}{pointer}"} if pointer else {"$ref": name}
    validator = jsonschema.Draft202012Validator(target, registry=_registry())
    data = _as_json(data)
    return sorted(
        _problem(path, error, node, root, first_line=first_line, where=where or [], noun=noun, root_line=root_line, label=label)
        for error in validator.iter_errors(data)
    )


def invalid_keys(name: str, data: Any, *, pointer: str = "") -> set[str]:
    """The top-level keys of `data` that some error of the schema concerns ("" for the object as a whole)."""
    target = {"$ref": f"{name}{pointer}"} if pointer else {"$ref": name}
    validator = jsonschema.Draft202012Validator(target, registry=_registry())
    keys = set()
    data = _as_json(data)
    for error in validator.iter_errors(data):
        path = list(error.absolute_path)
        if path:
            keys.add(str(path[0]))
        elif error.validator == "additionalProperties":
            keys |= {str(key) for key in data if key not in _resolve(schema(name), error.schema).get("properties", {})}
        else:
            keys.add("")
    return keys


def _as_json(data: Any) -> Any:
    """YAML data as JSON sees it: mapping keys are strings (YAML reads `22: 5` with the number 22 as key,
    and the schema's patterns would fail on it with a TypeError instead of a message)."""
    if isinstance(data, dict):
        return {str(key): _as_json(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_as_json(value) for value in data]
    return data


def descriptions(name: str, pointer: str) -> dict[str, str]:
    """The description of each property of the object schema at `pointer`, in schema order."""
    root = schema(name)
    target = _resolve(root, {"$ref": pointer})
    return {key: _resolve(root, sub).get("description", "") for key, sub in target.get("properties", {}).items()}


def yaml_line(node: yaml.Node | None, location: list, first_line: int = 1, root_line: int | None = None) -> int:
    """File line of the YAML node at `location` (keys and list indexes), or of its nearest parent.

    For a mapping key the line of the key itself is given (where the editor reads the field's name);
    `root_line`, if given, is the line for `node` itself.
    """
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
        return first_line
    if current is node and root_line is not None:
        return root_line
    return current.start_mark.line + first_line


def field_name(location: list) -> str:
    """`objectives`, `review_questions` mục 3 → `answer`: how editors find a field in their file."""
    if not location:
        return "front matter"
    parts = [f"mục {step + 1}" if isinstance(step, int) else f"`{step}`" for step in location]
    return "trường " + " → ".join(parts)


# ---------------------------------------------------------------- helpers


def _resolve(root: dict[str, Any], subschema: dict[str, Any]) -> dict[str, Any]:
    """Follow local $ref links ("#/$defs/x" or "file.json#/$defs/x"), merging the referring schema's own
    keywords over the target's."""
    merged = dict(subschema)
    while "$ref" in merged:
        reference = merged.pop("$ref")
        document, _, fragment = reference.partition("#")
        target: Any = schema(document) if document else root
        for part in [p for p in fragment.split("/") if p]:
            target = target[part]
        merged = {**target, **merged}
    return merged


def _problem(path: str, error: jsonschema.ValidationError, node, root, *, first_line: int, where: list, noun: str, root_line: int | None, label: str) -> Problem:
    problem = _describe(error, root, where=where, noun=noun)
    location = list(error.absolute_path)
    line = yaml_line(node, problem[0], first_line, root_line) if problem[0] is not None else yaml_line(node, location, first_line, root_line)
    message = f"{label}: {problem[1]}" if label else problem[1]
    return Problem(path, line, message, problem[2])


def _describe(error: jsonschema.ValidationError, root, *, where: list, noun: str) -> tuple[list | None, str, str]:
    """(location to name the line of, or None for the error's own; message; fix) of one schema error."""
    location = list(error.absolute_path)
    name = field_name(where + location)
    resolved = _resolve(root, error.schema) if isinstance(error.schema, dict) else {}
    hint = resolved.get("description", "")
    keyword = error.validator
    if "x-message" in resolved and keyword not in ("required", "additionalProperties", "unevaluatedProperties"):
        return None, resolved["x-message"].format(value=error.instance), resolved.get("x-fix", hint)
    if keyword == "required":
        # jsonschema reports each missing property as its own error, naming it in the message.
        named = [f for f in error.validator_value if f not in error.instance and repr(f) in error.message]
        missing = named[0] if named else next(f for f in error.validator_value if f not in error.instance)
        described = _resolve(root, resolved.get("properties", {}).get(missing, {})).get("description", "")
        prefix = f"{name}: " if where + location else ""
        return None, f"{prefix}thiếu trường `{missing}`", f"thêm dòng `{missing}: …`" + (f" — {described}" if described else "")
    if keyword in ("additionalProperties", "unevaluatedProperties"):
        allowed = list(resolved.get("properties", {}))
        extra = [key for key in error.instance if key not in allowed]
        unknown = extra[0] if extra else "?"
        close = difflib.get_close_matches(str(unknown), allowed, n=1)
        fix = f"có phải là `{close[0]}`? " if close else ""
        inside = f" trong {name}" if where + location else ""
        return location + [unknown], f"trường lạ `{unknown}`{inside} không có trong {noun}", fix + "các trường hợp lệ: " + ", ".join(f"`{key}`" for key in allowed)
    if keyword == "type":
        wanted = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        return None, f"{name} phải là {_TYPES.get(wanted, wanted)}", hint or f"sửa theo {noun}"
    if keyword in ("minItems", "maxItems"):
        low, high = resolved.get("minItems"), resolved.get("maxItems")
        count = len(error.instance)
        wanted = f"từ {low} đến {high}" if low is not None and high is not None else (f"ít nhất {low}" if keyword == "minItems" else f"nhiều nhất {high}")
        return None, f"{name} cần {wanted} mục (đang có {count})", hint or "thêm hoặc bớt mục"
    if keyword in ("minLength", "maxLength"):
        limit, size = error.validator_value, len(error.instance)
        wanted = f"ít nhất {limit}" if keyword == "minLength" else f"tối đa {limit}"
        return None, f"{name} cần {wanted} ký tự (đang có {size})", hint or "viết lại cho đủ ý"
    if keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return None, f"{name} có giá trị {error.instance!r} nằm ngoài khoảng cho phép", hint or f"sửa theo {noun}"
    if keyword == "pattern":
        return None, f"{name} có giá trị \"{error.instance}\" không đúng dạng", hint or f"sửa theo {noun}"
    if keyword == "enum":
        choices = ", ".join(str(choice) for choice in error.validator_value)
        return None, f"{name} có giá trị \"{error.instance}\" không nằm trong danh sách cho phép", f"chọn một trong: {choices}" + (f" — {hint}" if hint else "")
    if keyword == "uniqueItems":
        return None, f"{name} có mục bị lặp lại", "xoá mục trùng"
    return None, f"{name}: {error.message}", hint or f"sửa theo {noun}"
