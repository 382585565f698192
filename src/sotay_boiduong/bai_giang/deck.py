"""A lesson's deck as data: which slides, in which order, with which words and speaker notes. Nothing here
knows PowerPoint (sotay_boiduong.bai_giang.powerpoint writes the file) or MkDocs.

Every word on a slide is the lesson's own, taken from its front matter or its body; the only other words are
the handbook's interface labels ("Mục tiêu", "Tình huống 1.", "Câu hỏi ôn tập"). What is for lecturers only —
the lecturer notes, the session plan, the keys to the cases, the answers to the review questions — goes to the
speaker notes, never onto a slide; editors' notes (`!!! doi-chieu` boxes) go nowhere.

The rules (the editors' guide, section 2b of docs/huong-dan/bien-tap.md, says the same for editors):

- Slides: a cover (the lesson, its sessions, the programme, the edition's locality); the lesson's opening
  words (before its first heading), titled with its `short_title`; the objectives (one longer than 32 words
  cut as below); for each `##` and `###`
  heading, one or more slides titled with the heading, each table of the section on slides of its own and each
  diagram on a slide titled with its caption; for each case, its situation and then its questions; the review
  questions; the key points (`key_points`) as the summary; the required readings (`sources`, each named as the
  document registry names it, a replaced document by the one now in force, the Charter with its articles).
- Order of the session: when the session plan names the sections a lecture segment covers ("Mục 1 và mục
  2: …", "Sections 4.4 to 4.7 and section 5: …", before the first colon), the deck follows the plan: the
  sections in the order the segments take them, the cases where the discussion is, the review questions where
  the questions are, the summary and readings where the summing up is. A section no segment names goes with
  the section before it.
- Points of a heading, one from each paragraph and list item, in order: a sentence that ends with a colon and
  leads a list is shown whole, without a bullet, the list's items under it; bold opening words that are a
  sentence of their own ("**Review the organisational model.**") are the point; a list item is shown whole; a
  paragraph gives its first sentence, whole if the heading then fits one slide, else cut to 25 words. A
  heading on one slide with room left shows its paragraphs' next sentences under their points, a sentence of
  each paragraph in turn, while the slide holds them.
- A cut: at the last semicolon, colon, dash, opening bracket or comma that leaves at most the limit, and at
  least 5 words (10 at a comma, so not after "Theo Điều 21 Điều lệ Đảng,"); failing that, at the first of them
  if that leaves at most 32 words; a sentence that still fits a slide is then kept whole; a longer one is cut
  after the limit's last word. A cut ends with "…"; the whole paragraph is in the speaker notes.
- When a heading's points fill more than two slides, they are cut shorter, step by step (list items to 25 and
  paragraphs to 20 words, then 18 and 15, then 12), and the step that fills the fewest slides is kept.
- A slide holds at most 6 lines and 40 words (a table: 6 rows with its header, 80 words), and its text at its
  size fits its box as Noto Sans measures it: the lines go on as few slides as they need, shared out evenly,
  a lead line never last; the font is never made smaller (points 32 pt, items under a lead line 28 pt, tables
  20 pt, titles 32, 28 or 24 pt). A line longer than a slide is broken after a sentence, a semicolon, a colon or
  dash, or a comma (the first that serves), and goes on over the next slide.
- A case's situation is shortened to what its questions need: its first sentence (who and where), then the
  sentences, and parts of sentences between semicolons, that share the most two-word phrases with the case's
  title and questions (a phrase counts the more, the rarer it is in the lesson), as many as two slides hold, in
  the order they were written; "…" marks a gap and a part begins with a capital. The questions and the review
  questions are shown whole, numbered as in the lesson.
- Speaker notes: the session plan's part that covers the slide (its kind and minutes; the whole activity on
  its first slide); the lecturer notes that name the slide's section or case, on its first slide (the others on
  the cover); the key of each case (what a good answer covers, the rules, the wrong answers) on its question
  slides; the suggested answers under the review questions; the whole paragraph behind each cut point; the
  diagram in words; the key terms with their glossary meanings, and the objectives in full, on the
  objectives; the glossary's meaning of each abbreviation a slide uses.

Material that no rule can fit (a table wider than four columns, a table row or a sentence too long for a
slide with nowhere to break it) is a Problem at its file and line, with what to shorten.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from .. import documents as registry
from .. import glossary as glossary_module
from ..diagrams import Diagram
from ..languages import format_number
from ..lessons import Unit, label
from ..problems import Problem
from ..schema_errors import yaml_line
from ..sources import split_front_matter
from ..yamlio import parse
from . import layout
from .text import Block, Section, plain, sections, sentences, words

MAX_LINES = 6
MAX_WORDS = 40
TABLE_ROWS = 6  # the header and five rows
TABLE_WORDS = 80
TABLE_COLUMNS = 4
POINT_WORDS = 25  # a paragraph's point (and an objective) longer than this is cut at a clause boundary
# The steps by which a heading's points are shortened until they fit SECTION_SLIDES: (items, paragraphs), in
# words; None keeps a list item whole.
SHORTER = ((None, POINT_WORDS), (25, 20), (18, 15), (12, 12))
SECTION_SLIDES = 2
HARD_POINT_WORDS = 32  # a point with no boundary early enough is cut at its first one if that leaves at most this
SITUATION_SLIDES = 2
MIN_HEAD = 5  # a point cut short keeps at least this many words
MIN_COMMA_HEAD = 10  # and at least this many when cut at a comma (not after "Theo Điều 21 Điều lệ Đảng,")
GAP = "…"


@dataclass(frozen=True)
class Line:
    """One paragraph of a slide's text."""

    text: str
    level: int = 0  # 0: a point; 1: an item under a lead line
    bullet: bool = True  # False: a lead line, a numbered question, a sentence of a case, the rest of a broken line


@dataclass(frozen=True)
class Picture:
    """A diagram drawn for a slide: the PNG and the size it is shown at, in inches."""

    png: bytes
    width: float
    height: float


@dataclass
class Slide:
    kind: str  # cover, intro, objectives, section, diagram, table, case, questions, review, summary, readings
    title: str
    lines: list[Line] = field(default_factory=list)
    table: tuple[tuple[str, ...], ...] = ()  # the header row first
    picture: Picture | None = None
    notes: list[str] = field(default_factory=list)  # paragraphs of the speaker notes
    part: str = ""  # the part of the lesson: opening, heading:<n>, case:<n>, review, summary, readings
    title_size: int = layout.TITLE_SIZES[0]

    @property
    def text(self) -> str:
        """Every word the slide shows, title excepted, in reading order."""
        cells = [cell for row in self.table for cell in row]
        return " ".join([line.text for line in self.lines] + cells)


@dataclass
class Deck:
    """A lesson's slides and where each part of its session plan is in them."""

    language: str
    lesson: int
    label: str
    slides: list[Slide]
    segment_slides: list[tuple[int, int] | None]  # for each session-plan segment, its first and last slide (from 1)


@dataclass(frozen=True)
class Handbook:
    """What a deck needs from the rest of the handbook, for one language."""

    language: str
    words: Mapping[str, str]  # the site's interface strings and this package's (bai_giang.words.words)
    glossary: Mapping[str, str]  # term → meaning (docs/_glossary/<language>.md)
    documents: Mapping[str, Any]  # the document registry: id → documents.Document
    locality: str  # the edition's locality (extra.edition.locality), "" for the common edition
    programme: str  # the programme's name (the site's name in the language)


DrawDiagram = Callable[[Diagram, "layout.Box"], "tuple[Picture | None, str]"]


def build(unit: Unit, source: str, handbook: Handbook, draw: DrawDiagram) -> tuple[Deck | None, list[Problem]]:
    """The deck of a validated lesson: `source` is its file's text (front matter and body); `draw` turns a
    diagram into a picture for a box, or gives Graphviz's message.

    Returns None and the problems when some material cannot fit a slide."""
    front, first_line = split_front_matter(source)
    body = "\n".join(source.splitlines()[first_line - 1 :])
    try:
        node = parse(front)[1] if front else None
    except yaml.YAMLError:
        node = None  # a validated unit's front matter parses; this is for a caller that did not validate
    maker = _Maker(unit, handbook, draw, node)
    opening, found = sections(body, first_line)
    maker.opening(opening)
    for index, section in enumerate(found):
        maker.section(index, section)
    for index, case in enumerate(unit.data.get("cases") or [], start=1):
        maker.case(index, case)
    maker.review()
    maker.summary()
    maker.readings()
    maker.place_lecturer_notes()
    if maker.problems:
        return None, sorted(set(maker.problems))
    slides, segment_slides = maker.ordered()
    return Deck(handbook.language, unit.number or 0, label(unit, handbook.words["lesson"]), slides, segment_slides), []


# ---------------------------------------------------------------- choosing the words


def headline(sentence: str, limit: int) -> tuple[str, bool]:
    """A sentence cut to at most `limit` words at a clause boundary (the rule in the module's docstring), and
    whether it was cut. A sentence that cannot be cut so comes back whole."""
    if words(sentence) <= limit:
        return sentence, False
    heads: list[list[str]] = []
    for separators, least in (((";",), MIN_HEAD), ((":", " — ", " – ", " ("), MIN_HEAD), ((",",), MIN_COMMA_HEAD)):
        found = []
        for separator in separators:
            for match in re.finditer(re.escape(separator), sentence):
                head = sentence[: match.start()].rstrip()
                if words(head) >= least and words(sentence[match.end() :]) >= 3:  # a cut leaves something out
                    found.append(head)
        heads.append(found)
    within = [h for found in heads for h in found if words(h) <= limit]  # the last boundary that leaves few enough
    if within:
        return max(within, key=len).rstrip(" ,;:—–(") + GAP, True
    # No boundary that early: the earliest boundary of all, if what it leaves still fits a line of a slide.
    early = min((h for found in heads for h in found), key=len, default=None)
    if early is not None and words(early) <= HARD_POINT_WORDS:
        return early.rstrip(" ,;:—–") + GAP, True
    if words(sentence) <= MAX_WORDS:
        return sentence, False  # a sentence that fits a slide is not cut in the middle of a clause
    # Nowhere to cut at a mark, and too long for a slide: at a word, after the first `limit` words.
    kept, count = [], 0
    for token in sentence.split():
        kept.append(token)
        count += any(ch.isalnum() for ch in token)
        if count >= limit:
            break
    return " ".join(kept).rstrip(" ,;:—–(") + GAP, True


def break_line(text: str, limit: int = MAX_WORDS) -> list[str] | None:
    """A text longer than `limit` words as pieces of at most `limit` words, broken after semicolons, colons,
    dashes or commas (the strongest that serve); None if it has no break that serves. Joined with spaces, the
    pieces give the text back."""
    if words(text) <= limit:
        return [text]
    for pattern in (r"(?<=[.?!])\s+(?=\S)", r"(?<=;)\s+", r"(?<=:)\s+|\s+(?=[—–]\s)", r"(?<=,)\s+"):
        pieces = _greedy(re.split(pattern, text), limit)
        if pieces is not None:
            return pieces
    return None


def _greedy(parts: list[str], limit: int) -> list[str] | None:
    if any(words(part) > limit for part in parts):
        return None
    pieces: list[str] = []
    for part in parts:
        if pieces and words(pieces[-1]) + words(part) <= limit:
            pieces[-1] = f"{pieces[-1]} {part}"
        else:
            pieces.append(part)
    return pieces


def point_of(block: Block, limit: int | None = POINT_WORDS) -> tuple[str, bool]:
    """The point a paragraph or list item gives a slide, and whether it leaves something of the block out:
    the bold opening words when they are a sentence, else a list item whole (`limit` None) or the first
    sentence cut to `limit` words."""
    lead = block.lead.strip()
    if lead and lead[-1] in ".!?":
        return lead, lead != block.text
    if limit is None:
        return block.text, False
    first = sentences(block.text)[0] if block.text else ""
    text, cut = headline(first, limit)
    return text, cut or text != block.text


def shorten_situation(situation: str, questions: Sequence[str], corpus: Sequence[str], fits: Callable[[list[str]], bool]) -> list[str]:
    """The clauses of a case's situation its questions need, as lines (the rule in the module's docstring):
    `corpus` is every sentence of the lesson (for how rare a phrase is), `fits` says whether lines fit the
    slides a situation may take. The units are the situation's sentences, and the parts of a sentence between
    semicolons; parts of one sentence kept side by side are one line again. A line after which words were left
    out ends with "…"."""
    paragraphs = [p for p in re.split(r"\n\s*\n", situation.strip()) if p.strip()]
    units: list[tuple[int, str]] = []  # (sentence, clause)
    for sentence in (s for p in paragraphs for s in sentences(plain(p))):
        number = len({u[0] for u in units})
        units += [(number, clause) for clause in re.split(r"(?<=;)\s+", sentence)]
    if not units:
        return []
    wanted = set().union(*(_phrases(q) for q in questions)) if questions else set()
    counts = Counter(phrase for sentence in corpus for phrase in _phrases(sentence))
    total = len(corpus) + 1

    def score(index: int) -> float:
        return sum(math.log(total / (counts.get(phrase, 0) + 1)) for phrase in _phrases(units[index][1]) & wanted)

    first_sentence = [i for i, u in enumerate(units) if u[0] == 0]
    chosen = set(first_sentence)
    if not fits(_situation_lines(units, sorted(chosen))):
        text, _ = headline(" ".join(units[i][1] for i in first_sentence), MAX_WORDS)
        return [text]
    ranked = sorted((i for i in range(len(units)) if i not in chosen), key=lambda i: (-score(i), i))
    for index in ranked:
        if score(index) <= 0:
            break
        trial = sorted(chosen | {index})
        if fits(_situation_lines(units, trial)):
            chosen.add(index)
    return _situation_lines(units, sorted(chosen))


def _situation_lines(units: list[tuple[int, str]], chosen: list[int]) -> list[str]:
    lines: list[tuple[int, str]] = []
    previous = None
    for index in chosen:
        sentence, clause = units[index]
        if previous is not None and previous == index - 1 and lines and lines[-1][0] == sentence and words(f"{lines[-1][1]} {clause}") <= MAX_WORDS:
            lines[-1] = (sentence, f"{lines[-1][1]} {clause}")
        else:
            if previous is not None and previous != index - 1:
                lines[-1] = (lines[-1][0], _gap(lines[-1][1]))
            lines.append((sentence, clause))
        previous = index
    if lines and chosen and chosen[-1] != len(units) - 1:
        lines[-1] = (lines[-1][0], _gap(lines[-1][1]))
    return [text for _, text in lines]


def _gap(text: str) -> str:
    return text if text.endswith(GAP) else f"{text.rstrip(';')} {GAP}"


def _capital(text: str) -> str:
    """A part of a sentence shown as a line of its own begins with a capital, as a line of a slide does."""
    return text[:1].upper() + text[1:]


_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def _phrases(text: str) -> set[tuple[str, str]]:
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    return set(zip(tokens, tokens[1:], strict=False))


# ---------------------------------------------------------------- fitting words to slides


def fits(lines: Sequence[Line]) -> bool:
    """Whether lines fit one slide's body: the line and word limits, and the height of the text at its size."""
    if len(lines) > MAX_LINES or sum(words(line.text) for line in lines) > MAX_WORDS:
        return False
    height = 0.0
    for index, line in enumerate(lines):
        size = _size(line)
        width = layout.BODY_BOX.width - (layout.BULLET_INDENT[line.level] if line.bullet or line.level else 0)
        height += layout.text_height(line.text, size, width, first=index == 0)
    return height <= layout.BODY_BOX.height * 72 - 6


def _size(line: Line) -> int:
    return layout.SUB_SIZE if line.level else layout.POINT_SIZE


def pack(lines: Sequence[Line]) -> list[list[Line]]:
    """Lines in order on as few slides as they fill, shared out as evenly as those slides allow (no slide left
    with a last line of its own); a lead line ("… gồm ba nhóm:") never ends a slide when what it leads goes
    on the next."""
    lines = list(lines)
    if not lines:
        return []
    count = len(_greedy_pages(lines))
    best = _even_pages(lines, count)
    return best if best is not None else _greedy_pages(lines)


def _greedy_pages(lines: list[Line]) -> list[list[Line]]:
    slides: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if current and not fits([*current, line]):
            carried = []
            if len(current) > 1 and _is_lead(current[-1]):
                carried = [current.pop()]
            slides.append(current)
            current = carried
        current.append(line)
    if current:
        slides.append(current)
    return slides


def _even_pages(lines: list[Line], count: int) -> list[list[Line]] | None:
    """The split of `lines` into `count` slides that fit, with the fullest slide as empty as it can be."""
    n = len(lines)
    weight = [words(line.text) + 1 for line in lines]
    inf = float("inf")
    # best[j][i]: the smallest largest slide for the first i lines on j slides; cut[j][i]: where the last began.
    best = [[inf] * (n + 1) for _ in range(count + 1)]
    cut = [[0] * (n + 1) for _ in range(count + 1)]
    best[0][0] = 0
    for j in range(1, count + 1):
        for i in range(1, n + 1):
            for k in range(j - 1, i):
                if best[j - 1][k] == inf:
                    continue
                group = lines[k:i]
                if (i < n and len(group) > 1 and _is_lead(group[-1])) or not fits(group):
                    continue
                value = max(best[j - 1][k], sum(weight[k:i]))
                if value < best[j][i]:
                    best[j][i], cut[j][i] = value, k
    if best[count][n] == inf:
        return None
    pages, i = [], n
    for j in range(count, 0, -1):
        k = cut[j][i]
        pages.append(lines[k:i])
        i = k
    return pages[::-1]


def _insert_after(lines: list[Line], anchors: list[Line], line: Line) -> list[Line]:
    """`lines` with `line` put after the last of `anchors` (compared by identity)."""
    position = max(index for index, existing in enumerate(lines) if any(existing is a for a in anchors))
    return [*lines[: position + 1], line, *lines[position + 1 :]]


def _is_lead(line: Line) -> bool:
    return not line.bullet and line.level == 0 and line.text.rstrip().endswith(":")


def table_pages(rows: Sequence[Sequence[str]]) -> list[list[tuple[str, ...]]] | None:
    """The body rows of a table on slides under a repeated header (at most TABLE_ROWS rows and TABLE_WORDS
    words a slide, and the height the cells take at TABLE_SIZE); None if one row cannot fit a slide."""
    header, body = tuple(rows[0]), [tuple(r) for r in rows[1:]]
    widths = column_widths(rows)
    pages: list[list[tuple[str, ...]]] = []
    current: list[tuple[str, ...]] = []
    for row in body:
        if not _table_fits([header, row], widths):
            return None
        if current and not _table_fits([header, *current, row], widths):
            pages.append(current)
            current = []
        current.append(row)
    if current or not pages:
        pages.append(current)
    return pages


def column_widths(rows: Sequence[Sequence[str]]) -> list[float]:
    """The width of each column in inches: in proportion to the longest text of the column, at least an
    inch and a half, filling the body's width."""
    columns = max(len(r) for r in rows)
    need = [max((layout.text_width(r[c], layout.TABLE_SIZE) if c < len(r) else 0) for r in rows) for c in range(columns)]
    need = [max(n, 1) ** 0.5 for n in need]  # a long column gets more room, but not all of it
    total = sum(need)
    widths = [max(1.5, layout.CONTENT_WIDTH * n / total) for n in need]
    scale = layout.CONTENT_WIDTH / sum(widths)
    return [w * scale for w in widths]


def table_height(rows: Sequence[Sequence[str]], widths: Sequence[float]) -> float:
    """The height of the rows in points, each as tall as its tallest cell (with the cell's margins)."""
    total = 0.0
    for row in rows:
        tallest = max(layout.text_height(cell, layout.TABLE_SIZE, width, bold=index == 0) for index, (cell, width) in enumerate(zip(row, widths, strict=False)))
        total += tallest + 0.1 * 72
    return total


def _table_fits(rows: Sequence[Sequence[str]], widths: Sequence[float]) -> bool:
    if len(rows) > TABLE_ROWS or sum(words(cell) for row in rows for cell in row) > TABLE_WORDS:
        return False
    return table_height(rows, widths) <= layout.BODY_BOX.height * 72


# ---------------------------------------------------------------- the session plan


_NUMBER = r"\d+(?:\.\d+)*"


def section_runs(text: str, words_: Mapping[str, str]) -> list[tuple[str, str]]:
    """The sections a text names, as (first, last) numbers: "mục 1 và mục 2.1 đến 2.4" → (1, 1), (2.1, 2.4)."""
    key, joins = words_["section_word"], words_["range_word"]
    run = re.compile(rf"(?:{key})\s+{_NUMBER}(?:\s*(?:,|;|\bvà\b|\band\b|\bor\b|\bhoặc\b|(?<!\w)(?:{joins})(?!\w))\s*(?:(?:{key})\s+)?{_NUMBER})*")
    found: list[tuple[str, str]] = []
    for match in run.finditer(text):
        pending = False
        for token in re.finditer(rf"({_NUMBER})|(?<!\w)({joins})(?!\w)", match.group(0)):
            if token.group(1):
                if pending and found:
                    found[-1] = (found[-1][0], token.group(1))
                else:
                    found.append((token.group(1), token.group(1)))
                pending = False
            else:
                pending = True
    return found


def case_numbers(text: str, words_: Mapping[str, str]) -> list[int]:
    """The cases a text names: "tình huống 1", "case 2", "cases 1 and 3"."""
    key = words_["case_word"]
    numbers: list[int] = []
    for match in re.finditer(rf"(?:{key})\s+\d+(?:\s*(?:,|\bvà\b|\band\b|\bor\b|\bhoặc\b)\s*\d+)*", text):
        numbers += [int(n) for n in re.findall(r"\d+", match.group(0))]
    return numbers


def covers(number: str, run: tuple[str, str]) -> bool:
    """Whether a section number lies in a run of sections: 2.3 in (2.1, 2.4), 4.2 in (3, 5), 2 in (2, 2)."""
    if not number:
        return False
    own = tuple(int(p) for p in number.split("."))
    first = tuple(int(p) for p in run[0].split("."))
    last = tuple(int(p) for p in run[1].split("."))
    return own[: len(first)] >= first and own[: len(last)] <= last


def lecture_runs(activity: str, words_: Mapping[str, str]) -> list[tuple[str, str]]:
    """The sections a lecture segment covers: those named before the first colon of its activity."""
    return section_runs(activity.split(":", 1)[0], words_)


# ---------------------------------------------------------------- the maker


@dataclass
class _Part:
    name: str
    order: int  # in the lesson
    slides: list[Slide] = field(default_factory=list)
    number: str = ""  # a heading's section number


class _Maker:
    def __init__(self, unit: Unit, handbook: Handbook, draw: DrawDiagram, node):
        self.unit, self.data, self.handbook, self.draw, self.node = unit, unit.data, handbook, draw, node
        self.words = handbook.words
        self.parts: list[_Part] = []
        self.problems: list[Problem] = []
        self.corpus: list[str] = []
        self.abbreviations = {t: d for t, d in handbook.glossary.items() if glossary_module.is_abbreviation(t)}
        self.segments = [s for s in ((self.data.get("session_plan") or {}).get("segments") or []) if isinstance(s, dict)]
        self.unplaced: list[str] = []  # lecturer notes that name no section or case: for the cover

    # ------------------------------------------------------------ parts of the lesson

    def opening(self, blocks: list[Block]) -> None:
        part = self._part("opening")
        data, w = self.data, self.words
        subtitle = [Line(self.handbook.programme, bullet=False)] if self.handbook.programme else []
        subtitle.append(Line(f"{w['duration']}: {format_number(data.get('sessions', 1), self.handbook.language)} {w['sessions']}", bullet=False))
        if self.handbook.locality:
            subtitle.append(Line(f"{w['locality']}: {self.handbook.locality}", bullet=False))
        cover_title = label(self.unit, w["lesson"])
        size = layout.title_size(cover_title, layout.COVER_TITLE_BOX, layout.COVER_TITLE_SIZES)
        if size is None:
            self._problem(self._line("title"), f"tên bài dài {words(cover_title)} từ, không vừa trang bìa của bộ trang chiếu ở cỡ chữ {layout.COVER_TITLE_SIZES[-1]}", "rút gọn trường `title`")
            size = layout.COVER_TITLE_SIZES[-1]
        part.slides.append(Slide("cover", cover_title, subtitle, part="opening", title_size=size))
        texts = [b for b in blocks if b.kind in ("paragraph", "item")]
        if texts:
            title = data.get("short_title") or data.get("title", "")
            part.slides += self._text_slides("intro", title, texts, "opening")
        objectives = [plain(str(o)) for o in data.get("objectives") or []]
        if objectives:
            # An objective is a commitment, not a heading: cut only past 32 words, and never shorter.
            lines = [Line(headline(o, HARD_POINT_WORDS)[0]) for o in objectives]
            cut = [f"- {o}" for o, line in zip(objectives, lines, strict=True) if line.text != o]
            terms = [f"- {term}: {self.handbook.glossary[term]}" for term in data.get("key_terms") or [] if term in self.handbook.glossary]
            extra = ([w["objectives_lead"], *cut] if cut else []) + ([w["terms"] + ":", *terms] if terms else [])
            slides = self._slides_of("objectives", w["objectives"], lines, "opening", self._line("objectives"))
            if slides:
                slides[0].notes += extra
            part.slides += slides

    def section(self, index: int, section: Section) -> None:
        self.corpus += [s for b in section.blocks for s in sentences(b.text)]
        part = self._part(f"heading:{index}", number=section.number)
        title = section.title
        pending: list[Block] = []
        for block in section.blocks:
            if block.kind in ("paragraph", "item"):
                pending.append(block)
                continue
            part.slides += self._text_slides("section", title, pending, part.name) if pending else []
            pending = []
            if block.kind == "diagram":
                part.slides += self._diagram(title, block, part.name)
            elif block.kind == "table":
                part.slides += self._table(title, block, part.name)
        if pending:
            part.slides += self._text_slides("section", title, pending, part.name)

    def case(self, index: int, case: Mapping[str, Any]) -> None:
        w = self.words
        part = self._part(f"case:{index}")
        title = f"{w['case']} {index}. {plain(str(case.get('title', '')))}"
        questions = [plain(str(q)) for q in case.get("questions") or []]
        setting = Line(f"{w['setting']}: {w.get('setting_' + str(case.get('setting')), case.get('setting', ''))}", bullet=False)
        line = self._line("cases", index - 1, "situation")

        def situation_fits(lines: list[str]) -> bool:
            lines = [_capital(t) for t in lines]
            shown = [setting, *(Line(t, bullet=False) for t in lines)]
            return all(fits([line]) for line in shown) and len(pack(shown)) <= SITUATION_SLIDES

        situation = [_capital(t) for t in shorten_situation(str(case.get("situation", "")), [str(case.get("title", "")), *questions], self.corpus, situation_fits)]
        if situation and words(situation[0]) > MAX_WORDS:
            self._problem(line, f"câu đầu của tình huống {index} dài {words(situation[0])} từ, không có dấu chấm phẩy, hai chấm hay dấu phẩy để ngắt cho vừa một trang chiếu ({MAX_WORDS} từ)", "tách câu đầu của `situation` thành hai câu ngắn hơn")
            return
        key = case.get("key") or {}
        notes = [f"{w['case_keys']} — {title}"]
        for field_name, heading in (("points", "key_answer_points"), ("rules", "key_rules"), ("pitfalls", "key_pitfalls")):
            items = [plain(str(item)) for item in key.get(field_name) or []]
            if items:
                notes.append(f"{w[heading]}:")
                notes += [f"- {item}" for item in items]
        slides = [Slide("case", title, lines, part=part.name) for lines in pack([setting, *(Line(t, bullet=False) for t in situation)])]
        asked: list[Line] = []
        for number, question in enumerate(questions, start=1):
            asked += self._broken(f"{number}. {question}", self._line("cases", index - 1, "questions", number - 1), bullet=False)
        size = self._title_size(title, self._line("cases", index - 1, "title"))
        for slide in slides:
            slide.title_size = size
        asking = f"{w['discussion_questions']} — {w['case']} {index}"
        slides += [Slide("questions", asking, lines, part=part.name, notes=list(notes), title_size=self._title_size(asking, self._line("cases", index - 1))) for lines in pack(asked)]
        part.slides += slides

    def review(self) -> None:
        w = self.words
        items = [i for i in self.data.get("review_questions") or [] if isinstance(i, Mapping)]
        if not items:
            return
        part = self._part("review")
        lines: list[Line] = []
        owner: dict[int, int] = {}
        for number, item in enumerate(items, start=1):
            for piece in self._broken(f"{number}. {plain(str(item.get('question', '')))}", self._line("review_questions", number - 1, "question"), bullet=False):
                owner[id(piece)] = number
                lines.append(piece)
        for page in pack(lines):
            numbers = sorted({owner[id(line)] for line in page})
            notes = [f"{w['suggested_answer']}:"] + [f"{n}. {plain(str(items[n - 1].get('answer', '')))}" for n in numbers]
            part.slides.append(Slide("review", w["review_questions"], page, part=part.name, notes=notes))

    def summary(self) -> None:
        points = [plain(str(p)) for p in self.data.get("key_points") or []]
        if not points:
            return
        part = self._part("summary")
        lines: list[Line] = []
        for number, point in enumerate(points):
            lines += self._broken(point, self._line("key_points", number))
        part.slides += [Slide("summary", self.words["key_points"], page, part=part.name) for page in pack(lines)]

    def readings(self) -> None:
        language, w = self.handbook.language, self.words
        documents = self.handbook.documents
        shown: dict[str, str] = {}
        notes: list[str] = []
        for source in self.data.get("sources") or []:
            if not isinstance(source, Mapping):
                continue
            document_id = str(source.get("document", ""))
            document = documents.get(document_id)
            if document is None:
                shown.setdefault(document_id, document_id)
                continue
            current = registry.current_version(dict(documents), document_id)
            if current.id != document.id:
                replaced = w["replaced_by"].replace("{number}", current.number or current.short_name(language))
                notes.append(f"- {document.short_name(language)}: {replaced}")
            name = current.short_name(language)
            articles = source.get("articles") if current.id == document.id else None
            if articles:
                word = w["article"] if len(articles) == 1 else w["articles"]
                name = f"{name}: {word} {', '.join(str(a) for a in articles)}"
            if current.id not in shown or (articles and ":" not in shown[current.id]):
                shown[current.id] = name
            full = current.text("name", language)
            date = registry.format_date(current.date, language)
            line = f"- {current.short_name(language)}" + (f" — {full}" if full and full != current.short_name(language) else "") + (f" ({date})" if date else "")
            if line not in notes:
                notes.append(line)
        if not shown:
            return
        part = self._part("readings")
        lines = []
        for name in shown.values():
            lines += self._broken(name, self._line("sources"))
        pages = _greedy_pages(lines)  # a list of names: as many on the first slide as it holds
        part.slides += [Slide("readings", w["readings"], page, part=part.name, notes=list(notes)) for page in pages]

    # ------------------------------------------------------------ slides of a heading

    def _text_slides(self, kind: str, title: str, blocks: list[Block], part: str) -> list[Slide]:
        size = self._title_size(title, blocks[0].line if blocks else 1)
        # First every paragraph's first sentence whole, if the heading then fits one slide; else the steps of
        # SHORTER, until the points fit SECTION_SLIDES.
        steps = [((None, MAX_WORDS), 1)] + [(step, SECTION_SLIDES) for step in SHORTER]
        tried = []
        for (item_words, paragraph_words), most in steps:
            lines, notes_of = self._points(blocks, item_words, paragraph_words)
            pages = pack(lines)
            tried.append((len(pages), len(tried), pages, notes_of))
            if len(pages) <= most:
                break
        _, _, pages, notes_of = min(tried, key=lambda t: (t[0], t[1]))  # fewest slides, then the longest points
        if len(pages) == 1:
            pages = [self._filled(blocks, pages[0], notes_of)]
        slides = []
        for page in pages:
            notes = []
            for line in page:
                full = notes_of.get(id(line))
                if full and full not in notes:
                    notes.append(full)
            slides.append(Slide(kind, title, page, part=part, notes=notes, title_size=size))
        return slides

    def _filled(self, blocks: list[Block], page: list[Line], notes_of: dict[int, str]) -> list[Line]:
        """A heading whose points leave room on its one slide: each paragraph's next sentences under its point,
        a sentence of each paragraph in turn, while the slide holds them (a slide of one short line says less
        than its section)."""
        owners = {id(line): block for block in blocks for line in page if notes_of.get(id(line)) == block.text}
        shown = {id(block): [line for line in page if owners.get(id(line)) is block] for block in blocks}
        rest = {}
        for block in blocks:
            said = shown[id(block)]
            parts = sentences(block.text)
            if block.kind == "paragraph" and said and not block.lead and len(parts) > 1 and said[-1].text == parts[0]:
                rest[id(block)] = parts[1:]
        added: dict[int, list[Line]] = {id(block): [] for block in blocks}
        current = list(page)
        for turn in range(max((len(v) for v in rest.values()), default=0)):
            for block in blocks:
                more = rest.get(id(block), [])
                if turn >= len(more) or len(added[id(block)]) < turn:
                    continue
                line = Line(headline(more[turn], POINT_WORDS)[0], level=1)
                trial = _insert_after(current, shown[id(block)] + added[id(block)], line)
                if fits(trial):
                    added[id(block)].append(line)
                    current = trial
                    if turn == len(more) - 1 and line.text == more[turn]:
                        for said in shown[id(block)]:
                            notes_of.pop(id(said), None)  # the whole paragraph is on the slide
                    else:
                        notes_of[id(line)] = block.text
        return current

    def _points(self, blocks: list[Block], item_words: int | None, paragraph_words: int) -> tuple[list[Line], dict[int, str]]:
        lines: list[Line] = []
        notes_of: dict[int, str] = {}
        under_lead = False
        for position, block in enumerate(blocks):
            following = blocks[position + 1] if position + 1 < len(blocks) else None
            if block.kind == "paragraph":
                first = sentences(block.text)[0] if block.text else ""
                leads = first.endswith(":") and following is not None and following.kind == "item"
                # A sentence that leads a list is shown whole, without a bullet, the list's items under it.
                text, left_out = (first, first != block.text) if leads else point_of(block, paragraph_words)
                under_lead = leads
                made = self._broken(text, block.line, bullet=not leads)
            else:
                text, left_out = point_of(block, item_words)
                made = self._broken(text, block.line, level=1 if (under_lead or block.level) else 0)
            for line in made:
                if left_out:
                    notes_of[id(line)] = block.text
                lines.append(line)
        return lines, notes_of

    def _diagram(self, title: str, block: Block, part: str) -> list[Slide]:
        """A diagram's slide: its caption as the title (the slide before has the section's heading), the
        picture as large as the rest of the slide allows, the diagram in words in the notes."""
        diagram = block.diagram
        assert diagram is not None
        picture, message = self.draw(diagram, layout.PICTURE_BOX)
        if picture is None:
            if message:  # not a broken diagram, which the diagrams' check reports already, once
                self._problem(block.line, f"sơ đồ «{diagram.caption}» không vẽ được cho trang chiếu: {message}", "sửa mã sơ đồ (xem mục 2a «Thêm hoặc sửa một sơ đồ» trong docs/huong-dan/bien-tap.md)")
            return []
        caption = plain(diagram.caption)
        size = layout.title_size(caption)
        if size is None:
            self._problem(block.line, f"chú thích sơ đồ dài {words(caption)} từ, không vừa ô tiêu đề của trang chiếu ở cỡ chữ {layout.TITLE_SIZES[-1]}", "rút gọn `caption` của sơ đồ")
            size = layout.TITLE_SIZES[-1]
        notes = [f"{title}.", self.words.get("diagram_text", "") + ":", *[plain(row) for row in diagram.text.splitlines() if row.strip()]]
        return [Slide("diagram", caption, picture=picture, part=part, notes=notes, title_size=size)]

    def _table(self, title: str, block: Block, part: str) -> list[Slide]:
        rows = block.rows
        columns = max(len(r) for r in rows)
        if columns > TABLE_COLUMNS:
            self._problem(block.line, f"bảng có {columns} cột, một trang chiếu chỉ chứa được {TABLE_COLUMNS} cột ở cỡ chữ {layout.TABLE_SIZE}", f"chia bảng thành hai bảng, mỗi bảng không quá {TABLE_COLUMNS} cột, hoặc bỏ bớt một cột")
            return []
        rows = tuple(tuple(r) + ("",) * (columns - len(r)) for r in rows)
        pages = table_pages(rows)
        if pages is None:
            self._problem(block.line, f"bảng có một hàng quá dài cho một trang chiếu (tối đa {TABLE_WORDS} từ cả hàng tiêu đề, ở cỡ chữ {layout.TABLE_SIZE})", "rút gọn chữ trong các ô của hàng dài nhất")
            return []
        size = self._title_size(title, block.line)
        return [Slide("table", title, table=(rows[0], *page), part=part, title_size=size) for page in pages]

    # ------------------------------------------------------------ helpers

    def _broken(self, text: str, line: int, *, level: int = 0, bullet: bool = True) -> list[Line]:
        pieces = break_line(text)
        if pieces is None:
            own = re.sub(r"^\d+\.\s+", "", text)  # a question without the number the slide gives it
            self._problem(line, f"câu «{own[:60]}…» dài {words(own)} từ, không có dấu chấm phẩy, hai chấm hay dấu phẩy để ngắt cho vừa một trang chiếu ({MAX_WORDS} từ)", "tách câu thành hai câu ngắn hơn")
            return [Line(text, level, bullet)]
        return [Line(piece, level, bullet if index == 0 else False) for index, piece in enumerate(pieces)]

    def _slides_of(self, kind: str, title: str, lines: list[Line], part: str, line: int) -> list[Slide]:
        size = self._title_size(title, line)
        return [Slide(kind, title, page, part=part, title_size=size) for page in pack(lines)]

    def _title_size(self, title: str, line: int) -> int:
        size = layout.title_size(title)
        if size is None:
            self._problem(line, f"tiêu đề «{title[:60]}» dài {words(title)} từ, không vừa ô tiêu đề của trang chiếu ở cỡ chữ {layout.TITLE_SIZES[-1]}", "rút gọn đề mục (hoặc tên tình huống)")
            return layout.TITLE_SIZES[-1]
        return size

    def place_lecturer_notes(self) -> None:
        """Each lecturer note on the first slide of the section and of the case it names (of a run of
        sections, the first of them); a note that names none stays for the cover (`ordered`)."""
        headings = [p for p in self.parts if p.name.startswith("heading:") and p.slides]
        for raw in self.data.get("lecturer_notes") or []:
            note = plain(str(raw))
            targets: list[_Part] = []
            for run in section_runs(note, self.words):
                first = next((p for p in headings if covers(p.number, run)), None)
                if first is not None and first not in targets:
                    targets.append(first)
            for number in case_numbers(note, self.words):
                case = next((p for p in self.parts if p.name == f"case:{number}" and p.slides), None)
                if case is not None and case not in targets:
                    targets.append(case)
            for target in targets:
                target.slides[0].notes.insert(0, note)
            if not targets:
                self.unplaced.append(note)

    def _part(self, name: str, number: str = "") -> _Part:
        part = _Part(name, len(self.parts), number=number)
        self.parts.append(part)
        return part

    def _problem(self, line: int, message: str, fix: str) -> None:
        self.problems.append(Problem(self.unit.path, line, message, fix))

    def _line(self, *location) -> int:
        """The file line of a front matter field (`"cases", 0, "situation"`), or of its nearest parent."""
        if self.node is None:
            return self.unit.key_lines.get(location[0], 1)
        return yaml_line(self.node, list(location), 2, 1)

    # ------------------------------------------------------------ the order of the session

    def ordered(self) -> tuple[list[Slide], list[tuple[int, int] | None]]:
        """The parts in the order of the session plan, the plan's part and the general lecturer notes in the
        notes, and each segment's slides."""
        claim: dict[str, int] = {}
        headings = [p for p in self.parts if p.name.startswith("heading:")]
        for index, segment in enumerate(self.segments):
            kind = segment.get("kind")
            activity = str(segment.get("activity", ""))
            if kind == "mo-dau":
                names = ["opening"]
            elif kind == "giang":
                runs = lecture_runs(activity, self.words)
                names = [p.name for p in headings if any(covers(p.number, run) for run in runs)]
            elif kind == "thao-luan":
                names = [p.name for p in self.parts if p.name.startswith("case:")]
            elif kind == "hoi-dap":
                names = ["review"]
            elif kind == "tong-ket":
                names = ["summary", "readings"]
            else:
                names = []
            for name in names:
                claim.setdefault(name, index)
        lectures = [i for i, s in enumerate(self.segments) if s.get("kind") == "giang"]
        previous = lectures[0] if lectures else None
        for part in headings:  # a section no segment names goes with the one before it
            if part.name in claim:
                previous = claim[part.name]
            elif previous is not None:
                claim[part.name] = previous
        last_heading = max((claim.get(p.name, -1) for p in headings), default=-1)

        def key(part: _Part) -> tuple[float, int]:
            if part.name == "opening":
                return (-1, part.order)
            if part.name in claim:
                return (claim[part.name], part.order)
            if part.name.startswith("case:"):
                return (last_heading + 0.5, part.order)
            return (len(self.segments) + 1, part.order)

        ordered = sorted(self.parts, key=key)
        slides: list[Slide] = []
        spans: dict[int, list[int]] = {}
        for part in ordered:
            segment_index = claim.get(part.name)
            segment = self.segments[segment_index] if segment_index is not None else None
            for slide in part.slides:
                slides.append(slide)
                if segment is not None:
                    # The whole activity on the segment's first slide, its kind and minutes on the others.
                    slide.notes[:0] = [self._plan_line(segment, whole=segment_index not in spans)]
                    spans.setdefault(segment_index, []).append(len(slides))
                slide.notes += self._abbreviation_notes(slide)
        if slides and slides[0].kind == "cover":
            slides[0].notes += self.unplaced
        for slide in slides:
            slide.notes = [n for n in slide.notes if n.strip()]
        segment_slides = [(min(spans[i]), max(spans[i])) if i in spans else None for i in range(len(self.segments))]
        return slides, segment_slides

    def _plan_line(self, segment: Mapping[str, Any], *, whole: bool) -> str:
        w = self.words
        kind = w.get(f"plan_kind_{segment.get('kind')}", str(segment.get("kind")))
        head = w["plan_part"].format(session_plan=w["session_plan"], kind=kind, minutes=segment.get("minutes"), minutes_word=w["minutes"])
        return f"{head} {plain(str(segment.get('activity', '')))}" if whole else head

    def _abbreviation_notes(self, slide: Slide) -> list[str]:
        text = f"{slide.title} {slide.text}"
        used = [term for term in self.abbreviations if re.search(rf"(?<![\w/-]){re.escape(term)}(?![\w/-])", text)]
        return [f"{term}: {self.abbreviations[term]}" for term in used]
