"""YAML parsing shared by every check, once per text: libyaml's C parser when PyYAML has it, cached.

A lesson's front matter is read by several checks in one build (source checks, the lesson model, the
citations); parsing it once and with the C parser keeps `mkdocs serve` quick.

Dates stay text: PyYAML would turn `2025-02-30` into a ValueError with no line, and `2025-05-26` into a
date object that no JSON Schema accepts as a string. The checks validate dates themselves (`parse_date`)
and name the line.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Any

import yaml

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(_BASE):  # type: ignore[misc, valid-type]
    """The safe loader without the implicit timestamp type: a date is read as the text the editor wrote."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in _BASE.yaml_implicit_resolvers.items()
    }


@lru_cache(maxsize=512)
def parse(source: str) -> tuple[Any, yaml.Node | None]:
    """(data, node tree with line marks) of a YAML text; raises yaml.YAMLError like yaml.safe_load.

    The data must be treated as read-only: the same objects are returned for the same text.
    """
    node = yaml.compose(source, Loader=_Loader)
    if node is None:
        return None, None
    loader = _Loader("")
    try:
        return loader.construct_document(node), node
    finally:
        loader.dispose()


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(value: Any) -> datetime.date | None:
    """A "YYYY-MM-DD" text as a date; None if it is not one, or names a day that does not exist."""
    match = _DATE.match(str(value)) if value is not None else None
    if not match:
        return None
    try:
        return datetime.date(*map(int, match.groups()))
    except ValueError:
        return None


def duplicate_keys(node: yaml.Node | None) -> list[tuple[str, int, int]]:
    """(key, line of the repeated key, line of its first use) for every key written twice in one mapping.

    YAML keeps the last value silently; an editor who copied a line and changed only one copy would not
    know which one counts. Lines count from 0, as YAML marks do.
    """
    found: list[tuple[str, int, int]] = []
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in current.value:
                name = str(key.value)
                if name in seen:
                    found.append((name, key.start_mark.line, seen[name]))
                else:
                    seen[name] = key.start_mark.line
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return sorted(found, key=lambda item: item[1])
