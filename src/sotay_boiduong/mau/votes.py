"""The arithmetic a Party cell secretary needs, in one place: votes and dates.

Votes (FACTS.md §0, §7A–B):
- at least two thirds of the cell's full members: admission (Điều 4 Điều lệ Đảng), recognition as a full member
  (Điều 5, voted as for admission), a cell's proposal to expel (Quy định 69-QĐ/TW, Điều 15);
- more than half of the cell's full members: reprimand, warning, removal from post (Quy định 69-QĐ/TW, Điều 15).
Both count on the number of full members of the cell, never on those present, and probationary members do not
vote (Điều 3). Everything is integer arithmetic: 2/3 of 14 is 9.33…, and a vote is a whole person, so 10.

Dates:
- probation lasts 12 months from the admission ceremony; Party age counts from the date of the admission
  decision (Điều 5);
- an appeal against a disciplinary decision is lodged within one month of receiving it (Điều 39), counted in
  practice as 30 working days.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

MORE_THAN_HALF = "qua-nua"
TWO_THIRDS = "hai-phan-ba"
RULES = (MORE_THAN_HALF, TWO_THIRDS)
TABLE_SIZES = range(3, 41)  # a cell has at least 3 full members (Điều 21, 24); the table stops at 40
PROBATION_MONTHS = 12
APPEAL_WORKING_DAYS = 30


def more_than_half(members: int) -> int:
    """The fewest votes that are more than half of `members`: 7 of 12, 8 of 14, 8 of 15."""
    _check_size(members)
    return members // 2 + 1


def two_thirds(members: int) -> int:
    """The fewest votes that are at least two thirds of `members`: 6 of 8, 8 of 11, 10 of 14."""
    _check_size(members)
    return (2 * members + 2) // 3


def needed(rule: str, members: int) -> int:
    """The fewest votes in favour that `rule` (MORE_THAN_HALF or TWO_THIRDS) asks of a cell of `members`."""
    if rule == MORE_THAN_HALF:
        return more_than_half(members)
    if rule == TWO_THIRDS:
        return two_thirds(members)
    raise ValueError(f"unknown rule {rule!r}; one of {RULES}")


def passes(rule: str, members: int, in_favour: int) -> bool:
    """Whether `in_favour` votes carry a decision under `rule` in a cell of `members` full members."""
    return in_favour >= needed(rule, members)


@dataclass(frozen=True)
class Row:
    """One line of the vote table: a cell of `members` full members."""

    members: int
    more_than_half: int
    two_thirds: int


def table(sizes: range = TABLE_SIZES) -> list[Row]:
    """The vote table, one row per cell size."""
    return [Row(n, more_than_half(n), two_thirds(n)) for n in sizes]


def two_thirds_exact(members: int) -> float:
    """Two thirds of `members` as a number (9.333… for 14), for the sentence that shows the sum."""
    return 2 * members / 3


# ---------------------------------------------------------------- dates


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the last day of the month when that month is shorter (29/2 → 28/2)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def probation_end(ceremony: datetime.date) -> datetime.date:
    """The day the 12 months of probation are complete, counted from the admission ceremony (Điều 5): a member
    admitted at a ceremony on 12 June has completed them on 12 June of the next year."""
    return add_months(ceremony, PROBATION_MONTHS)


def working_day(start: datetime.date, count: int, holidays: frozenset[datetime.date] = frozenset()) -> datetime.date:
    """The `count`-th working day after `start` (the day itself not counted): Monday to Friday, less `holidays`."""
    if count < 1:
        raise ValueError("count must be at least 1")
    day, seen = start, 0
    while seen < count:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            seen += 1
    return day


def appeal_deadline(received: datetime.date, holidays: frozenset[datetime.date] = frozenset()) -> datetime.date:
    """The last day to appeal, as counted in practice: the 30th working day after the day the decision was received."""
    return working_day(received, APPEAL_WORKING_DAYS, holidays)


def _check_size(members: int) -> None:
    if not isinstance(members, int) or isinstance(members, bool) or members < 1:
        raise ValueError(f"a cell's number of full members is a whole number of at least 1, not {members!r}")
