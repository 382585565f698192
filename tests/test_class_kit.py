"""The class kit (issue 16): a class file and its roster make every paper of a class, and every mistake in them is
told as `file:line: what — Cách sửa: how` with nothing written.

One fixture class (5 days from a Thursday with the Sunday off, 40 learners whose names use every Vietnamese vowel
with every tone, and đ; a roster saved as Excel does: BOM, semicolons, CRLF, half the names in combining form) is
made once per module through the command itself; its calendar is read with icalendar, its PDFs with pdftotext,
its report with python-docx. Bad inputs go through the checking function directly, plus two runs of the command.
"""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pdf_tools
import pytest
from bs4 import BeautifulSoup
from conftest import Build, shared_build

from sotay_boiduong.lop import plan as rules
from sotay_boiduong.lop.catalogue import from_docs, load_thu_hoach
from sotay_boiduong.lop.model import load
from sotay_boiduong.lop.roster import read_roster

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # ngang, sắc, huyền, hỏi, ngã, nặng
TONED = [unicodedata.normalize("NFC", vowel + tone) for vowel in VOWELS for tone in TONES]
FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi", "Đỗ"]
ONSETS = ["Đ", "H", "L", "M", "N", "Ph", "Th", "Tr", "V", "Kh", "Đ", "S"]
FIRST_DAY = datetime.date(2027, 3, 18)  # a Thursday
SUNDAY = datetime.date(2027, 3, 21)
TEACHING_DAYS = [datetime.date(2027, 3, d) for d in (18, 19, 20, 22, 23)]

CLASS = """\
title: Lớp bồi dưỡng công tác đảng cho bí thư chi bộ và cấp uỷ viên cơ sở, khoá thử nghiệm năm 2027
organiser: Trung tâm Chính trị thử nghiệm
locality: xã Thử Nghiệm, tỉnh Thử Nghiệm
venue: Hội trường A
language: vi
start: 2027-03-18
days: 5
times: {morning: "07:30-11:30", afternoon: "13:30-17:00"}
days_off: [2027-03-21]
topics: [tu-tuong, dan-van]
visit: Tham quan mô hình dân vận khéo ở thôn Đông
shorten: []
lecturers: {bai-1: Đ/c Giảng Viên Một, bai-4: Đ/c Giảng Viên Bốn}
roster: hoc-vien.csv
pass_mark: 5
"""


def learner_names() -> list[str]:
    """40 distinct names whose syllables use all 72 toned vowels (and Đ), in NFC."""
    syllables = [f"{ONSETS[i % len(ONSETS)]}{vowel}{'n' if i % 3 == 0 else ''}" for i, vowel in enumerate(TONED)]
    names = []
    for index in range(40):
        first, second = syllables[(2 * index) % len(syllables)], syllables[(2 * index + 1) % len(syllables)]
        names.append(f"{FAMILIES[index % len(FAMILIES)]} {first} {second}")
    assert len(set(names)) == 40
    return names


def roster_bytes(names: list[str], *, scores: list[str] | None = None) -> bytes:
    """The roster as Excel's "CSV UTF-8" writes it in a Vietnamese locale; every other name decomposed (NFD)."""
    header = "Họ và tên;Năm sinh;Chức vụ;Đơn vị" + (";Điểm thu hoạch" if scores else "")
    rows = [header]
    for index, name in enumerate(names):
        written = unicodedata.normalize("NFD", name) if index % 2 else name
        row = f"{written};{1960 + index % 30};Bí thư chi bộ;Chi bộ đội sản xuất số {index + 1}"
        rows.append(row + (f";{scores[index]}" if scores else ""))
    return ("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8")


def make_class(folder: Path, text: str = CLASS, roster: bytes | None = None, name: str = "lop-thu.yml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hoc-vien.csv").write_bytes(roster if roster is not None else roster_bytes(learner_names()))
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run_command(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sotay_boiduong.lop", *args, "--docs", str(DOCS)], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    """The fixture class's pack, made by the command once per test run (under xdist, by the first worker that
    asks; the others wait for it, as for the real site)."""

    def make(folder: Path) -> Build:
        make_class(folder)
        result = run_command("lop-thu.yml", cwd=folder)
        return Build(result.returncode, result.stdout + result.stderr, folder / "out" / "lop-thu")

    made = shared_build(tmp_path_factory, "class-kit-pack", make)
    assert "Đã tạo bộ giấy tờ của lớp (40 học viên, 10 buổi)" in made.output
    return made.site


def flat(text: str) -> str:
    return " ".join(text.split())


def tidy(text: str) -> str:
    """Text without the space that joining a page's elements may put before punctuation."""
    return re.sub(r"\s+([;:,.])", r"\1", flat(text))


# ---------------------------------------------------------------- the pack


def test_the_names_of_the_fixture_use_every_vowel_with_every_tone_and_d():
    text = " ".join(learner_names()).lower()
    assert all(vowel in text for vowel in TONED) and len(TONED) == 72
    assert "đ" in text


def test_the_pack_has_every_file_and_nothing_else(pack):
    expected = {"lich-hoc.html", "lich-hoc.pdf", "lich-hoc.ics", "danh-sach-ky-ten.pdf", "phieu-thu-hoach.pdf", "phieu-danh-gia.pdf", "bao-cao-ket-qua.docx", "de-nghi-cap-giay-chung-nhan.pdf"}
    assert {p.name for p in pack.iterdir()} == expected
    assert not [p for p in pack.parent.iterdir() if p.name.startswith(".")]  # no temporary folder left behind


def test_the_calendar_has_one_event_per_session_on_the_right_days_and_hours(pack):
    from icalendar import Calendar

    calendar = Calendar.from_ical((pack / "lich-hoc.ics").read_bytes())
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert len(events) == 10
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    hours = {"morning": (datetime.time(7, 30), datetime.time(11, 30)), "afternoon": (datetime.time(13, 30), datetime.time(17, 0))}
    for index, event in enumerate(events):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert event["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
        assert str(start.tzinfo) == "Asia/Ho_Chi_Minh" and start.utcoffset() == datetime.timedelta(hours=7)
        assert start.date() == TEACHING_DAYS[index // 2] == end.date()
        assert (start.time(), end.time()) == hours["morning" if index % 2 == 0 else "afternoon"]
        assert event["LOCATION"] == "Hội trường A"
    assert SUNDAY not in {e.decoded("dtstart").date() for e in events}
    summaries = [str(e["SUMMARY"]) for e in events]
    for number in range(1, 7):
        assert sum(f"Bài {number}." in s for s in summaries) == 1, number
    assert summaries[0].startswith("Khai giảng lớp học; Bài 1.") and summaries[-1].endswith("Bế giảng lớp học")
    assert len({str(e["UID"]) for e in events}) == 10


def test_the_timetable_lists_each_lesson_once_with_dates_weekdays_hours_and_lecturers(pack):
    text = flat(pdf_tools.text(pack / "lich-hoc.pdf"))
    assert len(pdf_tools.pages(pack / "lich-hoc.pdf")) == 1
    for number in range(1, 7):
        assert len(re.findall(rf"Bài {number}\. ", text)) == 1, number
    for day, weekday in zip(TEACHING_DAYS, ("Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Thứ Hai", "Thứ Ba"), strict=True):
        assert f"{weekday} {day.day}/{day.month}/{day.year}" in text
    assert "Chủ nhật 21/3/2027" in text  # named as the day off, not as a day of class
    assert "07:30–11:30" in text and "13:30–17:00" in text
    assert "Đ/c Giảng Viên Một" in text and "Tham quan mô hình dân vận khéo ở thôn Đông" in text
    for words in ("Khai giảng lớp học", "Thảo luận, giải đáp câu hỏi", "Viết bản thu hoạch", "Bế giảng lớp học", "Tình hình tư tưởng"):
        assert words in text, words
    html = BeautifulSoup((pack / "lich-hoc.html").read_text("utf-8"), "html.parser")
    assert len(html.select("table.timetable tbody tr")) == 10
    assert "size: A4 landscape" in html.find("style").string


def test_every_learner_is_in_the_sign_in_sheets_the_reflection_sheets_and_the_certificate_list_in_nfc(pack):
    names = learner_names()
    sheets = pdf_tools.text(pack / "danh-sach-ky-ten.pdf")
    reflection = pdf_tools.text(pack / "phieu-thu-hoach.pdf")
    certificates = pdf_tools.text(pack / "de-nghi-cap-giay-chung-nhan.pdf")
    for text in (sheets, reflection, certificates):
        assert unicodedata.is_normalized("NFC", text)
    for name in names:
        assert sheets.count(name) == 10, name  # once on each session's sheet
        assert reflection.count(name) == 2, name  # the cover and the marking sheet
        assert certificates.count(name) == 1, name


def test_a_sign_in_sheet_per_session_names_the_class_date_session_and_content(pack):
    pages = pdf_tools.pages(pack / "danh-sach-ky-ten.pdf")
    text = flat("\n".join(pages))
    for number in range(1, 11):
        assert f"Buổi {number} — " in text
    assert text.count("DANH SÁCH HỌC VIÊN KÝ TÊN") >= 10 and "Ký tên" in text
    assert "Buổi 7 — Buổi sáng, Thứ Hai 22/3/2027 (07:30–11:30)" in text
    assert "Chi bộ đội sản xuất số 40" in text


def test_the_reflection_cover_offers_the_questions_and_the_marking_sheet_the_rubric(pack):
    pages = pdf_tools.pages(pack / "phieu-thu-hoach.pdf")
    assert len(pages) == 80  # one cover and one marking sheet per learner
    thu_hoach, problems = load_thu_hoach(DOCS / "_data/thu-hoach.yml")
    assert problems == []
    cover, marking = flat(pages[0]), flat(pages[1])
    assert "BẢN THU HOẠCH" in cover and learner_names()[0] in cover and "Chi bộ đội sản xuất số 1" in cover
    for question in thu_hoach.questions:
        assert flat(question["vi"])[:40] in cover
    assert "PHIẾU CHẤM BẢN THU HOẠCH" in marking
    for criterion in thu_hoach.rubric:
        assert criterion["criterion"]["vi"] in marking
    assert "không phải thang điểm chính thức" in marking


def test_the_evaluation_form_is_anonymous_and_rates_each_lesson_and_lecturer(pack):
    text = flat(pdf_tools.text(pack / "phieu-danh-gia.pdf"))
    assert "không ghi tên" in text
    for number in range(1, 7):
        assert f"Bài {number}." in text
    assert "Đ/c Giảng Viên Bốn" in text and "Tổ chức lớp" in text and "Góp ý, đề xuất" in text
    assert not any(name in text for name in learner_names())


def test_the_report_opens_in_word_form_and_holds_the_class_data(pack):
    import docx

    document = docx.Document(pack / "bao-cao-ket-qua.docx")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Trung tâm Chính trị thử nghiệm báo cáo" in text
    assert "5 ngày học, từ 18/3/2027 đến 23/3/2027 (10 buổi lên lớp)" in text
    assert "Học viên: 40 đồng chí." in text and "Bí thư chi bộ: 40" in text
    assert "Tình hình tư tưởng và nhiệm vụ công tác tư tưởng ở địa phương" in text and "Tham quan mô hình dân vận khéo" in text
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "1. Ưu điểm" in headings and "V. KIẾN NGHỊ, ĐỀ XUẤT" in headings
    assert text.count("(Cơ quan tổ chức lớp bổ sung.)") >= 4
    annex = document.tables[-1]
    assert len(annex.rows) == 11 and "Bài 1." in annex.rows[1].cells[2].text


def test_without_scores_the_certificate_list_names_everyone_with_an_empty_result(pack):
    text = flat(pdf_tools.text(pack / "de-nghi-cap-giay-chung-nhan.pdf"))
    assert "Chưa có điểm bản thu hoạch" in text and "40 học viên" in text
    assert " Đạt" not in text


def test_with_scores_the_certificate_list_keeps_those_who_reach_the_pass_mark(tmp_path):
    from sotay_boiduong.lop import papers

    names = learner_names()
    scores = ["4,5" if i % 4 == 0 else "8" if i % 2 else "6.5" for i in range(40)]
    path = make_class(tmp_path, roster=roster_bytes(names, scores=scores))
    cls, problems = load(path, docs=DOCS)
    assert problems == []
    values = papers.values(cls)
    kept = [row["name"] for row in values["proposed"]]
    assert kept == [n for n, s in zip(names, scores, strict=True) if s != "4,5"] and len(kept) == 30
    papers.write_pdfs([("de-nghi-cap-giay-chung-nhan", 0, papers.render("de-nghi-cap-giay-chung-nhan", values))], tmp_path, workers=1)
    text = flat(pdf_tools.text(tmp_path / "de-nghi-cap-giay-chung-nhan.pdf"))
    assert "30/40 học viên" in text and names[1] in text and names[0] not in text
    assert "Đạt (Giỏi)" in text and "6,5" in text


def test_a_class_in_english_gets_english_papers(tmp_path):
    from sotay_boiduong.lop import papers

    path = make_class(tmp_path, CLASS.replace("language: vi", "language: en"))
    cls, problems = load(path, docs=DOCS)
    assert problems == []
    values = papers.values(cls)
    html = BeautifulSoup(papers.render("lich-hoc", values), "html.parser").get_text(" ")
    assert "TIMETABLE" in html and "Thursday" in html and "Lesson 1. The grassroots Party organisation" in html
    assert "Local topic: The ideological situation" in html and "Bài 1" not in html
    assert "WRITTEN REFLECTION" in papers.render("phieu-thu-hoach", values, sheets=values["learners"][:1])


# ---------------------------------------------------------------- the programme's rules


def plan_of(tmp_path: Path, text: str):
    cls, problems = load(make_class(tmp_path, text), docs=DOCS)
    return cls, problems


def test_a_four_day_class_that_says_what_it_shortens_gets_eight_sessions(tmp_path):
    text = CLASS.replace("days: 5", "days: 4").replace("shorten: []", "shorten: [thao-luan]").replace("visit: Tham quan mô hình dân vận khéo ở thôn Đông\n", "")
    cls, problems = plan_of(tmp_path, text)
    assert problems == []
    sessions = cls.plan.sessions
    assert len(sessions) == 8 and [s.date for s in sessions[::2]] == TEACHING_DAYS[:4]
    assert cls.plan.session_of("thao-luan") is None and sessions[-1].closing
    assert [item.code for item in sessions[6].items] == ["tu-tuong", "dan-van"]
    assert [item.code for item in sessions[7].items] == ["thu-hoach"]


def test_a_four_day_class_without_shorten_is_told_the_arithmetic_and_the_choices(tmp_path):
    text = CLASS.replace("days: 5", "days: 4").replace("visit: Tham quan mô hình dân vận khéo ở thôn Đông\n", "")
    cls, problems = plan_of(tmp_path, text)
    assert cls is None and len(problems) == 1
    message = str(problems[0])
    assert message.startswith(f"{tmp_path / 'lop-thu.yml'}:7: lớp 4 ngày có 8 buổi")
    assert "6 bài (6) + chuyên đề, tham quan (1) + thảo luận, giải đáp (1) + viết thu hoạch (1) = 9" in message
    assert "— Cách sửa: ghi `shorten: [thao-luan]`" in message and "`shorten: [thu-hoach]`" in message and "`days: 5`" in message


def test_the_organisers_page_example_of_an_error_is_what_the_command_says(tmp_path):
    text = CLASS.replace("days: 5", "days: 4").replace("visit: Tham quan mô hình dân vận khéo ở thôn Đông\n", "")
    _, problems = plan_of(tmp_path, text)
    page = (DOCS / "huong-dan/to-chuc-lop.md").read_text("utf-8")
    shown = str(problems[0]).split(":7: ", 1)[1]
    assert shown in page


def test_the_organisers_page_example_of_sessions_is_valid(tmp_path):
    import yaml

    page = (DOCS / "huong-dan/to-chuc-lop.md").read_text("utf-8")
    block = re.search(r"```yaml\n(sessions:\n.*?)```", page, re.S).group(1)
    sessions = yaml.safe_load(block)["sessions"]
    cls, problems = plan_of(tmp_path, CLASS + block)
    assert problems == [] and len(sessions) == 10
    assert [i.code for i in cls.plan.sessions[2].items] == ["tu-tuong", "dan-van"]
    visit = cls.plan.session_of("tham-quan")
    assert (visit.start, visit.end, visit.lecturer) == (datetime.time(13, 0), datetime.time(17, 30), "Đ/c …")


def test_the_example_class_in_lop_is_valid():
    cls, problems = load(ROOT / "lop/mau.yml", docs=DOCS)
    assert problems == [] and len(cls.plan.sessions) == 10 and len(cls.learners) >= 5


def test_the_model_timetables_follow_the_rules_in_both_languages():
    for language in ("vi", "en"):
        catalogue = from_docs(DOCS, language)
        five, four = rules.model_plans(catalogue, ["tu-tuong", "kiem-tra-giam-sat", "dan-van"], language)
        assert (len(five.sessions), len(four.sessions)) == (10, 8)
        for model in (five, four):
            lessons = [i.number for i in model.items() if i.kind == "lesson"]
            assert lessons == [1, 2, 3, 4, 5, 6]
            assert 1 <= model.local <= 2
        assert four.shorten == ("thao-luan",)
    # an edition without local topics still has both models
    bare = from_docs(DOCS, "vi")
    five, four = rules.model_plans(bare, [], "vi")
    assert "Chuyên đề địa phương" in five.sessions[6].title("vi")


# ---------------------------------------------------------------- bad input


def problems_of(tmp_path: Path, text: str = CLASS, roster: bytes | None = None) -> list[str]:
    cls, problems = load(make_class(tmp_path, text, roster), docs=DOCS, shown="lop/lop-thu.yml")
    assert cls is None and problems
    for problem in problems:
        assert re.match(r"^lop/(lop-thu\.yml|hoc-vien\.csv):\d+: .+ — Cách sửa: .+", str(problem)), str(problem)
    return [str(p) for p in problems]


BAD = {
    "six days": (lambda t: t.replace("days: 5", "days: 6"), "lop/lop-thu.yml:7: lớp học 6 ngày: chương trình quy định mỗi lớp từ 4 đến 5 ngày học"),
    "a lesson twice": (lambda t: t + "sessions: [bai-1, bai-2, bai-2, bai-3, bai-4, bai-5, [tu-tuong, dan-van], tham-quan, thao-luan, thu-hoach]\n", "Bài 2 xếp hai lần: buổi 2 và buổi 3"),
    "a lesson missing": (lambda t: t + "sessions: [bai-1, bai-2, bai-3, bai-4, bai-5, [tu-tuong, dan-van], tham-quan, thao-luan, thu-hoach, thu-hoach]\n", "thiếu Bài 6 trong `sessions`"),
    "a morning in the afternoon": (lambda t: t.replace('morning: "07:30-11:30"', 'morning: "13:30-16:30"'), "lop/lop-thu.yml:8: giờ 13:30-16:30 nằm ngoài buổi sáng (từ 05:00 đến 12:30)"),
    "an end before its start": (lambda t: t.replace('afternoon: "13:30-17:00"', 'afternoon: "17:00-13:30"'), "giờ kết thúc 13:30 không sau giờ bắt đầu 17:00"),
    "an hour that does not exist": (lambda t: t.replace('afternoon: "13:30-17:00"', 'afternoon: "13:30-24:30"'), "giờ 24:30 không có trong một ngày"),
    "a session's own time outside its day": (lambda t: t + "sessions: [{content: bai-1, time: \"05:00-13:00\"}, bai-2, bai-3, bai-4, bai-5, bai-6, [tu-tuong, dan-van], tham-quan, thao-luan, thu-hoach]\n", "buổi 1 (sáng ngày thứ 1): giờ 05:00-13:00 nằm ngoài buổi sáng"),
    "a date that does not exist": (lambda t: t.replace("start: 2027-03-18", "start: 2027-02-30"), "lop/lop-thu.yml:6: ngày 2027-02-30: không có trong lịch: tháng 2 năm 2027 chỉ có 28 ngày"),
    "a day off that does not exist": (lambda t: t.replace("days_off: [2027-03-21]", "days_off: [2027-02-29]"), "ngày nghỉ 2027-02-29: không có trong lịch"),
    "days off leaving too few days": (lambda t: t.replace("days_off: [2027-03-21]", "days_off: [" + ", ".join(f"2027-03-{d}" for d in range(19, 31)) + "]"), "các ngày nghỉ chỉ để lại 2 ngày học trong hai tuần từ 2027-03-18 đến 2027-03-31"),
    "the first day off": (lambda t: t.replace("days_off: [2027-03-21]", "days_off: [2027-03-18]"), "ngày khai giảng 2027-03-18 có trong `days_off`"),
    "an unknown topic": (lambda t: t.replace("topics: [tu-tuong, dan-van]", "topics: [tu-tuong, dan-vn]"), "không có chuyên đề mã `dan-vn` — Cách sửa: có phải là `dan-van`? các mã chuyên đề có trong sổ tay: `dan-van`, `kiem-tra-giam-sat`, `tu-tuong`"),
    "an unknown key": (lambda t: t + "lecturer: {bai-1: X}\n", "trường lạ `lecturer` không có trong mẫu tệp lớp học — Cách sửa: có phải là `lecturers`?"),
    "an unknown lecturer code": (lambda t: t.replace("bai-4: Đ/c", "bai-7: Đ/c"), "`lecturers` có mã `bai-7` không phải nội dung nào của lớp"),
    "a 5-day class that shortens": (lambda t: t.replace("shorten: []", "shorten: [thu-hoach]"), "lớp 5 ngày không rút gọn phần nào"),
    "no local session": (lambda t: t.replace("topics: [tu-tuong, dan-van]", "topics: []").replace("visit: Tham quan mô hình dân vận khéo ở thôn Đông\n", ""), "lớp chưa có buổi nào cho chuyên đề địa phương hay tham quan"),
    "too many local sessions": (lambda t: t.replace("topics: [tu-tuong, dan-van]", "topics: [tu-tuong, dan-van, kiem-tra-giam-sat]"), "chuyên đề và tham quan cần 3 buổi"),
    "a missing roster": (lambda t: t.replace("roster: hoc-vien.csv", "roster: khong-co.csv"), "không tìm thấy tệp danh sách học viên khong-co.csv"),
    "a key written twice": (lambda t: t + "days: 5\n", "trường `days` viết hai lần"),
}


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_a_bad_class_file_is_told_at_its_line(tmp_path, case):
    change, expected = BAD[case]
    problems = problems_of(tmp_path, change(CLASS))
    assert any(expected in p for p in problems), problems


def roster_case(tmp_path: Path, data: bytes) -> list[str]:
    return problems_of(tmp_path, roster=data)


def test_a_roster_without_a_required_column(tmp_path):
    data = "Họ và tên,Năm sinh,Chức vụ\nNguyễn Văn An,1975,Bí thư chi bộ\n".encode()
    [problem] = roster_case(tmp_path, data)
    assert problem.startswith("lop/hoc-vien.csv:1: hàng 1 (hàng tên cột): thiếu cột «Đơn vị»; các cột đang có: «Họ và tên», «Năm sinh», «Chức vụ»")


def test_an_empty_name_names_its_row(tmp_path):
    data = "Họ và tên,Năm sinh,Chức vụ,Đơn vị\nNguyễn Văn An,1975,Bí thư,Chi bộ A\n,1980,Chi uỷ viên,Chi bộ B\n".encode()
    [problem] = roster_case(tmp_path, data)
    assert problem.startswith("lop/hoc-vien.csv:3: hàng 3: cột «Họ và tên» trống")


def test_the_same_learner_twice_names_both_rows_whatever_the_unicode_form(tmp_path):
    name = "Nguyễn Thị Huệ"
    data = f"Họ và tên;Năm sinh;Chức vụ;Đơn vị\n{name};1975;Bí thư;Chi bộ A\nTrần Văn B;1980;Chi uỷ viên;Chi bộ B\n{unicodedata.normalize('NFD', name)};1975;Bí thư;Chi bộ A\n".encode()
    [problem] = roster_case(tmp_path, data)
    assert problem.startswith(f"lop/hoc-vien.csv:4: hàng 4: học viên {name} (1975, Chi bộ A) trùng với hàng 2")


def test_a_roster_not_in_utf8_says_how_to_save_csv_utf8_from_excel(tmp_path):
    data = "Họ và tên,Năm sinh,Chức vụ,Đơn vị\nNguyễn Văn An,1975,Bí thư,Chi bộ A\n".encode("cp1258", errors="replace")
    [problem] = roster_case(tmp_path, data)
    assert problem.startswith("lop/hoc-vien.csv:1: hàng 1: tệp danh sách không phải mã UTF-8")
    assert "CSV UTF-8 (Comma delimited) (*.csv)" in problem and "Lưu thành (Save As)" in problem


def test_a_roster_read_as_excel_writes_it():
    names = ["Lê Thị Ánh", unicodedata.normalize("NFD", "Đỗ Văn Hưởng")]
    for text, encoding in ((f"Họ và tên;Năm sinh;Chức vụ;Đơn vị;Điểm thu hoạch\r\n{names[0]};1980;Bí thư;Chi bộ A;7,5\r\n;;;;\r\n{names[1]};1975;Chi uỷ viên;Chi bộ B;9\r\n", "utf-8-sig"), (f"Full name,Year of birth,Position,Unit\n{names[0]},1980,Secretary,Cell A\n{names[1]},1975,Member,Cell B\n", "utf-8")):
        learners, problems = read_roster(text.encode(encoding), "hoc-vien.csv")
        assert problems == []
        assert [learner.name for learner in learners] == ["Lê Thị Ánh", "Đỗ Văn Hưởng"]
        assert all(unicodedata.is_normalized("NFC", learner.name) for learner in learners)
    assert [learner.score for learner in read_roster(f"Họ và tên;Năm sinh;Chức vụ;Đơn vị;Điểm thu hoạch\n{names[0]};1980;A;B;7,5\n".encode(), "x.csv")[0]] == [7.5]


def test_scores_for_some_learners_only_or_out_of_range(tmp_path):
    _, problems = read_roster("Họ và tên,Năm sinh,Chức vụ,Đơn vị,Điểm thu hoạch\nA B,1980,x,y,7\nC D,1981,x,y,\n".encode(), "r.csv")
    assert len(problems) == 1 and "mới có điểm của 1/2 học viên (chưa có ở hàng 3)" in str(problems[0])
    _, problems = read_roster("Họ và tên,Năm sinh,Chức vụ,Đơn vị,Điểm thu hoạch\nA B,1980,x,y,11\n".encode(), "r.csv")
    assert str(problems[0]).startswith("r.csv:2: hàng 2: điểm thu hoạch «11» của A B không phải một điểm từ 0 đến 10")


def test_the_rubric_must_add_up_to_ten():
    text = (DOCS / "_data/thu-hoach.yml").read_text("utf-8").replace("    points: 1\n", "    points: 2\n")
    thu_hoach, problems = load_thu_hoach(Path("docs/_data/thu-hoach.yml"), text=text)
    assert thu_hoach is None and "3 + 2 + 2 + 2 + 2 = 11 điểm, không phải 10" in str(problems[0])


def test_the_command_writes_nothing_for_a_bad_class(tmp_path):
    make_class(tmp_path, CLASS.replace("days: 5", "days: 6"))
    result = run_command("lop-thu.yml", cwd=tmp_path)
    assert result.returncode == 1
    assert "lop-thu.yml:7: lớp học 6 ngày" in result.stderr and "Không tạo giấy tờ nào: 1 lỗi" in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_command_leaves_an_earlier_pack_as_it_was_when_the_roster_is_bad(tmp_path):
    make_class(tmp_path, roster="Họ và tên,Năm sinh,Chức vụ\nA,1980,x\n".encode())
    earlier = tmp_path / "giay-to"
    earlier.mkdir()
    (earlier / "lich-hoc.pdf").write_bytes(b"earlier")
    result = run_command("lop-thu.yml", "--out", "giay-to", cwd=tmp_path)
    assert result.returncode == 1 and "hoc-vien.csv:1: hàng 1 (hàng tên cột): thiếu cột «Đơn vị»" in result.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert [p.name for p in earlier.iterdir()] == ["lich-hoc.pdf"] and (earlier / "lich-hoc.pdf").read_bytes() == b"earlier"


# ---------------------------------------------------------------- the handbook


def test_the_readme_and_the_guides_name_the_command():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert readme.count("bash scripts/class.sh") >= 2  # the Vietnamese and the English part
    for page in ("to-chuc-lop.md", "to-chuc-lop.en.md"):
        assert "bash scripts/class.sh" in (DOCS / "huong-dan" / page).read_text("utf-8"), page
    for page in ("bien-tap.md", "bien-tap.en.md"):
        text = (DOCS / "huong-dan" / page).read_text("utf-8")
        assert "bash scripts/class.sh" in text and "lop/mau.yml" in text and "(to-chuc-lop.md)" in text, page


@pytest.mark.parametrize("language, prefix", [("vi", ""), ("en", "en/")])
def test_the_model_timetable_page_is_the_plan_of_the_class_kit(real_site, language, prefix):
    from sotay_boiduong.lop import pages

    html = BeautifulSoup(real_site.page(f"{prefix}huong-dan/lich-hoc-mau/index.html"), "html.parser")
    tables = html.select("article table")[1:]  # after the table of the rules
    catalogue = from_docs(DOCS, language)
    models = pages.model_timetables(catalogue, ["tu-tuong", "kiem-tra-giam-sat", "dan-van"], language)
    assert len(tables) == len(models) == 2
    for table, model in zip(tables, models, strict=True):
        rows = [[tidy(cell.get_text(" ", strip=True)) for cell in row.find_all("td")] for row in table.select("tbody tr")]
        assert [row[2] for row in rows] == [tidy(row["content"]) for row in model["rows"]]
        assert [row[0] for row in rows if row[0]] == [f"{'Ngày' if language == 'vi' else 'Day'} {n}" for n in range(1, model["days"] + 1)]
        assert model["sum"] in tidy(html.get_text(" "))


@pytest.mark.parametrize("language, prefix", [("vi", ""), ("en", "en/")])
def test_the_reflection_page_shows_the_questions_and_the_rubric_of_the_data_file(real_site, language, prefix):
    thu_hoach, _ = load_thu_hoach(DOCS / "_data/thu-hoach.yml")
    page = BeautifulSoup(real_site.page(f"{prefix}huong-dan/thu-hoach/index.html"), "html.parser")
    for term in page.find_all("abbr"):  # a glossary mark is part of the sentence it stands in
        term.unwrap()
    page.smooth()
    text = " ".join(page.get_text(" ").split())
    for question in thu_hoach.questions:
        assert flat(question[language])[:50] in text
    for criterion in thu_hoach.rubric:
        assert criterion["criterion"][language] in text
    assert ("không phải thang điểm chính thức" if language == "vi" else "not an official marking scale") in text


@pytest.mark.parametrize("language, prefix", [("vi", ""), ("en", "en/")])
def test_the_pages_are_in_the_right_print_editions(real_site, language, prefix):
    def book(edition):
        return flat(pdf_tools.text(real_site.site / prefix / "pdf" / f"so-tay-{edition}.pdf"))

    lecturer, learner = book("giang-vien"), book("hoc-vien")
    timetable, reflection, organisers = {
        "vi": ("Lớp 4 ngày phải rút gọn", "không phải thang điểm chính thức", "Sau khi chấm bản thu hoạch"),
        "en": ("A 4-day class has to shorten something", "not an official marking scale", "After marking the written reflections"),
    }[language]
    assert timetable in lecturer and organisers in lecturer and reflection in lecturer
    assert reflection in learner and organisers not in learner and timetable not in learner


def test_the_grades_bands_do_not_overlap():
    """6,5 points is "Khá" and nothing else: each band runs from its lower bound to under the next one's."""
    from sotay_boiduong.lop.words import words

    thu_hoach, problems = load_thu_hoach(DOCS / "_data/thu-hoach.yml", root=ROOT)
    assert problems == []
    assert [(g["name"], g["span"]) for g in thu_hoach.grade_spans("vi", words("vi"))] == [
        ("Giỏi", "từ 8 đến 10 điểm"), ("Khá", "từ 6,5 đến dưới 8 điểm"), ("Đạt", "từ 5 đến dưới 6,5 điểm"), ("Chưa đạt", "dưới 5 điểm"),
    ]
    assert [g["span"] for g in thu_hoach.grade_spans("en", words("en"))] == [
        "8 to 10 points", "6.5 to under 8 points", "5 to under 6.5 points", "under 5 points",
    ]
    assert thu_hoach.grade(6.5, "vi") == "Khá" and thu_hoach.grade(6.4, "vi") == "Đạt"
