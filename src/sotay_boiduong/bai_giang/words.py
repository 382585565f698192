"""The words of the decks, the lesson plans and their links that the site's interface strings (`extra.ui` in
mkdocs.yml, passed in as `ui`) do not already have, in each language of the handbook.

Everything a slide says comes from the lesson; these are labels around it ("Văn bản cần đọc", the plan's
column names), the way a section or a case is named in a session plan (to find the part of the session a
slide belongs to), and the method and equipment of each kind of segment of a session plan, which the lesson
plan's table needs and the front matter does not give.
"""

from __future__ import annotations

from collections.abc import Mapping

WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "readings": "Văn bản cần đọc",
        "article": "Điều",
        "articles": "Điều",
        "plan_title": "Kế hoạch bài giảng",
        "plan_lecturer": "Giảng viên",
        "plan_class": "Lớp",
        "plan_date": "Ngày giảng",
        "plan_venue": "Địa điểm",
        "plan_blank": "……………………………………………",
        "plan_course": "Tiến trình bài giảng",
        "plan_step": "Bước",
        "plan_content": "Nội dung",
        "plan_method": "Phương pháp",
        "plan_equipment": "Phương tiện",
        "plan_minutes": "Thời gian (phút)",
        "plan_total": "Tổng cộng",
        "plan_slides": "trang chiếu {first}–{last}",
        "plan_slide": "trang chiếu {first}",
        "plan_made_from": "Lập từ {lesson} của sổ tay; các phần để trống do giảng viên điền.",
        "slides_heading": "Bài giảng",
        "slides_lead": "Trang chiếu PowerPoint và kế hoạch bài giảng của bài này, lập từ chính nội dung bài, sửa được bằng PowerPoint, LibreOffice Impress và Word:",
        "slides_deck": "Bộ trang chiếu (PowerPoint)",
        "slides_plan": "Kế hoạch bài giảng (Word)",
        "slides_deck_link": "Bộ trang chiếu bài {n}",
        "slides_plan_link": "Kế hoạch bài giảng bài {n}",
        "slides_count": "{n} trang chiếu",
        "slides_list_heading": "Trang chiếu và kế hoạch bài giảng",
        "slides_list_lead": "Mỗi bài có một bộ trang chiếu PowerPoint (có lời ghi cho người giảng dưới mỗi trang) và một kế hoạch bài giảng dạng Word, lập từ chính nội dung bài; giảng viên sửa được trước khi lên lớp.",
        "slides_list_lesson": "Bài",
        "kilobytes": "kB",
        "megabytes": "MB",
        "plan_part": "{session_plan}: {kind}, {minutes} {minutes_word}.",
        # How a session plan or a lecturer note names a section of the lesson ("mục 2.1 đến 2.4") and a case
        # ("tình huống 1"); `range` joins the two ends of a run of sections.
        "section_word": r"[Mm]ục",
        "case_word": r"[Tt]ình huống",
        "range_word": r"đến|tới|–|-",
    },
    "en": {
        "readings": "Required readings",
        "article": "Article",
        "articles": "Articles",
        "plan_title": "Lesson plan",
        "plan_lecturer": "Lecturer",
        "plan_class": "Class",
        "plan_date": "Date",
        "plan_venue": "Venue",
        "plan_blank": "……………………………………………",
        "plan_course": "Course of the session",
        "plan_step": "Step",
        "plan_content": "Content",
        "plan_method": "Method",
        "plan_equipment": "Equipment",
        "plan_minutes": "Minutes",
        "plan_total": "Total",
        "plan_slides": "slides {first}–{last}",
        "plan_slide": "slide {first}",
        "plan_made_from": "Made from {lesson} of the handbook; the lecturer fills in the blank parts.",
        "slides_heading": "Slides and lesson plan",
        "slides_lead": "PowerPoint slides and a lesson plan for this lesson, made from the lesson itself, editable in PowerPoint, LibreOffice Impress and Word:",
        "slides_deck": "Slides (PowerPoint)",
        "slides_plan": "Lesson plan (Word)",
        "slides_deck_link": "Slides of Lesson {n}",
        "slides_plan_link": "Lesson plan of Lesson {n}",
        "slides_count": "{n} slides",
        "slides_list_heading": "Slides and lesson plans",
        "slides_list_lead": "Each lesson has a PowerPoint deck (with speaker notes under every slide) and a lesson plan in Word, made from the lesson itself; lecturers can edit them before class.",
        "slides_list_lesson": "Lesson",
        "kilobytes": "kB",
        "megabytes": "MB",
        "plan_part": "{session_plan}: {kind}, {minutes} {minutes_word}.",
        "section_word": r"[Ss]ections?",
        "case_word": r"[Cc]ases?",
        "range_word": r"to|–|-",
    },
}

# The lesson plan's method and equipment for each kind of segment of a session plan (schema: segment.kind),
# since the front matter gives only minutes, kind and activity. The slides of the part are added to the
# equipment by the plan itself ("trang chiếu 4–12").
METHODS: dict[str, dict[str, tuple[str, str]]] = {
    "vi": {
        "mo-dau": ("Thuyết trình, hỏi nhanh cả lớp", "Máy chiếu"),
        "giang": ("Thuyết trình, nêu vấn đề, hỏi đáp ngắn", "Máy chiếu; sổ tay học viên"),
        "thao-luan": ("Thảo luận nhóm, các nhóm trình bày, giảng viên nhận xét", "Máy chiếu; phiếu tình huống; giấy khổ lớn, bút dạ"),
        "hoi-dap": ("Hỏi đáp", "Máy chiếu"),
        "tong-ket": ("Thuyết trình tổng kết", "Máy chiếu"),
        "nghi": ("—", "—"),
    },
    "en": {
        "mo-dau": ("Presentation, quick questions to the class", "Projector"),
        "giang": ("Lecture, posing problems, short questions and answers", "Projector; learner's handbook"),
        "thao-luan": ("Group discussion, group reports, lecturer's comments", "Projector; case sheets; flip-chart paper, markers"),
        "hoi-dap": ("Questions and answers", "Projector"),
        "tong-ket": ("Summary talk", "Projector"),
        "nghi": ("—", "—"),
    },
}

LANGUAGES = tuple(WORDS)


def words(language: str, ui: Mapping[str, str] | None = None) -> dict[str, str]:
    """The site's interface strings of the language (`ui`) with the words of this package over them; a
    language the package does not know gets the Vietnamese words (the handbook's source language)."""
    merged = dict(ui or {})
    merged.update(WORDS.get(language, WORDS["vi"]))
    return merged


def method(language: str, kind: str) -> tuple[str, str]:
    """The lesson plan's (method, equipment) for a kind of segment."""
    table = METHODS.get(language, METHODS["vi"])
    return table.get(kind, ("", ""))
