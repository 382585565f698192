"""Every vote threshold a page states, checked with the arithmetic of `votes`: a wrong figure is a Problem at its
file and line.

What is read as a claim (Vietnamese; the English forms are the same sentences translated):
    ít nhất 10 trên 14 · at least 8 of 11                       the fewest votes: must be exactly what the rule asks
    chi bộ có 14 đảng viên chính thức cần ít nhất 8 phiếu …     the same, the cell's size named in the sentence
    7 trên 12 là hơn một nửa · 7 of 12 is more than half        a comparison: must be true
    8 phiếu là quá nửa của 14 · 8 is more than half of 14       the same
    hai phần ba của 8 là 5,33, làm tròn lên 6 · two thirds of 8 is 5.33, rounded up to 6
The rule of a claim ("more than half" or "at least two thirds") is the one its own words name, else the nearest
the sentence names (explicitly, or through what is voted: admission, recognition and expulsion need two
thirds; reprimand, warning and removal from post more than half), else the nearest sentence before it in the
paragraph. A figure with no rule in reach is not a claim, and neither is a number of people present: only the
cell's full members count (Điều 4 Điều lệ Đảng).

What is not the handbook's own statement is not read: a case's `situation` (what the people in it say may be
wrong on purpose), the `pitfalls` of a key (wrong answers learners give), the choices of a self-check question
and a self-check statement marked false. A self-check question with numeric choices that names the cell's size
and a rule has its correct choice checked instead.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from ..fences import blank_inline_code, outside_fences
from ..problems import Problem
from ..sources import split_front_matter
from ..yamlio import parse
from . import votes

_N = r"(\d{1,3})"

# The rule a phrase names: explicit words first, then what is voted.
_EXPLICIT = {
    "vi": [(votes.TWO_THIRDS, r"hai phần ba|2/3"), (votes.MORE_THAN_HALF, r"quá (?:một )?nửa|hơn (?:một )?nửa")],
    "en": [(votes.TWO_THIRDS, r"two[- ]thirds|2/3"), (votes.MORE_THAN_HALF, r"more than half|over half")],
}
_ACTION = {
    "vi": [
        (votes.TWO_THIRDS, r"kết nạp|công nhận (?:là )?(?:đảng viên )?chính thức|khai trừ"),
        (votes.MORE_THAN_HALF, r"khiển trách|cảnh cáo|cách chức"),
    ],
    "en": [
        (votes.TWO_THIRDS, r"admission|admit|recogni[sz]|expel|expulsion"),
        (votes.MORE_THAN_HALF, r"reprimand|warning|warn\b|dismissal|removal from (?:a |his |her )?post"),
    ],
}
_VI_HALF = r"(?:quá|hơn) (?:một )?nửa"
_EN_HALF = r"(?:more than|over) half"
_PATTERNS = {
    "vi": {
        "pair": rf"ít nhất {_N}(?: người| phiếu| đảng viên(?: chính thức)?)? (?:trên|trong số|/) {_N}\b",
        "minimum": rf"ít nhất {_N}\b(?! ?(?:trên|trong số|/|%|phút|giờ|năm|tháng|tuần|ngày|lần|buổi|trang|đảng viên chính thức|đảng viên|điều|khoản))",
        "compare": rf"\b{_N}(?: phiếu| người)? (?:trên|trong số) {_N}(?: đảng viên chính thức| đảng viên| người| phiếu)?,? (?:là |thì )?(?P<neg>chưa |không )?(?:đủ |đạt |được )?(?P<rule>{_VI_HALF}|hai phần ba)",
        "compare_of": rf"\b{_N}(?: phiếu| người)? (?:là |thì )?(?P<neg>chưa |không )?(?:đủ |đạt )?(?P<rule>{_VI_HALF}) (?:của |số )?{_N}\b",
        "sum": r"hai phần ba (?:của |số )?(\d{1,3}) là (\d{1,3}(?:,\d+)?)",
        "rounded": r"làm tròn lên (?:thành )?(\d{1,3})\b",
    },
    "en": {
        "pair": rf"at least {_N}(?: votes?| members?| full members)? (?:of|out of) (?:the |its |all )?{_N}\b",
        "minimum": rf"at least {_N}\b(?! ?(?:of|out of|/|%|minutes?|hours?|years?|months?|weeks?|days?|times|sessions?|pages?|full members|members|articles?|clauses?))",
        "compare": rf"\b{_N}(?: votes?)? (?:of|out of) (?:the )?{_N}(?: full members| members| votes)?,? (?:is|are) (?P<neg>not )?(?:enough for )?(?P<rule>{_EN_HALF}|two[- ]thirds)",
        "compare_of": rf"\b{_N}(?: votes?)? (?:is|are) (?P<neg>not )?(?P<rule>{_EN_HALF}) of (?:the |its )?{_N}\b",
        "sum": r"two[- ]thirds of (\d{1,3}) is (\d{1,3}(?:\.\d+)?)",
        "rounded": r"rounded up to (\d{1,3})\b",
    },
}
_SIZE = {"vi": rf"\b{_N} đảng viên chính thức", "en": rf"\b{_N} full members"}
_VOTE_WORDS = {
    "vi": r"phiếu|tán thành|biểu quyết|đồng ý|\bcần\b|phải có|phải được",
    "en": r"\bvotes?\b|in favour|agree|\bneeds?\b|must have|requires?",
}
_COMPILED: dict[tuple[str, str], re.Pattern] = {}
# Where a sentence ends: . ! ? (and a closing quote or bracket), then space and a capital letter.
_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)]*\s+(?=[^\W\d_])")
# Where a clause ends inside a sentence (a comma only before a space: 5,33 is a number).
_CLAUSE_END = re.compile(r",\s|;|:\s|\(|\)|\s[—–]\s")
# A line that starts a new paragraph even without a blank line before it: a list item, a heading, a table
# row, a box, a YAML key.
_NEW_BLOCK = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#|\||>|!!!|\?\?\?|[\w-]+:(?:\s|$))")
# Front-matter keys whose text is not the handbook's own statement (see the module's docstring).
NOT_STATEMENTS = ("situation", "pitfalls")


@dataclass(frozen=True)
class Claim:
    """One stated threshold: what it says and what the rule makes of it."""

    line: int
    text: str
    wrong: str  # "" when it holds; else what is wrong, in Vietnamese
    fix: str


def check(path: str, text: str, language: str) -> list[Problem]:
    """A Problem for each threshold claim of a Markdown source (front matter included) that the rule contradicts."""
    return [Problem(path, claim.line, claim.wrong, claim.fix) for claim in find(text, language) if claim.wrong]


def find(text: str, language: str) -> list[Claim]:
    """Every threshold claim of a Markdown source, right or wrong, in line order."""
    language = "en" if language == "en" else "vi"
    skipped, choices = _front_matter_parts(text)
    claims = []
    for unit in _paragraphs(text, skipped):
        claims += _claims_of(unit, language)
    for question in choices:
        claims += _self_check_claims(question, language)
    return sorted(claims, key=lambda c: (c.line, c.text))


# ---------------------------------------------------------------- reading text into paragraphs and sentences


@dataclass(frozen=True)
class _Paragraph:
    text: str
    starts: tuple[int, ...]  # offset in `text` where each source line begins
    lines: tuple[int, ...]  # and that line's number

    def line_at(self, offset: int) -> int:
        return self.lines[bisect.bisect_right(self.starts, offset) - 1]


def _paragraphs(text: str, skipped: set[int]) -> Iterator[_Paragraph]:
    """Runs of prose lines joined with a space, each knowing the source line of every offset."""
    parts: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    length = 0

    def flush():
        nonlocal parts, starts, numbers, length
        if parts:
            yield _Paragraph(" ".join(parts), tuple(starts), tuple(numbers))
        parts, starts, numbers, length = [], [], [], 0

    previous = None
    for number, line in outside_fences(text, 1):
        if number in skipped or not line.strip() or (previous is not None and number != previous + 1) or _NEW_BLOCK.match(line):
            yield from flush()
        previous = number
        if number in skipped or not line.strip():
            continue
        prose = _yaml_scalar_text(blank_inline_code(line))
        if parts:
            length += 1
        starts.append(length)
        numbers.append(number)
        parts.append(prose)
        length += len(prose)
    yield from flush()


def _yaml_scalar_text(line: str) -> str:
    """A front-matter line read as prose: the list marker, key and quotes around a one-line value do not count."""
    return re.sub(r'^(\s*)(?:-\s+)?(?:[\w-]+:\s+)?["\']?', lambda m: " " * len(m.group(0)), line).rstrip().rstrip("\"'")


def _spans(text: str, pattern: re.Pattern, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    end = len(text) if end is None else end
    spans, position = [], start
    for match in pattern.finditer(text, start, end):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, end))
    return [(a, b) for a, b in spans if b > a]


# ---------------------------------------------------------------- claims


def _compiled(language: str, name: str) -> re.Pattern:
    key = (language, name)
    if key not in _COMPILED:
        _COMPILED[key] = re.compile(_PATTERNS[language][name], re.IGNORECASE)
    return _COMPILED[key]


def _claims_of(paragraph: _Paragraph, language: str) -> list[Claim]:
    text = paragraph.text
    sentences = _spans(text, _SENTENCE_END)
    claims = []
    for index, (start, end) in enumerate(sentences):
        clauses = _spans(text, _CLAUSE_END, start, end)
        # A clause that states a figure of its own keeps its rule to itself: "ít nhất 10 trên 14, 7 trên 12 là
        # hơn một nửa" does not make the first figure a matter of "more than half".
        claimed = {clause for clause in clauses if any(_compiled(language, name).search(text, *clause) for name in _PATTERNS[language])}
        earlier = [text[a:b] for a, b in reversed(sentences[:index])]
        taken: list[tuple[int, int]] = []
        sum_of = None
        for name in ("compare", "compare_of", "pair", "minimum", "sum", "rounded"):
            for match in _compiled(language, name).finditer(text, start, end):
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                taken.append(match.span())
                line = paragraph.line_at(match.start())
                said = " ".join(match.group(0).split())
                if name in ("compare", "compare_of"):
                    claims.append(_comparison(line, said, match, language, name))
                elif name == "pair":
                    rule = _rule_near(text, clauses, match.span(), earlier, language, claimed)
                    if rule:
                        claims.append(_minimum(line, said, rule, int(match.group(2)), int(match.group(1))))
                elif name == "minimum":
                    claim = _minimum_in_sentence(text, clauses, match, earlier, language, line, said, claimed)
                    if claim:
                        claims.append(claim)
                elif name == "sum":
                    sum_of = int(match.group(1))
                    claims.append(_sum(line, said, sum_of, match.group(2), language))
                elif name == "rounded" and sum_of is not None:
                    claims.append(_minimum(line, said, votes.TWO_THIRDS, sum_of, int(match.group(1)), rounded=True))
    return claims


def _comparison(line: int, said: str, match: re.Match, language: str, name: str) -> Claim:
    numbers = [int(g) for g in match.groups() if g and g.isdigit()]
    in_favour, members = numbers[0], numbers[1]
    rule = votes.TWO_THIRDS if re.match(r"hai|two", match["rule"], re.I) else votes.MORE_THAN_HALF
    if members < 1 or in_favour > members:
        return Claim(line, said, f"«{said}»: {in_favour} phiếu không thể nhiều hơn {members} đảng viên chính thức", "sửa lại hai con số")
    needed = votes.needed(rule, members)
    holds = in_favour >= needed
    negated = bool(match["neg"])
    if holds != negated:
        return Claim(line, said, "", "")
    word = _RULE_NAME[rule]
    if negated:
        wrong = f"«{said}»: {in_favour} trên {members} là đủ {word} (cần ít nhất {needed})"
    else:
        wrong = f"«{said}»: {in_favour} trên {members} không phải {word} (cần ít nhất {needed})"
    return Claim(line, said, wrong, _FIX.format(rule=word, members=members, needed=needed))


def _minimum(line: int, said: str, rule: str, members: int, stated: int, *, rounded: bool = False) -> Claim:
    if members < 1:
        return Claim(line, said, "", "")
    needed = votes.needed(rule, members)
    if stated == needed:
        return Claim(line, said, "", "")
    word = _RULE_NAME[rule]
    what = f"làm tròn lên hai phần ba của {members} là {needed}" if rounded else f"{word} của {members} đảng viên chính thức là ít nhất {needed} phiếu"
    return Claim(line, said, f"«{said}»: sai số phiếu, {what}, không phải {stated}", _FIX.format(rule=word, members=members, needed=needed))


def _sum(line: int, said: str, members: int, written: str, language: str) -> Claim:
    decimals = written.replace(",", ".").partition(".")[2]
    value = float(written.replace(",", "."))
    exact = votes.two_thirds_exact(members)
    if abs(value - exact) <= 0.5 * 10 ** -len(decimals) + 1e-9:
        return Claim(line, said, "", "")
    shown = f"{exact:.{max(len(decimals), 2)}f}"
    shown = shown.replace(".", ",") if language == "vi" else shown
    return Claim(line, said, f"«{said}»: hai phần ba của {members} là {shown}, không phải {written}", f"viết {shown}; số phiếu cần là số nguyên không nhỏ hơn, tức {votes.two_thirds(members)}")


def _minimum_in_sentence(text, clauses, match, earlier, language, line, said, claimed) -> Claim | None:
    """`ít nhất 8 phiếu` whose cell size is named elsewhere in the sentence: a claim only where the clause is
    about votes and the sentence names both the cell's full members and the rule."""
    clause = _clause_of(clauses, match.start())
    own = text[clause[0] : clause[1]]
    if not re.search(_VOTE_WORDS[language], own, re.I) and _cue(own, language) is None:
        return None
    size = _size_near(text, clauses, match.start(), language)
    rule = _rule_near(text, clauses, match.span(), earlier, language, claimed)
    if size is None or rule is None:
        return None
    return _minimum(line, said, rule, size, int(match.group(1)))


def _clause_of(clauses: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for start, end in clauses:
        if start <= offset < end:
            return start, end
    return clauses[-1]


def _ordered_clauses(clauses: list[tuple[int, int]], offset: int) -> list[tuple[int, int]]:
    """The claim's own clause, then the others from the nearest: before, after, before, after…"""
    own = clauses.index(_clause_of(clauses, offset))
    order = [clauses[own]]
    for distance in range(1, len(clauses)):
        for index in (own - distance, own + distance):
            if 0 <= index < len(clauses):
                order.append(clauses[index])
    return order


def _cue(text: str, language: str, near: int | None = None) -> str | None:
    """The rule a piece of text names: an explicit phrase before what is voted; the nearest to `near`."""
    for group in (_EXPLICIT[language], _ACTION[language]):
        found = [(abs(m.start() - near) if near is not None else 0, rule) for rule, pattern in group for m in re.finditer(pattern, text, re.I)]
        if found:
            return min(found)[1]
    return None


def _rule_near(text, clauses, span, earlier, language, claimed=frozenset()) -> str | None:
    own = _clause_of(clauses, span[0])
    for start, end in _ordered_clauses(clauses, span[0]):
        if (start, end) != own and (start, end) in claimed:
            continue
        rule = _cue(text[start:end], language, near=span[0] - start if start <= span[0] < end else None)
        if rule:
            return rule
    for sentence in earlier:
        rule = _cue(sentence, language)
        if rule:
            return rule
    return None


def _size_near(text, clauses, offset, language) -> int | None:
    own = clauses.index(_clause_of(clauses, offset))
    for index in [own, *range(own - 1, -1, -1)]:
        start, end = clauses[index]
        found = list(re.finditer(_SIZE[language], text[start:end], re.I))
        if found:
            return int(found[-1].group(1))
    return None


# ---------------------------------------------------------------- front matter: what is not a statement, and self-checks


@dataclass(frozen=True)
class _Question:
    question: str
    line: int
    correct: str | None
    correct_line: int


def _front_matter_parts(text: str) -> tuple[set[int], list[_Question]]:
    """The lines that hold no statement of the handbook's, and the self-check questions with numeric choices."""
    source, _ = split_front_matter(text)
    if source is None:
        return set(), []
    try:
        _, node = parse(source)
    except yaml.YAMLError:
        return set(), []  # reported by the source checks
    skipped: set[int] = set()
    questions: list[_Question] = []
    first = 2  # the front matter's first line follows the opening '---'
    for key, value in _mapping_items(node):
        if key == "self_check" and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                fields = dict(_mapping_items(item))
                choices, truth = fields.get("choices"), fields.get("true_false")
                if isinstance(truth, yaml.ScalarNode) and truth.value.lower() == "false":
                    skipped |= _lines(fields.get("question"), first)
                if isinstance(choices, yaml.SequenceNode):
                    skipped |= _lines(choices, first)
                    questions.append(_question(fields, choices, first))
    for found in _walk(node):
        key, value = found
        if key in NOT_STATEMENTS:
            skipped |= _lines(value, first)
    return skipped, questions


def _question(fields, choices: yaml.SequenceNode, first: int) -> _Question:
    question = fields.get("question")
    correct, line = None, question.start_mark.line + first if question is not None else first
    for choice in choices.value:
        parts = dict(_mapping_items(choice))
        flag = parts.get("correct")
        if isinstance(flag, yaml.ScalarNode) and flag.value.lower() == "true" and isinstance(parts.get("text"), yaml.ScalarNode):
            correct, line = parts["text"].value, parts["text"].start_mark.line + first
    text = question.value if isinstance(question, yaml.ScalarNode) else ""
    return _Question(text, question.start_mark.line + first if question is not None else first, correct, line)


def _self_check_claims(question: _Question, language: str) -> list[Claim]:
    if question.correct is None or not re.fullmatch(r"\s*\d{1,3}\s*", question.correct):
        return []
    size = re.search(_SIZE[language], question.question, re.I)
    rule = _cue(question.question, language)
    if size is None or rule is None:
        return []
    said = f"{question.question.strip()} → {question.correct.strip()}"
    return [_minimum(question.correct_line, said, rule, int(size.group(1)), int(question.correct))]


def _mapping_items(node) -> list[tuple[str, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        return []
    return [(str(key.value), value) for key, value in node.value]


def _walk(node) -> Iterator[tuple[str, yaml.Node]]:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                yield str(key.value), value
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def _lines(node, first: int) -> set[int]:
    if node is None:
        return set()
    end = node.end_mark.line - (1 if node.end_mark.column == 0 else 0)
    return set(range(node.start_mark.line + first, end + first + 1))


_RULE_NAME = {votes.MORE_THAN_HALF: "quá nửa", votes.TWO_THIRDS: "hai phần ba"}
_FIX = (
    "theo bảng số phiếu của sổ tay (docs/mau/bang-so-phieu.md), {rule} của chi bộ có {members} đảng viên chính thức "
    "là ít nhất {needed} phiếu tán thành; sửa con số, hoặc nếu câu này cố ý nêu một câu trả lời sai thì đặt nó vào "
    "`pitfalls` hay `situation` của tình huống"
)
