"""Quarters and halves of a (fiscal) year ("the third quarter", "Q3 2026", "this year's second half"),
the quarter in view ("the latest quarter", "the year-ago quarter") and the year-ago comparison period."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.temporal.context import Document
from timeline.temporal.intervals import add_months, calendar_interval, period_value, shift
from timeline.temporal.models import Anchor
from timeline.temporal.readings import Group, Reading, position, year_number
from timeline.temporal.registry import normaliser
from timeline.temporal.resolver import PeriodFromDct, YearlyPeriod, YearOf

_YEAR_SHIFT = {"this": 0, "last": -1, "next": 1}
_STEPS = {"previous": -1, "past": -1, "last": -1, "next": 1, "coming": 1}
_YEAR_BACK = ("year-ago", "year-earlier", "prior-year", "year-before")
_HYPHENATED = re.compile(r"\w-(?:fiscal-)?(?:quarter|half)")


@dataclass(frozen=True)
class PartOfYear(YearlyPeriod):
    """Quarter or half `number` of a year (code "Q" or "H"), or the whole year (code "")."""

    code: str
    number: int = 0

    def first_of(self, year: int) -> date:
        return date(year, (6 if self.code == "H" else 3) * (self.number - 1) + 1, 1)

    def last_of(self, year: int) -> date:
        return add_months(self.first_of(year), 6 if self.code == "H" else 3) - timedelta(days=1)

    def value(self, year: int) -> str:
        return f"{year:04d}-{self.code}{self.number}" if self.code else f"{year:04d}"


@dataclass(frozen=True)
class _Year:
    """The year the words give: stated (`stated`), shifted from the DCT's (`offset`), or none."""

    stated: int | None = None
    offset: int | None = None

    @property
    def given(self) -> bool:
        return self.stated is not None or self.offset is not None

    def reading(self, period: PartOfYear, anchor: Anchor, back: int = 0) -> Reading:
        if self.stated is not None:
            return Reading("DATE", period.value(self.stated - back), anchor=anchor)
        pending = YearOf(undated_value=None, period=period, year_offset=self.offset, back=back)
        return Reading("DATE", "", anchor=anchor, pending=pending)


def _year(doc: Document, g: Group) -> tuple[_Year, str]:
    """The year the quarter is in, and the shift word that gave it ("last year's quarter")."""
    stated: int | None = None
    for name in ("year_before", "year_after"):
        if g(name):
            stated = year_number(doc.words, g(name) or "")
    year_of = (g("year_of") or "").lower()
    if year_of and year_of.split()[0] not in _YEAR_SHIFT:
        stated = year_number(doc.words, year_of)
    shift_word = (g("year_shift") or "").lower() or (year_of.split()[0] if year_of else "")
    if stated is None and shift_word:
        return _Year(offset=_YEAR_SHIFT[shift_word]), shift_word
    return _Year(stated=stated), shift_word


@normaliser("quarter")
def quarter(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    year, shift_word = _year(doc, g)
    code = _code(g)
    ordinal = (g("ordinal") or "").lower()
    # "the last quarter" is the previous one, read below like "the past quarter"; "the last half" of
    # an unnamed year is no period
    last_as_previous = ordinal == "last" and not year.given and not shift_word
    if last_as_previous and code == "H":
        return None
    number = _number(doc, g, code, "" if last_as_previous else ordinal)
    if number == 0:
        return None
    if number is not None:
        return _numbered(doc, g, start, end, year, PartOfYear(code, number))
    # "the latest quarter", "the year-ago quarter", "the quarter": counted from the quarter in view.
    rel = "last" if last_as_previous else (g("rel") or g("year_ago") or "").lower()
    if g("bare") and not (g("the") or g("year_shift")):
        return None
    if year.given:
        return None if rel else _named_in_year(doc, g, year)
    return _counted(doc, g, rel)


def _code(g: Group) -> str:
    """ "H" for a half ("the second half", "2H", "H1 2026"), else "Q"."""
    return "H" if (g("part") or "").lower() == "half" or g("hnum") or g("hfirst") else "Q"


def _number(doc: Document, g: Group, code: str, ordinal: str) -> int | None:
    """Which quarter or half the words name (0: none that exists, None: not named)."""
    if ordinal:
        if code == "H" and ordinal in ("last", "final"):
            return 2  # "the last half of 1989"
        number = doc.words.ordinals[ordinal]
        return 0 if code == "H" and number > 2 else number
    if g("qnum") or g("hnum") or g("hfirst"):  # "Q3", "2H", "H1"
        return int(g("qnum") or g("hnum") or g("hfirst") or 0)
    return None


def _numbered(doc: Document, g: Group, start: int, end: int, year: _Year, period: PartOfYear) -> Reading:
    # "the third-quarter profit": the hyphenated adjective is tagged without its article
    article = re.match(r"the\s+", doc.text[start:end], re.IGNORECASE)
    first = start + article.end() if article and _HYPHENATED.search(doc.text[start:end]) else start
    back = 1 if g("year_ago") else 0  # "the year-ago third quarter"
    if year.given:
        reading = year.reading(period, Anchor(kind="none" if year.stated is not None else "dct"), back)
    else:
        mode = "past" if doc.tense(start, end) == "past" else "this"
        undated = f"XXXX-{period.code}{period.number}"
        pending = YearOf(undated_value=undated, period=period, mode=mode, back=back)
        reading = Reading("DATE", "", anchor=Anchor(kind="dct"), pending=pending)
    reading.mod, reading.start, reading.in_view = position(g("pmod"), doc.words), first, not g("year_ago")
    return reading


def _named_in_year(doc: Document, g: Group, year: _Year) -> Reading | None:
    """ "the 1988 period", "last year's quarter": the quarter last named, in that year."""
    named = doc.last_quarter
    period = calendar_interval(named.value) if named else None
    if named is None or period is None:
        if not g("bare"):
            return None
        return year.reading(PartOfYear(""), Anchor(kind="none" if year.stated is not None else "dct"))
    number = (period[0].month - 1) // 3 + 1
    reading = year.reading(PartOfYear("Q", number), Anchor(kind="timex", ref=str(named.start)))
    reading.in_view = False
    return reading


def _counted(doc: Document, g: Group, rel: str) -> Reading | None:
    steps = _STEPS.get(rel, 0)
    if rel in _YEAR_BACK or g("year_back"):
        steps = -4
    in_view = doc.view_of("quarter")
    if in_view is None or rel == "current":
        # "the current quarter" contains the DCT, whatever quarter a report is about; else counted from
        # the latest complete quarter, which already is the previous one
        if rel in ("previous", "past", "last"):
            steps = 0
        base = 0 if rel in ("current", "next", "coming") else -1
        pending = PeriodFromDct(undated_value="XXXX-QX", granularity="quarter", steps=base + steps)
        return Reading("DATE", "", anchor=Anchor(kind="dct"), pending=pending)
    first = calendar_interval(in_view.value)
    if first is None:
        return None
    value = period_value("quarter", shift(first[0], steps, "quarter"))
    return Reading("DATE", value, anchor=Anchor(kind="timex", ref=str(in_view.start)))


@normaliser("year_ago_adjective")
def year_ago_adjective(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    ref = doc.reference
    # The period in view is the one being compared when it is part of a year (a quarter, a month);
    # a whole year in view is often an older one, and the comparison is with the DCT's year.
    if ref is not None and ref.granularity in ("quarter", "month", "half"):
        first = calendar_interval(ref.value)
        if first is not None:
            value = period_value(ref.granularity, shift(first[0], -1, "year"))
            return Reading("DATE", value, anchor=Anchor(kind="timex", ref=str(ref.start)))
    pending = PeriodFromDct(undated_value="XXXX", granularity="year", steps=-1)
    return Reading("DATE", "", anchor=Anchor(kind="dct"), pending=pending)
