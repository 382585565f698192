"""The programme's rules for a class, and the class's sessions: which content in which session, on which date.

The 2016 programme gives a class 4 to 5 days: the six lessons one session each (3 days), local topics and visits
half a day to a day, discussion and questions half a day, writing the written reflection (bản thu hoạch) half a
day. With two sessions a day that is:

- each of the six lessons exactly one session;
- local topics and the field visit 1 or 2 sessions together (half-session topics share a session two by two);
- discussion and questions one session, writing the reflection one session;
- as many sessions as the class has teaching days, twice over (8 for 4 days, 10 for 5).

The guide's allocations add up to at least 9 sessions (4.5 days), so a 4-day class says what it shortens
(`shorten`): the discussion (folded into the lesson sessions) or the writing session (the reflection is
written outside class hours). `plan_class` checks a class against these rules and lays out its sessions, either
generated in the programme's order or as the class file lists them (`sessions`), which are checked the same way.
The model timetables on the handbook's pages come from the same function.
"""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass, field

from ..problems import Problem
from . import words as w
from .catalogue import LESSONS, Catalogue, Topic

VISIT = "tham-quan"
DISCUSSION = "thao-luan"
THU_HOACH = "thu-hoach"
SHORTENABLE = (DISCUSSION, THU_HOACH)
GENERIC_TOPIC = "chuyen-de-dia-phuong"
SESSIONS_PER_DAY = 2
PARTS = ("morning", "afternoon")
LOCAL_SESSIONS = (1, 2)  # half a day to a day for local topics and visits
DEFAULT_TIMES = {"morning": "07:30-11:30", "afternoon": "13:30-17:00"}
# When a morning or an afternoon session may take place.
WINDOWS = {"morning": (datetime.time(5, 0), datetime.time(12, 30)), "afternoon": (datetime.time(12, 0), datetime.time(22, 0))}
SHORTEN_MEANING = {
    DISCUSSION: "thảo luận, giải đáp lồng vào cuối các buổi giảng",
    THU_HOACH: "học viên viết bản thu hoạch ngoài giờ lên lớp, nộp trước khi bế giảng",
}


@dataclass(frozen=True)
class Item:
    """One piece of content: a lesson, a local topic, the visit, the discussion or the writing session."""

    code: str
    kind: str  # "lesson", "topic", "visit", "discussion", "thu_hoach"
    size: float  # in sessions
    label: str  # in the class's language
    number: int | None = None  # a lesson's number


@dataclass(frozen=True)
class Entry:
    """One session as a class file lists it under `sessions:` (codes, own time, lecturer) with its lines."""

    codes: tuple[str, ...]
    line: int
    time: str | None = None
    time_line: int = 0
    lecturer: str | None = None


@dataclass(frozen=True)
class Spec:
    """What the rules need of a class, whether read from a class file or made for a model timetable."""

    days: int
    dates: tuple[datetime.date, ...]  # the teaching days, days off skipped
    times: dict[str, tuple[datetime.time, datetime.time]]
    topics: tuple[str, ...] = ()
    visit: str | None = None
    shorten: tuple[str, ...] = ()
    lecturers: dict[str, str] = field(default_factory=dict)
    entries: tuple[Entry, ...] | None = None  # the class's own order, or None to generate it
    language: str = "vi"
    path: str = ""
    lines: dict[str, int] = field(default_factory=dict)  # key → line of the class file, for messages
    days_off: tuple[datetime.date, ...] = ()


@dataclass(frozen=True)
class Session:
    index: int  # 1-based, in time order
    day: int  # 1-based teaching day
    date: datetime.date
    part: str  # "morning" or "afternoon"
    start: datetime.time
    end: datetime.time
    items: tuple[Item, ...]
    opening: bool = False
    closing: bool = False
    lecturer: str = ""

    def contents(self, language: str) -> list[str]:
        """What the session holds, in order: the opening, its items, the closing."""
        labels = w.words(language)
        return ([labels["opening"]] if self.opening else []) + [item.label for item in self.items] + ([labels["closing"]] if self.closing else [])

    def title(self, language: str) -> str:
        return "; ".join(self.contents(language))


@dataclass(frozen=True)
class Plan:
    language: str
    days: int
    sessions: tuple[Session, ...]
    shorten: tuple[str, ...]
    days_off: tuple[datetime.date, ...]
    local: int  # sessions of local topics and the visit

    def breakdown(self, language: str) -> tuple[tuple[str, int], ...]:
        """(part of the programme, sessions), adding up to the class's sessions."""
        return breakdown(self.local, self.shorten, language)

    @property
    def dates(self) -> list[datetime.date]:
        return sorted({s.date for s in self.sessions})

    def items(self) -> list[Item]:
        return [item for session in self.sessions for item in session.items]

    def session_of(self, code: str) -> Session | None:
        return next((s for s in self.sessions if any(i.code == code for i in s.items)), None)


def plan_class(spec: Spec, catalogue: Catalogue) -> tuple[Plan | None, list[Problem]]:
    """The class's sessions, or the problems that keep it from following the programme."""
    items, problems = _items(spec, catalogue)
    if problems:
        return None, problems
    if spec.entries is None:
        problems = check_rules(spec, catalogue)
        if problems:
            return None, problems
        layout = _generate(spec, items)
        own_times: list[str | None] = [None] * len(layout)
        own_lecturers: list[str | None] = [None] * len(layout)
    else:
        problems = _check_entries(spec, catalogue, items)
        if problems:
            return None, problems
        layout = [[items[code] for code in entry.codes] for entry in spec.entries]
        own_times = [entry.time for entry in spec.entries]
        own_lecturers = [entry.lecturer for entry in spec.entries]
    sessions, problems = _assign(spec, layout, own_times, own_lecturers)
    if problems:
        return None, problems
    return Plan(spec.language, spec.days, tuple(sessions), spec.shorten, spec.days_off, _local_sessions(layout)), []


def check_rules(spec: Spec, catalogue: Catalogue, local: int | None = None) -> list[Problem]:
    """The arithmetic of the programme for a class: local sessions 1–2, shortening only for 4 days, and the
    content filling exactly two sessions a day."""
    if local is None:
        local = catalogue.topic_sessions(list(spec.topics)) + (1 if spec.visit else 0)
    problems = []
    low, high = LOCAL_SESSIONS
    if local < low:
        problems.append(Problem(spec.path, spec.lines.get("topics", spec.lines.get("", 1)), "lớp chưa có buổi nào cho chuyên đề địa phương hay tham quan: chương trình dành từ nửa ngày đến một ngày (1 đến 2 buổi) cho phần này", "thêm mã chuyên đề vào `topics` (mỗi chuyên đề nửa buổi), hoặc ghi nơi tham quan ở `visit` (một buổi)"))
        return problems
    if local > high:
        problems.append(Problem(spec.path, spec.lines.get("topics", spec.lines.get("", 1)), f"chuyên đề và tham quan cần {local} buổi, nhưng chương trình dành cho phần này nhiều nhất một ngày (2 buổi)", "bớt chuyên đề trong `topics` hoặc bỏ `visit`"))
        return problems
    if spec.shorten and spec.days != 4:
        problems.append(Problem(spec.path, spec.lines.get("shorten", 1), f"lớp {spec.days} ngày không rút gọn phần nào: `shorten` chỉ dành cho lớp 4 ngày", "xoá `shorten` (hoặc để `shorten: []`), hoặc đổi thành lớp 4 ngày (`days: 4`)"))
        return problems
    have, parts = spec.days * SESSIONS_PER_DAY, breakdown(local, spec.shorten)
    need = sum(count for _, count in parts)
    if need == have:
        return []
    formula = " + ".join(f"{what} ({count})" for what, count in parts)
    message = f"lớp {spec.days} ngày có {have} buổi (hai buổi mỗi ngày), nhưng nội dung cần {need} buổi: {formula} = {need}"
    return [Problem(spec.path, spec.lines.get("days", 1), message, _fix(spec, local, need - have))]


def breakdown(local: int, shorten: tuple[str, ...], language: str = "vi") -> tuple[tuple[str, int], ...]:
    """The sessions of each part of the programme, in the programme's order."""
    names = {
        "vi": ("6 bài", "chuyên đề, tham quan", "thảo luận, giải đáp", "viết thu hoạch"),
        "en": ("6 lessons", "local topics and visit", "discussion and questions", "writing the reflection"),
    }[language]
    return (
        (names[0], LESSONS),
        (names[1], local),
        (names[2], 0 if DISCUSSION in shorten else 1),
        (names[3], 0 if THU_HOACH in shorten else 1),
    )


def parse_time_range(text: str) -> tuple[datetime.time, datetime.time] | str:
    """("07:30", "11:30") from "07:30-11:30", "7h30 - 11h30" or "7g30–11g30"; or what is wrong, in Vietnamese."""
    import re

    match = re.fullmatch(r"\s*(\d{1,2})[:hg](\d{2})\s*[-–]\s*(\d{1,2})[:hg](\d{2})\s*", text)
    if not match:
        return "không đúng dạng giờ bắt đầu-giờ kết thúc"
    h1, m1, h2, m2 = map(int, match.groups())
    for hour, minute in ((h1, m1), (h2, m2)):
        if hour > 23 or minute > 59:
            return f"giờ {hour:02d}:{minute:02d} không có trong một ngày (từ 00:00 đến 23:59)"
    start, end = datetime.time(h1, m1), datetime.time(h2, m2)
    if end <= start:
        return f"giờ kết thúc {w.format_time(end)} không sau giờ bắt đầu {w.format_time(start)}"
    return start, end


def check_window(part: str, start: datetime.time, end: datetime.time) -> str | None:
    """What is wrong with a session's hours for its part of the day, or None."""
    low, high = WINDOWS[part]
    if start < low or end > high:
        name = "buổi sáng" if part == "morning" else "buổi chiều"
        return f"giờ {w.format_time(start)}-{w.format_time(end)} nằm ngoài {name} (từ {w.format_time(low)} đến {w.format_time(high)})"
    return None


def model_plans(catalogue: Catalogue, topics: list[str], language: str) -> list[Plan]:
    """The handbook's model timetables, made by the same rules as a class's: a 5-day class with two local
    topics (or the one there is) and a visit, and a 4-day class with the same topics that folds the discussion
    into the lesson sessions. Without any local topic in the edition, a generic one of a whole session stands in."""
    labels = w.words(language)
    chosen = list(topics[:2])
    if not chosen:
        catalogue = Catalogue(language, catalogue.lessons, {GENERIC_TOPIC: Topic(GENERIC_TOPIC, labels["local_topics_generic"], 1.0)}, catalogue.thu_hoach)
        chosen = [GENERIC_TOPIC]
    first = datetime.date(2027, 1, 4)  # a Monday; the models show day numbers, not dates
    times = {part: parse_time_range(DEFAULT_TIMES[part]) for part in PARTS}
    plans = []
    for days, visit, shorten in ((5, True, ()), (4, None, (DISCUSSION,))):
        dates = tuple(first + datetime.timedelta(days=n) for n in range(days))
        spec = Spec(days=days, dates=dates, times=times, topics=tuple(chosen), visit=visit, shorten=shorten, language=language)
        plan, problems = plan_class(spec, catalogue)
        if problems:  # the rules changed without the models: fail loudly
            raise ValueError("; ".join(str(p) for p in problems))
        plans.append(plan)
    return plans


def visit_label(visit: str | bool, language: str) -> str:
    """"Tham quan mô hình …" as the class file says it, or with the programme's words in front when the text
    names only the place; the generic words for a model timetable (`visit: True`)."""
    labels = w.words(language)
    if visit is True:
        return labels["visit_generic"]
    text = str(visit).strip()
    if text.casefold().startswith(("tham quan", "nghe báo cáo", "visit", "field visit", "experience report")):
        return text
    return labels["visit"].format(place=text)


def known_codes(spec: Spec, catalogue: Catalogue) -> list[str]:
    """The content codes a class may name: the lessons, its topics, the visit, the discussion, the writing session."""
    return [f"bai-{n}" for n in range(1, LESSONS + 1)] + list(spec.topics) + ([VISIT] if spec.visit else []) + [DISCUSSION, THU_HOACH]


# ---------------------------------------------------------------- helpers


def _items(spec: Spec, catalogue: Catalogue) -> tuple[dict[str, Item], list[Problem]]:
    labels = w.words(spec.language)
    items: dict[str, Item] = {}
    for number in range(1, LESSONS + 1):
        title = catalogue.lessons.get(number, "")
        items[f"bai-{number}"] = Item(f"bai-{number}", "lesson", 1, labels["lesson"].format(n=number, title=title), number)
    problems = []
    for code in spec.topics:
        topic = catalogue.topics.get(code)
        if topic is None:
            close = difflib.get_close_matches(code, list(catalogue.topics), n=1)
            known = ", ".join(f"`{c}`" for c in catalogue.topics) or "(chưa có chuyên đề nào)"
            problems.append(Problem(spec.path, spec.lines.get(f"topics.{code}", spec.lines.get("topics", 1)), f"không có chuyên đề mã `{code}`", (f"có phải là `{close[0]}`? " if close else "") + f"các mã chuyên đề có trong sổ tay: {known}"))
            continue
        items[code] = Item(code, "topic", topic.sessions, labels["topic"].format(title=topic.title))
    if spec.visit:
        items[VISIT] = Item(VISIT, "visit", 1, visit_label(spec.visit, spec.language))
    items[DISCUSSION] = Item(DISCUSSION, "discussion", 1, labels["discussion"])
    items[THU_HOACH] = Item(THU_HOACH, "thu_hoach", 1, labels["thu_hoach"])
    return items, problems


def _generate(spec: Spec, items: dict[str, Item]) -> list[list[Item]]:
    """The programme's order: the six lessons, the local topics (half-session topics two to a session), the
    visit, the discussion, the writing session."""
    layout: list[list[Item]] = [[items[f"bai-{n}"]] for n in range(1, LESSONS + 1)]
    current: list[Item] = []
    for code in spec.topics:
        item = items[code]
        if current and sum(i.size for i in current) + item.size > 1 + 1e-9:
            layout.append(current)
            current = []
        current.append(item)
    if current:
        layout.append(current)
    if spec.visit:
        layout.append([items[VISIT]])
    for code in (DISCUSSION, THU_HOACH):
        if code not in spec.shorten:
            layout.append([items[code]])
    return layout


def _local_sessions(layout: list[list[Item]]) -> int:
    return sum(1 for session in layout if any(item.kind in ("topic", "visit") for item in session))


def _check_entries(spec: Spec, catalogue: Catalogue, items: dict[str, Item]) -> list[Problem]:
    """A class's own `sessions:` list, checked against the same rules as a generated one."""
    entries = spec.entries or ()
    problems: list[Problem] = []
    known = known_codes(spec, catalogue)
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries, start=1):
        size = 0.0
        for code in entry.codes:
            if code not in items or code not in known:
                problems.append(_unknown_code(spec, catalogue, code, entry.line, known))
                continue
            if code in seen:
                problems.append(Problem(spec.path, entry.line, f"{_name(items[code])} xếp hai lần: buổi {seen[code]} và buổi {index}", "mỗi nội dung chỉ xếp một buổi; xoá một trong hai"))
                continue
            seen[code] = index
            size += items[code].size
        if size > 1 + 1e-9:
            problems.append(Problem(spec.path, entry.line, f"buổi {index} xếp nhiều nội dung hơn một buổi ({' + '.join(entry.codes)})", "chỉ những chuyên đề nửa buổi mới học chung một buổi, hai chuyên đề một buổi; tách ra các buổi khác"))
    line = spec.lines.get("sessions", 1)
    for number in range(1, LESSONS + 1):
        if f"bai-{number}" not in seen:
            problems.append(Problem(spec.path, line, f"thiếu Bài {number} trong `sessions`: mỗi bài của chương trình học đúng một buổi", f"thêm một buổi `- bai-{number}`"))
    for code in spec.topics:
        if code in items and code not in seen:
            problems.append(Problem(spec.path, line, f"chuyên đề `{code}` có trong `topics` nhưng không có buổi nào trong `sessions`", f"thêm `{code}` vào một buổi, hoặc bỏ nó khỏi `topics`"))
    if spec.visit and VISIT not in seen:
        problems.append(Problem(spec.path, line, "lớp có `visit` nhưng `sessions` không có buổi tham quan", f"thêm một buổi `- {VISIT}`, hoặc bỏ `visit`"))
    for code, what in ((DISCUSSION, "thảo luận, giải đáp"), (THU_HOACH, "viết bản thu hoạch")):
        if code in spec.shorten and code in seen:
            problems.append(Problem(spec.path, line, f"`{code}` vừa được rút gọn (`shorten`) vừa có buổi trong `sessions`", f"bỏ `{code}` khỏi `shorten` hoặc khỏi `sessions`"))
        elif code not in spec.shorten and code not in seen:
            problems.append(Problem(spec.path, line, f"thiếu buổi {what} (`{code}`) trong `sessions`: chương trình dành cho phần này một buổi", f"thêm một buổi `- {code}`" + ("; lớp 4 ngày có thể rút gọn nó bằng `shorten`" if spec.days == 4 else "")))
    if problems:
        return problems
    layout = [[items[code] for code in entry.codes] for entry in entries]
    local = _local_sessions(layout)
    problems = check_rules(spec, catalogue, local=local)
    have = spec.days * SESSIONS_PER_DAY
    if not problems and len(entries) != have:
        problems.append(Problem(spec.path, line, f"`sessions` có {len(entries)} buổi, nhưng lớp {spec.days} ngày có {have} buổi", "mỗi buổi của lớp là một mục của `sessions`, theo thứ tự thời gian"))
    return problems


def _assign(spec: Spec, layout: list[list[Item]], own_times: list[str | None], own_lecturers: list[str | None]) -> tuple[list[Session], list[Problem]]:
    sessions, problems = [], []
    for index, session_items in enumerate(layout):
        day, part = index // SESSIONS_PER_DAY, PARTS[index % SESSIONS_PER_DAY]
        start, end = spec.times[part]
        if own_times[index]:
            entry = spec.entries[index] if spec.entries else None
            parsed = parse_time_range(own_times[index])
            window = check_window(part, *parsed) if not isinstance(parsed, str) else None
            if isinstance(parsed, str) or window:
                problems.append(Problem(spec.path, entry.time_line if entry else 1, f"buổi {index + 1} ({'sáng' if part == 'morning' else 'chiều'} ngày thứ {day + 1}): {parsed if isinstance(parsed, str) else window}", "viết giờ của buổi trong ngoặc kép như \"07:30-11:30\" (sáng) hoặc \"13:30-17:00\" (chiều), giờ bắt đầu trước giờ kết thúc"))
                continue
            start, end = parsed
        names = [spec.lecturers[item.code] for item in session_items if item.code in spec.lecturers]
        lecturer = own_lecturers[index] or "; ".join(dict.fromkeys(names))
        sessions.append(Session(index + 1, day + 1, spec.dates[day], part, start, end, tuple(session_items), index == 0, index == len(layout) - 1, lecturer))
    return sessions, problems


def _fix(spec: Spec, local: int, excess: int) -> str:
    """The choices that make the content fit the days, for the arithmetic's error."""
    choices = []
    if excess > 0:
        left = [code for code in SHORTENABLE if code not in spec.shorten]
        if spec.days == 4 and len(left) >= excess:
            if excess == 1:
                choices += [f"ghi `shorten: [{', '.join(list(spec.shorten) + [code])}]` ({SHORTEN_MEANING[code]})" for code in left]
            else:
                choices.append(f"ghi `shorten: [{', '.join(SHORTENABLE)}]` (rút gọn cả hai: {SHORTEN_MEANING[DISCUSSION]}; {SHORTEN_MEANING[THU_HOACH]})")
        if local > LOCAL_SESSIONS[0]:
            choices.append(f"bớt chuyên đề hoặc tham quan (đang {local} buổi, ít nhất {LOCAL_SESSIONS[0]} buổi)")
        if spec.days == 4:
            choices.append("mở lớp 5 ngày (`days: 5`)")
    else:
        if spec.shorten:
            choices.append("bớt mục trong `shorten`")
        if local < LOCAL_SESSIONS[1]:
            choices.append(f"thêm chuyên đề (`topics`, mỗi chuyên đề nửa buổi) hoặc một buổi tham quan (`visit`) cho đủ {LOCAL_SESSIONS[1]} buổi")
        if spec.days == 5:
            choices.append("mở lớp 4 ngày (`days: 4`) và ghi phần rút gọn (`shorten`)")
    return "; hoặc ".join(choices) if choices else "sửa `days`, `topics`, `visit` hoặc `shorten` cho nội dung vừa đủ số buổi"


def _unknown_code(spec: Spec, catalogue: Catalogue, code: str, line: int, known: list[str]) -> Problem:
    close = difflib.get_close_matches(code, known, n=1)
    hint = f"có phải là `{close[0]}`? " if close else ""
    if code in catalogue.topics:
        return Problem(spec.path, line, f"chuyên đề `{code}` xếp trong `sessions` nhưng không có trong `topics`", f"thêm `{code}` vào `topics`, hoặc bỏ nó khỏi `sessions`")
    if code == VISIT:
        return Problem(spec.path, line, "`sessions` có buổi tham quan nhưng lớp không ghi `visit`", "ghi nơi tham quan ở `visit`, hoặc bỏ buổi này")
    return Problem(spec.path, line, f"không có nội dung mã `{code}`", hint + "các mã dùng được: " + ", ".join(f"`{c}`" for c in known))


def _name(item: Item) -> str:
    if item.kind == "lesson":
        return f"Bài {item.number}"
    return {"topic": f"chuyên đề `{item.code}`", "visit": "buổi tham quan", "discussion": "buổi thảo luận, giải đáp", "thu_hoach": "buổi viết bản thu hoạch"}[item.kind]
