"""The handbook's own settings in mkdocs.yml (`extra.handbook`, `extra.edition`, `extra.ui`, `extra.pdf`),
read and checked once per language into a typed object.

The English build gets static-i18n's language overrides merged into `extra` (its `ui` and `pdf` strings),
so the settings are validated per language, against schemas/settings.schema.json: a missing interface
string, a topic code that is not a file, or HTML in a string fails with the line of mkdocs.yml to fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from . import schema_errors
from .htmlsafety import markup_in_text
from .problems import Problem

SCHEMA = "settings.schema.json"


@dataclass(frozen=True)
class Edition:
    """Which locality an edition is for ("" for the common edition), and which local topics it includes."""

    locality: str
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Settings:
    """One language's settings, as the hooks and templates use them."""

    language: str
    year: int
    editions: Mapping[str, str]  # edition key → path of its PDF in the language's folder
    status_checked: str
    pdf_path: str
    offline_path: str
    offline_open: Mapping[str, str]
    edition: Edition
    ui: Mapping[str, str]
    pdf: Mapping[str, str]


class SettingsError(ValueError):
    """The settings are wrong; `problems` say where and how to fix them."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def load(extra: Mapping[str, Any], language: str, *, config_path: str, config_text: str, topics_available: list[str], node_path: list | None = None) -> Settings:
    """Check `extra` (a language's merged `extra`) and return its Settings, or raise SettingsError.

    `node_path` is where this language's `extra` is written in mkdocs.yml (["extra"] for the default
    language; another language's overrides live under the i18n plugin's entry for it), to name the line.
    """
    data = {key: extra.get(key) for key in ("handbook", "edition", "ui", "pdf") if key in extra}
    node = _node_at(config_text, node_path or ["extra"]) or _node_at(config_text, ["extra"])
    problems = schema_errors.validate(SCHEMA, _plain(data), node, config_path, where=["extra"], noun="cấu hình sổ tay")
    if not problems:
        problems += _markup(data, node, config_path, [])
    if not problems:
        unknown = [slug for slug in data["edition"]["topics"] if slug not in topics_available]
        if unknown:
            line = schema_errors.yaml_line(node, ["edition", "topics"])
            problems.append(
                Problem(
                    config_path,
                    line,
                    f"extra.edition.topics nêu chuyên đề không có tệp: {', '.join(unknown)}",
                    f"tạo docs/chuyen-de/<mã>.md hoặc chọn trong: {', '.join(topics_available) or '(chưa có chuyên đề nào)'}",
                )
            )
    if problems:
        raise SettingsError(problems)
    handbook = data["handbook"]
    return Settings(
        language=language,
        year=handbook["year"],
        editions=dict(handbook["editions"]),
        status_checked=handbook["status_checked"],
        pdf_path=handbook["pdf_path"],
        offline_path=handbook["offline_path"],
        offline_open=dict(handbook["offline_open"]),
        edition=Edition(data["edition"]["locality"], tuple(data["edition"]["topics"])),
        ui=dict(data["ui"]),
        pdf=dict(data["pdf"]),
    )


def _markup(value: Any, node, config_path: str, where: list) -> list[Problem]:
    """Every text of the settings is printed into pages as it is: none may hold HTML (a `<script>` in the
    locality's name would run on every page)."""
    if isinstance(value, Mapping):
        return [p for key, item in value.items() for p in _markup(item, node, config_path, [*where, key])]
    if isinstance(value, (list, tuple)):
        return [p for index, item in enumerate(value) for p in _markup(item, node, config_path, [*where, index])]
    found = markup_in_text(value) if isinstance(value, str) else None
    if not found:
        return []
    return [Problem(config_path, schema_errors.yaml_line(node, where), f"extra.{'.'.join(map(str, where))} có mã HTML «{found}»", "viết chữ thường, không có thẻ hay mã HTML")]


def _plain(value: Any) -> Any:
    """MkDocs' config objects (LegacyConfig, dict subclasses) as plain dicts and lists, for the validator."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


@lru_cache(maxsize=8)
def _compose(text: str) -> yaml.Node | None:
    """mkdocs.yml composed once per build (every language's settings name their lines in it)."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None


def _node_at(text: str, path: list) -> yaml.Node | None:
    """The YAML node at `path` (keys and list indexes) in mkdocs.yml, composed only: its !ENV tags need
    no constructor."""
    node = _compose(text)
    for step in path:
        if isinstance(node, yaml.MappingNode):
            node = next((value for key, value in node.value if key.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return None
    return node
