"""Citations in lesson text: find them, check them against the registry, and turn them into links.

Recognised forms (case-insensitive; "Quy"/"Qui"; any spacing around "-" and "/"):
    Điều 24 Điều lệ Đảng · khoản 2 Điều 5 Điều lệ · điểm a khoản 1 Điều 1 của Điều lệ Đảng
    Quy định 30-QĐ/TW · Quy định số 296 - QĐ/TW · Hướng dẫn 06-HD/TW · Hướng dẫn 12-HD/BTCTW · Chỉ thị 50-CT/TW
    Article 24 of the Party Charter · clause 2 of Article 5 of the Charter · Regulation No. 30-QĐ/TW
Headings, admonition titles, code, existing links and HTML are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .documents import Document, by_number, current_version, status_line
from .fences import outside_fences
from .problems import Problem

CHARTER = "dieu-le-dang"

_SPACE = r"[ \t\u00a0]+"
_NUMBER = r"(?P<num>\d{1,4})\s*[-‐–]\s*(?P<type>QĐ|HD|CT)\s*/\s*(?P<issuer>TW|BTCTW|BTGTW)\b"
_VI_ARTICLE = (
    rf"(?:(?:điểm{_SPACE}(?P<point>[a-zđ]){_SPACE})?khoản{_SPACE}(?P<clause>\d{{1,2}}){_SPACE})?"
    rf"Điều{_SPACE}(?P<article>\d{{1,3}}){_SPACE}(?:của{_SPACE})?Điều{_SPACE}lệ(?:{_SPACE}Đảng(?:{_SPACE}Cộng{_SPACE}sản{_SPACE}Việt{_SPACE}Nam)?)?"
)
_VI_DOCUMENT = rf"(?P<kind>Quy{_SPACE}định|Qui{_SPACE}định|Hướng{_SPACE}dẫn|Quyết{_SPACE}định|Chỉ{_SPACE}thị){_SPACE}(?:số{_SPACE})?{_NUMBER}"
_EN_ARTICLE = (
    rf"(?:(?:point{_SPACE}(?P<point>[a-z]){_SPACE}of{_SPACE})?clause{_SPACE}(?P<clause>\d{{1,2}}){_SPACE}of{_SPACE})?"
    rf"Article{_SPACE}(?P<article>\d{{1,3}}){_SPACE}of{_SPACE}the{_SPACE}(?:Party{_SPACE})?Charter"
)
_EN_DOCUMENT = rf"(?P<kind>Regulation|Guidance|Decision|Guideline|Directive){_SPACE}(?:No\.?{_SPACE})?{_NUMBER}"

PATTERNS = {
    "vi": re.compile(rf"(?P<a>{_VI_ARTICLE})|(?P<d>{_VI_DOCUMENT})", re.IGNORECASE),
    "en": re.compile(rf"(?P<a>{_EN_ARTICLE})|(?P<d>{_EN_DOCUMENT})", re.IGNORECASE),
}
# Spans of a line that are not prose: inline code, links and images, autolinks and HTML, attribute lists.
# Code, links, HTML tags, attribute lists; and the words `link` writes for print after a replaced document
# (", nay là Quy định 296-QĐ/TW"), so that linking again changes nothing.
_PROTECTED = re.compile(r'<span class="handbook-print-only"[^>]*>[^<]*</span>|`+[^`]*`+|!?\[[^\]]*\]\((?:[^)"]|"[^"]*")*\)(?:\{[^}]*\})?|!?\[[^\]]*\]\[[^\]]*\]|<[^>]+>|\{[:#.][^}]*\}')
_SKIP_LINE = re.compile(r"^\s*(#{1,6}\s|!!!|\?\?\?|<|\*\[|--8<--|\|?\s*:?-{3,})")


@dataclass(frozen=True)
class Citation:
    """One mention: its place in the text, what it names, and the text as written."""

    line: int
    start: int
    end: int
    text: str
    article: int | None = None
    clause: int | None = None
    number: str | None = None

    @property
    def is_article(self) -> bool:
        return self.article is not None


def find(text: str, language: str, *, include_headings: bool = False) -> list[Citation]:
    """Every citation in Markdown `text`, outside code, links and HTML (and headings, unless asked)."""
    pattern = PATTERNS["en" if language == "en" else "vi"]
    citations = []
    for number, line in outside_fences(text):
        if _SKIP_LINE.match(line) and not (include_headings and line.lstrip().startswith("#")):
            continue
        matches = list(pattern.finditer(line))
        if not matches:
            continue
        protected = [m.span() for m in _PROTECTED.finditer(line)]
        for found in matches:
            if any(start < found.end() and found.start() < end for start, end in protected):
                continue
            citations.append(_citation(number, found))
    return citations


def check(citations: list[Citation], documents: dict[str, Document], path: str, line_offset: int = 0) -> list[Problem]:
    """A citation of an article the Charter does not have, or of a document not in the registry, is a problem."""
    problems, numbers = [], by_number(documents)
    charter = documents.get(CHARTER)
    for citation in citations:
        line = citation.line + line_offset
        if citation.is_article:
            limit = charter.articles if charter else None
            if limit and not 1 <= citation.article <= limit:
                problems.append(
                    Problem(path, line, f"trích dẫn «{citation.text}»: Điều lệ Đảng chỉ có {limit} điều, không có Điều {citation.article}", "sửa số điều cho đúng với văn bản Điều lệ")
                )
            elif citation.clause is not None and charter is not None and not ("clauses" in charter.key_lines and "clauses" not in charter.data):
                # (a `clauses` field that was written but is wrong is reported by the registry's check, once)
                clauses = {int(k): v for k, v in (charter.data.get("clauses") or {}).items()}
                count = clauses.get(citation.article)
                if count is None:
                    problems.append(
                        Problem(path, line, f"trích dẫn «{citation.text}»: danh mục văn bản chưa ghi Điều {citation.article} có mấy khoản, nên không kiểm tra được khoản {citation.clause}", f"đối chiếu Điều lệ, rồi thêm `{citation.article}: số khoản` vào `clauses` của `dieu-le-dang` trong docs/_data/van-ban.yml")
                    )
                elif not 1 <= citation.clause <= count:
                    problems.append(Problem(path, line, f"trích dẫn «{citation.text}»: Điều {citation.article} Điều lệ Đảng chỉ có {count} khoản, không có khoản {citation.clause}", "sửa số khoản cho đúng với văn bản Điều lệ"))
        elif citation.number not in numbers:
            problems.append(
                Problem(
                    path,
                    line,
                    f"trích dẫn «{citation.text}»: văn bản {citation.number} chưa có trong danh mục văn bản",
                    "sửa số văn bản, hoặc thêm văn bản vào docs/_data/van-ban.yml (số, tên, ngày, cơ quan ban hành, tình trạng)",
                )
            )
    return problems


def link(text: str, documents: dict[str, Document], language: str, targets: dict[str, str], now_label: str) -> str:
    """Markdown with each valid citation made a link to its article or document, status as its tooltip.

    `targets` maps a document id to the link target from this page (a .md path with optional #anchor).
    A citation of a replaced document is followed by what is in force now (`now_label`, "nay là {name}"): the
    end of its chain, which is true whether it replaced the cited one directly or in turn. The phrase goes after
    the date that belongs to the number ("Quy định 24-QĐ/TW ngày 30/7/2021, nay là …"), and not at all where
    the sentence tells the replacement itself or inside an editor's note. On the screen it is a small link; in
    print it is words of the sentence (`handbook-print-only`; the printed books leave out `handbook-screen-only`).
    """
    numbers = by_number(documents)
    lines = text.split("\n")
    in_note = _note_lines(lines)
    for citation in sorted(find(text, language), key=lambda c: (c.line, -c.start)):
        document = documents.get(CHARTER) if citation.is_article else numbers.get(citation.number)
        if document is None or document.id not in targets:
            continue
        target = targets[document.id]
        if citation.is_article:
            target = f"{target.split('#')[0]}#dieu-{citation.article}"
        tooltip = status_line(document, documents, language).replace('"', "'")
        classes = ".handbook-cite" + (" .handbook-cite--replaced" if document.status == "replaced" else "")
        row = lines[citation.line - 1]
        replacement = f'[{citation.text}]({target} "{tooltip}"){{ {classes} }}'
        end = citation.end
        if document.status == "replaced" and citation.line not in in_note:
            latest = current_version(documents, document.id)
            sentence = _sentence(row, citation.start, citation.end)
            if latest.id in targets and not _tells_replacement(sentence, latest, language):
                end += _date_after(row[citation.end :])
                name = latest.short_name(language)
                label = now_label.format(name=name)
                closing = "," if end < len(row) and (row[end:end + 1].isalnum() or row[end:end + 1] == " " and row[end + 1 : end + 2].isalnum()) else ""
                replacement = replacement + row[citation.end : end]
                replacement += f' [{label}]({targets[latest.id]} "{status_line(latest, documents, language)}"){{ .handbook-successor .handbook-screen-only }}'
                replacement += f'<span class="handbook-print-only" data-search-exclude>, {label}{closing}</span>'
        lines[citation.line - 1] = row[: citation.start] + replacement + row[end:]
    return "\n".join(lines)


_DATE_AFTER = re.compile(r"^(?:,?\s+(?:ngày|ban hành ngày)\s+\d{1,2}/\d{1,2}/\d{4}|\s+năm\s+\d{4}|\s+\(\d{4}\)|,?\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|\s+of\s+\d{4})")
_REPLACEMENT_WORDS = {
    "vi": re.compile(r"\b(thay thế|thay cho|thay bằng|được thay|kế tiếp|hết hiệu lực|không còn hiệu lực)\b", re.I),
    "en": re.compile(r"\b(replac\w*|superseded|succeeded|took the place|no longer in force)\b", re.I),
}


def _date_after(rest: str) -> int:
    """How many characters after a citation are its date ("ngày 30/7/2021", "năm 2016", "of 26 July 2016")."""
    match = _DATE_AFTER.match(rest)
    return match.end() if match else 0


def _sentence(row: str, start: int, end: int) -> str:
    """The sentence of `row` around [start, end)."""
    before = max(row.rfind(". ", 0, start), row.rfind("; ", 0, start))
    after = min((i for i in (row.find(". ", end), row.find("; ", end)) if i >= 0), default=len(row))
    return row[before + 1 : after]


def _tells_replacement(sentence: str, latest: Document, language: str) -> bool:
    """The sentence names what is in force now, or says the document was replaced: a phrase would repeat it."""
    return bool(latest.number and latest.number in sentence) or bool(_REPLACEMENT_WORDS["en" if language == "en" else "vi"].search(sentence))


def _note_lines(lines: list[str]) -> set[int]:
    """Line numbers (1-based) inside an editor's note box (`!!! doi-chieu`, its indented lines)."""
    inside, found = False, set()
    for number, line in enumerate(lines, start=1):
        if re.match(r"^\s*!!!\s+doi-chieu\b", line):
            inside = True
        elif inside and line.strip() and not line.startswith("    "):
            inside = False
        if inside:
            found.add(number)
    return found

_JOINER = re.compile(r"^[\s,;]*(?:(?:và|and)[\s,;]*)?$", re.IGNORECASE)
RULE_EXAMPLES = {
    "vi": "«Điều 21 Điều lệ Đảng», «khoản 5 Điều 22 Điều lệ Đảng», «Quy định 294-QĐ/TW», «Hướng dẫn 42-HD/BTCTW»",
    "en": "«Article 21 of the Party Charter», «clause 5 of Article 22 of the Party Charter», «Regulation 294-QĐ/TW», «Guidance 42-HD/BTCTW»",
}


def rule_problem(text: str, language: str) -> str | None:
    """Why `text`, the rule a self-check question rests on, is not one citation (or several, joined by commas,
    semicolons or "và"/"and") that the handbook recognises and links; None when it is. Whether the article or
    document exists is checked with every other citation of the file."""
    found = sorted(find(text.replace("\n", " "), language), key=lambda citation: citation.start)
    if not found:
        return f"«{text}» không phải một trích dẫn mà sổ tay nhận ra, nên không thành liên kết tới văn bản"
    line = text.replace("\n", " ")
    pieces, position = [], 0
    for citation in found:
        pieces.append(line[position:citation.start])
        position = citation.end
    pieces.append(line[position:])
    leftover = [piece.strip(" ,;") for piece in pieces if not _JOINER.match(piece)]
    if leftover:
        return f"«{text}»: phần «{leftover[0]}» không thuộc trích dẫn nào"
    return None


def _citation(line: int, found: re.Match) -> Citation:
    text = found.group(0)
    if found.group("a"):
        clause = found.group("clause")
        return Citation(line, found.start(), found.end(), text, article=int(found.group("article")), clause=int(clause) if clause else None)
    number = f"{int(found.group('num')):02d}" if found.group("type").upper() == "HD" else str(int(found.group("num")))
    normalised = f"{number}-{found.group('type').upper()}/{found.group('issuer').upper()}"
    return Citation(line, found.start(), found.end(), text, number=normalised)
