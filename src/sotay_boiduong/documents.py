"""The document registry (docs/_data/van-ban.yml): every document the handbook cites, with its status.

`load_registry` reads and checks it (each problem names the registry's line); the helpers answer what the
pages and citations need: the chain of replacements, the document in force at the end of it, labels.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import schema_errors
from .problems import Problem
from .sources import decode
from .yamlio import duplicate_keys, parse, parse_date

SCHEMA = "van-ban.schema.json"
REGISTRY = "_data/van-ban.yml"  # the registry, under docs/
STATUSES = ("in-force", "amended", "unknown", "replaced", "reference")
TEXT_FIELDS = ("id", "number", "kind", "name", "name_en", "issuer", "issuer_en", "status", "source", "note", "note_en", "note_point", "page")

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
        # A field missing or left out for a mistake reads as empty: the mistake is reported once, by the checks.
        if name.startswith("__"):
            raise AttributeError(name)
        value = self.data.get(name)
        if value is None:
            return [] if name in ("replaces", "amended_by", "amends") else ("" if name in TEXT_FIELDS else None)
        return value

    def short_name(self, language: str) -> str:
        """"Quy định 294-QĐ/TW", "Regulation 294-QĐ/TW", or the full name of a document without number."""
        if not self.number:
            return (self.name if language == "vi" else self.name_en) or self.id
        return f"{KIND_LABELS[language].get(self.kind, '')} {self.number}".strip()

    def text(self, key: str, language: str) -> str:
        """A field in the given language: `name` / `name_en`, `issuer` / `issuer_en`, `note` / `note_en`."""
        return (self.data.get(f"{key}_en") if language == "en" else self.data.get(key)) or ""


def load_registry_bytes(path: str, data: bytes) -> tuple[dict[str, Document], list[Problem]]:
    """`load_registry` of the file's bytes: a file not in UTF-8 is a problem with its line, not a crash."""
    text, problems = decode(path, data)
    return load_registry(path, text) if text is not None else ({}, problems)


def load_registry(path: str, text: str) -> tuple[dict[str, Document], list[Problem]]:
    """Parse and check the registry; documents are returned in file order, keyed by id.

    The shape of each entry is checked against schemas/van-ban.schema.json (the same messages as a lesson's
    front matter); what a schema cannot say (real dates, links between entries, loops) is checked here.
    """
    try:
        entries, root = parse(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return {}, [Problem(path, (mark.line + 1) if mark else 1, f"danh mục văn bản không phải YAML hợp lệ ({getattr(error, 'problem', error)})", "sửa theo mẫu các mục đã có")]
    if not isinstance(entries, list):
        return {}, [Problem(path, 1, "danh mục văn bản phải là một danh sách, mỗi văn bản bắt đầu bằng '- id: …'", "sửa theo mẫu các mục đã có")]
    documents: dict[str, Document] = {}
    problems: list[Problem] = duplicate_key_problems(path, root)
    for index, (node, entry) in enumerate(zip(root.value, entries, strict=True)):
        line = node.start_mark.line + 1
        if not isinstance(entry, dict):
            problems.append(Problem(path, line, "mục này không phải một văn bản (`id: …`, `number: …`, …)", "sửa theo mẫu các mục đã có"))
            continue
        found = schema_errors.validate(SCHEMA, entry, node, path, pointer="#/$defs/document", label=f"văn bản `{entry.get('id', index + 1)}`", noun="danh mục văn bản")
        problems += found
        key_lines = {key.value: key.start_mark.line + 1 for key, _ in node.value}
        # A field that breaks the schema is left out, so the rest of the entry still serves the citations:
        # one mistake, one message, not a message for every page that cites the document.
        bad = schema_errors.invalid_keys(SCHEMA, entry, pointer="#/$defs/document") if found else set()
        document = Document({key: value for key, value in entry.items() if key not in bad}, line, key_lines)
        problems += _check_dates(path, document)
        if isinstance(document.data.get("id"), str):
            if entry["id"] in documents:
                problems.append(Problem(path, line, f"mã văn bản `{entry['id']}` bị trùng", "mỗi văn bản một mã riêng"))
            else:
                documents[entry["id"]] = document
    problems += _check_links(path, documents)
    return documents, sorted(set(problems))


def check_pages(path: str, documents: dict[str, Document], pages: set[str]) -> list[Problem]:
    """A document's `page` must be a page of docs/ (src_uri); one that is not is reported here, at its line,
    and forgotten, so that no page links to it (the mistake is the registry's, not the citing pages')."""
    problems = []
    for document in documents.values():
        page = document.data.get("page")
        if page and page not in pages:
            close = difflib.get_close_matches(page, sorted(pages), n=1)
            problems.append(Problem(path, document.key_lines.get("page", document.line), f"văn bản `{document.id}`: trang {page} không có trong docs/", f"sửa đường dẫn (tính từ docs/){', có phải là ' + close[0] + '?' if close else ''}"))
            del document.data["page"]
    return problems


def duplicate_key_problems(path: str, node, first_line: int = 1) -> list[Problem]:
    """A key written twice in one mapping (YAML would keep the second value without a word)."""
    return [
        Problem(path, line + first_line, f"khoá `{key}` được viết hai lần (lần đầu ở dòng {first + first_line}); chỉ giá trị sau được dùng", "xoá một trong hai dòng, giữ giá trị đúng")
        for key, line, first in duplicate_keys(node)
    ]


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
    date = parse_date(value)
    if date is None:
        return str(value or "")
    if language == "vi":
        return f"{date.day}/{date.month}/{date.year}"
    return f"{date.day} {date.strftime('%B')} {date.year}"


def status_line(document: Document, documents: dict[str, Document], language: str) -> str:
    """One line for a tooltip: "Đã được thay thế — văn bản hiện hành: Quy định 294-QĐ/TW"."""
    label = STATUS_LABELS[language].get(document.status, "")
    if document.status == "replaced":
        latest = current_version(documents, document.id)
        lead = "văn bản hiện hành" if language == "vi" else "now in force"
        return f"{label} — {lead}: {latest.short_name(language)}"
    name = document.text("name", language)
    date = format_date(document.date, language)
    return f"{label} — {name}" + (f", {date}" if date else "")


# ---------------------------------------------------------------- checks


def _check_dates(path: str, document: Document) -> list[Problem]:
    """Dates the schema lets through as text must be days that exist, and a document cannot take effect
    before it was issued (a sign of day and month swapped)."""
    problems = []
    label = f"văn bản `{document.data.get('id', '?')}`"
    for key in ("date", "in_force_from", "checked"):
        value = document.data.get(key)
        if isinstance(value, str) and len(value) == 10 and parse_date(value) is None:
            problems.append(Problem(path, document.key_lines.get(key, document.line), f"{label}: ngày {value} không có thật (tháng có 12, ngày tối đa 28–31)", "viết năm-tháng-ngày (YYYY-MM-DD), kiểm tra xem có đảo ngày và tháng không"))
    issued, in_force = parse_date(document.data.get("date")), parse_date(document.data.get("in_force_from"))
    if issued and in_force and in_force < issued:
        problems.append(Problem(path, document.key_lines.get("in_force_from", document.line), f"{label}: ngày có hiệu lực {in_force.isoformat()} trước ngày ban hành {issued.isoformat()}", "kiểm tra xem có đảo ngày và tháng không"))
    if document.data.get("status") == "replaced" and not document.data.get("replaced_by"):
        problems.append(Problem(path, document.key_lines.get("status", document.line), f"{label}: tình trạng là replaced nhưng không có `replaced_by`", "thêm `replaced_by: <mã văn bản thay thế>`"))
    if document.data.get("replaced_by") and document.data.get("status") != "replaced":
        problems.append(Problem(path, document.key_lines.get("replaced_by", document.line), f"{label}: có `replaced_by` nhưng tình trạng không phải replaced", "đặt `status: replaced` hoặc bỏ `replaced_by`"))
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
