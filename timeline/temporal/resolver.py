"""The one resolver: what depends on the publication date (DCT) is decided here, and only here.

Families read words and context (the clause's tense, the date in view) and leave the DCT-relative part
of a reading as a `Pending` value: "the weekday 4 before or after the DCT, by tense", "month 6 of the
year the tense points at", "the DCT's week minus 1". `resolve(reading, dct)` turns it into a calendar
value and interval, or, with no DCT, into the underspecified value the family gave (XXXX-WXX-4) or into
nothing. The same stored readings can be resolved again under other DCTs (an undated article's trial
publication days). Conventions for directions (news looks back; a bare month ahead only when soon)
live in `pick_year` and `weekday_near`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from timeline.temporal.intervals import OutOfCalendar, add_days, calendar_interval, period_value, shift
from timeline.temporal.models import Anchor
from timeline.temporal.readings import Reading

SOON_DAYS = 62  # a bare month this close ahead of the DCT may be meant ahead without a future cue


def resolve(reading: Reading, dct: date | None) -> Reading | None:
    """The reading with its DCT-relative part resolved against `dct` (None: underspecified or nothing)."""
    pending = reading.pending
    if pending is None:
        return reading
    try:
        found = pending.dated(reading, dct) if dct is not None else pending.undated(reading)
    except (OutOfCalendar, OverflowError):  # at the calendar's ends "next year" has no answer
        found = pending.undated(reading)
    return None if found is None else found.but(pending=None, unresolved=reading)


@dataclass(frozen=True, kw_only=True)
class Pending(ABC):
    """A DCT-relative part. `undated_value`: the value without a DCT (None: no reading at all then);
    `suffix` is appended to the value either way (a clock time after the day: "T10:30")."""

    undated_value: str | None
    suffix: str = ""

    @abstractmethod
    def value(self, dct: date) -> str | None: ...

    def dated(self, reading: Reading, dct: date) -> Reading | None:
        value = self.value(dct)
        return None if value is None else reading.but(value=value + self.suffix)

    def undated(self, reading: Reading) -> Reading | None:
        if self.undated_value is None:
            return None
        return reading.but(
            value=self.undated_value + self.suffix,
            anchor=None,
            positioned=False,
            earliest=None,
            latest=None,
            granularity=None,
        )


@dataclass(frozen=True, kw_only=True)
class OnDay(Pending):
    """The DCT moved by `days` ("yesterday", "tonight", a clock time on the publication day)."""

    days: int = 0

    def value(self, dct: date) -> str:
        return add_days(dct, self.days).isoformat()


def weekday_near(dct: date, weekday: int, direction: str | None, tense: str | None) -> date:
    """The day named by a weekday: `direction` last/next/this from the words, else by tense; the DCT's
    own weekday is the DCT; with no tense cue, the news convention (the most recent one)."""
    back = (dct.isoweekday() - weekday) % 7  # days back to the most recent such weekday (0: the DCT)
    if direction == "last":
        return add_days(dct, -(back or 7))
    if direction == "next":
        return add_days(dct, (weekday - dct.isoweekday()) % 7 or 7)
    if direction == "this":
        return add_days(dct, weekday - dct.isoweekday())
    if back == 0:
        return dct
    if tense == "future" or (tense == "nearest" and back > 3):
        return add_days(dct, 7 - back)
    return add_days(dct, -back)  # past tense, or the news convention when no tense is found


@dataclass(frozen=True, kw_only=True)
class WeekdayNear(Pending):
    weekday: int
    direction: str | None = None
    tense: str | None = None

    def value(self, dct: date) -> str:
        return weekday_near(dct, self.weekday, self.direction, self.tense).isoformat()


@dataclass(frozen=True, kw_only=True)
class PeriodFromDct(Pending):
    """The period of `granularity` containing the DCT moved `steps` such periods ("last week": -1),
    named at granularity `shown` when that differs ("the weekend" of a week, the day of "two days ago")."""

    granularity: str
    steps: int = 0
    shown: str | None = None

    def value(self, dct: date) -> str:
        return period_value(self.shown or self.granularity, shift(dct, self.steps, self.granularity))


@dataclass(frozen=True, kw_only=True)
class CountedFromDay(Pending):
    """A day counted from the DCT or from a weekday after it ("a week from Friday"), then shifted."""

    steps: int
    unit: str
    shown: str
    days: int = 0  # from the DCT moved this many days ("two weeks from tomorrow")
    weekday: int | None = None  # from the next such weekday
    # "within": the days between the DCT and the day counted ("less than two weeks ago": the 14 days up to
    # publication); "beyond": the days past it ("more than two weeks ago": open towards the past)
    bound: str | None = None

    def _day(self, dct: date) -> date:
        base = (
            add_days(dct, self.days)
            if self.weekday is None
            else weekday_near(dct, self.weekday, "next", None)
        )
        return shift(base, self.steps, self.unit)

    def value(self, dct: date) -> str:
        return period_value(self.shown, self._day(dct))

    def dated(self, reading: Reading, dct: date) -> Reading | None:
        found = super().dated(reading, dct)
        if found is None or self.bound is None:
            return found
        day, back = self._day(dct), self.steps < 0
        earliest: date | None
        latest: date | None
        if self.bound == "within":
            earliest, latest = (day, dct) if back else (dct, day)
        else:
            earliest, latest = (None, day) if back else (day, None)
        return found.but(earliest=earliest, latest=latest, granularity=self.shown)


class YearlyPeriod(ABC):
    """A period that comes back every year (a month, a season, a holiday, a day of a month)."""

    @abstractmethod
    def first_of(self, year: int) -> date: ...

    @abstractmethod
    def last_of(self, year: int) -> date: ...

    @abstractmethod
    def value(self, year: int) -> str | None: ...

    def mismatch(self, year: int) -> bool:
        """Whether a weekday written beside it disagrees with the day it is in `year`."""
        return False


def pick_year(
    dct: date,
    first_of: Callable[[int], date],
    last_of: Callable[[int], date],
    mode: str,
    soon_days: int = SOON_DAYS,
) -> int:
    """The year of a yearly recurring period (a month, a season, a holiday) meant relative to the DCT.

    mode: "last"/"next" strictly before/after the DCT; "this" the one containing or in the DCT's year;
    "past"/"future" by tense (the one containing the DCT counts); "soon_or_past" the coming one if it
    begins within `soon_days`, else the past one (news looks back); "nearest" otherwise.
    """
    # -2: "last winter" in January, when the winter that began last December contains the DCT
    years = [y for y in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1) if 1 <= y <= 9999]
    spans = [_Span(y, first_of(y), last_of(y)) for y in years]
    containing = [span.year for span in spans if span.first <= dct <= span.last]
    if containing and mode in ("this", "past", "future", "nearest"):
        return containing[0]
    if mode == "this":
        return dct.year
    if mode == "soon_or_past":  # news looks back: ahead only when it begins within two months
        ahead = _PICKS["next"](spans, dct)
        return ahead if (first_of(ahead) - dct).days <= soon_days else _PICKS["past"](spans, dct)
    if mode in _PICKS:
        return _PICKS[mode](spans, dct)
    return min(spans, key=lambda span: span.distance(dct)).year


class _Span(NamedTuple):  # a tuple: four are made for every yearly period resolved
    year: int
    first: date
    last: date

    def distance(self, dct: date) -> tuple[int, int]:
        gap = (self.first - dct).days if self.first > dct else (dct - self.last).days
        return gap, 0 if self.last < dct else 1  # ties go to the past


_PICKS: dict[str, Callable[[list[_Span], date], int]] = {
    "last": lambda spans, dct: _one(max, [s.year for s in spans if s.last < dct]),
    "next": lambda spans, dct: _one(min, [s.year for s in spans if s.first > dct]),
    "past": lambda spans, dct: _one(max, [s.year for s in spans if s.first <= dct]),
    "future": lambda spans, dct: _one(min, [s.year for s in spans if s.last >= dct]),
}


def _one(choose: Callable[[list[int]], int], years: list[int]) -> int:
    if not years:  # "last winter" when the DCT is in the winter that began last year, at the calendar's ends
        raise OutOfCalendar("no such period within a year of the publication date")
    return choose(years)


@lru_cache(maxsize=4096)
def _picked_year(period: YearlyPeriod, mode: str, soon_days: int, dct: date) -> int:
    return pick_year(dct, period.first_of, period.last_of, mode, soon_days)


@dataclass(frozen=True, kw_only=True)
class YearOf(Pending):
    """A yearly period whose year the DCT and `mode` decide (see pick_year), or the DCT's year plus
    `year_offset` ("June last year"); `back` years are then subtracted ("the year-ago third quarter")."""

    period: YearlyPeriod
    mode: str = "nearest"
    soon_days: int = SOON_DAYS
    year_offset: int | None = None
    back: int = 0

    def year(self, dct: date) -> int:
        if self.year_offset is not None:
            return dct.year + self.year_offset
        try:  # news names the same periods again and again ("the third quarter"): picked once per DCT
            return _picked_year(self.period, self.mode, self.soon_days, dct)
        except TypeError:  # a period holding a word table (a holiday) is not hashable
            return pick_year(dct, self.period.first_of, self.period.last_of, self.mode, self.soon_days)

    def value(self, dct: date) -> str | None:
        return self._value_in(self.year(dct) - self.back)

    def _value_in(self, year: int) -> str | None:
        return self.period.value(year) if 1 <= year <= 9999 else None

    def dated(self, reading: Reading, dct: date) -> Reading | None:
        year = self.year(dct) - self.back  # picked once: picking is most of the work
        value = self._value_in(year)
        if value is None:
            return None
        mismatch = reading.weekday_mismatch or self.period.mismatch(year)
        return reading.but(value=value + self.suffix, weekday_mismatch=mismatch)


@dataclass(frozen=True, kw_only=True)
class Bounded(Pending):
    """A stretch from or to the DCT: "the past six months" (sign -1), "the next two weeks" (+1);
    PAST_REF/FUTURE_REF (reach None) are open on the far side. The value stays as the family gave it."""

    sign: int
    reach: int | None
    unit: str = "day"

    def value(self, dct: date) -> str:
        raise NotImplementedError  # `dated` keeps the family's value

    def dated(self, reading: Reading, dct: date) -> Reading:
        other = None if self.reach is None else shift(dct, self.sign * self.reach, self.unit)
        earliest, latest = (other, dct) if self.sign < 0 else (dct, other)
        if self.sign == 0:
            earliest = latest = dct
        return reading.but(earliest=earliest, latest=latest)

    def undated(self, reading: Reading) -> Reading | None:
        if self.reach is None:  # a vague reference keeps its DCT anchor, with no bounds
            return reading.but(earliest=None, latest=None)
        return super().undated(reading)


@dataclass(frozen=True, kw_only=True)
class CutAtDct(Pending):
    """ "earlier this week", "later in 2026": the period (the family's value, or the DCT's period of
    `granularity` moved `steps`) cut at the DCT when it contains it. Without a DCT a stated year keeps
    its days."""

    direction: str
    granularity: str | None = None
    steps: int = 0

    def value(self, dct: date) -> str:
        raise NotImplementedError  # `dated` computes the interval too

    def dated(self, reading: Reading, dct: date) -> Reading | None:
        value = reading.value
        if self.granularity is not None:
            value = period_value(self.granularity, shift(dct, self.steps, self.granularity))
        period = calendar_interval(value)
        if period is None:
            return None
        first, last, granularity = period
        if first <= dct <= last:
            first, last = (first, dct) if self.direction == "earlier" else (dct, last)
        return reading.but(value=value, earliest=first, latest=last, granularity=granularity)

    def undated(self, reading: Reading) -> Reading | None:
        if self.granularity is None:
            return self.whole(reading)
        return super().undated(reading)

    @staticmethod
    def whole(reading: Reading) -> Reading | None:
        period = calendar_interval(reading.value)
        if period is None:
            return None
        return reading.but(earliest=period[0], latest=period[1], granularity=period[2])


@dataclass(frozen=True, kw_only=True)
class YearInDctCentury(Pending):
    """A two-digit year ("'90s", "06/04/26") in the DCT's century, unless that puts it over ten years
    ahead; `shape` formats the year found. Without a DCT, the 2000s are assumed (`undated_value` None)."""

    two_digits: int
    shape: Callable[[int], str | None]

    def value(self, dct: date) -> str | None:
        year = year_in_century(dct.year, self.two_digits)
        if not 1 <= year <= 9999:  # "the '90s" written in the year 79
            raise OutOfCalendar(f"'{self.two_digits:02d} before the year 1")
        return self.shape(year)

    def undated(self, reading: Reading) -> Reading | None:
        if self.undated_value is not None:
            return super().undated(reading)
        value = self.shape(year_in_century(2000, self.two_digits))
        return None if value is None else reading.but(value=value)


def year_in_century(base: int, two_digits: int) -> int:
    year = base - base % 100 + two_digits
    return year - 100 if year > base + 10 else year


@dataclass(frozen=True, kw_only=True)
class DctWeekend(Pending):
    """ "the weekend": the DCT's own when it falls on one, else the last one (the next one in the future)."""

    future: bool

    def value(self, dct: date) -> str:
        monday = dct - timedelta(days=dct.isoweekday() - 1)
        if dct.isoweekday() < 6 and not self.future:
            monday -= timedelta(days=7)
        return period_value("weekend", monday)


@dataclass(frozen=True, kw_only=True)
class NotFarAhead(Pending):
    """A stated year that is no year when far beyond the DCT after "at", "to" ... ("closed at 2082")."""

    year: int
    years: int = 30

    def value(self, dct: date) -> str | None:
        return None if self.year > dct.year + self.years else f"{self.year:04d}"

    def undated(self, reading: Reading) -> Reading | None:
        return reading


def vague_reference(ref: str, end: int | None = None, mod: str | None = None) -> Reading:
    """PAST_REF ends at the DCT, FUTURE_REF starts there, PRESENT_REF is the DCT itself."""
    sign = {"PRESENT_REF": 0, "PAST_REF": -1, "FUTURE_REF": 1}[ref]
    return Reading(
        "DATE",
        ref,
        mod=mod,
        granularity="unknown",
        anchor=Anchor(kind="dct"),
        positioned=False,
        end=end,
        pending=Bounded(undated_value=ref, sign=sign, reach=None),
    )
