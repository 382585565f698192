"""The lecturers' decks and lesson plans (sotay_boiduong.bai_giang): every deck of the repository's lessons
opened with python-pptx and every plan with python-docx, against the lesson's own sources; the rules on their
own; the mistakes that stop the build; the cache; and one small site whose pages link the files.

The decks are built straight from docs/bai-hoc/ (no site build): the assertions are relations between a deck
and its lesson (a heading of the lesson, a key point of its front matter), never the lessons' words, which
their writers change.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from docx import Document
from pptx import Presentation
from pptx.util import Emu

from sotay_boiduong import diagrams, documents, glossary, lessons
from sotay_boiduong.bai_giang import build as kit
from sotay_boiduong.bai_giang import deck as rules
from sotay_boiduong.bai_giang import layout, words
from sotay_boiduong.bai_giang.text import plain, sections, sentences
from sotay_boiduong.sources import split_front_matter

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LESSONS = sorted((DOCS / "bai-hoc").glob("bai-*.md"))
MIN_SLIDES, MAX_SLIDES = 20, 120
# What is for lecturers or editors only, by its label in the interface strings; none of it is on a slide.
HIDDEN_LABELS = ("editor_note", "lecturer_title", "lecturer_notes", "case_keys", "key_answer_points", "key_pitfalls", "suggested_answer", "session_plan")


def language_of(path: Path) -> str:
    return "en" if path.name.endswith(".en.md") else "vi"


def _config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def handbook(language: str, locality: str = "") -> rules.Handbook:
    """What the build gives the decks, read from mkdocs.yml and docs/ as the site's settings are."""
    config = _config()
    name = config["site_name"]
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    for entry in i18n["languages"]:
        if entry["locale"] == language and not entry.get("default"):
            name = entry.get("site_name", name)
    strings = yaml.safe_load((DOCS / f"_data/giao-dien/{language}.yml").read_text(encoding="utf-8"))
    registry, problems = documents.load_registry("docs/_data/van-ban.yml", (DOCS / "_data/van-ban.yml").read_text(encoding="utf-8"))
    assert not problems
    entries = glossary.parse((DOCS / f"_glossary/{language}.md").read_text(encoding="utf-8"))
    return rules.Handbook(language, words.words(language, strings["ui"]), entries, registry, locality, name)


def source(path: Path) -> kit.LessonSource:
    text = path.read_text(encoding="utf-8")
    unit, problems = lessons.validate_unit(f"docs/bai-hoc/{path.name}", f"bai-hoc/{path.name}", text)
    assert unit is not None and not problems, problems
    return kit.LessonSource(unit, text)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, tuple[kit.Output, Path]]:
    """Every lesson's deck and plan of both languages, written as the site holds them."""
    out = tmp_path_factory.mktemp("decks")
    renderer = diagrams.Renderer(ROOT / ".cache" / "diagrams")
    result = {}
    for language in ("vi", "en"):
        folder = out / ("en" if language == "en" else "")
        paths = [p for p in LESSONS if language_of(p) == language]
        outputs, problems = kit.build_decks([source(p) for p in paths], handbook(language), renderer, out_dir=folder, cache_dir=out / "cache")
        assert not problems, "\n".join(map(str, problems))
        for output in outputs:
            path = next(p for p in paths if p.name.split(".")[0] == output.slug)
            result[path.name] = (output, folder)
    return result


def deck_of(built, path: Path):
    output, folder = built[path.name]
    return Presentation(str(folder / output.deck_path))


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def headings(path: Path) -> set[str]:
    """The lesson's ## and ### headings as a reader sees them (read here, not by the package)."""
    found = set()
    body = path.read_text(encoding="utf-8").split("---", 2)[2]
    fenced = False
    for line in body.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        match = re.match(r"^#{2,3}\s+(.+?)\s*$", line)
        if match and not fenced:
            found.add(" ".join(re.sub(r"\s*\{[^}]*\}\s*$", "", match.group(1)).replace("**", "").split()))
    return found


def squash(text: str) -> str:
    return " ".join(text.split())


def title_of(slide) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def body_texts(slide) -> list[str]:
    """The paragraphs of a slide other than its title, in reading order (tables cell by cell)."""
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame and shape != slide.shapes.title:
            texts += [p.text for p in shape.text_frame.paragraphs if p.text.strip()]
        if shape.has_table:
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return texts


def all_runs(slide):
    for shape in slide.shapes:
        frames = [shape.text_frame] if shape.has_text_frame else []
        if shape.has_table:
            frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
        for frame in frames:
            for paragraph in frame.paragraphs:
                yield from (run for run in paragraph.runs if run.text.strip())


def notes_of(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def word_count(texts) -> int:
    return sum(rules.words(text) for text in texts)


def kind_of(slide, ui, number) -> str:
    title = title_of(slide)
    if number == 1:
        return "cover"
    if any(shape.shape_type == 13 for shape in slide.shapes):
        return "diagram"
    if any(shape.has_table for shape in slide.shapes):
        return "table"
    if title.startswith(f"{ui['case']} ") or title.startswith(ui["discussion_questions"]):
        return "case"
    if title in (ui["objectives"], ui["review_questions"], ui["key_points"], ui["readings"]):
        return title
    return "section"


# ---------------------------------------------------------------- every deck


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_deck_slides_follow_the_lesson(built, path):
    deck, data, ui = deck_of(built, path), front(path), handbook(language_of(path)).words
    output, _ = built[path.name]
    assert MIN_SLIDES <= len(deck.slides) <= MAX_SLIDES and output.slides == len(deck.slides)
    assert (deck.slide_width, deck.slide_height) == (Emu(12192000), Emu(6858000)) or abs(deck.slide_width / deck.slide_height - 16 / 9) < 0.01
    own = headings(path)
    body = squash(" ".join(t for slide in deck.slides for t in body_texts(slide)))
    for number, slide in enumerate(deck.slides, start=1):
        if kind_of(slide, ui, number) == "section" and title_of(slide) != (data.get("short_title") or ""):
            assert squash(title_of(slide)) in own, f"slide {number}: «{title_of(slide)}» is not a heading of {path.name}"
    for point in data["key_points"]:
        assert squash(plain(point)) in body, f"key point missing from the deck: {point[:60]}"
    for case in data["cases"]:
        for question in case["questions"]:
            assert squash(plain(question)) in body, f"case question missing from the deck: {question[:60]}"
    for item in data["review_questions"]:
        assert squash(plain(item["question"])) in body
    diagrams_in_lesson = path.read_text(encoding="utf-8").count("```dot")
    assert sum(kind_of(s, ui, n) == "diagram" for n, s in enumerate(deck.slides, start=1)) == diagrams_in_lesson


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_no_slide_is_too_full_or_too_small(built, path):
    deck, ui = deck_of(built, path), handbook(language_of(path)).words
    for number, slide in enumerate(deck.slides, start=1):
        kind = kind_of(slide, ui, number)
        texts = body_texts(slide)
        if kind == "table":
            assert word_count(texts) <= rules.TABLE_WORDS, f"slide {number}"
        elif kind != "cover":
            assert word_count(texts) <= rules.MAX_WORDS, f"slide {number} has {word_count(texts)} words: {texts}"
            assert len(texts) <= rules.MAX_LINES, f"slide {number} has {len(texts)} lines"
        for run in all_runs(slide):
            assert run.font.size is not None and run.font.size.pt >= layout.MIN_SIZE, f"slide {number}: «{run.text[:40]}» at {run.font.size}"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lecturer_material_is_in_the_notes_and_never_on_a_slide(built, path):
    deck, data, ui = deck_of(built, path), front(path), handbook(language_of(path)).words
    shown = squash(" ".join([title_of(s) for s in deck.slides] + [t for s in deck.slides for t in body_texts(s)]))
    assert "cần đối chiếu" not in shown.lower() and "doi-chieu" not in shown
    for key in HIDDEN_LABELS:
        assert ui[key] not in shown, key
    hidden = [*data["lecturer_notes"], *(a["answer"] for a in data["review_questions"])]
    hidden += [point for case in data["cases"] for group in case["key"].values() for point in group]
    learners = [path.read_text(encoding="utf-8").split("---", 2)[2], *data["objectives"], *data["key_points"]]
    learners += [case[k] for case in data["cases"] for k in ("title", "situation")] + [q for case in data["cases"] for q in case["questions"]]
    learners += [item["question"] for item in data["review_questions"]]
    learners_text = squash(plain(" ".join(learners)))
    for text in hidden:
        opening = " ".join(plain(text).split()[:10])
        if opening not in learners_text:  # an answer may repeat the lesson's own words, which slides show
            assert opening not in shown, f"lecturer-only text on a slide: {opening}"
    notes = [notes_of(slide) for slide in deck.slides]
    assert all(note.strip() for note in notes[1:]), [n for n, note in enumerate(notes, start=1) if not note.strip()]
    everything = squash(" ".join(notes))
    for number, case in enumerate(data["cases"], start=1):
        own = squash(" ".join(notes_of(s) for s in deck.slides if title_of(s).endswith(f"{ui['case']} {number}") or title_of(s).startswith(f"{ui['case']} {number}.")))
        for point in case["key"]["points"]:
            assert squash(plain(point)) in own, f"case {number}: key point not in the notes of its slides: {point[:60]}"
    for segment in data["session_plan"]["segments"]:
        if segment["kind"] != "nghi":
            assert f"{segment['minutes']} {ui['minutes']}" in everything


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_deck_text_is_nfc_and_in_the_handbook_fonts(built, path):
    deck = deck_of(built, path)
    for slide in deck.slides:
        for text in [title_of(slide), *body_texts(slide), notes_of(slide)]:
            assert unicodedata.is_normalized("NFC", text)
        for run in all_runs(slide):
            assert run.font.name in (None, layout.FONT)
    theme = deck.slide_master.part.part_related_by("http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob.decode("utf-8")
    assert theme.count(f'<a:latin typeface="{layout.FONT}"/>') == 2 and f'val="{layout.PRIMARY}"' in theme


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_plan_has_the_five_columns_and_the_session_minutes(built, path):
    output, folder = built[path.name]
    data, ui = front(path), handbook(language_of(path)).words
    doc = Document(str(folder / output.plan_path))
    [table] = doc.tables
    header = [cell.text for cell in table.rows[0].cells]
    assert header == [ui["plan_step"], ui["plan_content"], ui["plan_method"], ui["plan_equipment"], ui["plan_minutes"]]
    segments = data["session_plan"]["segments"]
    rows = table.rows[1:-1]
    assert len(rows) == len(segments)
    assert sum(int(row.cells[4].text) for row in rows) == sum(s["minutes"] for s in segments) == int(table.rows[-1].cells[4].text)
    assert all(row.cells[2].text.strip() and row.cells[3].text.strip() for row in rows)
    text = squash("\n".join(p.text for p in doc.paragraphs))
    assert ui["plan_lecturer"] in text and ui["plan_class"] in text
    for objective in data["objectives"]:
        assert squash(plain(objective)) in text
    for item in data["session_plan"]["prepare"] + data["session_plan"]["local_data"]:
        assert squash(plain(item)) in text


# ---------------------------------------------------------------- the rules


def test_a_point_is_cut_at_a_clause_and_marked():
    sentence = "Chi bộ có dưới chín đảng viên chính thức thì bầu bí thư và có thể bầu phó bí thư; có từ chín đảng viên chính thức trở lên thì bầu chi uỷ, bí thư và phó bí thư được bầu trong số chi uỷ viên."
    text, cut = rules.headline(sentence, 25)
    assert cut and text == "Chi bộ có dưới chín đảng viên chính thức thì bầu bí thư và có thể bầu phó bí thư…"
    assert rules.headline("Một câu ngắn.", 25) == ("Một câu ngắn.", False)
    # Not after a short opening phrase: "Theo Điều 21 Điều lệ Đảng," is no point.
    short_opening = "Theo Điều 21 Điều lệ Đảng, ở nơi có từ ba đảng viên chính thức trở lên thì lập tổ chức cơ sở đảng và chi bộ."
    assert rules.headline(short_opening, 20) == (short_opening, False)


def test_a_long_line_breaks_where_the_text_pauses():
    text = "one two three four five six seven eight nine ten; " * 5
    pieces = rules.break_line(text.strip(), 25)
    assert pieces is not None and all(rules.words(p) <= 25 for p in pieces) and " ".join(pieces) == text.strip()
    assert rules.break_line(" ".join(["word"] * 50), 40) is None


@pytest.mark.parametrize(
    ("activity", "runs"),
    [
        ("Mục 1 và mục 2: khái niệm", [("1", "1"), ("2", "2")]),
        ("Giảng mục 1 và mục 2.1 đến 2.4: khái niệm", [("1", "1"), ("2.1", "2.4")]),
        ("Mục 3 đến mục 5: phân biệt", [("3", "5")]),
        ("Mục 4.4 đến 4.7 và mục 5: phân công", [("4.4", "4.7"), ("5", "5")]),
        ("Sections 4.4 to 4.7 and section 5: assigning", [("4.4", "4.7"), ("5", "5")]),
        ("Thảo luận theo nhóm 6 đến 8 người: mục 3", []),
    ],
)
def test_a_lecture_segment_names_the_sections_before_its_colon(activity, runs):
    language = "en" if activity.startswith("Sections") else "vi"
    assert rules.lecture_runs(activity, words.words(language)) == runs


def test_a_section_lies_in_a_run():
    assert rules.covers("2.3", ("2.1", "2.4")) and rules.covers("4.2", ("3", "5")) and rules.covers("2", ("2", "2"))
    assert not rules.covers("2.5", ("2.1", "2.4")) and not rules.covers("3", ("3.3", "3.3")) and not rules.covers("", ("1", "1"))


def test_a_situation_keeps_its_first_sentence_and_what_the_questions_ask_about():
    situation = (
        "Chi bộ thôn A có 12 đảng viên. Năm nay thôn làm đường bê tông. Bí thư chi bộ giao việc vận động cho trưởng thôn."
        " Một số hộ chưa đồng ý hiến đất làm đường. Trời mưa nhiều trong tháng."
    )
    questions = ["Chi bộ nên làm gì khi một số hộ chưa đồng ý hiến đất?"]
    lines = rules.shorten_situation(situation, questions, sentences(situation), lambda lines: sum(rules.words(t) for t in lines) <= 25)
    assert lines[0].startswith("Chi bộ thôn A có 12 đảng viên.")
    assert any("hiến đất" in line for line in lines) and not any("Trời mưa" in line for line in lines)
    for line in lines:
        assert line.rstrip(" …") in situation


def test_pack_keeps_every_slide_within_the_limits():
    lines = [rules.Line(f"điểm số {n} của mục này có mười từ cho đủ") for n in range(9)]
    pages = rules.pack(lines)
    assert [line for page in pages for line in page] == lines
    assert all(rules.fits(page) for page in pages) and len(pages) == 3


def test_the_opening_words_and_sections_are_read_with_their_lines():
    text = "Mở đầu.\n\n## 1. Một\n\nĐoạn một.\n\n!!! doi-chieu\n    Ghi chú biên tập.\n\n### 1.1. Hai { #hai }\n\n- mục **một**;\n- mục hai.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"
    opening, found = sections(text, 10)
    assert [b.text for b in opening] == ["Mở đầu."]
    assert [(s.title, s.number, s.line) for s in found] == [("1. Một", "1", 12), ("1.1. Hai", "1.1", 19)]
    assert [b.text for b in found[0].blocks] == ["Đoạn một."]
    assert [(b.kind, b.text) for b in found[1].blocks[:2]] == [("item", "mục một;"), ("item", "mục hai.")]
    assert found[1].blocks[2].rows == (("A", "B"), ("1", "2"))


# ---------------------------------------------------------------- what stops the build


def _lesson_with(change) -> kit.LessonSource:
    path = next(p for p in LESSONS if p.name == "bai-1.md")
    text = change(path.read_text(encoding="utf-8"))
    unit, problems = lessons.validate_unit("docs/bai-hoc/bai-1.md", "bai-hoc/bai-1.md", text)
    assert unit is not None and not problems, problems
    return kit.LessonSource(unit, text)


def test_a_table_too_wide_for_a_slide_stops_the_build_at_its_line(tmp_path):
    table = "\n\n| A | B | C | D | E |\n|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 |\n"
    lesson = _lesson_with(lambda text: text.rstrip("\n") + table)
    outputs, problems = kit.build_decks([lesson], handbook("vi"), diagrams.Renderer(ROOT / ".cache" / "diagrams"), cache_dir=tmp_path)
    assert outputs == []
    [problem] = problems
    line = len(lesson.text.rstrip("\n").splitlines()) - 2
    assert problem.path == "docs/bai-hoc/bai-1.md" and problem.line == line, str(problem)
    assert "5 cột" in problem.message and "Cách sửa" in str(problem)


def test_a_question_too_long_for_a_slide_stops_the_build_at_its_line(tmp_path):
    long_question = " ".join(["từ"] * 45)

    def change(text: str) -> str:
        data = front_matter_lines(text)
        index = data.index("    questions:")
        return "\n".join(data[: index + 1] + [f'      - "{long_question}"'] + data[index + 1 :]) + "\n" + text.split("\n---\n", 1)[1]

    lesson = _lesson_with(change)
    outputs, problems = kit.build_decks([lesson], handbook("vi"), diagrams.Renderer(ROOT / ".cache" / "diagrams"), cache_dir=tmp_path)
    assert outputs == [] and len(problems) == 1
    line = lesson.text.splitlines().index(f'      - "{long_question}"') + 1
    assert problems[0].line == line and "dài 45 từ" in problems[0].message, str(problems[0])


def front_matter_lines(text: str) -> list[str]:
    source, _ = split_front_matter(text)
    return ["---", *source.rstrip("\n").split("\n"), "---"]


# ---------------------------------------------------------------- the cache


def test_an_unchanged_lesson_is_read_from_the_cache(tmp_path, monkeypatch):
    lesson = source(next(p for p in LESSONS if p.name == "bai-2.md"))
    renderer = diagrams.Renderer(ROOT / ".cache" / "diagrams")
    first, _ = kit.build_decks([lesson], handbook("vi"), renderer, cache_dir=tmp_path)

    def no_rebuild(*args, **kwargs):
        raise AssertionError("the deck was made again")

    monkeypatch.setattr(rules, "build", no_rebuild)
    second, problems = kit.build_decks([lesson], handbook("vi"), renderer, cache_dir=tmp_path)
    assert not problems and second[0].deck == first[0].deck and second[0].slides == first[0].slides
    changed = kit.LessonSource(lesson.unit, lesson.text + "\n")
    with pytest.raises(AssertionError, match="made again"):
        kit.build_decks([changed], handbook("vi"), renderer, cache_dir=tmp_path)
    with pytest.raises(AssertionError, match="made again"):
        kit.build_decks([lesson], handbook("vi", locality="Tỉnh Thử Nghiệm"), renderer, cache_dir=tmp_path)


def test_the_edition_locality_is_on_the_cover(tmp_path):
    lesson = source(next(p for p in LESSONS if p.name == "bai-2.en.md"))
    [output], _ = kit.build_decks([lesson], handbook("en", locality="Test Province"), diagrams.Renderer(ROOT / ".cache" / "diagrams"), out_dir=tmp_path)
    cover = Presentation(str(tmp_path / output.deck_path)).slides[0]
    assert "Locality: Test Province" in body_texts(cover)


# ---------------------------------------------------------------- the site


def small_lesson(language: str) -> str:
    """A short lesson with every part a deck shows: a section with a list, a table and a diagram, a case."""
    vi = language == "vi"

    def word(vietnamese: str, english: str) -> str:
        return vietnamese if vi else english

    def items(prefix: str, count: int) -> str:
        return "\n".join(f'  - "{prefix} {i}."' for i in range(1, count + 1))

    return f"""---
title: "{word('Bài thử về chi bộ', 'A test lesson on the Party cell')}"
short_title: "{word('Bài thử', 'Test lesson')}"
lesson: 1
sessions: 1
description: "{word('Một bài ngắn để thử bộ trang chiếu và kế hoạch bài giảng.', 'A short lesson to test the slides and the lesson plan.')}"
objectives:
{items(word('Nắm được điều thứ', 'Know point number'), 3)}
key_terms:
  - "{word('chi bộ cơ sở', 'grassroots Party cell')}"
sources:
  - document: dieu-le-dang
    articles: [21, 24]
key_points:
{items(word('Ý cần ghi nhớ thứ', 'Key point number'), 3)}
cases:
  - title: "{word('Chi bộ thôn', 'A village cell')}"
    setting: xa-phuong
    situation: "{word('Chi bộ thôn A có 12 đảng viên. Thôn làm đường mới. Một số hộ chưa đồng ý hiến đất.', 'The village cell has 12 members. The village is building a road. Some households do not agree to give land.')}"
    questions:
      - "{word('Chi bộ nên làm gì khi một số hộ chưa đồng ý hiến đất?', 'What should the cell do when some households do not agree to give land?')}"
    key:
      points:
        - "{word('Bí thư gặp từng hộ để nghe ý kiến.', 'The secretary meets each household to hear its views.')}"
        - "{word('Chi bộ bàn cách vận động trong kỳ sinh hoạt.', 'The cell agrees at its meeting how to persuade them.')}"
      rules:
        - "{word('Hướng dẫn của cấp uỷ cấp trên.', 'The guidance of the higher Party committee.')}"
      pitfalls:
        - "{word('Ép các hộ ký ngay.', 'Forcing households to sign at once.')}"
review_questions:
""" + "\n".join(f'  - question: "{word("Câu hỏi ôn tập số", "Review question number")} {i}?"\n    answer: "{word("Gợi ý trả lời cho câu hỏi số", "The suggested answer to question number")} {i}."' for i in range(1, 6)) + f"""
lecturer_notes:
  - "{word('Nhấn mạnh mục 1.1.', 'Stress section 1.1.')}"
session_plan:
  segments:
    - minutes: 10
      kind: mo-dau
      activity: "{word('Nêu mục tiêu của bài.', 'State the objectives.')}"
    - minutes: 90
      kind: giang
      activity: "{word('Mục 1: chi bộ và đảng viên.', 'Section 1: the cell and its members.')}"
    - minutes: 60
      kind: giang
      activity: "{word('Mục 1.1: ví dụ ở địa phương.', 'Section 1.1: local examples.')}"
    - minutes: 60
      kind: thao-luan
      activity: "{word('Thảo luận tình huống theo nhóm.', 'Group discussion of the case.')}"
  prepare:
    - "{word('Chuẩn bị máy chiếu.', 'Prepare the projector.')}"
  local_data:
    - "{word('Số chi bộ của địa phương.', 'The number of cells in the locality.')}"
---

{word('Bài này giới thiệu chi bộ.', 'This lesson introduces the Party cell.')}

## 1. {word('Chi bộ', 'The Party cell')}

### 1.1. {word('Đảng viên', 'Members')}

{word('Chi bộ có các việc sau:', 'The cell has these tasks:')}

- {word('họp mỗi tháng một lần;', 'it meets once a month;')}
- {word('phân công đảng viên.', 'it gives members tasks.')}

| {word('Việc', 'Task')} | {word('Khi nào', 'When')} |
| --- | --- |
| {word('Họp chi bộ', 'Cell meeting')} | {word('Mỗi tháng', 'Every month')} |

```dot caption="{word('Từ chi bộ đến đảng viên', 'From the cell to its members')}"
digraph {{
  a [label="{word('Chi bộ', 'Cell')}"]
  b [label="{word('Đảng viên', 'Members')}"]
  a -> b
}}
---
1. {word('Chi bộ phân công đảng viên.', 'The cell gives members tasks.')}
```
"""


def test_the_site_writes_the_files_and_links_them(fixture_site):
    registry = re.sub(r"(?m)^  page: .*\n", "", (DOCS / "_data/van-ban.yml").read_text(encoding="utf-8"))
    pages = {
        "index.md": "---\ntitle: Trang chủ\n---\n\n# Trang chủ\n\nNội dung.\n",
        "index.en.md": "---\ntitle: Home\n---\n\n# Home\n\nContent.\n",
        "bai-hoc/bai-1.md": small_lesson("vi"),
        "bai-hoc/bai-1.en.md": small_lesson("en"),
        "_glossary/vi.md": "*[chi bộ cơ sở]: Hình thức tổ chức cơ sở đảng.\n",
        "_glossary/en.md": "*[grassroots Party cell]: A form of grassroots Party organisation.\n",
        "_data/van-ban.yml": registry,
        "huong-dan/to-chuc-lop.md": "---\ntitle: Tổ chức lớp học\n---\n\n# Tổ chức lớp học\n\nMở đầu.\n\n<!-- handbook:slides -->\n\n## 1. Tệp\n\nChữ.\n",
    }
    build = fixture_site(pages)
    assert build.returncode == 0, build.output[-4000:]
    from bs4 import BeautifulSoup

    for prefix, language in (("", "vi"), ("en/", "en")):
        deck = build.site / prefix / "giang-vien/bai-giang/bai-1.pptx"
        plan_file = build.site / prefix / "giang-vien/bai-giang/bai-1-ke-hoach.docx"
        presentation = Presentation(str(deck))
        slides = len(presentation.slides)
        assert any(shape.shape_type == 13 for slide in presentation.slides for shape in slide.shapes)  # the diagram
        assert Document(str(plan_file)).tables[0].rows[-1].cells[4].text == "220"
        page = BeautifulSoup(build.page(f"{prefix}bai-hoc/bai-1/index.html"), "html.parser")
        ui = handbook(language).words
        links = {a["href"]: a.find_parent("li") for a in page.select(".handbook-lecturer a[href]") if a["href"].endswith((".pptx", ".docx"))}
        assert set(links) == {"../../giang-vien/bai-giang/bai-1.pptx", "../../giang-vien/bai-giang/bai-1-ke-hoach.docx"}, build.output[-2000:]
        item = links["../../giang-vien/bai-giang/bai-1.pptx"]
        assert "handbook-web-only" in item["class"] and ui["slides_count"].replace("{n}", str(slides)) in item.get_text()
        assert kit.format_size(deck.stat().st_size, ui, language) in item.get_text()
    organisers = BeautifulSoup(build.page("huong-dan/to-chuc-lop/index.html"), "html.parser")
    listing = organisers.select_one("div.handbook-slides.handbook-web-only")
    assert listing is not None and listing.select_one('a[href="../../giang-vien/bai-giang/bai-1.pptx"]') is not None
    assert "<!-- handbook:" not in build.page("bai-hoc/bai-1/index.html")
