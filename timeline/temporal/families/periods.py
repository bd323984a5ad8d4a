"""Calendar periods counted from the publication date or from the date in view: "last week", "this
year", "the following month", "the same quarter", "earlier this week", "later that year", "the year
before", "the same month a year earlier", and parts of a period: "the last week of the quarter"."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from timeline.temporal.context import Document
from timeline.temporal.families.deixis import on_day_in_view
from timeline.temporal.intervals import add_days, add_months, calendar_interval, period_value, shift
from timeline.temporal.models import Anchor
from timeline.temporal.readings import (
    GRANULARITY_ORDER,
    UNDERSPECIFIED,
    Group,
    Reading,
    duration_value,
    finer_or_equal,
    number,
    position,
    squeeze,
    year_number,
)
from timeline.temporal.registry import normaliser
from timeline.temporal.resolver import Bounded, CutAtDct, Pending, PeriodFromDct, resolve

_BLANKS = re.compile(r"\s+")
_FROM_VIEW = ("following", "the following", "previous", "prior", "preceding")
_SO_FAR = re.compile(r"so\s+far\s+(?:in\s+)?", re.IGNORECASE)


@normaliser("earlier_later")
def earlier_later(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    """ "earlier this week", "later in 2026": the period cut at the DCT (or the date in view); "so far this
    year" as "earlier", with "so far" left out of the expression (an adverb, as TimeBank marks it)."""
    found = _earlier_or_later(doc, g)
    so_far = _SO_FAR.match(doc.text, start)
    if found is not None and so_far is not None:
        found.start = so_far.end()
    return found


def _earlier_or_later(doc: Document, g: Group) -> Reading | None:
    direction = "later" if (g("direction") or "").lower() == "later" else "earlier"
    if g("year"):
        # "later in 2026" is cut at the publication date, so it depends on it (with none, all of 2026)
        value = f"{year_number(doc.words, g('year') or ''):04d}"
        return Reading(
            "DATE",
            value,
            anchor=Anchor(kind="dct"),
            pending=CutAtDct(undated_value=value, direction=direction),
        )
    unit = (g("unit") or "").lower()
    shift_word = "that" if g("same") else (g("shift") or "").lower()
    if unit == "day":  # "earlier that day", "later in the day": the day in view
        return on_day_in_view(doc, 0, demonstrative=(g("shift") or "").lower() == "that")
    ref = doc.reference
    in_view = calendar_interval(ref.value) if ref is not None else None
    if (
        shift_word == "that"
        and ref is not None
        and in_view is not None
        and finer_or_equal(ref.granularity, unit)
    ):
        # "later that year": the year of the date in view, from that date on
        value = period_value(unit, in_view[0])
        whole = calendar_interval(value)
        if whole is None:
            return None
        first, last = (whole[0], in_view[1]) if direction == "earlier" else (in_view[0], whole[1])
        anchor = Anchor(kind="timex", ref=str(ref.start))
        return Reading("DATE", value, earliest=first, latest=last, granularity=whole[2], anchor=anchor)
    steps = {"next": 1, "last": -1}.get(shift_word, 0)
    pending = CutAtDct(undated_value=UNDERSPECIFIED[unit], direction=direction, granularity=unit, steps=steps)
    return Reading("DATE", "", anchor=Anchor(kind="dct"), pending=pending)


@normaliser("relative_period")
def relative_period(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    unit = squeeze(g("unit"))
    granularity = "year" if unit == "fiscal year" else unit
    word = squeeze(g("shift"))
    mod = position(g("pmod"), doc.words)
    if g("this") and (g("unit") or "x")[0].isupper():
        return None  # a title: "Man of the Year"
    ref = doc.reference
    if g("same"):  # "the same quarter", "that year": the period of the date in view
        in_view = calendar_interval(ref.value) if ref is not None else None
        if ref is None or in_view is None or not finer_or_equal(ref.granularity, granularity):
            return None
        value = period_value(granularity, in_view[0])
        return Reading("DATE", value, mod=mod, anchor=Anchor(kind="timex", ref=str(ref.start)))
    steps = doc.words.relative_shift.get(word, 0)
    if granularity in doc.words.stretch_units and word in doc.words.stretch_shifts and not mod:
        return _stretch(doc, granularity, steps)
    if word in _FROM_VIEW and ref is not None:
        # counted from the date in view when that is a period inside one ("the following week" after a
        # day, not after "two years from now")
        ref_period = calendar_interval(ref.value) if finer_or_equal(ref.granularity, granularity) else None
        if ref_period is not None and granularity in GRANULARITY_ORDER:
            value = period_value(granularity, shift(ref_period[0], steps, granularity))
            return Reading("DATE", value, mod=mod, anchor=Anchor(kind="timex", ref=str(ref.start)))
    if granularity == "weekend":
        pending = PeriodFromDct(
            undated_value=UNDERSPECIFIED["weekend"], granularity="week", steps=steps, shown="weekend"
        )
    else:
        pending = PeriodFromDct(
            undated_value=UNDERSPECIFIED[granularity], granularity=granularity, steps=steps
        )
    return Reading("DATE", "", mod=mod, anchor=Anchor(kind="dct"), pending=pending)


def _stretch(doc: Document, unit: str, sign: int) -> Reading:
    """ "the past decade": the ten years up to the DCT (sign -1), "the coming decade" the ten from it."""
    years = doc.words.units[unit].count
    value = duration_value(1, unit, doc.words)
    pending = Bounded(undated_value=value, sign=sign, reach=years, unit="year")
    return Reading("DURATION", value, granularity=unit, anchor=Anchor(kind="dct"), pending=pending)


def _from_view_or_dct(doc: Document, unit: str, steps: int, by: str, mod: str | None = None) -> Reading:
    """The period of `unit` holding the date in view (when it is as fine as `unit`) moved `steps` units of
    `by`; with none in view, the one holding the publication date moved so."""
    ref = doc.reference
    fine_enough = ref is not None and finer_or_equal(ref.granularity, unit)
    in_view = calendar_interval(ref.value) if ref is not None and fine_enough else None
    if ref is not None and in_view is not None:
        value = period_value(unit, shift(in_view[0], steps, by))
        return Reading("DATE", value, mod=mod, anchor=Anchor(kind="timex", ref=str(ref.start)))
    pending = PeriodFromDct(undated_value=UNDERSPECIFIED[unit], granularity=by, steps=steps, shown=unit)
    return Reading("DATE", "", mod=mod, anchor=Anchor(kind="dct"), pending=pending)


@normaliser("period_years_apart")
def period_years_apart(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    """ "the same month a year earlier": the month in view, a year back (one expression)."""
    unit = (g("unit") or "").lower()
    if g("last"):
        steps, by = (-1 if (g("last") or "").lower() == "last" else 1), "year"
    else:
        amount = number(doc.words.number_words, g("num") or "")
        if amount is None or amount != int(amount):
            return None
        sign = 1 if (g("rel") or "").lower() in ("later", "after") else -1
        steps, by = sign * int(amount), (g("by") or "").lower()
    return _from_view_or_dct(doc, unit, steps, by)


@normaliser("period_before_after")
def period_before_after(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    """ "the year before": the year before the one in view; "the week before last": two weeks back."""
    unit = (g("unit") or "").lower()
    sign = -1 if (g("direction") or "").lower() == "before" else 1
    if g("far"):  # "the year before last", "the year after next": counted from the publication date
        if (g("far") or "").lower() != ("last" if sign < 0 else "next"):
            return None
        pending = PeriodFromDct(undated_value=UNDERSPECIFIED[unit], granularity=unit, steps=2 * sign)
        return Reading("DATE", "", anchor=Anchor(kind="dct"), pending=pending)
    return _from_view_or_dct(doc, unit, sign, unit)


@dataclass(frozen=True, kw_only=True)
class PartOfPeriod(Pending):
    """The `ordinal`-th (-1: last) day, week or month of the period another reading names, resolved with
    it: "the last week of the quarter" is the week holding the quarter's last day."""

    whole: Reading
    ordinal: int
    part: str

    def value(self, dct: date) -> str | None:
        whole = resolve(self.whole, dct)
        return None if whole is None else self._part_of(whole.value)

    def undated(self, reading: Reading) -> Reading | None:
        whole = resolve(self.whole, None)
        value = None if whole is None else self._part_of(whole.value)
        return super().undated(reading) if value is None else replace(reading, value=value)

    def _part_of(self, value: str) -> str | None:
        period = calendar_interval(value)
        if period is None or not finer_or_equal(self.part, period[2]) or self.part == period[2]:
            return None
        first, last, _granularity = period
        if self.part == "month":
            day = add_months(first, self.ordinal - 1) if self.ordinal > 0 else last
        else:
            days = (self.ordinal - 1) * (7 if self.part == "week" else 1)
            day = add_days(first, days) if self.ordinal > 0 else last
        return period_value(self.part, day) if day <= last else None


@normaliser("part_of_period")
def part_of_period(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    blanks = _BLANKS.match(doc.text, end)
    whole = doc.read_at(blanks.end() if blanks else end)
    if whole is None or whole[0].type != "DATE":
        return None
    ordinal = (g("ordinal") or "").lower()
    part = (g("part") or "").lower()
    named = whole[0].unresolved or whole[0]  # as read, before a DCT: the part is resolved with it
    pending = PartOfPeriod(
        undated_value=UNDERSPECIFIED[part],
        whole=named,
        ordinal=-1 if ordinal in ("last", "final") else doc.words.ordinals[ordinal],
        part=part,
    )
    return Reading("DATE", "", anchor=named.anchor or Anchor(kind="none"), end=whole[1], pending=pending)
