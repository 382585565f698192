"""The class's timetable as an iCalendar file (lich-hoc.ics) that a phone's calendar imports: one event per
session, in the time zone Asia/Ho_Chi_Minh with its VTIMEZONE, made with the icalendar library.

Each event's UID is derived from the class and the session's number, so importing a corrected timetable again
updates the events instead of adding copies. DTSTAMP follows SOURCE_DATE_EPOCH when it is set, so the same class
file gives the same calendar.
"""

from __future__ import annotations

import datetime
import hashlib
import os
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from . import words as w
from .model import ClassFile

TIME_ZONE = "Asia/Ho_Chi_Minh"
PRODID = "-//So tay boi duong cong tac dang//Lop hoc//VI"


def calendar(cls: ClassFile) -> bytes:
    """The iCalendar text of the class's sessions."""
    zone = ZoneInfo(TIME_ZONE)
    labels = w.words(cls.language)
    key = hashlib.sha256(f"{cls.title}|{cls.organiser}|{cls.plan.sessions[0].date.isoformat()}".encode()).hexdigest()[:20]
    stamp = _stamp()
    result = Calendar.new(prodid=PRODID, name=cls.title, uid=f"{key}@so-tay-boi-duong", calscale="GREGORIAN", method="PUBLISH", language=cls.language)
    result.add("x-wr-timezone", TIME_ZONE)
    for session in cls.plan.sessions:
        title = session.title(cls.language)
        description = [cls.title, f"{labels['session_n'].format(n=session.index)} ({labels[f'session_of_{session.part}'].lower()}, {labels['day_n'].format(n=session.day).lower()}): {title}"]
        if session.lecturer:
            description.append(f"{labels['lecturer']}: {session.lecturer}")
        event = Event.new(
            uid=f"{key}-{session.index}@so-tay-boi-duong",
            summary=title,
            start=datetime.datetime.combine(session.date, session.start, zone),
            end=datetime.datetime.combine(session.date, session.end, zone),
            location=cls.venue,
            description="\n".join(description),
            stamp=stamp,
        )
        result.add_component(event)
    result.add_missing_timezones()
    return result.to_ical()


def _stamp() -> datetime.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0)
