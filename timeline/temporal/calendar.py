"""Calendar arithmetic between TIMEX3 values and the date intervals they denote.

A DATE value names a calendar period at some granularity: `2026-06-04` (day), `2026-W23` (ISO week),
`2026-06` (month), `2026-SU` (season), `2026-Q3`, `2026-H1`, `2026`, `199` (decade), `20` (century).
`interval(value)` gives its first and last day; `period_value(granularity, day)` names the period of
that granularity containing a day; `shift(day, n, unit)` moves a day by n calendar units. The standard
library covers this exactly (ISO weeks via date.isocalendar/fromisocalendar); months are added by hand
so a month-end day stays in range.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

# Meteorological seasons, the ones news writing means; winter of year Y runs from December of Y.
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_VALUE = re.compile(
    r"^(?:(?P<day>\d{4}-\d\d-\d\d)(?:T.*)?|(?P<wy>\d{4})-W(?P<week>\d\d)(?P<weekend>-WE)?"
    r"|(?P<my>\d{4})-(?P<month>\d\d)|(?P<sy>\d{4})-(?P<season>SP|SU|FA|WI)|(?P<qy>\d{4})-Q(?P<quarter>[1-4])"
    r"|(?P<hy>\d{4})-H(?P<half>[12])|(?P<year>\d{4})|(?P<decade>\d{3})|(?P<century>\d\d))$"
)


class OutOfCalendar(ValueError):
    """Arithmetic that leaves the years 1..9999 ("2026 years ago" from 2000): no date to give."""


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise OutOfCalendar(f"{months} months from {day} is outside the calendar")
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, amount: int, unit: str) -> date:
    """Move a day by `amount` units: day, week, month, quarter, half, year, decade, century."""
    if unit in ("day", "week", "weekend"):
        try:
            return day + timedelta(days=amount * (1 if unit == "day" else 7))
        except OverflowError:
            raise OutOfCalendar(f"{amount} {unit}s from {day} is outside the calendar") from None
    months = {"month": 1, "season": 12, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
    return add_months(day, amount * months[unit])


def season_of(day: date) -> tuple[int, str]:
    if day.month in (1, 2):
        return day.year - 1, "WI"
    code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[(day.month // 3) * 3]
    return day.year, code


def period_value(granularity: str, day: date) -> str:
    """The TIMEX3 value of the period of this granularity that contains `day`."""
    if granularity == "day":
        return day.isoformat()
    if granularity in ("week", "weekend"):
        iso_year, week, _ = day.isocalendar()
        return f"{iso_year:04d}-W{week:02d}" + ("-WE" if granularity == "weekend" else "")
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "season":
        year, code = season_of(day)
        return f"{year:04d}-{code}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    raise ValueError(f"no calendar period for granularity {granularity!r}")


def interval(value: str) -> tuple[date, date, str] | None:
    """First day, last day and granularity of a DATE/TIME value; None for anything without a position."""
    m = _VALUE.match(value)
    if m is None:
        return None
    try:
        if m["day"]:
            day = date.fromisoformat(m["day"])
            return day, day, "time" if "T" in value else "day"
        if m["wy"]:
            monday = date.fromisocalendar(int(m["wy"]), int(m["week"]), 1)
            if m["weekend"]:
                return monday + timedelta(days=5), monday + timedelta(days=6), "day"
            return monday, monday + timedelta(days=6), "week"
        if m["my"]:
            first = date(int(m["my"]), int(m["month"]), 1)
            return first, add_months(first, 1) - timedelta(days=1), "month"
        if m["sy"]:
            first = date(int(m["sy"]), SEASON_START_MONTH[m["season"]], 1)
            return first, add_months(first, 3) - timedelta(days=1), "season"
        if m["qy"]:
            first = date(int(m["qy"]), 3 * int(m["quarter"]) - 2, 1)
            return first, add_months(first, 3) - timedelta(days=1), "quarter"
        if m["hy"]:
            first = date(int(m["hy"]), 1 if m["half"] == "1" else 7, 1)
            return first, add_months(first, 6) - timedelta(days=1), "half"
        if m["year"]:
            year = int(m["year"])
            return date(year, 1, 1), date(year, 12, 31), "year"
        if m["decade"]:
            year = int(m["decade"]) * 10
            return date(max(year, 1), 1, 1), date(year + 9, 12, 31), "decade"
        year = int(m["century"]) * 100
        return date(max(year, 1), 1, 1), date(year + 99, 12, 31), "century"
    except ValueError:  # a month 13, week 54 or day 31 of a short month: not a real period
        return None


def nth_weekday(year: int, month: int, weekday: int, n: int, from_day: int = 1) -> date:
    """The n-th ISO weekday (1 = Monday) of a month on or after day `from_day`; n = -1: the last one."""
    if n > 0:
        first = date(year, month, from_day)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)
