"""Days, calendar periods, intervals and durations: the date arithmetic of the whole package.

A DATE value names a calendar period at some granularity: `2026-06-04` (day), `2026-W23` (ISO week),
`2026-06` (month), `2026-SU` (season), `2026-Q3`, `2026-H1`, `2026`, `199` (decade), `20` (century).
`calendar_interval(value)` gives its first and last day; `period_value(granularity, day)` names the
period of that granularity containing a day; `shift(day, n, unit)` moves a day by n calendar units and
`shift_by(day, "P1M")` by an ISO 8601 / TIMEX3 duration. The standard library covers this exactly (ISO
weeks via date.isocalendar/fromisocalendar); months are added by hand so a month-end day stays in range.

Everything that leaves the years 1..9999 raises `OutOfCalendar` (a ValueError), except `Interval`'s
`shifted` and `widened`, which stop at the calendar's ends: a tolerance of P9999Y reaches them.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

# Meteorological seasons, the ones news writing means; winter of year Y runs from December of Y.
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_VALUE = re.compile(
    r"^(?:(?P<day>\d{4}-\d\d-\d\d)(?:T.*)?|(?P<wy>\d{4})-W(?P<week>\d\d)(?P<weekend>-WE)?"
    r"|(?P<my>\d{4})-(?P<month>\d\d)|(?P<sy>\d{4})-(?P<season>SP|SU|FA|WI)|(?P<qy>\d{4})-Q(?P<quarter>[1-4])"
    r"|(?P<hy>\d{4})-H(?P<half>[12])|(?P<year>\d{4})|(?P<decade>\d{3})|(?P<century>\d\d))$"
)
_MONTHS_IN = {"month": 1, "season": 12, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}


class OutOfCalendar(ValueError):
    """Arithmetic that leaves the years 1..9999 ("2026 years ago" from 2000): no date to give."""


class Duration(NamedTuple):
    """The calendar part of an ISO 8601 duration: months (years counted as 12) and days (weeks as 7)."""

    months: int
    days: int


class Interval(NamedTuple):
    """An inclusive interval of days (a tuple, so `start, end = interval` works too)."""

    earliest: date
    latest: date

    def shifted(self, duration: str, sign: int = 1) -> Interval:
        """Both ends moved by `duration` forwards (sign 1) or back (-1), stopping at the calendar's ends."""
        return Interval(
            shift_within(self.earliest, duration, sign), shift_within(self.latest, duration, sign)
        )

    def widened(self, tolerance: str) -> Interval:
        return Interval(shift_within(self.earliest, tolerance, -1), shift_within(self.latest, tolerance, 1))

    def overlaps(self, other: Interval) -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest

    def __str__(self) -> str:
        if self.earliest == self.latest:
            return self.earliest.isoformat()
        return f"{self.earliest.isoformat()}..{self.latest.isoformat()}"


def add_days(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        raise OutOfCalendar(f"{days} days from {day} is outside the calendar") from None


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
        return add_days(day, amount * (1 if unit == "day" else 7))
    return add_months(day, amount * _MONTHS_IN[unit])


@lru_cache(maxsize=256)  # a handful of distinct durations, applied to every mention
def parse_duration(text: str) -> Duration:
    """An ISO 8601 duration's calendar part; raises ValueError with a readable message.

    pendulum parses ISO 8601 (imported here only: `timeline tag` never needs it). Hours and smaller
    units do not move a day.
    """
    import pendulum  # ISO 8601 durations ("P1D", "P2W", "P1M")

    try:
        parsed = pendulum.parse(text)
    except (ValueError, TypeError, OverflowError):  # pendulum's ParserError is a ValueError
        parsed = None
    if not isinstance(parsed, pendulum.Duration):
        raise ValueError(f"'{text}' is not an ISO 8601 duration such as P1D, P2W, P1M or P1Y")
    return Duration(12 * parsed.years + parsed.months, 7 * parsed.weeks + parsed.remaining_days)


def shift_by(day: date, duration: str, sign: int = 1) -> date:
    """`day` moved by `duration` forwards (sign 1) or backwards (-1): months and years by the calendar
    first, then days. Raises OutOfCalendar past the years 1..9999, ValueError for a bad duration."""
    span = parse_duration(duration)
    return add_days(add_months(day, sign * span.months), sign * span.days)


def shift_within(day: date, duration: str, sign: int = 1) -> date:
    """`shift_by`, stopping at the first or last day of the calendar instead of leaving it."""
    try:
        return shift_by(day, duration, sign)
    except OutOfCalendar:
        return date.min if sign < 0 else date.max


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


def _months_long(year: int, month: int, months: int) -> tuple[date, date]:
    first = date(year, month, 1)
    try:
        return first, add_months(first, months) - timedelta(days=1)
    except OutOfCalendar:  # a period that ends the calendar (9999-Q4)
        return first, date.max


@lru_cache(maxsize=4096)  # pure, and asked again for the same few values (resolving, tagging, the view)
def calendar_interval(value: str) -> tuple[date, date, str] | None:
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
                return add_days(monday, 5), add_days(monday, 6), "day"
            return monday, add_days(monday, 6), "week"
        if m["my"]:
            return (*_months_long(int(m["my"]), int(m["month"]), 1), "month")
        if m["sy"]:
            return (*_months_long(int(m["sy"]), SEASON_START_MONTH[m["season"]], 3), "season")
        if m["qy"]:
            return (*_months_long(int(m["qy"]), 3 * int(m["quarter"]) - 2, 3), "quarter")
        if m["hy"]:
            return (*_months_long(int(m["hy"]), 1 if m["half"] == "1" else 7, 6), "half")
        if m["year"]:
            year = int(m["year"])
            return date(year, 1, 1), date(year, 12, 31), "year"
        if m["decade"]:
            year = int(m["decade"]) * 10
            return date(max(year, 1), 1, 1), date(year + 9, 12, 31), "decade"
        year = int(m["century"]) * 100
        return date(max(year, 1), 1, 1), date(min(year + 99, 9999), 12, 31), "century"
    except ValueError:  # a month 13, week 54, day 31 of a short month or year 0: not a real period
        return None


def nth_weekday(year: int, month: int, weekday: int, n: int, from_day: int = 1) -> date:
    """The n-th ISO weekday (1 = Monday) of a month on or after day `from_day`; n = -1: the last one."""
    if n > 0:
        first = date(year, month, from_day)
        return add_days(first, (weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)
