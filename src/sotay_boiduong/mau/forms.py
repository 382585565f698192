"""The forms of the model papers: docs/_data/mau-bieu.yml, checked, and each form seen in one language.

One definition per form: its fields, in order, each with its label in both languages. The web page's tables,
the printed blank form and the .docx file are all made from `view(form, language)`, and a filled example
from `view(form, language, values)`, so they cannot disagree. The kinds of field:

    letterhead  the paper's heading (style `dang`: superior organisation, cell, the Party's name, place and
                date; style `lop`: the organising body and the class)
    subtitle    a line under the paper's title to fill in ("Về nhiệm vụ tháng …… năm 20……")
    section     a heading inside the form
    text        one line (type text, number or date)
    lines       several lines to write on
    table       a register: columns and blank rows
    grid        rows printed in advance (a checklist with `tick`, a rating with `scale`, or columns to fill)
    choice      options to tick (`many` for more than one)
    signatures  who signs

A field may be computed (`compute`) from others rather than typed: the end of probation from the admission
ceremony, the fewest votes in favour from the number of full members, whether a vote carried. Those use
sotay_boiduong.mau.votes, the same functions as the vote table and the check of the lessons' figures.
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import schema_errors
from ..documents import format_date
from ..languages import format_number
from ..problems import Problem
from ..yamlio import duplicate_keys, parse, parse_date
from . import votes

DATA = "_data/mau-bieu.yml"  # under docs/
SCHEMA = "mau-bieu.schema.json"
LANGUAGES = ("vi", "en")
KINDS_WITH_VALUES = ("letterhead", "subtitle", "text", "lines", "table", "grid", "choice", "signatures")
LETTERHEAD_PARTS = {"dang": ("cap_tren", "to_chuc", "noi", "ngay"), "lop": ("co_quan", "lop")}
# The words the code itself uses around the forms (docs/_data/mau-bieu.yml `words:`).
WORDS = (
    "kicker", "status", "no_official", "purpose", "when", "by", "rules", "lessons", "download",
    "example", "example_good", "example_poor", "invented", "blank_form", "left_blank", "tick", "item", "ticked", "signature_hint",
    "party_name", "place_date", "superior_blank", "cell_blank", "organiser_blank", "class_blank", "scale_hint",
    "vote_pass", "vote_fail", "members", "more_than_half", "two_thirds", "vote_table_caption", "group_cell",
    "group_class", "appeal_title", "appeal_received", "appeal_month", "appeal_practice", "appeal_five_weeks",
    "many_hint", "model_field",
)  # fmt: skip
_VOTE_RULE = {"qua-nua": votes.MORE_THAN_HALF, "hai-phan-ba": votes.TWO_THIRDS}


@dataclass(frozen=True)
class Field:
    """One field of a form, as the definition writes it (labels in both languages)."""

    id: str
    kind: str
    data: Mapping[str, Any]
    line: int

    def label(self, language: str) -> str:
        return (self.data.get("label") or {}).get(language, "")

    @property
    def columns(self) -> list[Mapping[str, Any]]:
        return list(self.data.get("columns") or ())

    @property
    def items(self) -> list[Mapping[str, Any]]:
        return list(self.data.get("items") or ())

    @property
    def computed(self) -> bool:
        return "compute" in self.data


@dataclass(frozen=True)
class Form:
    id: str
    title: Mapping[str, str]
    subtitle: Mapping[str, str] | None
    fields: tuple[Field, ...]
    line: int

    def field(self, field_id: str) -> Field | None:
        return next((f for f in self.fields if f.id == field_id), None)


@dataclass
class Definitions:
    """Every form and the words around them; `path` names the data file in messages."""

    path: str
    forms: dict[str, Form] = field(default_factory=dict)
    words: dict[str, Mapping[str, str]] = field(default_factory=dict)

    def word(self, key: str, language: str) -> str:
        return self.words[key][language]


def load(path: str, text: str, *, rubric: list[Mapping[str, Any]] | None = None, evaluation: Mapping[str, Mapping[str, str]] | None = None) -> tuple[Definitions | None, list[Problem]]:
    """docs/_data/mau-bieu.yml checked: the schema, then what a schema cannot say (ids used twice, a computed
    field reading a field that does not exist, words the pages need). `rubric` and `evaluation` are the data
    that `items_from` names: the thu hoạch rubric and the class evaluation form's items by language."""
    try:
        data, node = parse(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return None, [Problem(path, (mark.line + 1) if mark else 1, "tệp mẫu biểu không phải YAML hợp lệ", "thụt lề bằng dấu cách, đặt chữ có dấu hai chấm trong ngoặc kép")]
    problems = [Problem(path, line + 1, f"trường `{key}` viết hai lần (dòng {first + 1} và dòng {line + 1})", "xoá một trong hai dòng") for key, line, first in duplicate_keys(node)]
    if not isinstance(data, dict):
        return None, problems + [Problem(path, 1, "tệp mẫu biểu phải là các dòng `khoá: giá trị`", "bắt đầu bằng `words:` và `forms:` như tệp trong kho mã nguồn")]
    problems += schema_errors.validate(SCHEMA, data, node, path, noun="tệp mẫu biểu")
    if problems:
        return None, problems
    line = lambda *where: schema_errors.yaml_line(node, list(where))  # noqa: E731
    missing = [key for key in WORDS if key not in data["words"]]
    problems += [Problem(path, line("words"), f"thiếu chữ `{key}` trong `words`", f"thêm `{key}: {{vi: …, en: …}}` vào `words`") for key in missing]
    definitions = Definitions(path, words=dict(data["words"]))
    for index, raw in enumerate(data["forms"]):
        if raw["id"] in definitions.forms:
            problems.append(Problem(path, line("forms", index, "id"), f"mẫu `{raw['id']}` viết hai lần", "đổi mã của một trong hai mẫu"))
            continue
        fields = []
        for position, raw_field in enumerate(raw["fields"]):
            resolved = _resolve_items(raw_field, rubric, evaluation)
            fields.append(Field(raw_field["id"], raw_field["kind"], resolved, line("forms", index, "fields", position)))
        form = Form(raw["id"], raw["title"], raw.get("subtitle"), tuple(fields), line("forms", index))
        problems += _check_form(path, form, node, index)
        definitions.forms[form.id] = form
    return (None if problems else definitions), problems


def load_file(docs_dir: str | Path, shown: str, **data) -> tuple[Definitions | None, list[Problem]]:
    """The definitions of a site (docs/_data/mau-bieu.yml), or none when the site has no such file."""
    path = Path(docs_dir) / DATA
    if not path.is_file():
        return None, []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return None, [Problem(shown, 1, "tệp mẫu biểu không được lưu ở mã UTF-8", "lưu lại tệp với mã UTF-8")]
    return load(shown, text, **data)


# ---------------------------------------------------------------- one form in one language


def view(form: Form, definitions: Definitions, language: str, values: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The form in `language` as plain data for a template or the .docx writer: blank, or filled with an
    example's `values` (already checked by sotay_boiduong.mau.models), computed fields worked out."""
    word = lambda key: definitions.word(key, language)  # noqa: E731
    filled = values is not None
    values = values or {}
    fields = []
    for item in form.fields:
        data = item.data
        shown: dict[str, Any] = {"id": item.id, "kind": item.kind, "label": item.label(language), "hint": _text(data.get("hint"), language)}
        value = _computed(item, form, values, language, word) if item.computed and filled else values.get(item.id)
        if item.kind == "letterhead":
            shown["style"] = data["style"]
            shown["parts"] = _letterhead(data["style"], value or {}, language, word, filled)
        elif item.kind == "subtitle":
            shown["value"] = str(value).strip() if filled and value else shown["label"]
        elif item.kind in ("text", "lines"):
            shown["value"] = _format(value, data.get("type", "text"), language)
            shown["lines"] = data.get("lines", 1 if item.kind == "text" else 4)
            shown["paragraphs"] = _paragraphs(shown["value"])
        elif item.kind == "table":
            columns = _with_shares([_column(c, language) for c in item.columns])
            rows = [_table_row(item, row, language) for row in value or []] if filled else [["" for _ in columns] for _ in range(data["rows"])]
            shown.update(columns=columns, rows=rows)
        elif item.kind == "grid":
            shown.update(_grid(item, value or {}, language, word))
        elif item.kind == "choice":
            chosen = set(value if isinstance(value, list) else [value] if value else [])
            shown["options"] = [{"label": _text(o["label"], language), "chosen": o["id"] in chosen} for o in item.items]
            shown["many"] = bool(data.get("many"))
        elif item.kind == "signatures":
            shown["signers"] = [{"label": _text(s["label"], language), "name": str((value or {}).get(s["id"], ""))} for s in data["signers"]]
        fields.append(shown)
    return {
        "id": form.id,
        "title": form.title[language],
        "subtitle": form.subtitle[language] if form.subtitle else "",
        "filled": filled,
        "fields": fields,
        "blocks": _blocks(fields),
        "words": {key: definitions.word(key, language) for key in definitions.words},
    }


def value_fields(form: Form) -> dict[str, Field]:
    """The fields an example may give a value to: everything but section headings and computed fields."""
    return {f.id: f for f in form.fields if f.kind in KINDS_WITH_VALUES and not f.computed}


def suggestion(wrong: str, allowed) -> str:
    close = difflib.get_close_matches(wrong, list(allowed), n=1)
    return f"có phải là `{close[0]}`? " if close else ""


# ---------------------------------------------------------------- helpers


def _blocks(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The fields as the page shows them: the title after the letterhead (or first), and consecutive one-line
    fields in one table of two columns, label and value."""
    blocks: list[dict[str, Any]] = []
    for shown in fields:
        if shown["kind"] == "letterhead":
            blocks += [{"kind": "letterhead", "field": shown}, {"kind": "title"}]
        elif shown["kind"] == "text" and blocks and blocks[-1]["kind"] == "texts":
            blocks[-1]["fields"].append(shown)
        elif shown["kind"] == "text":
            blocks.append({"kind": "texts", "fields": [shown]})
        else:
            blocks.append({"kind": shown["kind"], "field": shown})
    if not any(block["kind"] == "title" for block in blocks):
        blocks.insert(0, {"kind": "title"})
    return blocks


def _paragraphs(value: str) -> list[list[str]]:
    """A written value as paragraphs (split at blank lines) of lines."""
    return [[row.strip() for row in part.split("\n") if row.strip()] for part in value.split("\n\n") if part.strip()]


def _with_shares(columns: list[dict[str, Any]], first: int = 0, units: int = 20) -> list[dict[str, Any]]:
    """Each column's share of the table's width in steps of 5 % (the stylesheets' classes handbook-w-5 to -95),
    in proportion to its `width`, the shares adding up to `units` steps (100 %); `first` is the weight of a
    printed label column before them, whose share `label_share` gives."""
    weights = ([first] if first else []) + [c["width"] for c in columns]
    total = sum(weights) or 1
    exact = [units * w / total for w in weights]
    shares = [max(1, int(x)) for x in exact]
    for index in sorted(range(len(weights)), key=lambda i: exact[i] - int(exact[i]), reverse=True):
        if sum(shares) >= units:
            break
        shares[index] += 1
    for column, share in zip(columns, shares[1:] if first else shares, strict=True):
        column["pct"] = 5 * share
    return columns


def label_share(columns: list[dict[str, Any]], first: int, units: int) -> int:
    """The share (in %) of a grid's label column, as `_with_shares` leaves it."""
    return max(5, 5 * units - sum(c["pct"] for c in columns))


def _text(both: Mapping[str, str] | None, language: str) -> str:
    return both[language] if both else ""


def _column(column: Mapping[str, Any], language: str) -> dict[str, Any]:
    return {"id": column["id"], "label": column["label"][language], "hint": _text(column.get("hint"), language), "width": column.get("width", 2)}


def _format(value: Any, kind: str, language: str) -> str:
    if value is None or value == "":
        return ""
    if kind == "date":
        return format_date(str(value), language)
    if kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value, language)
    return str(value).strip()


def _table_row(item: Field, row: Mapping[str, Any], language: str) -> list[str]:
    cells = []
    for column in item.columns:
        compute = column.get("compute")
        if compute and compute["rule"] == "probation-end":
            ceremony = parse_date(row.get(compute["from"]))
            cells.append(format_date(votes.probation_end(ceremony).isoformat(), language) if ceremony else "")
        else:
            cells.append(_format(row.get(column["id"]), column.get("type", "text"), language))
    return cells


def _grid(item: Field, value: Mapping[str, Any], language: str, word) -> dict[str, Any]:
    data = item.data
    scale = data.get("scale")
    units = 19 if data.get("tick") else 20  # the tick column takes one step of 5 %
    columns = _with_shares([_column(c, language) for c in item.columns], first=6, units=units)
    if scale:
        columns = [{"id": str(n), "label": str(n), "hint": "", "width": 1, "pct": 5} for n in range(1, scale + 1)]
    rows = []
    for row in item.items:
        given = value.get(row["id"])
        if scale:
            cells = [str(n) for n in range(1, scale + 1)]
            rows.append({"label": _text(row["label"], language), "tick": None, "cells": cells, "rated": str(given) if given is not None else ""})
            continue
        given = given if isinstance(given, Mapping) else {}
        printed = row.get("cells") or {}
        cells = [printed[c["id"]][language] if c["id"] in printed else _format(given.get(c["id"]), c.get("type", "text"), language) for c in item.columns]
        rows.append({"label": _text(row["label"], language), "tick": bool(given.get("done")) if data.get("tick") else None, "cells": cells, "rated": ""})
    label_pct = label_share(columns, 6, units) if not scale else 100 - 5 * scale
    return {"columns": columns, "rows": rows, "tick": bool(data.get("tick")), "scale": scale or 0, "label_pct": label_pct}


def _letterhead(style: str, value: Mapping[str, Any], language: str, word, filled: bool) -> dict[str, str]:
    if style == "dang":
        day = parse_date(value.get("ngay"))
        place = str(value.get("noi", "")).strip()
        dated = _place_and_date(place, day, language) if filled and day else word("place_date")
        return {
            "superior": str(value.get("cap_tren", "")).strip().upper() or word("superior_blank"),
            "organisation": str(value.get("to_chuc", "")).strip().upper() or word("cell_blank"),
            "party": word("party_name"),
            "dated": dated,
        }
    return {"superior": str(value.get("co_quan", "")).strip().upper() or word("organiser_blank"), "organisation": str(value.get("lop", "")).strip() or word("class_blank"), "party": "", "dated": ""}


def _place_and_date(place: str, day: datetime.date, language: str) -> str:
    if language == "vi":
        return f"{place}, ngày {day.day} tháng {day.month} năm {day.year}"
    return f"{place}, {format_date(day.isoformat(), language)}"


def _computed(item: Field, form: Form, values: Mapping[str, Any], language: str, word) -> str:
    compute = item.data["compute"]
    if compute["rule"] == "probation-end":
        ceremony = parse_date(values.get(compute.get("from")))
        return format_date(votes.probation_end(ceremony).isoformat(), language) if ceremony else ""
    members = values.get(compute.get("from"))
    if not isinstance(members, int) or isinstance(members, bool) or members < 1:
        return ""
    rule = _VOTE_RULE[compute.get("vote", "hai-phan-ba")]
    needed = votes.needed(rule, members)
    if compute["rule"] == "votes-needed":
        return format_number(needed, language)
    in_favour = values.get(compute.get("in_favour"))
    if not isinstance(in_favour, int):
        return ""
    key = "vote_pass" if votes.passes(rule, members, in_favour) else "vote_fail"
    return word(key).format(in_favour=in_favour, members=members, needed=needed)


def _resolve_items(raw: Mapping[str, Any], rubric, evaluation) -> Mapping[str, Any]:
    source = raw.get("items_from")
    if not source:
        return raw
    if source == "thu-hoach:rubric":
        items = [
            {"id": f"tieu_chi_{n}", "label": r["criterion"], "cells": {"yeu_cau": r["requirement"], "diem_toi_da": {lang: format_number(r["points"], lang) for lang in LANGUAGES}}}
            for n, r in enumerate(rubric or (), start=1)
        ]
    else:
        key = source.split(":", 1)[1]
        lists = {lang: (evaluation or {}).get(lang, {}).get(key, "").split("|") for lang in LANGUAGES}
        items = [{"id": f"cau_{n}", "label": {"vi": vi, "en": en}} for n, (vi, en) in enumerate(zip(lists["vi"], lists["en"], strict=False), start=1) if vi and en]
    return {**raw, "items": items}


def _check_form(path: str, form: Form, node, index: int) -> list[Problem]:
    problems = []
    ids: dict[str, int] = {}
    for position, item in enumerate(form.fields):
        where = ["forms", index, "fields", position]
        if item.id in ids:
            problems.append(Problem(path, item.line, f"mẫu `{form.id}`: trường `{item.id}` viết hai lần (dòng {ids[item.id]})", "đổi mã của một trong hai trường"))
        ids.setdefault(item.id, item.line)
        if item.kind == "letterhead" and position != 0:
            problems.append(Problem(path, item.line, f"mẫu `{form.id}`: tiêu đề giấy (`kind: letterhead`) phải là trường đầu tiên", "chuyển trường này lên đầu danh sách `fields`"))
        for key in ("columns", "items", "signers"):
            seen = set()
            for entry_index, entry in enumerate(item.data.get(key) or ()):
                if entry["id"] in seen:
                    problems.append(Problem(path, schema_errors.yaml_line(node, [*where, key, entry_index, "id"]), f"mẫu `{form.id}`, trường `{item.id}`: mã `{entry['id']}` trong `{key}` viết hai lần", "đổi một trong hai mã"))
                seen.add(entry["id"])
        if item.kind == "grid" and item.data.get("items_from") == "thu-hoach:rubric":
            missing = {"yeu_cau", "diem_toi_da"} - {c["id"] for c in item.columns}
            if missing:
                problems.append(Problem(path, item.line, f"mẫu `{form.id}`, trường `{item.id}`: các dòng lấy từ thang chấm thu hoạch cần cột {', '.join(f'`{m}`' for m in sorted(missing))}", "thêm cột `yeu_cau` (yêu cầu) và `diem_toi_da` (điểm tối đa) vào `columns`"))
        problems += _check_compute(path, form, item, node, where)
    return problems


def _check_compute(path: str, form: Form, item: Field, node, where: list) -> list[Problem]:
    problems = []
    for column_index, column in enumerate(item.columns):
        compute = column.get("compute")
        if not compute:
            continue
        line = schema_errors.yaml_line(node, [*where, "columns", column_index, "compute"])
        source = next((c for c in item.columns if c["id"] == compute.get("from")), None)
        if compute["rule"] != "probation-end":
            problems.append(Problem(path, line, f"mẫu `{form.id}`: một cột chỉ tính được `probation-end`", "dùng `rule: probation-end`, hoặc đưa phép tính vào một trường riêng"))
        elif source is None or source.get("type") != "date":
            problems.append(Problem(path, line, f"mẫu `{form.id}`: `from: {compute.get('from')}` phải là một cột ngày (`type: date`) của cùng bảng", "đặt `from` là mã cột ghi ngày lễ kết nạp"))
    compute = item.data.get("compute")
    if compute:
        line = schema_errors.yaml_line(node, [*where, "compute"])
        names = {f.id: f for f in form.fields}
        if compute["rule"] == "probation-end":
            target = names.get(compute.get("from"))
            if target is None or target.data.get("type") != "date":
                problems.append(Problem(path, line, f"mẫu `{form.id}`, trường `{item.id}`: `from: {compute.get('from')}` phải là một trường ngày (`type: date`) của mẫu", f"{suggestion(str(compute.get('from')), names)}đặt `from` là mã của trường ghi ngày lễ kết nạp"))
            return problems
        needs = ["from"] + (["in_favour"] if compute["rule"] == "vote-result" else [])
        for key in needs:
            target = names.get(compute.get(key))
            if target is None or target.data.get("type") != "number":
                problems.append(Problem(path, line, f"mẫu `{form.id}`, trường `{item.id}`: `{key}: {compute.get(key)}` phải là một trường số (`type: number`) của mẫu", f"{suggestion(str(compute.get(key)), names)}đặt `{key}` là mã của trường ghi số"))
        if "vote" not in compute:
            problems.append(Problem(path, line, f"mẫu `{form.id}`, trường `{item.id}`: thiếu `vote`", "thêm `vote: hai-phan-ba` hoặc `vote: qua-nua`"))
    return problems
