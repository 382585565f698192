"""One English terminology: the termbase (docs/_data/thuat-ngu-en.yml) and the check that enforces it.

Each entry names a Vietnamese term, the one English rendering the handbook uses, and the variants that must not
appear in English text. The check reads English prose (the pages' Markdown outside code, their front matter, the
English glossary's definitions, the English fields of the document registry) and reports every rejected variant
with its file, line and the preferred term. Matching is by whole words and ignores case, so "program" is found in
"the program" but not in "programme".

Written here rather than with a prose linter (Vale, proselint): those need a binary or rules of their own
format outside the project's Python toolchain, and the handbook needs only a word list with file:line messages
in the editors' language, on the same Markdown reader (fences, inline code) as the other content checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_GLOSSARY_KEY = re.compile(r"^\*\[[^\]]*\]:")  # `*[UBKT]: …`: the abbreviation itself may be Vietnamese
_REGISTRY_ENGLISH = re.compile(r"^\s*-?\s*[a-z_]+_en:\s")


@dataclass(frozen=True)
class Term:
    vi: str
    en: str
    rejected: tuple[str, ...]


class Termbase:
    """The termbase's terms and one pattern that finds any rejected variant."""

    def __init__(self, terms: list[Term]) -> None:
        self.terms = terms
        self._preferred = {variant.casefold(): term for term in terms for variant in term.rejected}
        variants = sorted(self._preferred, key=len, reverse=True)  # the longest variant wins where two overlap
        body = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in variants) or r"(?!)"
        self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    def find(self, text: str) -> list[tuple[str, Term]]:
        """Every rejected variant in `text`, as written, with the term it stands for."""
        return [(m.group(0), self._preferred[re.sub(r"\s+", " ", m.group(0)).casefold()]) for m in self._pattern.finditer(text)]


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
        term = Term(entry["vi"], entry["en"], tuple(entry["rejected"]))
        if term.en.casefold() in {r.casefold() for r in term.rejected}:
            problems.append(Problem(path, line, f"thuật ngữ «{term.vi}»: cách dịch «{term.en}» cũng nằm trong danh sách không dùng", "bỏ nó khỏi `rejected`"))
        for variant in term.rejected:
            other = seen.setdefault(variant.casefold(), term)
            if other is not term and other.en != term.en:
                problems.append(Problem(path, line, f"cụm từ «{variant}» bị loại ở cả «{other.vi}» và «{term.vi}», với hai cách dịch khác nhau", "giữ nó ở một mục"))
        terms.append(term)
    return Termbase(terms), problems


def _problem(path: str, line: int, found: str, term: Term) -> Problem:
    return Problem(path, line, f"thuật ngữ tiếng Anh «{found}» không theo bảng thuật ngữ ({term.vi})", f"viết «{term.en}» (docs/_data/thuat-ngu-en.yml)")


def check_markdown(path: str, text: str, termbase: Termbase) -> list[Problem]:
    """Rejected variants in an English page: its front matter, its prose outside code and its diagrams' text."""
    problems = []
    for number, line in outside_fences(text, 1, text_fences=TEXT_FENCES):
        line = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)
        problems += [_problem(path, number, found, term) for found, term in termbase.find(line)]
    return problems


def check_glossary(path: str, text: str, termbase: Termbase) -> list[Problem]:
    """Rejected variants in the English glossary's definitions (an entry's key may be a Vietnamese abbreviation)."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        definition = _GLOSSARY_KEY.sub("", line)
        problems += [_problem(path, number, found, term) for found, term in termbase.find(definition)]
    return problems


def check_registry(path: str, text: str, termbase: Termbase) -> list[Problem]:
    """Rejected variants in the English fields (`…_en:`) of the document registry."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if _REGISTRY_ENGLISH.match(line):
            value = line.split(":", 1)[1]
            problems += [_problem(path, number, found, term) for found, term in termbase.find(value)]
    return problems
