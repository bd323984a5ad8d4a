"""Calendar periods counted from the publication date or from the date in view: "last week", "this
year", "the following month", "the same quarter", "earlier this week", "later that year"."""

from __future__ import annotations

from timeline.temporal.context import Document
from timeline.temporal.families.deixis import on_day_in_view
from timeline.temporal.intervals import calendar_interval, period_value, shift
from timeline.temporal.models import Anchor
from timeline.temporal.readings import (
    GRANULARITY_ORDER,
    UNDERSPECIFIED,
    Group,
    Reading,
    finer_or_equal,
    position,
    squeeze,
    year_number,
)
from timeline.temporal.registry import normaliser
from timeline.temporal.resolver import CutAtDct, PeriodFromDct

_FROM_VIEW = ("following", "the following", "previous", "prior", "preceding")


@normaliser("earlier_later")
def earlier_later(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    direction = (g("direction") or "").lower()
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
