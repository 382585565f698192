"""A model page (docs/mau/<name>.md): its front matter, its filled examples and where its parts go.

`validate` checks a page's front matter against schemas/model.schema.json, then what the schema cannot know:
the form it names exists; every field an example fills is a field of that form (a name the form lacks is a
problem at its line, with the nearest name as a hint), with a value of the field's kind; a computed field is
not typed; a vote does not have more votes than members; the paper of a class is printed only in the
lecturer's handbook and a cell's paper in the learners' too; the page's own markers are known. Nothing here
knows MkDocs.

Markers an editor may place in the body (each on a line of its own; without them the examples follow the
body in their order, then the blank form):
    <!-- handbook:example ID -->               one example, by its `id`
    <!-- handbook:form -->                     the blank form (after every example: the filled one is read first)
    <!-- handbook:vote-table -->               the vote table for a cell of 3 to 40 full members
    <!-- handbook:appeal-deadline 2026-09-08 --> how the appeal deadline is counted from that day of receipt
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import yaml

from .. import schema_errors
from ..problems import Problem
from ..sources import split_front_matter
from ..yamlio import parse, parse_date
from . import forms as forms_module

FOLDER = "mau"
SCHEMA = "model.schema.json"
# The printed editions by audience, as docs/_data/an-ban.yml defines them; the hook passes the site's own.
EDITIONS = {"hoc-vien": "hoc-vien", "hoc-vien-a5": "hoc-vien", "giang-vien": "giang-vien"}
MARKER = re.compile(r"^[ \t]*<!--\s*handbook:(?P<name>example|form|vote-table|appeal-deadline)(?:\s+(?P<argument>\S+))?\s*-->[ \t]*$", re.M)
_ANY_MARKER = re.compile(r"<!--\s*handbook:(?P<name>[\w-]+)")
_OWN_MARKERS = {"example", "form", "vote-table", "appeal-deadline"}
_H1 = re.compile(r"^#\s")


@dataclass
class Model:
    """A model page as read from its front matter."""

    path: str
    src_uri: str
    data: dict[str, Any]
    key_lines: dict[str, int] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return PurePosixPath(self.src_uri).name.split(".")[0]

    @property
    def form(self) -> str | None:
        return self.data.get("form")

    @property
    def examples(self) -> list[dict[str, Any]]:
        return list(self.data.get("examples") or ())

    @property
    def for_lecturers(self) -> bool:
        return self.data["audience"] == "giang-vien"


def is_model_page(src_uri: str) -> bool:
    """docs/mau/<name>.md and its translations, not the part's index page."""
    path = PurePosixPath(src_uri)
    return path.suffix == ".md" and len(path.parts) == 2 and path.parts[0] == FOLDER and path.name.split(".")[0] != "index"


def validate(path: str, src_uri: str, text: str, definitions: forms_module.Definitions | None, editions: Mapping[str, str] = EDITIONS) -> tuple[Model | None, list[Problem]]:
    """The model of one page and its problems; the Model is None when the front matter cannot be used.
    `editions` maps each printed edition to its audience (hoc-vien, giang-vien; another, such as a proof
    edition, is neither)."""
    source, body_start = split_front_matter(text)
    if source is None:
        return None, [Problem(path, 1, "trang mẫu thiếu phần thông tin đầu trang (front matter)", "mở đầu tệp bằng '---', các dòng theo mẫu trong hướng dẫn biên tập (mục «Thêm một mẫu giấy tờ»), rồi '---'")]
    try:
        data, node = parse(source)
    except yaml.YAMLError:
        return None, []  # reported by the source checks with its line
    if not isinstance(data, dict):
        return None, []
    problems = schema_errors.validate(SCHEMA, data, node, path, first_line=2, root_line=1, noun="trang mẫu")
    model = Model(path, src_uri, data, {key: schema_errors.yaml_line(node, [key], 2, 1) for key in data})
    if problems:
        return None, problems
    form = None
    if model.form is not None and definitions is not None:  # without definitions, their own problems are reported
        form = definitions.forms.get(model.form)
        if form is None:
            known = sorted(definitions.forms)
            problems.append(Problem(path, model.key_lines["form"], f"trường `form`: không có mẫu `{model.form}` trong docs/{forms_module.DATA}", f"{forms_module.suggestion(model.form, known)}dùng một mã có trong tệp mẫu biểu" + (f": {', '.join(known)}" if known else "")))
    elif model.examples and model.form is None:
        problems.append(Problem(path, model.key_lines["examples"], "trang có ví dụ (`examples`) nhưng không nêu mẫu (`form`)", "thêm `form: <mã mẫu>` hoặc xoá `examples`"))
    if form is not None:
        for index, example in enumerate(model.examples):
            problems += _check_example(path, form, example, node, index)
    problems += _check_example_ids(path, model, node)
    problems += _check_print(path, model, editions)
    problems += _check_body(path, text, body_start, model)
    return model, sorted(problems)


def check_twin(translation: Model, original: Model | None) -> list[Problem]:
    """A translated page fills the same form, with examples of the same ids filling the same fields."""
    if original is None:
        return []
    problems = []
    for key in ("form", "audience", "lessons"):
        if translation.data.get(key) != original.data.get(key):
            problems.append(Problem(translation.path, translation.key_lines.get(key, 1), f"trường `{key}`: bản dịch ghi {translation.data.get(key)!r}, bản tiếng Việt {original.path} ghi {original.data.get(key)!r}", "ghi giống bản tiếng Việt"))
    mine = {e["id"]: sorted(e["values"]) for e in translation.examples}
    theirs = {e["id"]: sorted(e["values"]) for e in original.examples}
    if mine != theirs:
        problems.append(Problem(translation.path, translation.key_lines.get("examples", 1), f"các ví dụ của bản dịch ({_describe(mine)}) không khớp bản tiếng Việt {original.path} ({_describe(theirs)})", "dùng cùng mã ví dụ và điền cùng các trường như bản tiếng Việt"))
    return problems


def placements(markdown: str) -> list[tuple[str, str | None, int, int]]:
    """(marker name, argument, start, end) of each of the page's own markers, in order."""
    return [(m["name"], m["argument"], m.start(), m.end()) for m in MARKER.finditer(markdown)]


# ---------------------------------------------------------------- helpers


def _describe(examples: dict[str, list[str]]) -> str:
    return "; ".join(f"{key}: {', '.join(values)}" for key, values in examples.items()) or "không có"


def _check_example_ids(path: str, model: Model, node) -> list[Problem]:
    problems, seen = [], set()
    for index, example in enumerate(model.examples):
        if example["id"] in seen:
            problems.append(Problem(path, schema_errors.yaml_line(node, ["examples", index, "id"], 2), f"ví dụ `{example['id']}` viết hai lần", "đặt mã khác cho một trong hai ví dụ"))
        seen.add(example["id"])
    return problems


def _check_print(path: str, model: Model, editions: Mapping[str, str]) -> list[Problem]:
    """A class paper is printed in the lecturers' editions only; a cell's paper in the lecturers' editions and,
    when a secretary uses it at home (minutes, resolutions, checklists, registers: the default), in the
    learners' too; one a secretary meets less often (an inspection, a discipline case, a report) may be left
    to the lecturers' book with `print: [giang-vien]`."""
    printed = model.data.get("print")
    line = model.key_lines.get("print", model.key_lines["audience"])
    lecturers = sorted(key for key, audience in editions.items() if audience == "giang-vien")
    learners = sorted(key for key, audience in editions.items() if audience == "hoc-vien")
    if model.for_lecturers and (printed is None or set(printed) != set(lecturers)):
        return [Problem(path, line, "giấy tờ của lớp học (`audience: giang-vien`) chỉ in trong sổ tay giảng viên", f"viết `print: [{', '.join(lecturers)}]`")]
    if not model.for_lecturers and printed is not None and not set(lecturers) <= set(printed):
        return [Problem(path, line, "giấy tờ của chi bộ (`audience: bi-thu`) phải in trong sổ tay giảng viên", f"viết `print: [{', '.join(learners + lecturers)}]` (cả sổ tay học viên), `print: [{', '.join(lecturers)}]`, hoặc bỏ dòng `print`")]
    return []


def _check_body(path: str, text: str, body_start: int, model: Model) -> list[Problem]:
    problems = []
    lines = text.splitlines()
    examples = {e["id"] for e in model.examples}
    placed_examples: dict[str, int] = {}
    form_line = None
    for number in range(body_start, len(lines) + 1):
        line = lines[number - 1]
        if _H1.match(line):
            problems.append(Problem(path, number, f"trang mẫu không có đề mục cấp 1 trong phần nội dung («{line[2:].strip()}»): tiêu đề lấy từ trường `title`", "dùng ## cho các mục của trang"))
        found = _ANY_MARKER.search(line)
        if not found or found["name"] not in _OWN_MARKERS:
            continue
        marker = MARKER.match(line)
        if marker is None:
            problems.append(Problem(path, number, f"dấu chèn «{line.strip()}» viết sai", "viết riêng trên một dòng, ví dụ `<!-- handbook:example tot -->`"))
            continue
        name, argument = marker["name"], marker["argument"]
        if name == "example":
            if argument not in examples:
                problems.append(Problem(path, number, f"dấu chèn ví dụ `{argument}`: trang không có ví dụ mã này", f"{forms_module.suggestion(str(argument), examples)}dùng một mã trong `examples`" + (f": {', '.join(sorted(examples))}" if examples else "")))
            elif argument in placed_examples:
                problems.append(Problem(path, number, f"ví dụ `{argument}` được chèn hai lần (dòng {placed_examples[argument]})", "xoá một trong hai dòng chèn"))
            placed_examples.setdefault(str(argument), number)
        elif name == "form":
            if model.form is None:
                problems.append(Problem(path, number, "dấu chèn mẫu để trống, nhưng trang không nêu `form`", "thêm `form: <mã mẫu>` hoặc xoá dòng này"))
            form_line = form_line or number
        elif name == "appeal-deadline" and parse_date(argument) is None:
            problems.append(Problem(path, number, f"dấu chèn hạn khiếu nại: «{argument}» không phải một ngày", "viết ngày nhận quyết định dạng YYYY-MM-DD, ví dụ `<!-- handbook:appeal-deadline 2026-09-08 -->`"))
    if form_line is not None and any(line > form_line for line in placed_examples.values()):
        problems.append(Problem(path, form_line, "mẫu để trống đứng trước một ví dụ điền sẵn: người đọc cần xem ví dụ trước", "chuyển dòng `<!-- handbook:form -->` xuống sau mọi dòng chèn ví dụ"))
    return problems


def _check_example(path: str, form: forms_module.Form, example: Mapping[str, Any], node, index: int) -> list[Problem]:
    problems = []
    allowed = forms_module.value_fields(form)
    everything = {f.id: f for f in form.fields}
    where = ["examples", index, "values"]

    def at(*location) -> int:
        return schema_errors.yaml_line(node, [*where, *location], 2)

    def problem(location, message, fix):
        problems.append(Problem(path, at(*location), f"ví dụ `{example['id']}`: {message}", fix))

    for key, value in example["values"].items():
        item = allowed.get(key)
        if item is None:
            if key in everything and everything[key].computed:
                problem([key], f"trường `{key}` được tính tự động, không điền tay", f"xoá dòng `{key}`; sổ tay tự tính từ các trường khác")
            else:
                problem([key], f"mẫu `{form.id}` không có trường `{key}`", f"{forms_module.suggestion(key, allowed)}dùng một mã trường của mẫu này trong docs/{forms_module.DATA}: {', '.join(allowed)}")
            continue
        problems += _check_value(item, value, [key], problem)
    for item in form.fields:
        compute = item.data.get("compute")
        if compute and compute["rule"] == "vote-result":
            members, in_favour = example["values"].get(compute["from"]), example["values"].get(compute["in_favour"])
            if isinstance(members, int) and isinstance(in_favour, int) and in_favour > members:
                problem([compute["in_favour"]], f"{in_favour} phiếu tán thành nhiều hơn {members} đảng viên chính thức", "sửa một trong hai con số: chỉ đảng viên chính thức biểu quyết")
    return problems


def _check_value(item: forms_module.Field, value: Any, location: list, problem) -> list[Problem]:
    kind, data = item.kind, item.data
    if kind in ("text", "lines", "subtitle"):
        _check_typed(value, data.get("type", "text"), location, problem, f"trường `{item.id}`")
    elif kind == "letterhead":
        parts = forms_module.LETTERHEAD_PARTS[data["style"]]
        if not isinstance(value, Mapping):
            problem(location, f"tiêu đề giấy `{item.id}` phải là các dòng `mã: giá trị`", f"các mã: {', '.join(parts)}")
            return []
        for key, part in value.items():
            if key not in parts:
                problem([*location, key], f"tiêu đề giấy không có phần `{key}`", f"{forms_module.suggestion(str(key), parts)}các phần: {', '.join(parts)}")
            elif key == "ngay":
                _check_typed(part, "date", [*location, key], problem, "ngày của tiêu đề giấy")
    elif kind == "table":
        columns = {c["id"]: c for c in item.columns}
        if not isinstance(value, list):
            problem(location, f"bảng `{item.id}` phải là một danh sách hàng, mỗi hàng bắt đầu bằng `- `", f"mỗi hàng là các dòng `mã_cột: giá trị`; các cột: {', '.join(columns)}")
            return []
        for row_index, row in enumerate(value):
            if not isinstance(row, Mapping):
                problem([*location, row_index], f"hàng {row_index + 1} của bảng `{item.id}` phải là các dòng `mã_cột: giá trị`", f"các cột: {', '.join(columns)}")
                continue
            for key, cell in row.items():
                column = columns.get(key)
                if column is None:
                    problem([*location, row_index, key], f"bảng `{item.id}` không có cột `{key}`", f"{forms_module.suggestion(str(key), columns)}các cột: {', '.join(columns)}")
                elif "compute" in column:
                    problem([*location, row_index, key], f"cột `{key}` được tính tự động, không điền tay", f"xoá `{key}`; sổ tay tự tính từ cột `{column['compute']['from']}`")
                else:
                    _check_typed(cell, column.get("type", "text"), [*location, row_index, key], problem, f"cột `{key}`")
    elif kind == "grid":
        rows = {r["id"]: r for r in item.items}
        if not isinstance(value, Mapping):
            problem(location, f"bảng `{item.id}` phải là các dòng `mã_dòng: …`", f"các dòng: {', '.join(rows)}")
            return []
        fillable = {c["id"] for c in item.columns} | ({"done"} if data.get("tick") else set())
        for key, cell in value.items():
            row = rows.get(key)
            if row is None:
                problem([*location, key], f"bảng `{item.id}` không có dòng `{key}`", f"{forms_module.suggestion(str(key), rows)}các dòng: {', '.join(rows)}")
            elif data.get("scale"):
                if not isinstance(cell, int) or isinstance(cell, bool) or not 1 <= cell <= data["scale"]:
                    problem([*location, key], f"dòng `{key}` phải là một số từ 1 đến {data['scale']}", f"viết một số từ 1 đến {data['scale']}")
            elif not isinstance(cell, Mapping):
                problem([*location, key], f"dòng `{key}` phải là các dòng `mã_cột: giá trị`", f"các mã: {', '.join(sorted(fillable))}")
            else:
                printed = set(row.get("cells") or {})
                for column_key in cell:
                    if column_key not in fillable or column_key in printed:
                        problem([*location, key, column_key], f"bảng `{item.id}` không có cột để điền `{column_key}`", f"{forms_module.suggestion(str(column_key), fillable)}các mã: {', '.join(sorted(fillable - printed))}")
    elif kind == "choice":
        options = [o["id"] for o in item.items]
        chosen = value if isinstance(value, list) else [value]
        if isinstance(value, list) and not data.get("many"):
            problem(location, f"trường `{item.id}` chỉ chọn một ý", f"viết một mã: {', '.join(options)}")
        for choice in chosen:
            if choice not in options:
                problem(location, f"trường `{item.id}` không có lựa chọn `{choice}`", f"{forms_module.suggestion(str(choice), options)}các lựa chọn: {', '.join(options)}")
    elif kind == "signatures":
        signers = [s["id"] for s in data["signers"]]
        if not isinstance(value, Mapping):
            problem(location, f"chữ ký `{item.id}` phải là các dòng `mã: họ tên`", f"các mã: {', '.join(signers)}")
            return []
        for key in value:
            if key not in signers:
                problem([*location, key], f"chữ ký `{item.id}` không có người ký `{key}`", f"{forms_module.suggestion(str(key), signers)}các mã: {', '.join(signers)}")
    return []


def _check_typed(value: Any, kind: str, location: list, problem, what: str) -> None:
    if isinstance(value, (Mapping, list)):
        problem(location, f"{what} phải là một giá trị, không phải danh sách", "viết giá trị trên cùng dòng sau dấu hai chấm")
    elif kind == "number" and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        problem(location, f"{what} phải là một số nguyên (đang là «{value}»)", "viết số, không có chữ, ví dụ `14`")
    elif kind == "date" and parse_date(value) is None:
        problem(location, f"{what} phải là một ngày có thật, viết YYYY-MM-DD (đang là «{value}»)", "ví dụ `2026-06-12`")
