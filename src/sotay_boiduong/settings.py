"""The handbook's settings, read and checked once per language into a typed object:

- mkdocs.yml's `extra.handbook` and `extra.edition` (schemas/settings.schema.json);
- the language's interface strings, docs/_data/giao-dien/<language>.yml: the site's `ui` and the printed
  books' `pdf` (schemas/strings.schema.json);
- the printed editions, docs/_data/an-ban.yml, each defined once (schemas/editions.schema.json).

A missing string, a topic code that is not a file, a topic file in neither of the edition's lists, or HTML in
a string fails with the file, the line and the fix.
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
from .yamlio import parse

SCHEMA = "settings.schema.json"
STRINGS_SCHEMA = "strings.schema.json"
EDITIONS_SCHEMA = "editions.schema.json"
STRINGS = "_data/giao-dien/{language}.yml"  # under docs/
EDITIONS = "_data/an-ban.yml"


@dataclass(frozen=True)
class Edition:
    """Which locality an edition is for ("" for the common edition), and which local topics it includes."""

    locality: str
    topics: tuple[str, ...]
    topics_left_out: tuple[str, ...] = ()


@dataclass(frozen=True)
class PrintEdition:
    """One printed edition (docs/_data/an-ban.yml), with its words in the language being built."""

    key: str
    file: str
    page_size: str  # A4 | A5
    audience: str  # hoc-vien | giang-vien | duyet
    booklet: bool
    offline: bool
    button: str  # on the site's download list
    running: str  # on the cover and in the running head
    note: str  # who it is for, on the cover and in the imprint

    @property
    def lecturer(self) -> bool:
        """It carries what is for lecturers (their notes, the session plans, the keys to the cases)."""
        return self.audience in ("giang-vien", "duyet")

    @property
    def proof(self) -> bool:
        """The editors' proof, not for release: it carries the notes on the facts still open."""
        return self.audience == "duyet"

    @property
    def body_size(self) -> str:
        return "9.5pt" if self.page_size == "A5" else "10.5pt"


@dataclass(frozen=True)
class Settings:
    """One language's settings, as the hooks and templates use them."""

    language: str
    year: int
    editions: tuple[PrintEdition, ...]
    status_checked: str
    pdf_path: str
    offline_path: str
    offline_open: Mapping[str, str]
    edition: Edition
    ui: Mapping[str, str]
    pdf: Mapping[str, str]

    @property
    def edition_files(self) -> dict[str, str]:
        """Edition key → the path of its PDF in the language's folder."""
        return {edition.key: edition.file for edition in self.editions}

    @property
    def offline_edition(self) -> PrintEdition:
        return next(edition for edition in self.editions if edition.offline)


class SettingsError(ValueError):
    """The settings are wrong; `problems` say where and how to fix them."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class DataFile:
    """A data file the settings read: its path as editors see it, and its text (None: it is missing)."""

    path: str
    text: str | None


def load(
    extra: Mapping[str, Any],
    language: str,
    *,
    config_path: str,
    config_text: str,
    topics_available: list[str],
    strings: DataFile,
    editions: DataFile,
    node_path: list | None = None,
) -> Settings:
    """Check `extra` (mkdocs.yml's, as the language's build sees it), the language's strings and the editions,
    and return the Settings, or raise SettingsError naming every mistake.

    `node_path` is where this language's `extra` is written in mkdocs.yml (["extra"] for the default
    language; another language's overrides live under the i18n plugin's entry for it), to name the line.
    """
    data = {key: extra.get(key) for key in ("handbook", "edition") if key in extra}
    node = _node_at(config_text, node_path or ["extra"]) or _node_at(config_text, ["extra"])
    problems = schema_errors.validate(SCHEMA, _plain(data), node, config_path, where=["extra"], noun="cấu hình sổ tay")
    if not problems:
        problems += _markup(data, node, config_path, [])
    if not problems:
        problems += _topics(data["edition"], topics_available, node, config_path)
    words, word_problems = _data_file(strings, STRINGS_SCHEMA, "chữ giao diện", f"tạo tệp này theo mẫu docs/_data/giao-dien/vi.yml, với các khoá `ui` và `pdf` bằng tiếng {language}")
    printed, edition_problems = _data_file(editions, EDITIONS_SCHEMA, "danh sách ấn bản in", "tạo tệp này với mỗi ấn bản một mục (id, file, page_size, audience, booklet, offline, labels)")
    problems += word_problems + edition_problems
    if printed is not None and not edition_problems:
        problems += _editions(printed, editions.path)
    if problems:
        raise SettingsError(problems)
    handbook = data["handbook"]
    return Settings(
        language=language,
        year=handbook["year"],
        editions=tuple(PrintEdition(e["id"], e["file"], e["page_size"], e["audience"], e["booklet"], e["offline"], **e["labels"][language]) for e in printed),
        status_checked=handbook["status_checked"],
        pdf_path=handbook["pdf_path"],
        offline_path=handbook["offline_path"],
        offline_open=dict(handbook["offline_open"]),
        edition=Edition(data["edition"]["locality"], tuple(data["edition"]["topics"]), tuple(data["edition"]["topics_left_out"])),
        ui=dict(words["ui"]),
        pdf=dict(words["pdf"]),
    )


def _topics(edition: Mapping[str, Any], available: list[str], node, config_path: str) -> list[Problem]:
    """Each topic the edition names has a file, and each topic file is named, in `topics` or `topics_left_out`."""
    problems = []
    for key in ("topics", "topics_left_out"):
        unknown = [slug for slug in edition[key] if slug not in available]
        if unknown:
            problems.append(
                Problem(
                    config_path,
                    schema_errors.yaml_line(node, ["edition", key]),
                    f"extra.edition.{key} nêu chuyên đề không có tệp: {', '.join(unknown)}",
                    f"tạo docs/chuyen-de/<mã>.md hoặc chọn trong: {', '.join(available) or '(chưa có chuyên đề nào)'}",
                )
            )
    both = sorted(set(edition["topics"]) & set(edition["topics_left_out"]))
    if both:
        problems.append(Problem(config_path, schema_errors.yaml_line(node, ["edition", "topics_left_out"]), f"chuyên đề {', '.join(both)} vừa ở `topics` vừa ở `topics_left_out`", "để mỗi mã ở một danh sách"))
    forgotten = [slug for slug in available if slug not in edition["topics"] and slug not in edition["topics_left_out"]]
    if forgotten:
        problems.append(
            Problem(
                config_path,
                schema_errors.yaml_line(node, ["edition", "topics"]),
                f"có tệp chuyên đề {', '.join(f'docs/chuyen-de/{slug}.md' for slug in forgotten)} nhưng ấn bản không nêu trong `topics`, nên chuyên đề đó sẽ vắng mặt khỏi trang web và sổ tay",
                f"thêm {', '.join(forgotten)} vào extra.edition.topics để đưa vào ấn bản, hoặc vào extra.edition.topics_left_out nếu chủ ý bỏ ra",
            )
        )
    return problems


def _data_file(source: DataFile, schema: str, noun: str, fix_missing: str) -> tuple[Any, list[Problem]]:
    if source.text is None:
        return None, [Problem(source.path, 1, f"không có tệp {noun}", fix_missing)]
    try:
        data, node = parse(source.text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return None, [Problem(source.path, (mark.line + 1) if mark else 1, f"{noun} không phải YAML hợp lệ ({getattr(error, 'problem', error)})", "sửa theo mẫu các dòng đã có; thụt lề bằng dấu cách")]
    problems = schema_errors.validate(schema, data, node, source.path, noun=noun)
    if not problems:
        problems += _markup(data, node, source.path, [])
    return (data if not problems else None), problems


def _editions(printed: list, path: str) -> list[Problem]:
    problems, seen = [], set()
    for entry in printed:
        if entry["id"] in seen:
            problems.append(Problem(path, 1, f"ấn bản `{entry['id']}` có hai lần", "đặt cho mỗi ấn bản một mã riêng"))
        seen.add(entry["id"])
    offline = [entry["id"] for entry in printed if entry["offline"]]
    if len(offline) != 1:
        problems.append(Problem(path, 1, f"cần đúng một ấn bản có `offline: true` (đang có {len(offline)})", "đặt `offline: true` cho ấn bản đi kèm bản đọc ngoại tuyến (sổ tay học viên A4), `false` cho các ấn bản khác"))
    return problems


def _markup(value: Any, node, config_path: str, where: list) -> list[Problem]:
    """Every text of the settings is printed into pages as it is: none may hold HTML (a `<script>` in the
    locality's name would run on every page)."""
    prefix = "extra." if config_path.endswith("mkdocs.yml") else ""
    if isinstance(value, Mapping):
        return [p for key, item in value.items() for p in _markup(item, node, config_path, [*where, key])]
    if isinstance(value, (list, tuple)):
        return [p for index, item in enumerate(value) for p in _markup(item, node, config_path, [*where, index])]
    found = markup_in_text(value) if isinstance(value, str) else None
    if not found:
        return []
    return [Problem(config_path, schema_errors.yaml_line(node, where), f"{prefix}{'.'.join(map(str, where))} có mã HTML «{found}»", "viết chữ thường, không có thẻ hay mã HTML")]


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
