"""One English terminology: the termbase (docs/_data/thuat-ngu-en.yml) and the check that enforces it.

Each entry names a Vietnamese term, the one English rendering the handbook uses, and the variants that must not
appear in English text. The check reads English prose (the pages' Markdown outside code, their front matter, the
English glossary's definitions, the English fields of the document registry) and reports every rejected variant
with its file, line and the preferred term. Matching is by whole words and ignores case, so "program" is found in
"the program" but not in "programme".

Two decisions of the house style are not a list of phrases, so an entry names a rule (`rule:`) written here:
`dates` (a date is written "1 July 2025": not "July 1, 2025", "1st July", "1/7/2025" or "2025-07-01"; the message
gives the date rewritten) and `unit` ("unit" only in "grassroots Party unit", "army unit", "police unit", "armed
forces unit", "administrative unit": never for a workplace, which collides with the Party unit).

Written here rather than with a prose linter (Vale, proselint): those need a binary or rules of their own
format outside the project's Python toolchain, and the handbook needs only a word list with file:line messages
in the editors' language, on the same Markdown reader (fences, inline code) as the other content checks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from itertools import accumulate

import yaml

from . import schema_errors
from .documents import REGISTRY as REGISTRY  # its English fields are checked too
from .documents import duplicate_key_problems
from .fences import TEXT_FENCES, outside_fences
from .problems import Problem
from .sources import decode
from .yamlio import parse

SCHEMA = "termbase.schema.json"
LANGUAGE = "en"
# Paths inside docs/: the termbase, and the English glossary (a text that is not a page); the registry is the other.
TERMBASE = "_data/thuat-ngu-en.yml"
GLOSSARY = "_glossary/en.md"
# Data files whose English values the build checks (keys `en`, `…_en`), and the English interface strings (every value).
ENGLISH_DATA = ("_data/an-ban.yml", "_data/thu-hoach.yml", "_data/diem-doi-chieu.yml", "_data/mau-bieu.yml")
INTERFACE = "_data/giao-dien/en.yml"
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_GLOSSARY_KEY = re.compile(r"^\*\[[^\]]*\]:")  # `*[UBKT]: …`: the abbreviation itself may be Vietnamese
_REGISTRY_ENGLISH = re.compile(r"^\s*-?\s*[a-z_]+_en:\s")


@dataclass(frozen=True)
class Term:
    vi: str
    en: str
    rejected: tuple[str, ...]
    rule: str | None = None  # a check written in code (RULES), for what a list of phrases cannot say


@dataclass(frozen=True)
class Hit:
    """One place where English text departs from the termbase: what is written, the entry, what to write."""

    found: str
    term: Term
    preferred: str
    start: int = 0


# ---------------------------------------------------------------- rules

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_MONTH = "|".join(_MONTHS)  # written with a capital: "may" is a verb
_DATE_FORMS = (
    # 1/7/2025, 01.07.2025, 1-7-2025: the Vietnamese order, day first
    re.compile(r"(?<![\w/.-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\w/-])"),
    # 2025-07-01
    re.compile(r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w/-])"),
    # July 1, 2025 / July 1st 2025 / July 1
    re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b)?"),
    # 1st July 2025 / 1st of July
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+)?(?P<month>{_MONTH})\b(?:,?\s+(?P<y>\d{{4}})\b)?"),
)


def _dates(text: str) -> list[tuple[int, str, str]]:
    """(where, the date as written, the date as the handbook writes it) for every date not written "1 July 2025"."""
    found = []
    for form in _DATE_FORMS:
        for m in form.finditer(text):
            parts = m.groupdict()
            month = _MONTHS.index(parts["month"]) + 1 if parts.get("month") else int(parts["m"])
            day = int(parts["d"])
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue  # not a date (a ratio, a version number)
            preferred = f"{day} {_MONTHS[month - 1]}" + (f" {parts['y']}" if parts.get("y") else "")
            found.append((m.start(), m.group(0), preferred))
    return found


_UNIT = re.compile(r"(?<![\w-])units?(?![\w-])", re.IGNORECASE)
# The words that may stand before "unit": the Party unit (đảng bộ), a unit of the armed forces, an
# administrative unit (đơn vị hành chính). Any other "unit" is a workplace, and says so.
_UNIT_ALLOWED_BEFORE = re.compile(r"(?:\bParty|\barmy|\bpolice|\barmed[\s-]+forces|\bmilitary|\badministrative)[\s-]+$", re.IGNORECASE)


def _units(text: str) -> list[tuple[int, str, str]]:
    """(where, "unit" as written, "") for every "unit" that is not a Party, armed forces or administrative unit."""
    return [(m.start(), m.group(0), "") for m in _UNIT.finditer(text) if not _UNIT_ALLOWED_BEFORE.search(text[: m.start()])]


RULES = {"dates": _dates, "unit": _units}


class Termbase:
    """The termbase's terms, one pattern that finds any rejected variant, and the rules its entries name."""

    def __init__(self, terms: list[Term]) -> None:
        self.terms = terms
        self._preferred = {variant.casefold(): term for term in terms for variant in term.rejected}
        variants = sorted(self._preferred, key=len, reverse=True)  # the longest variant wins where two overlap
        body = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in variants) or r"(?!)"
        self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
        self._rules = [(term, RULES[term.rule]) for term in terms if term.rule in RULES]

    def find(self, text: str) -> list[tuple[str, Term]]:
        """Every rejected variant in `text`, as written, with the term it stands for."""
        return [(hit.found, hit.term) for hit in self._variants(text)]

    def hits(self, text: str) -> list[Hit]:
        """Every departure from the termbase in `text`, in the order written: rejected variants and the rules' finds."""
        found = self._variants(text)
        for term, rule in self._rules:
            found += [Hit(written, term, preferred or term.en, start) for start, written, preferred in rule(text)]
        return sorted(found, key=lambda hit: hit.start)

    def _variants(self, text: str) -> list[Hit]:
        hits = []
        for m in self._pattern.finditer(text):
            term = self._preferred[re.sub(r"\s+", " ", m.group(0)).casefold()]
            hits.append(Hit(m.group(0), term, term.en, m.start()))
        return hits


def load_bytes(path: str, data: bytes) -> tuple[Termbase, list[Problem]]:
    """`load` of the file's bytes: a file not in UTF-8 is a problem with its line, not a crash."""
    text, problems = decode(path, data)
    return load(path, text) if text is not None else (Termbase([]), problems)


def load(path: str, text: str) -> tuple[Termbase, list[Problem]]:
    """The termbase of `text` (the YAML file at `path`), and its problems: the schema's, a key written twice,
    a rendering that is also listed as rejected, a variant listed under two terms."""
    try:
        data, root = parse(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return Termbase([]), [Problem(path, (mark.line + 1) if mark else 1, f"bảng thuật ngữ tiếng Anh không phải YAML hợp lệ ({getattr(error, 'problem', error)})", "sửa theo mẫu các mục đã có")]
    problems = schema_errors.validate(SCHEMA, data, root, path, noun="bảng thuật ngữ tiếng Anh")
    problems += duplicate_key_problems(path, root)
    if problems or not isinstance(data, list):
        return Termbase([]), sorted(set(problems))
    terms, seen = [], {}
    for node, entry in zip(root.value, data, strict=True):
        line = node.start_mark.line + 1
        term = Term(entry["vi"], entry["en"], tuple(entry.get("rejected", ())), entry.get("rule"))
        if term.en.casefold() in {r.casefold() for r in term.rejected}:
            problems.append(Problem(path, line, f"thuật ngữ «{term.vi}»: cách dịch «{term.en}» cũng nằm trong danh sách không dùng", "bỏ nó khỏi `rejected`"))
        for variant in term.rejected:
            other = seen.setdefault(variant.casefold(), term)
            if other is not term and other.en != term.en:
                problems.append(Problem(path, line, f"cụm từ «{variant}» bị loại ở cả «{other.vi}» và «{term.vi}», với hai cách dịch khác nhau", "giữ nó ở một mục"))
        terms.append(term)
    return Termbase(terms), problems


def _problem(path: str, line: int, hit: Hit) -> Problem:
    where = "(docs/_data/thuat-ngu-en.yml)"
    hit = replace(hit, found=re.sub(r"\s*\n\s*", " ", hit.found))  # a phrase broken across two lines, on one
    if hit.term.rule == "dates":
        return Problem(path, line, f"ngày «{hit.found}» không viết theo cách của sổ tay ({hit.term.vi})", f"viết «{hit.preferred}» {where}")
    if hit.term.rule == "unit":
        return Problem(
            path,
            line,
            f"từ «{hit.found}» ở đây chỉ nơi làm việc, dễ lẫn với «grassroots Party unit» ({hit.term.vi})",
            f"viết «{hit.preferred}», «agency», «enterprise», «commune» hoặc tên cụ thể tuỳ câu; «unit» chỉ đứng sau Party, army, police, armed forces, administrative {where}",
        )
    return Problem(path, line, f"thuật ngữ tiếng Anh «{hit.found}» không theo bảng thuật ngữ ({hit.term.vi})", f"viết «{hit.preferred}» {where}")


def check_markdown(path: str, text: str, termbase: Termbase) -> list[Problem]:
    """Rejected variants in an English page: its front matter, its prose outside code and its diagrams' text.
    Lines that follow each other are read together, so a phrase broken across two lines is found too."""
    lines = [(number, _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)) for number, line in outside_fences(text, 1, text_fences=TEXT_FENCES)]
    # In the front matter a date written 2026-03-30 is data (a model's example, a document's date), which the
    # page shows in the handbook's way; in the prose it is a date written wrongly.
    closing = _front_matter_end(text)
    lines = [(number, _ISO_DATE.sub(lambda m: " " * len(m.group(0)), line) if number <= closing else line) for number, line in lines]
    # An HTML comment is no reader's text: a marker with its data (`<!-- handbook:appeal-deadline 2026-09-08 -->`)
    # or a note between editors.
    lines = [(number, _COMMENT.sub(lambda m: " " * len(m.group(0)), line)) for number, line in lines]
    return _check_lines(path, lines, termbase)


_COMMENT = re.compile(r"<!--.*?-->")


_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _front_matter_end(text: str) -> int:
    """The line number of the front matter's closing `---` (0: the page has none)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return 0
    return next((number for number, line in enumerate(lines[1:], start=2) if line.strip() == "---"), 0)


def check_glossary(path: str, text: str, termbase: Termbase) -> list[Problem]:
    """Rejected variants in the English glossary's definitions (an entry's key may be a Vietnamese abbreviation)."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        problems += _check_lines(path, [(number, _GLOSSARY_KEY.sub("", line))], termbase)
    return problems


def _check_lines(path: str, lines: list[tuple[int, str]], termbase: Termbase) -> list[Problem]:
    """The problems of numbered lines, each run of consecutive non-blank lines read as one text (a paragraph, a
    folded YAML value), each problem at the line where its phrase begins."""
    problems, run = [], []
    for number, line in [*lines, (-1, "")]:
        if run and (number != run[-1][0] + 1 or not line.strip()):
            text = "\n".join(part for _, part in run)
            starts = list(accumulate((len(part) + 1 for _, part in run[:-1]), initial=0))
            problems += [_problem(path, run[bisect_right(starts, hit.start) - 1][0], hit) for hit in termbase.hits(text)]
            run = []
        if line.strip():
            run.append((number, line))
    return problems


def check_registry(path: str, text: str, termbase: Termbase) -> list[Problem]:
    """Rejected variants in the English fields (`…_en:`) of the document registry."""
    return check_english_yaml(path, text, termbase)


def check_english_yaml(path: str, text: str, termbase: Termbase, *, every_value: bool = False) -> list[Problem]:
    """Rejected variants in the English strings of a YAML data file, each at its own line (a folded `>-` value
    too): the values of keys ending in `_en` (the registry's `name_en`, the open points' `fact_en`), everything
    under a key `en` (the editions' labels, the written reflection's questions), everything in a mapping with
    `locale: en` (the English language of mkdocs.yml: `site_name`, `copyright`), or, with `every_value`, every
    string (a file all in English: docs/_data/giao-dien/en.yml)."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        # The file's own check reports the broken YAML; the English lines are still read, one by one.
        return [
            _problem(path, number, hit)
            for number, line in enumerate(text.splitlines(), start=1)
            if _REGISTRY_ENGLISH.match(line)
            for hit in termbase.hits(line.split(":", 1)[1])
        ]
    lines = text.splitlines()
    problems = []
    for node in _english_scalars(root, english=every_value):
        start, end = node.start_mark, node.end_mark
        last = end.line if end.column else end.line - 1  # a block scalar ends at the start of the next line
        span = [(index + 1, lines[index]) for index in range(start.line, min(last, len(lines) - 1) + 1)]
        span[0] = (span[0][0], " " * start.column + span[0][1][start.column :])  # the value only, not its key
        problems += _check_lines(path, span, termbase)
    return problems


def _english_scalars(node: yaml.Node | None, *, english: bool) -> list[yaml.ScalarNode]:
    if isinstance(node, yaml.ScalarNode):
        return [node] if english and node.tag == "tag:yaml.org,2002:str" else []
    found = []
    if isinstance(node, yaml.MappingNode):
        english = english or any(isinstance(k, yaml.ScalarNode) and k.value == "locale" and getattr(v, "value", None) == LANGUAGE for k, v in node.value)
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else ""
            found += _english_scalars(value, english=english or name == LANGUAGE or name.endswith("_" + LANGUAGE))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += _english_scalars(item, english=english)
    return found
