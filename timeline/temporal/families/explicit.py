"""Explicit dates: ISO and numeric dates, and a day of a named month ("June 4", "4 June 2026")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.temporal.context import Document
from timeline.temporal.intervals import period_value
from timeline.temporal.models import Anchor
from timeline.temporal.readings import Group, Reading, weekday_number, year_number
from timeline.temporal.registry import normaliser
from timeline.temporal.resolver import YearInDctCentury, YearlyPeriod, YearOf

# A named day ("Dec. 15 is the record date") is often a scheduled date within the coming quarter.
SOON_DAYS_FOR_A_DAY = 92
NEAR = 6  # characters: a tense cue this close (the adjacent word) is about the date itself


@normaliser("iso_date")
def iso_date(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    try:
        day = date(int(g("year") or 0), int(g("month") or 0), int(g("day") or 0))
    except ValueError:
        return None
    if g("hour"):
        return Reading("TIME", f"{day.isoformat()}T{g('hour')}:{g('minute')}", anchor=Anchor(kind="none"))
    return Reading("DATE", day.isoformat(), anchor=Anchor(kind="none"))


@dataclass(frozen=True)
class _OnYear:
    month: int
    day: int

    def __call__(self, year: int) -> str | None:
        try:
            return date(year, self.month, self.day).isoformat()
        except ValueError:  # February 29 of a common year
            return None


@normaliser("numeric_date")
def numeric_date(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    year_text = g("year") or ""
    on_year = _OnYear(int(g("month") or 0), int(g("day") or 0))
    if len(year_text) == 2:  # a two-digit year: news years sit near the DCT
        pending = YearInDctCentury(undated_value=None, two_digits=int(year_text), shape=on_year)
        return Reading("DATE", "", anchor=Anchor(kind="none"), pending=pending)
    value = on_year(int(year_text))
    return None if value is None else Reading("DATE", value, anchor=Anchor(kind="none"))


@dataclass(frozen=True)
class DayOfYear(YearlyPeriod):
    """A day of a month, every year ("June 4"); `week` names the ISO week it is in instead."""

    month: int
    day: int
    week: bool = False
    weekday: int | None = None  # the weekday written beside it, to flag a mismatch

    def first_of(self, year: int) -> date:
        month = self.month
        return date(year, month, min(self.day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31))

    last_of = first_of

    def value(self, year: int) -> str | None:
        try:
            day = date(year, self.month, self.day)
        except ValueError:
            return None
        return period_value("week", day) if self.week else day.isoformat()

    def mismatch(self, year: int) -> bool:
        return self.weekday is not None and self.weekday != date(year, self.month, self.day).isoweekday()


@normaliser("month_day", "day_month")
def explicit_day(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    month_word = g("month") or ""
    if not doc.month_is_plausible(month_word, start, standalone=False):
        return None
    month, day_number = doc.month(month_word), int(g("day") or 0)
    weekday = weekday_number(doc.words, g("weekday") or "") if g("weekday") else None
    if g("year"):
        day = _stated_day(doc, g, month, day_number)
        if day is None:
            return None
        return _day_reading(day, bool(g("week_of")), weekday, Anchor(kind="none"))
    if not 1 <= day_number <= 31:
        return None
    period = DayOfYear(month, day_number, bool(g("week_of")), weekday)
    if g("year_shift"):  # "Oct. 23 last year"
        pending = YearOf(
            undated_value=f"XXXX-{month:02d}-{day_number:02d}",
            period=period,
            year_offset={"this": 0, "last": -1, "next": 1}[(g("year_shift") or "").lower()],
        )
    else:
        # "last Oct. 23" is the latest one before the DCT; a tense cue right next to a date ("ended
        # March 31", "due June 4") decides; else a future clause ("will succeed him Feb. 1") looks
        # ahead, and otherwise news looks back, as for bare months.
        mode = doc.direction(g("shift")) or doc.tense(start, end, within=NEAR)
        if mode is None:
            clause = doc.tense(start, end)  # "would leave ... from August 6": the nearest one
            mode = clause if clause in ("future", "nearest") else "soon_or_past"
        pending = YearOf(
            undated_value=f"XXXX-{month:02d}-{day_number:02d}",
            period=period,
            mode=mode,
            soon_days=SOON_DAYS_FOR_A_DAY,
        )
    return Reading("DATE", "", anchor=Anchor(kind="dct"), pending=pending)


def _stated_day(doc: Document, g: Group, month: int, day_number: int) -> date | None:
    try:  # the year in digits or read out ("nineteen ninety-six")
        return date(year_number(doc.words, g("year") or ""), month, day_number)
    except ValueError:
        return None


def _day_reading(day: date, week: bool, weekday: int | None, anchor: Anchor) -> Reading:
    if week:  # "the week of March 6": the (ISO) week that day is in
        return Reading("DATE", period_value("week", day), anchor=anchor)
    mismatch = weekday is not None and weekday != day.isoweekday()
    return Reading("DATE", day.isoformat(), anchor=anchor, weekday_mismatch=mismatch)
