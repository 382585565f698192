"""The document registry (docs/_data/van-ban.yml): every document the handbook cites, with its status.

`load_registry` reads and checks it (each problem names the registry's line); the helpers answer what the
pages and citations need: the chain of replacements, the document in force at the end of it, labels.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem
from .yamlio import parse

KINDS = {"dieu-le", "quy-dinh", "huong-dan", "chi-thi", "van-kien"}
STATUSES = ("in-force", "amended", "unknown", "replaced", "reference")
REQUIRED = ("id", "number", "kind", "name", "name_en", "date", "issuer", "issuer_en", "status", "source", "checked")
OPTIONAL = ("in_force_from", "replaced_by", "replaces", "amended_by", "amends", "articles", "chapters", "page", "note", "note_en")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_NUMBER = re.compile(r"^\d+-(QĐ|HD|CT)/(TW|BTCTW|BTGTW)$")
_DATE = re.compile(r"^(\d{4})(-\d{2}-\d{2})?$")

STATUS_LABELS = {
    "vi": {
        "in-force": "Đang có hiệu lực",
        "amended": "Đã được sửa đổi",
        "unknown": "Chưa xác nhận tình trạng",
        "replaced": "Đã được thay thế",
        "reference": "Tài liệu tham khảo",
    },
    "en": {
        "in-force": "In force",
        "amended": "Amended",
        "unknown": "Status not confirmed",
        "replaced": "Replaced",
        "reference": "Reference material",
    },
}
KIND_LABELS = {
    "vi": {"dieu-le": "Điều lệ", "quy-dinh": "Quy định", "huong-dan": "Hướng dẫn", "chi-thi": "Chỉ thị", "van-kien": "Văn kiện"},
    "en": {"dieu-le": "Charter", "quy-dinh": "Regulation", "huong-dan": "Guidance", "chi-thi": "Directive", "van-kien": "Documents"},
}


@dataclass
class Document:
    """One registry entry; `line` is where it starts in the registry file."""

    data: dict[str, Any]
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.data[name]
        except KeyError:
            if name in OPTIONAL:
                return [] if name in ("replaces", "amended_by", "amends") else None
            raise AttributeError(name) from None

    def short_name(self, language: str) -> str:
        """"Quy định 294-QĐ/TW", "Regulation 294-QĐ/TW", or the full name of a document without number."""
        if not self.data["number"]:
            return self.data["name"] if language == "vi" else self.data["name_en"]
        return f"{KIND_LABELS[language][self.data['kind']]} {self.data['number']}"

    def text(self, key: str, language: str) -> str:
        """A field in the given language: `name` / `name_en`, `issuer` / `issuer_en`, `note` / `note_en`."""
        return (self.data.get(f"{key}_en") if language == "en" else self.data.get(key)) or ""


def load_registry(path: str, text: str) -> tuple[dict[str, Document], list[Problem]]:
    """Parse and check the registry; documents are returned in file order, keyed by id."""
    try:
        entries, root = parse(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return {}, [Problem(path, (mark.line + 1) if mark else 1, f"danh mục văn bản không phải YAML hợp lệ ({getattr(error, 'problem', error)})", "sửa theo mẫu các mục đã có")]
    if not isinstance(entries, list):
        return {}, [Problem(path, 1, "danh mục văn bản phải là một danh sách, mỗi văn bản bắt đầu bằng '- id: …'", "sửa theo mẫu các mục đã có")]
    documents: dict[str, Document] = {}
    problems: list[Problem] = []
    for node, entry in zip(root.value, entries):
        line = node.start_mark.line + 1
        if not isinstance(entry, dict):
            problems.append(Problem(path, line, "mục này không phải một văn bản (`id: …`, `number: …`, …)", "sửa theo mẫu các mục đã có"))
            continue
        key_lines = {key.value: key.start_mark.line + 1 for key, _ in node.value}
        document = Document(entry, line, key_lines)
        problems += _check_entry(path, document)
        if isinstance(entry.get("id"), str):
            if entry["id"] in documents:
                problems.append(Problem(path, line, f"mã văn bản `{entry['id']}` bị trùng", "mỗi văn bản một mã riêng"))
            documents[entry["id"]] = document
    problems += _check_links(path, documents)
    return documents, sorted(problems)


def chain(documents: dict[str, Document], document_id: str) -> list[Document]:
    """The document and every document that replaced it in turn: 29 → 24 → 232 → 294."""
    result, seen = [], set()
    current = documents.get(document_id)
    while current is not None and current.id not in seen:
        result.append(current)
        seen.add(current.id)
        current = documents.get(current.replaced_by) if current.status == "replaced" else None
    return result


def current_version(documents: dict[str, Document], document_id: str) -> Document:
    """The last document of the chain: the one to read today."""
    return chain(documents, document_id)[-1]


def by_number(documents: dict[str, Document]) -> dict[str, Document]:
    """Documents with a number, keyed by it ("29-QĐ/TW")."""
    return {d.number: d for d in documents.values() if d.number}


def format_date(value: Any, language: str) -> str:
    """2016-07-25 → "25/7/2016" (vi) or "25 July 2016" (en); a year stays a year; empty stays empty."""
    if isinstance(value, datetime.date):
        if language == "vi":
            return f"{value.day}/{value.month}/{value.year}"
        return value.strftime("%-d %B %Y")
    return str(value or "")


def status_line(document: Document, documents: dict[str, Document], language: str) -> str:
    """One line for a tooltip: "Đã được thay thế — văn bản hiện hành: Quy định 294-QĐ/TW"."""
    label = STATUS_LABELS[language][document.status]
    if document.status == "replaced":
        latest = current_version(documents, document.id)
        lead = "văn bản hiện hành" if language == "vi" else "now in force"
        return f"{label} — {lead}: {latest.short_name(language)}"
    name = document.text("name", language)
    date = format_date(document.date, language)
    return f"{label} — {name}" + (f", {date}" if date else "")


# ---------------------------------------------------------------- checks


def _check_entry(path: str, document: Document) -> list[Problem]:
    entry, problems = document.data, []

    def problem(key: str, message: str, fix: str) -> None:
        problems.append(Problem(path, document.key_lines.get(key, document.line), message, fix))

    label = f"văn bản `{entry.get('id', '?')}`"
    for key in REQUIRED:
        if key not in entry:
            problem(key, f"{label}: thiếu trường `{key}`", f"thêm dòng `{key}: …` (xem chú thích đầu tệp)")
    for key in entry:
        if key not in REQUIRED and key not in OPTIONAL:
            problem(key, f"{label}: trường lạ `{key}`", "các trường hợp lệ được liệt kê ở đầu tệp")
    if "id" in entry and not (isinstance(entry["id"], str) and _ID.match(entry["id"])):
        problem("id", f"{label}: mã phải viết thường, không dấu, nối bằng gạch ngang", "ví dụ `qd-294-2025`")
    if entry.get("number") and not _NUMBER.match(str(entry["number"])):
        problem("number", f"{label}: số văn bản \"{entry['number']}\" không đúng dạng", "viết như `29-QĐ/TW`, `06-HD/TW`, `12-HD/BTCTW`, `50-CT/TW`")
    if "kind" in entry and entry["kind"] not in KINDS:
        problem("kind", f"{label}: loại văn bản \"{entry['kind']}\" không hợp lệ", f"chọn một trong: {', '.join(sorted(KINDS))}")
    if "status" in entry and entry["status"] not in STATUSES:
        problem("status", f"{label}: tình trạng \"{entry['status']}\" không hợp lệ", f"chọn một trong: {', '.join(STATUSES)}")
    for key in ("date", "in_force_from", "checked"):
        value = entry.get(key)
        if value not in (None, "") and not isinstance(value, datetime.date) and not _DATE.match(str(value)):
            problem(key, f"{label}: ngày \"{value}\" không đúng dạng", "viết năm-tháng-ngày như 2025-05-26, hoặc chỉ năm như \"2017\"")
    if entry.get("status") == "replaced" and not entry.get("replaced_by"):
        problem("status", f"{label}: tình trạng là replaced nhưng không có `replaced_by`", "thêm `replaced_by: <mã văn bản thay thế>`")
    if entry.get("replaced_by") and entry.get("status") != "replaced":
        problem("replaced_by", f"{label}: có `replaced_by` nhưng tình trạng không phải replaced", "đặt `status: replaced` hoặc bỏ `replaced_by`")
    source = entry.get("source")
    if source and not str(source).startswith("https://"):
        problem("source", f"{label}: nguồn phải là địa chỉ web bắt đầu bằng https://", "sửa địa chỉ hoặc để trống")
    return problems


def _check_links(path: str, documents: dict[str, Document]) -> list[Problem]:
    problems = []
    for document in documents.values():
        targets = [("replaced_by", document.replaced_by)] if document.replaced_by else []
        targets += [(key, target) for key in ("replaces", "amended_by", "amends") for target in document.data.get(key) or []]
        for key, target in targets:
            if target not in documents:
                problems.append(
                    Problem(path, document.key_lines.get(key, document.line), f"văn bản `{document.id}` dẫn tới mã `{target}` không có trong danh mục", "thêm văn bản đó vào danh mục hoặc sửa mã")
                )
        # chain() stops where it would repeat itself, so a loop also ends on a replaced document.
        if document.status == "replaced" and document.replaced_by in documents:
            if chain(documents, document.id)[-1].status == "replaced":
                problems.append(Problem(path, document.line, f"chuỗi thay thế của `{document.id}` quay vòng hoặc không kết thúc ở văn bản đang có hiệu lực", "kiểm tra các trường `replaced_by`"))
    numbers: dict[str, str] = {}
    for document in documents.values():
        if document.number:
            if document.number in numbers:
                problems.append(Problem(path, document.key_lines.get("number", document.line), f"số văn bản {document.number} trùng với `{numbers[document.number]}`", "mỗi số văn bản chỉ ghi một lần"))
            numbers[document.number] = document.id
    return problems
