"""The printed editions, read as a lecturer would read them: three releases per language (the learner's handbook
in A4 and as an A5 booklet, the lecturer's handbook in A4) and the editors' proof, from the real site's build.
Text and word boxes come from poppler (pdftotext), links, outline and fonts from pypdf."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pdf_tools
import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
FILES = {"hoc-vien": "pdf/so-tay-hoc-vien.pdf", "hoc-vien-a5": "pdf/so-tay-hoc-vien-a5.pdf", "giang-vien": "pdf/so-tay-giang-vien.pdf", "ban-doc-duyet": "pdf/ban-doc-duyet.pdf"}
LANGUAGES = {"vi": "", "en": "en/"}
ALL = [(language, edition) for language in LANGUAGES for edition in FILES]
BOOKS = [(language, edition) for language, edition in ALL if edition != "ban-doc-duyet"]  # the printed releases
LEARNER = [(language, edition) for language, edition in BOOKS if edition != "giang-vien"]
MM = 72 / 25.4  # points in a millimetre
A4, A5 = (595.3, 841.9), (419.5, 595.3)  # points
# What a book must not tell its reader: what to click, tap, hover, download or search, or how editors work.
WEB_WORDING = {
    "vi": ["bấm để mở", "Mở trang của văn bản này", ".zip", "gõ không dấu", "đưa chuột", "Tải sổ tay", "pull request",
           "Markdown", "chưa đối chiếu với nguồn chính thức", "Ghi chú biên tập — cần đối chiếu", "ngoại tuyến"],
    "en": ["select to open", "Open the page of this document", ".zip", "hovering", "Download", "pull request",
           "Markdown", "not yet checked against an official source", "Editor's note — to be verified", "offline"],
}


def book(site: Path, language: str, edition: str) -> Path:
    return site / LANGUAGES[language] / FILES[edition]


def flat(text: str) -> str:
    return " ".join(text.split())


def lessons(language: str) -> list[dict]:
    suffix = ".en.md" if language == "en" else ".md"
    paths = sorted(p for p in (ROOT / "docs/bai-hoc").glob("bai-*.md") if p.name.endswith(suffix) and (language == "en") == p.name.endswith(".en.md"))
    return [yaml.safe_load(path.read_text("utf-8").split("---", 2)[1]) for path in paths]


def sample(sentence: str, length: int = 50) -> str:
    """The start of a sentence, as it reads in the PDF (Markdown emphasis gone), to look for."""
    return flat(re.sub(r"[*`]", "", sentence))[:length]


@pytest.fixture(scope="module")
def texts(real_site) -> dict[tuple[str, str], str]:
    return {(language, edition): flat(pdf_tools.text(book(real_site.site, language, edition))) for language, edition in ALL}


def front_matter(path: Path) -> int:
    """The number of the last page before the contents (cover, half-title, title page, imprint, foreword)."""
    pages = pdf_tools.pages(path)
    return next(i for i, text in enumerate(pages) if re.search(r"^(Mục lục|Contents)$", text, re.M))


# ---------------------------------------------------------------- the files


@pytest.mark.parametrize("language, edition", ALL)
def test_each_edition_has_its_page_size_fonts_outline_and_numbered_pages(real_site, language, edition):
    path = book(real_site.site, language, edition)
    reader = PdfReader(path)
    size = (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height))
    assert size == pytest.approx(A5 if edition == "hoc-vien-a5" else A4, abs=0.5)
    fonts = pdf_tools.fonts(path)
    assert fonts and all(font["embedded"] for font in fonts.values()), fonts
    assert {"Noto-Serif", "Noto-Serif-Bold", "Noto-Sans-Bold"} <= set(fonts)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert len(titles) >= 5 and titles[:2] in (["Lời nói đầu", "Mục lục"], ["Foreword", "Contents"]), titles[:2]
    # From the contents to the last page of notes, every page with text carries its number at the foot, at the
    # outer corner; a page left blank (so that a part opens on the right) carries nothing; the front matter and
    # the back cover carry no number.
    layout = pdf_tools.layout(path)
    contents = front_matter(path) + 1
    margin = (20 if edition == "hoc-vien-a5" else 22) * MM  # the bottom margin, where the number stands
    for number, page in enumerate(layout, start=1):
        foot = [w for w in page.words if w.ymin > page.height - margin]
        body = [w for w in page.words if w.ymin <= page.height - margin]
        if number < contents or number == len(layout):
            assert not any(re.fullmatch(r"\d+", w.text) for w in foot), (edition, number, [w.text for w in foot])
            continue
        if not body:
            assert foot == [], (edition, number, "a blank page with a number")
            continue
        assert any(w.text == str(number) for w in foot), (edition, number, [w.text for w in foot])
        number_word = next(w for w in foot if w.text == str(number))
        outer_left = number % 2 == 0  # a left-hand page has its outer edge on the left
        assert (number_word.xmax < page.width / 2) == outer_left, (number, number_word)


def outline_pages(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, page number) of every bookmark."""
    found = []

    def visit(items, depth):
        for item in items:
            if isinstance(item, list):
                visit(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    visit(reader.outline, 0)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_booklet_is_printed_in_sixteens_and_opens_each_lesson_on_a_right_hand_page(real_site, language):
    path = book(real_site.site, language, "hoc-vien-a5")
    reader = PdfReader(path)
    assert len(reader.pages) % 16 == 0
    label = "Bài" if language == "vi" else "Lesson"
    lesson_pages = [page for title, page in openers(reader, language) if re.match(rf"{label} \d\. ", title)]
    assert len(lesson_pages) == 6
    assert all(page % 2 == 1 for page in lesson_pages), lesson_pages
    # A page left blank so that a lesson opens on the right carries nothing, not even its number.
    texts = pdf_tools.pages(path)
    for page in lesson_pages:
        if not flat(texts[page - 2]).replace(str(page - 1), "").strip():
            assert flat(texts[page - 2]) == ""
    # Pages added to reach a multiple of sixteen are pages for notes, before the back cover, the last page.
    notes = "Ghi chép" if language == "vi" else "Notes"
    note_pages = [i for i, text in enumerate(texts, start=1) if flat(text).startswith(f"{notes} ")]
    assert note_pages == list(range(len(texts) - len(note_pages), len(texts))) and len(note_pages) <= 15, note_pages
    assert "Tài liệu học tập" in texts[-1] or "Study material" in texts[-1]


@pytest.mark.parametrize("language, edition", ALL)
def test_the_front_matter_is_a_book_s_title_pages_imprint_and_foreword(real_site, language, edition):
    """Cover; half-title and title page on right-hand pages, each with its back left blank; the imprint on the
    back of the title page names the issuer, the edition, the circulation and the date of its content (the proof:
    the source version), and has no
    word of how the handbook is made; the foreword on the next right-hand page; the contents after it, on the
    right."""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True).stdout.strip()
    path = book(real_site.site, language, edition)
    pages = [flat(text) for text in pdf_tools.pages(path)]
    title = "Bồi dưỡng công tác đảng" if language == "vi" else "Party work training"
    assert title in pages[0] and pages[1] == "" and pages[2].startswith(title) and pages[3] == ""
    issuer = "NHÓM BIÊN SOẠN" if language == "vi" else "EDITORIAL TEAM"
    assert issuer in pages[4][:80] and title in pages[4]
    imprint = pages[5]
    for words in (["Cơ quan phát hành", "Lần xuất bản", "Tài liệu lưu hành nội bộ"] if language == "vi" else ["Issued by", "Edition number", "For internal circulation"]):
        assert words in imprint, (edition, words, imprint)
    # The source version (a commit id) is for editors: in the proof; a printed release gives its content's date.
    assert commit
    if edition == "ban-doc-duyet":
        assert ("Phiên bản nguồn" if language == "vi" else "Source version") in imprint and commit in imprint
    else:
        assert re.search(r"Nội dung cập nhật đến ngày \d{1,2}/\d{1,2}/\d{4}" if language == "vi" else r"Content as of \d{1,2} [A-Z][a-z]+ \d{4}", imprint), imprint
        assert commit[:7] not in imprint and ("Phiên bản nguồn" if language == "vi" else "Source version") not in imprint
    for words in ("github", "pull request", "scripts/", "kho mã nguồn", "repository", "mkdocs"):
        assert words not in imprint.lower(), (edition, words)
    assert pages[6].startswith("Lời nói đầu" if language == "vi" else "Foreword")
    assert front_matter(path) % 2 == 0  # the contents' page number (index + 1) is odd


@pytest.mark.parametrize("language, edition", BOOKS)
def test_the_cover_keeps_the_last_words_of_the_title_together(real_site, language, edition):
    cover = pdf_tools.layout(book(real_site.site, language, edition))[0]
    title = [w for w in cover.words if w.ymin > cover.height * 0.2 and w.ymax < cover.height * 0.55]
    lines: dict[int, list[str]] = {}
    for word in title:
        lines.setdefault(round(word.ymin), []).append(word.text)
    title_lines = [words for _, words in sorted(lines.items())]
    # The title's lines are the first ones in that band; none of them holds a single word.
    assert len(title_lines) >= 2 and all(len(words) >= 2 for words in title_lines[:3]), title_lines


# ---------------------------------------------------------------- what each edition holds


@pytest.mark.parametrize("language", LANGUAGES)
def test_lecturer_material_is_in_the_lecturer_edition_only(texts, language):
    material = []
    for lesson in lessons(language):
        material += lesson["lecturer_notes"]
        material += [segment["activity"] for segment in lesson["session_plan"]["segments"]]
        for case in lesson["cases"]:
            material += case["key"]["points"] + case["key"]["pitfalls"]
    assert len(material) > 100
    lecturer = texts[(language, "giang-vien")]
    for sentence in material:
        assert sample(sentence) in lecturer, sentence
        for edition in ("hoc-vien", "hoc-vien-a5"):
            assert sample(sentence) not in texts[(language, edition)], (edition, sentence)


def after(text: str, needle: str, length: int = 200) -> str:
    """What follows the first occurrence of `needle` in `text`."""
    index = text.find(needle)
    return text[index + len(needle) : index + len(needle) + length] if index >= 0 else ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_answers_stand_under_their_questions_for_lecturers_and_at_the_back_for_learners(real_site, language):
    items = [item for lesson in lessons(language) for item in lesson["review_questions"]]
    appendix = "Gợi ý trả lời câu hỏi ôn tập" if language == "vi" else "Suggested answers to the review questions"
    lead = "Gợi ý trả lời:" if language == "vi" else "Suggested answer:"
    for edition in ("hoc-vien", "hoc-vien-a5"):
        text = flat(pdf_tools.text(book(real_site.site, language, edition)))
        start = text.rindex(appendix)
        body, back = text[:start], text[start:]
        assert lead not in body
        for item in items:
            question, answer = sample(item["question"], 60), sample(item["answer"], 40)
            assert question in body, item["question"]
            assert answer not in after(body, question), (edition, item["question"])  # the question stands alone
            assert answer in back, (edition, item["question"])
    lecturer = flat(pdf_tools.text(book(real_site.site, language, "giang-vien")))
    assert appendix not in lecturer
    for item in items:
        question, answer = sample(item["question"], 60), sample(item["answer"], 40)
        assert answer in after(lecturer, question, 400), item["question"]


@pytest.mark.parametrize("language, edition", LEARNER)
def test_learner_editions_have_no_editor_box_and_no_web_wording(texts, language, edition):
    text = texts[(language, edition)]
    found = [phrase for phrase in WEB_WORDING[language] if phrase.lower() in text.lower()]
    assert found == []


@pytest.mark.parametrize("language, edition", BOOKS)
def test_no_printed_release_carries_the_editors_apparatus(real_site, texts, language, edition):
    # The notes on facts still open are for editors (the web, the proof edition): a printed release has no
    # note, no verification mark and no list of points to check, and each such fact's sentence reads true alone.
    text = " ".join(texts[(language, edition)].split())
    for words in ("Ghi chú biên tập", "Điểm cần đối chiếu", "Editor's note", "to be verified", "Points to verify"):
        assert words not in text, (edition, words)
    assert not re.search(r"\[\d{1,2}\]", text), re.search(r".{40}\[\d{1,2}\].{40}", text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_proof_carries_every_open_point_and_says_it_is_not_for_release(real_site, texts, language):
    points = yaml.safe_load((ROOT / "docs/_data/diem-doi-chieu.yml").read_text("utf-8"))
    text = texts[(language, "ban-doc-duyet")]
    note = "Ghi chú biên tập" if language == "vi" else "Editor's note"
    assert text.count(note) >= len(points)
    appendix = text[text.rindex("Điểm cần đối chiếu" if language == "vi" else "Points to verify") :]
    for point in points:
        assert sample(point["fact" if language == "vi" else "fact_en"], 40) in appendix, point["id"]
    # Its running head says so on every page with a head.
    mark = "không phát hành" if language == "vi" else "not for release"
    heads = [" ".join(w.text for w in page.words if w.ymax < 60) for page in pdf_tools.layout(book(real_site.site, language, "ban-doc-duyet"))]
    assert sum(mark in head for head in heads) > 100
    # Everything any edition prints is in the proof.
    assert len(PdfReader(book(real_site.site, language, "ban-doc-duyet")).pages) >= len(PdfReader(book(real_site.site, language, "giang-vien")).pages)


def openers(reader: PdfReader, language: str) -> list[tuple[str, int]]:
    """(title, page) of each part of the book (a top-level entry of the outline) and each lesson."""
    label = "Bài" if language == "vi" else "Lesson"
    return [(title, page) for depth, title, page in outline_pages(reader) if depth == 0 or (depth == 1 and re.match(rf"{label} \d\. ", title))]


@pytest.mark.parametrize("language, edition", ALL)
def test_running_heads_name_the_part_on_the_left_and_the_chapter_on_the_right(real_site, language, edition):
    """A part or a lesson opens without a running head; in a lesson, a left-hand page names the part (Bài học),
    a right-hand page the lesson (its number and short name); each head names the edition too."""
    path = book(real_site.site, language, edition)
    reader = PdfReader(path)
    layout = pdf_tools.layout(path)
    limit = (20 if edition == "hoc-vien-a5" else 22) * MM
    heads = [flat(" ".join(w.text for w in sorted(page.words, key=lambda w: w.xmin) if w.ymax < limit)) for page in layout]
    starts = openers(reader, language)
    for title, page in starts:
        assert heads[page - 1] == "", (edition, page, title, heads[page - 1])
    label, part = ("Bài", "Bài học") if language == "vi" else ("Lesson", "Lessons")
    edition_name = {"vi": {"hoc-vien": "Sổ tay học viên", "hoc-vien-a5": "Sổ tay học viên", "giang-vien": "Sổ tay giảng viên", "ban-doc-duyet": "không phát hành"},
                    "en": {"hoc-vien": "Learner's handbook", "hoc-vien-a5": "Learner's handbook", "giang-vien": "Lecturer's handbook", "ban-doc-duyet": "not for release"}}[language][edition]
    checked = 0
    for (title, first), (_, following) in zip(starts, starts[1:], strict=False):
        lesson = re.match(rf"{label} (\d)\. ", title)
        if not lesson:
            continue
        for number in range(first + 1, following):
            head = heads[number - 1]
            if not head:  # a page left blank
                continue
            assert edition_name in head, (edition, number, head)
            expected = part if number % 2 == 0 else f"{label} {lesson.group(1)}."
            assert expected in head, (edition, number, expected, head)
            checked += 1
    assert checked > 60


@pytest.mark.parametrize("language, edition", ALL)
def test_parts_lessons_and_topics_open_on_a_right_hand_page(real_site, language, edition):
    reader = PdfReader(book(real_site.site, language, edition))
    opening = openers(reader, language)
    assert len(opening) >= 12
    assert [entry for entry in opening if entry[1] % 2 == 0] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_self_check_prints_its_questions_for_learners_and_its_keys_for_lecturers(texts, language):
    """Each lesson's self-check is in every book: the learner's the questions with their options and a lead that
    says where the keys are, the lecturer's each question with its key, explanation and rule."""
    lead = {"vi": "có trong Sổ tay giảng viên", "en": "are in the Lecturer's handbook"}[language]
    for lesson in lessons(language):
        first, last = lesson["self_check"][0], lesson["self_check"][-1]
        for edition in ("hoc-vien", "hoc-vien-a5"):
            text = texts[language, edition]
            assert sample(first["question"], 40) in text and sample(last["question"], 40) in text, (edition, lesson["lesson"])
            assert sample(first["explanation"], 40) not in text, (edition, lesson["lesson"])
        lecturer = texts[language, "giang-vien"]
        assert sample(first["explanation"], 40) in lecturer and sample(last["explanation"], 40) in lecturer, lesson["lesson"]
    assert lead in texts[language, "hoc-vien"] and lead not in texts[language, "giang-vien"]
    assert "thiết bị này" not in texts[language, "hoc-vien"] and "this device" not in texts[language, "hoc-vien"]


@pytest.mark.parametrize("language, edition", BOOKS)
def test_the_glossarys_letters_head_its_entries_without_a_table_number(texts, language, edition):
    """The glossary's tables are its entries under their letters, a reference list: no "Bảng 18. Đ" over them,
    and none in the list of tables."""
    label = "Bảng" if language == "vi" else "Table"
    text = texts[language, edition]
    assert re.search(rf"\b{label} \d+\. [A-ZĐ] ({'Thuật ngữ' if language == 'vi' else 'Term'}|[.·])", text) is None
    assert len(re.findall(rf"\b{label} \d+(?:\.\d+)?\.", text)) >= 10  # the other tables keep their numbers


@pytest.mark.parametrize("language, edition", ALL)
def test_no_heading_is_left_at_the_foot_of_a_page(real_site, language, edition):
    """A title is followed on its page by at least two lines of what it heads, unless what it heads is one line
    and the next title opens the next page (from the outline's positions)."""
    path = book(real_site.site, language, edition)
    reader = PdfReader(path)
    layout = pdf_tools.layout(path)
    bottom = (20 if edition == "hoc-vien-a5" else 22) * MM
    top_margin = (20 if edition == "hoc-vien-a5" else 22) * MM

    def visit(items):
        for item in items:
            if isinstance(item, list):
                yield from visit(item)
            else:
                yield item

    entries = [(reader.get_destination_page_number(item), layout[reader.get_destination_page_number(item)].height - float(item.top or 0), item.title) for item in visit(reader.outline)]
    for (number, top, title), following in zip(entries, [*entries[1:], (None, 0, "")], strict=True):
        page = layout[number]
        below = sorted({round(w.ymin) for w in page.words if w.ymin > top + 14 and w.ymax < page.height - bottom})
        if len(below) >= 2:
            continue
        next_page, next_top, _ = following
        assert next_page == number + 1, (edition, number + 1, title, below)
        first_line = min((w.ymin for w in layout[next_page].words if w.ymin > top_margin - 2), default=0)
        assert next_top <= first_line + 2, (edition, number + 1, title, "the rest of its section is on the next page")


def in_columns(page, skip: int = 0) -> str:
    """A page's words in reading order, the left column first (the index is set in two), less the first `skip`
    words (the title and the lead, across the page)."""
    middle = page.width / 2
    words = sorted((w for w in page.words if 60 < w.ymin < page.height - 60), key=lambda w: (round(w.ymin), w.xmin))[skip:]
    left = [w for w in words if w.xmin < middle - 5]
    right = [w for w in words if w.xmin >= middle - 5]
    return " ".join(w.text for w in left + right)


def body_text(page) -> str:
    """A page's words inside its margins (no running head, no page number)."""
    return " ".join(w.text for w in sorted(page.words, key=lambda w: (round(w.ymin), w.xmin)) if 19 * MM < w.ymin < page.height - 19 * MM)


def bare(text: str) -> str:
    """Text compared without case, spaces and hyphens (poppler joins a word broken at a hyphen)."""
    return re.sub(r"[\s\-‐–]", "", text.lower())


@pytest.mark.parametrize("language, edition", ALL)
def test_every_index_entry_names_pages_that_use_the_term(real_site, language, edition):
    path = book(real_site.site, language, edition)
    pages = [flat(text) for text in pdf_tools.pages(path)]
    layout = pdf_tools.layout(path)
    title = "Tra cứu thuật ngữ" if language == "vi" else "Index of terms"
    start = next(i for i, text in enumerate(pages) if text.startswith(title) and i > len(pages) / 2)
    end = next(i for i in range(start, len(pages)) if pages[i].startswith(("Ghi chép", "Notes")) or i == len(pages) - 1)
    words = yaml.safe_load((ROOT / f"docs/_data/giao-dien/{language}.yml").read_text("utf-8"))["pdf"]
    skip = len(words["index_title"].split()) + len(words["index_lead"].split())
    index = " ".join([in_columns(layout[start], skip)] + [in_columns(layout[i]) for i in range(start + 1, end)])
    entries = re.findall(r"([^\d,]+?) ((?:\d+, )*\d+)(?= |$)", index)
    assert len(entries) >= 20, index[:300]
    checked = 0
    for term, numbers in entries:
        for number in numbers.split(", "):
            # A term may begin at the foot of its page and end on the next.
            page = re.sub(r"\s*\d+$", "", pages[int(number) - 1])  # less its number at the foot
            assert bare(term) in bare(page + " " + body_text(layout[int(number)])[:80]), (edition, term, number)
            checked += 1
    assert checked > 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_booklet_keeps_ten_millimetres_of_margin_for_the_trim(real_site, language):
    for page in pdf_tools.layout(book(real_site.site, language, "hoc-vien-a5")):
        for word in page.words:
            assert word.xmin >= 10 * MM and word.xmax <= page.width - 10 * MM, word
            assert word.ymin >= 10 * MM and word.ymax <= page.height - 10 * MM, word


@pytest.mark.parametrize("language, edition", BOOKS)
def test_every_page_reference_names_the_page_of_its_target(real_site, language, edition):
    """Every "(xem trang N)" and every contents entry leads, as a link, to the page it names."""
    path = book(real_site.site, language, edition)
    reader, layout = PdfReader(path), pdf_tools.layout(path)
    destinations = reader.named_destinations
    see = "tr." if language == "vi" else "p."
    checked = 0
    for index, page in enumerate(reader.pages):
        height = float(page.mediabox.height)
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link" or "/Dest" not in annotation:
                continue
            x0, y0, x1, y1 = (float(v) for v in annotation["/Rect"])
            top, bottom = height - max(y0, y1), height - min(y0, y1)
            words = [w.text for w in layout[index].words if w.xmin >= min(x0, x1) - 1 and w.xmax <= max(x0, x1) + 1 and w.ymin >= top - 1 and w.ymax <= bottom + 1]
            text = " ".join(words)
            match = re.search(rf"{re.escape(see)}\s?(\d+)$", text) or re.search(r"\.{3,}\s*(\d+)$", text) or re.search(r"(?:Xem trang|See page) (\d+)$", text)
            if not match:
                continue
            target = reader.get_destination_page_number(destinations[annotation["/Dest"]]) + 1
            assert int(match.group(1)) == target, (edition, index + 1, text, target)
            checked += 1
    assert checked > 30


@pytest.mark.parametrize("language, edition", BOOKS)
def test_no_page_is_under_a_fifth_full_unless_the_next_starts_a_part_or_a_lesson(real_site, language, edition):
    path = book(real_site.site, language, edition)
    reader, layout = PdfReader(path), pdf_tools.layout(path)
    starts = set()  # pages where a part of the book, a lesson or a topic begins (from the outline)

    def visit(items, depth):
        for item in items:
            if isinstance(item, list):
                visit(item, depth + 1)
            elif depth == 0 or re.match(r"^(Bài|Lesson) \d|^(Gợi ý|Điểm|Suggested|Points)", item.title) or "chuyen-de/" in str(item.get("/Title", "")):
                starts.add(reader.get_destination_page_number(item) + 1)

    visit(reader.outline, 0)
    topics = {i for i, text in enumerate(pdf_tools.pages(path), start=1) if re.search(r"^(Chuyên đề địa phương|Local topic)$", text, re.M)}
    starts |= topics
    # The part "Mẫu và biểu": each blank form starts a page of its own, to be photocopied, and the next model
    # starts after it (.handbook-form-blank in handbook-print.scss): the page before either may be short.
    starts |= {i for i, text in enumerate(pdf_tools.pages(path), start=1) if re.search(r"^(Mẫu để trống|Blank form): |^(MẪU THAM KHẢO CỦA SỔ TAY|THE HANDBOOK'S REFERENCE MODEL)$", text, re.M)}
    notes = {i for i, text in enumerate(pdf_tools.pages(path), start=1) if text.strip().splitlines()[-2:-1] and ("Ghi chép" in text or "Notes" in text) and len(text.split()) < 12}
    last = len(layout)
    top_margin = 62 if edition != "hoc-vien-a5" else 45

    def body(page):
        return [w for w in page.words if top_margin - 10 < w.ymin < page.height - 45]

    def next_start(number: int) -> int:
        """The next page with text: a page left blank before a right-hand page does not count."""
        number += 1
        while number <= last and not body(layout[number - 1]):
            number += 1
        return number

    for number, page in enumerate(layout, start=1):
        if number <= front_matter(path) + 1 or number == last or number in notes or next_start(number) in notes or next_start(number) > last:
            continue
        words = body(page)
        if not words:
            assert next_start(number) in starts, (edition, number, "blank page")
            continue
        filled = (max(w.ymax for w in words) - top_margin) / (page.height - top_margin - 62)
        if filled < 0.2:
            assert next_start(number) in starts, (edition, number, round(filled, 2), " ".join(w.text for w in words)[:120])


@pytest.mark.parametrize("language, edition", BOOKS)
def test_running_heads_are_one_line_and_never_overlap(real_site, language, edition):
    path = book(real_site.site, language, edition)
    for number, page in enumerate(pdf_tools.layout(path), start=1):
        head = [w for w in page.words if w.ymax < (44 if edition == "hoc-vien-a5" else 60)]
        if not head:
            continue
        assert max(w.ymin for w in head) - min(w.ymin for w in head) < 1, (edition, number, [w.text for w in head])
        for i, a in enumerate(head):
            for b in head[i + 1 :]:
                assert min(a.xmax, b.xmax) - max(a.xmin, b.xmin) <= 0.5, (edition, number, a, b)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_text_is_nfc_vietnamese_set_in_noto(texts, language):
    import unicodedata

    text = texts[(language, "hoc-vien")]
    assert unicodedata.is_normalized("NFC", text)
    if language == "vi":
        for word in ("Trưởng", "cấp uỷ", "Đảng", "bồi dưỡng", "khoá", "giấy chứng nhận"):
            assert word in text, word
    assert "None" not in text


def test_each_book_holds_its_own_language_only(texts):
    assert "Chương trình dành cho ai" in texts[("vi", "hoc-vien")] and "Who the programme is for" not in texts[("vi", "hoc-vien")]
    assert "Who the programme is for" in texts[("en", "hoc-vien")] and "Chương trình dành cho ai" not in texts[("en", "hoc-vien")]


def test_the_editors_guide_is_in_no_book(texts):
    for (language, edition), text in texts.items():
        assert "Hướng dẫn biên tập" not in text and "Editors' guide" not in text, (language, edition)


# ---------------------------------------------------------------- on the site


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_lists_each_edition_with_its_page_count_and_size(real_site, language):
    home = BeautifulSoup((real_site.site / LANGUAGES[language] / "index.html").read_text("utf-8"), "html.parser")
    items = home.select(".handbook-downloads li")
    assert len(items) == 3
    word = "trang" if language == "vi" else "pages"
    for item in items:
        link = item.select_one("a.handbook-pdf-link")
        path = real_site.site / LANGUAGES[language] / FILES[link["data-edition"]]
        pages, size = len(PdfReader(path).pages), path.stat().st_size
        shown = item.select_one(".handbook-pdf-meta").get_text(strip=True)
        megabytes = f"{size / 1_000_000:.1f}"
        assert shown == f"{pages} {word}, {megabytes.replace('.', ',') if language == 'vi' else megabytes} MB"
    # The former single handbook's address still serves the learner's A4 edition.
    old = real_site.site / LANGUAGES[language] / "pdf/so-tay-boi-duong-cong-tac-dang.pdf"
    assert old.read_bytes() == (real_site.site / LANGUAGES[language] / FILES["hoc-vien"]).read_bytes()
