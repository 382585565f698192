"""A class file (lop/*.yml) read and checked: its shape against schemas/class.schema.json, then its dates,
times, topics, lecturers and sessions against the programme's rules (plan.py), then its roster (roster.py).

`load` returns the class with its plan and learners only when there is no problem at all; otherwise every
problem it found, each as `file:line: what — Cách sửa: how`, so the command writes nothing.
"""

from __future__ import annotations

import datetime
import difflib
from calendar import monthrange
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .. import schema_errors
from ..problems import Problem
from ..yamlio import duplicate_keys, parse
from . import plan as rules
from .catalogue import Catalogue, from_docs
from .roster import Learner, read_roster

SCHEMA = "class.schema.json"
MAX_SPAN_DAYS = 14  # a class is held in one block: its teaching days fall within two weeks of the first
DEFAULT_PASS_MARK = 5.0


@dataclass(frozen=True)
class ClassFile:
    """A checked class: what the papers print."""

    path: Path
    shown: str
    title: str
    organiser: str
    locality: str
    venue: str
    language: str
    pass_mark: float
    roster: Path
    learners: tuple[Learner, ...]
    plan: rules.Plan
    catalogue: Catalogue

    @property
    def scored(self) -> bool:
        return bool(self.learners) and all(learner.score is not None for learner in self.learners)

    def passed(self) -> list[Learner]:
        """The learners proposed for a certificate: with scores, those reaching the pass mark; else everyone."""
        if not self.scored:
            return list(self.learners)
        return [learner for learner in self.learners if learner.score is not None and learner.score >= self.pass_mark - 1e-9]


def load(path: Path, *, docs: Path, shown: str | None = None, root: Path | None = None) -> tuple[ClassFile | None, list[Problem]]:
    """Read and check a class file and its roster; `shown` is how messages name the file."""
    shown = shown or path.as_posix()
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(shown, 1, f"không đọc được tệp lớp học ({error.strerror})", "kiểm tra đường dẫn tới tệp .yml")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, "tệp lớp học không được lưu ở mã UTF-8", "mở tệp bằng trình soạn thảo và lưu lại với mã UTF-8")]
    try:
        data, node = parse(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        return None, [Problem(shown, (mark.line + 1) if mark else 1, f"tệp lớp học không phải YAML hợp lệ ({getattr(error, 'problem', '') or error})", "mỗi dòng `khoá: giá trị`; thụt lề bằng dấu cách; đặt chữ có dấu hai chấm trong ngoặc kép")]
    if not isinstance(data, dict):
        return None, [Problem(shown, 1, "tệp lớp học phải gồm các dòng `khoá: giá trị`", "chép tệp mẫu lop/mau.yml rồi sửa")]
    language = data.get("language", "vi") if data.get("language") in ("vi", "en") else "vi"
    catalogue = from_docs(docs, language, root=root)
    checked, problems = check(data, node, shown, catalogue, base=path.parent)
    if problems or checked is None:
        return None, problems
    return ClassFile(path=path, shown=shown, catalogue=catalogue, **checked), []


def check(data: dict[str, Any], node: yaml.Node | None, shown: str, catalogue: Catalogue, *, base: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The fields of a ClassFile (without path and catalogue), or every problem of the class file's data."""
    problems = list(catalogue.problems)
    problems += [Problem(shown, line + 1, f"trường `{key}` viết hai lần (dòng {first + 1} và dòng {line + 1}); chỉ lần sau được tính", "xoá một trong hai dòng") for key, line, first in duplicate_keys(node)]
    problems += schema_errors.validate(SCHEMA, data, node, shown, noun="mẫu tệp lớp học")
    bad = schema_errors.invalid_keys(SCHEMA, data)

    def line(*location: Any) -> int:
        return schema_errors.yaml_line(node, list(location))

    lines = {key: line(key) for key in data} | {"": 1}
    lines |= {f"topics.{code}": line("topics", i) for i, code in enumerate(data.get("topics") or []) if isinstance(code, str)}

    days = data.get("days")
    if "days" not in bad and days not in (4, 5):
        problems.append(Problem(shown, line("days"), f"lớp học {days} ngày: chương trình quy định mỗi lớp từ 4 đến 5 ngày học", "ghi `days: 4` hoặc `days: 5`; ngày nghỉ giữa khoá ghi ở `days_off`, không tính vào số ngày học"))
        bad.add("days")
    start = _date(data, "start", bad, line, problems, shown)
    days_off = []
    if "days_off" not in bad:
        for index, value in enumerate(data.get("days_off") or []):
            day = _real_date(value)
            if isinstance(day, str):
                problems.append(Problem(shown, line("days_off", index), f"ngày nghỉ {value}: {day}", "sửa ngày trong `days_off`"))
            else:
                days_off.append(day)
    times, time_problems = _times(data.get("times") or {}, shown, line) if "times" not in bad else ({}, [])
    problems += time_problems
    dates: list[datetime.date] = []
    if start and "days" not in bad:
        dates, date_problems = _teaching_dates(start, days, days_off, shown, line)
        problems += date_problems

    topics = tuple(data.get("topics") or ()) if "topics" not in bad else ()
    visit = data.get("visit") if "visit" not in bad else None
    shorten = tuple(data.get("shorten") or ()) if "shorten" not in bad else ()
    lecturers = dict(data.get("lecturers") or {}) if "lecturers" not in bad else {}
    entries = _entries(data.get("sessions"), line) if "sessions" not in bad and data.get("sessions") else None

    roster_path = None
    learners: list[Learner] = []
    if "roster" not in bad:
        roster_path = (base / str(data["roster"])).resolve()
        roster_shown = _join(shown, str(data["roster"]))
        try:
            roster_bytes = roster_path.read_bytes()
        except OSError:
            problems.append(Problem(shown, line("roster"), f"không tìm thấy tệp danh sách học viên {data['roster']} (tìm ở {roster_path})", "ghi đường dẫn tính từ thư mục của tệp lớp học, ví dụ `roster: mau-hoc-vien.csv`"))
        else:
            learners, found = read_roster(roster_bytes, roster_shown)
            problems += found

    plan = None
    if not problems:
        spec = rules.Spec(
            days=days, dates=tuple(dates), times=times, topics=topics, visit=visit, shorten=shorten,
            lecturers=lecturers, entries=entries, language=data.get("language", "vi"), path=shown, lines=lines,
            days_off=tuple(d for d in days_off if dates and dates[0] <= d <= dates[-1]),
        )
        known = rules.known_codes(spec, catalogue)
        for code in lecturers:
            if code not in known:
                close = difflib.get_close_matches(str(code), known, n=1)
                problems.append(Problem(shown, line("lecturers", code), f"`lecturers` có mã `{code}` không phải nội dung nào của lớp", (f"có phải là `{close[0]}`? " if close else "") + "các mã dùng được: " + ", ".join(f"`{c}`" for c in known)))
        plan, found = rules.plan_class(spec, catalogue)
        problems += found
    if problems:
        return None, sorted(set(problems), key=lambda p: (p.path != shown, p.path, p.line, p.message))
    return {
        "title": data["title"],
        "organiser": data["organiser"],
        "locality": data["locality"],
        "venue": data["venue"],
        "language": data.get("language", "vi"),
        "pass_mark": float(data.get("pass_mark", DEFAULT_PASS_MARK)),
        "roster": roster_path,
        "learners": tuple(learners),
        "plan": plan,
    }, []


def teaching_dates(start: datetime.date, days: int, days_off: list[datetime.date]) -> list[datetime.date]:
    """The class's teaching days: from `start`, one a calendar day, skipping the days off, within two weeks."""
    off = set(days_off)
    dates, day = [], start
    while len(dates) < days and (day - start).days < MAX_SPAN_DAYS:
        if day not in off:
            dates.append(day)
        day += datetime.timedelta(days=1)
    return dates


# ---------------------------------------------------------------- helpers


def _real_date(value: Any) -> datetime.date | str:
    """The date, or why it is not one (in Vietnamese)."""
    text = str(value)
    try:
        year, month, day = (int(part) for part in text.split("-"))
    except ValueError:
        return "không đúng dạng năm-tháng-ngày"
    if not 1 <= month <= 12:
        return f"không có tháng {month}"
    last = monthrange(year, month)[1]
    if not 1 <= day <= last:
        return f"không có trong lịch: tháng {month} năm {year} chỉ có {last} ngày"
    return datetime.date(year, month, day)


def _date(data, key, bad, line, problems, shown) -> datetime.date | None:
    if key in bad or key not in data:
        return None
    day = _real_date(data[key])
    if isinstance(day, str):
        problems.append(Problem(shown, line(key), f"ngày {data[key]}: {day}", "sửa ngày, viết năm-tháng-ngày như 2027-03-18"))
        return None
    return day


def _times(values: dict[str, str], shown: str, line) -> tuple[dict[str, tuple[datetime.time, datetime.time]], list[Problem]]:
    times, problems = {}, []
    for part in rules.PARTS:
        text = values.get(part, rules.DEFAULT_TIMES[part])
        parsed = rules.parse_time_range(str(text))
        where = line("times", part) if part in values else line("times")
        if isinstance(parsed, str):
            problems.append(Problem(shown, where, f"giờ {'buổi sáng' if part == 'morning' else 'buổi chiều'} \"{text}\": {parsed}", f"viết trong ngoặc kép như \"{rules.DEFAULT_TIMES[part]}\", giờ bắt đầu trước giờ kết thúc"))
            continue
        outside = rules.check_window(part, *parsed)
        if outside:
            problems.append(Problem(shown, where, outside, f"viết giờ của {'buổi sáng' if part == 'morning' else 'buổi chiều'} như \"{rules.DEFAULT_TIMES[part]}\""))
            continue
        times[part] = parsed
    if len(times) == 2 and times["morning"][1] > times["afternoon"][0]:
        problems.append(Problem(shown, line("times"), f"buổi sáng kết thúc lúc {rules.w.format_time(times['morning'][1])}, sau khi buổi chiều bắt đầu ({rules.w.format_time(times['afternoon'][0])})", "sửa giờ trong `times` cho buổi sáng kết thúc trước buổi chiều"))
    return times, problems


def _teaching_dates(start, days, days_off, shown, line) -> tuple[list[datetime.date], list[Problem]]:
    problems = []
    if start in days_off:
        problems.append(Problem(shown, line("start"), f"ngày khai giảng {start.isoformat()} có trong `days_off`", "đổi ngày `start`, hoặc bỏ ngày đó khỏi `days_off`"))
        return [], problems
    dates = teaching_dates(start, days, days_off)
    if len(dates) < days:
        end = start + datetime.timedelta(days=MAX_SPAN_DAYS - 1)
        off = sorted(d for d in days_off if start <= d <= end)
        problems.append(Problem(shown, line("days_off"), f"các ngày nghỉ chỉ để lại {len(dates)} ngày học trong hai tuần từ {start.isoformat()} đến {end.isoformat()} ({len(off)} ngày nghỉ), nhưng lớp cần {days} ngày: một lớp học liền một đợt", "bớt ngày nghỉ trong `days_off`, hoặc chọn ngày khai giảng khác"))
    return dates, problems


def _entries(values: list, line) -> tuple[rules.Entry, ...]:
    entries = []
    for index, value in enumerate(values):
        where = line("sessions", index)
        if isinstance(value, dict):
            content = value.get("content")
            codes = (content,) if isinstance(content, str) else tuple(content or ())
            entries.append(rules.Entry(codes, where, value.get("time"), line("sessions", index, "time"), value.get("lecturer")))
        elif isinstance(value, list):
            entries.append(rules.Entry(tuple(value), where))
        else:
            entries.append(rules.Entry((value,), where))
    return tuple(entries)


def _join(shown: str, relative: str) -> str:
    folder = shown.rsplit("/", 1)[0] if "/" in shown else ""
    return f"{folder}/{relative}" if folder else relative
