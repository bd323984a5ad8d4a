"""Holidays (words in resources/lexicon.yaml): fixed days ("Christmas"), the n-th weekday of a month
("Thanksgiving", "Election Day") and days counted from Easter ("Good Friday"); "Easter week" is its week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter  # the Western Easter computus (dateutil comes with dateparser/pendulum)

from timeline.temporal.context import Document
from timeline.temporal.intervals import add_days, nth_weekday, period_value
from timeline.temporal.models import Anchor
from timeline.temporal.readings import Group, Reading, squeeze, year_number
from timeline.temporal.registry import normaliser
from timeline.temporal.resolver import YearlyPeriod, YearOf
from timeline.temporal.words import Words


@dataclass(frozen=True)
class Holiday(YearlyPeriod):
    name: str
    words: Words
    week: bool  # "Easter week": the (ISO) week the holiday falls in

    @property
    def month(self) -> int:
        """Its month when fixed, 0 when it moves between months (Easter's)."""
        if self.name in self.words.fixed_holidays:
            return self.words.fixed_holidays[self.name][0]
        if self.name in self.words.easter_holidays:
            return 0
        return self.words.weekday_holidays[self.name][0]

    def on(self, year: int) -> date:
        if self.name in self.words.fixed_holidays:
            return date(year, *self.words.fixed_holidays[self.name])
        if self.name in self.words.easter_holidays:
            return add_days(easter(year), self.words.easter_holidays[self.name])
        month, weekday, nth, *from_day = self.words.weekday_holidays[self.name]
        return nth_weekday(year, month, weekday, nth, *from_day)

    def first_of(self, year: int) -> date:
        day = self.on(year)
        return day - timedelta(days=day.isoweekday() - 1) if self.week else day

    def last_of(self, year: int) -> date:
        return add_days(self.first_of(year), 6) if self.week else self.on(year)

    def value(self, year: int) -> str:
        day = self.on(year)
        return period_value("week", day) if self.week else day.isoformat()


@normaliser("holiday")
def holiday(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    if not (g("holiday") or "x")[0].isupper():
        return None  # holidays are names: "election day" in lower case is any vote's day
    period = Holiday(squeeze((g("holiday") or "").replace("’", "'")), doc.words, bool(g("week")))
    if g("year"):
        try:
            value = period.value(year_number(doc.words, g("year") or ""))
        except ValueError:
            return None
        return Reading("DATE", value, anchor=Anchor(kind="none"))
    month = period.month
    undated = f"XXXX-{month:02d}-XX" if month else "XXXX-XX-XX"
    if g("year_shift"):  # "Christmas last year": in the DCT's year moved so
        offset = doc.words.relative_shift[(g("year_shift") or "").lower()]
        pending = YearOf(undated_value=undated, period=period, year_offset=offset)
        return Reading("DATE", "", anchor=Anchor(kind="dct"), pending=pending)
    # "last Thanksgiving" the one before the DCT, "next Easter" the one after; else the clause's tense
    pending = YearOf(undated_value=undated, period=period, mode=doc.mode(start, end, g("shift")))
    return Reading("DATE", "", anchor=Anchor(kind="dct"), pending=pending)
