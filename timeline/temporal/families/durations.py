"""Lengths of time: "six months", "the past two years", "two-year", "several weeks", "for years", and
durations placed on the calendar: "three years ago", "two weeks from Friday", "a year earlier", "a day
before the vote" (kept as an event anchor the timeline resolves when the vote is not itself a date)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from timeline.temporal.context import Document
from timeline.temporal.intervals import calendar_interval, period_value, shift
from timeline.temporal.models import Anchor
from timeline.temporal.readings import (
    UNDERSPECIFIED,
    Group,
    Reading,
    duration_value,
    event_phrase,
    finer_or_equal,
    number,
    squeeze,
    unit_key,
    weekday_number,
)
from timeline.temporal.registry import normaliser
from timeline.temporal.resolver import Bounded, CountedFromDay, PeriodFromDct, vague_reference

_SECONDS = {"hour": 3600, "minute": 60, "second": 1}
_CLOCK_BEFORE = re.compile(r"\b(?:at|by|until|till|from|since)\s+$", re.IGNORECASE)
_THAN = re.compile(r"\s+than\b", re.IGNORECASE)
_BACK = ("past", "last", "previous", "preceding")
_ANCHORED = (*_BACK, "next", "coming", "following")


@dataclass
class _Span:
    """A duration as the words give it."""

    unit: str
    amount: float | None
    value: str
    mod: str | None
    granularity: str
    first: int  # where the expression starts (a hyphenated adjective drops its article)
    end: int  # where the duration proper ends, before "before <event>"
    relation: str  # "ago", "earlier", "before" ... or ""
    business: bool = False  # trading or business days skip weekends and holidays

    @property
    def step_unit(self) -> str:
        unit = "day" if self.granularity == "time" else self.granularity
        return "year" if unit in ("decade", "century") else unit

    @property
    def shown(self) -> str:
        return "day" if self.granularity == "time" else self.step_unit

    def steps(self, words_count: int) -> tuple[int | None, int | None]:
        """Calendar steps of `step_unit` to move, and how far an anchored span reaches ("the past 24
        hours": back to yesterday); hours and minutes count in whole days."""
        if self.amount is None:
            return None, None
        if self.granularity == "time":
            seconds = self.amount * _SECONDS[self.unit]
            return math.floor(seconds / 86400), math.ceil(seconds / 86400)
        steps = round(self.amount * words_count)
        return steps, steps


class _NoDuration(Exception):
    """The words only look like a duration ("a second time")."""


def _amount(doc: Document, g: Group, start: int, unit: str, span_end: int) -> float | None:
    """The number of units (None: unspecified, "several"); raises _NoDuration when they are no duration."""
    number_text = g("num")
    if number_text is None:
        return None
    amount = number(doc.words.number_words, number_text)
    if amount is None:
        raise _NoDuration
    if "and a half" in doc.text[start:span_end].lower():
        amount += 0.5
    if number_text.lower() in ("a", "an") and (
        unit in doc.words.negatives.a_unit_that_is_no_time
        or doc.lex.negation_before.search(doc.text, max(0, start - 12), start)
        or doc.lex.occasion_after.match(doc.text, span_end)
    ):
        raise _NoDuration  # "a second time", "a quarter of the vote", "not a day goes by", "a day when"
    if unit == "quarter" and re.match(r"\s+of\b", doc.text[span_end : span_end + 4]):
        raise _NoDuration
    return amount


def _first(doc: Document, g: Group, start: int, span_end: int, amount: float | None) -> int:
    """A hyphenated duration is an adjective: "the two-year plan" is tagged without its article; so is a
    singular unit after a number above one ("the eleven year partnership")."""
    written, unit = doc.text[start:span_end], re.escape(g("unit") or "")
    singular = amount is not None and amount > 1 and re.search(r"\s" + unit + "$", written)
    if (singular or re.search(r"\d-|\w-" + unit + "$", written)) and not g("span"):
        article = re.match(r"(?:the|an?)\s+", written, re.IGNORECASE)
        if article and not g("qmod"):
            return start + article.end()
    return start


def _vague_reference_of(doc: Document, g: Group) -> str | None:
    """ "in coming months", "recent years", "past years": PAST_REF/FUTURE_REF rather than a number of units
    ("the past few years" is a duration: its vague word is "few")."""
    return doc.words.vague_references.get(squeeze(g("vague"))) if g("vague") else None


def _unit(g: Group, doc: Document) -> tuple[str, bool]:
    """The unit's lexicon key, and whether it counts sessions: "five straight sessions" are trading days."""
    unit = unit_key(g("unit") or "", doc.words)
    if unit == "session" and (g("straight") or g("business")):
        return "day", True
    return unit, False


def _rate_or_reference(doc: Document, g: Group, start: int, unit: str, span_end: int) -> Reading | None:
    """ "$5 a year" is a rate (a SET); "in recent years" a vague reference, not a number of years."""
    if (g("num") or "").lower() in ("a", "an") and doc.lex.rate_before.search(
        doc.text, max(0, start - 20), start
    ):
        return Reading("SET", duration_value(1, unit, doc.words), positioned=False)
    reference = _vague_reference_of(doc, g)
    if reference is None:
        return None
    if squeeze(g("vague")) in doc.words.vague_stretches:
        sign = -1 if reference == "PAST_REF" else 1
        return vague_stretch(duration_value(None, unit, doc.words), sign, span_end)
    return vague_reference(reference, end=span_end)


def vague_stretch(value: str, sign: int, end: int | None = None) -> Reading:
    """ "recent years", "the weeks ahead": an unspecified number of units reaching back (sign -1) or on
    (+1) from the DCT, open on the far side (TimeML's PXY)."""
    pending = Bounded(undated_value=value, sign=sign, reach=None)
    anchor = Anchor(kind="dct")
    return Reading("DURATION", value, granularity="unknown", anchor=anchor, end=end, pending=pending)


@normaliser("duration")
def duration(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    words = doc.words
    unit, in_sessions = _unit(g, doc)
    if unit not in words.units:
        return None
    span_end = int(g("unit_end") or end)
    if doc.lex.age_after.match(doc.text, span_end):
        return None  # an age ("6-year-old", "52 years old", "6 months and up"), not a time span
    relation = squeeze((g("relation") or "").strip())
    if relation in ("earlier", "later") and _THAN.match(doc.text, end):
        relation = ""  # "two days later than scheduled": how much later, the duration only, never a date
    if g("span") and g("qmod") and not g("the"):
        return None  # "last over a week": "last" is the verb here
    try:
        amount = _amount(doc, g, start, unit, span_end)
    except _NoDuration:
        return None
    if not relation:
        rate_or_reference = _rate_or_reference(doc, g, start, unit, span_end)
        if rate_or_reference is not None:
            return rate_or_reference
    span = _Span(
        unit=unit,
        amount=amount,
        value=duration_value(amount, unit, words),
        mod=words.quantity_mods[squeeze(g("qmod"))] if g("qmod") else ("APPROX" if g("or_so") else None),
        granularity=words.units[unit].granularity,
        first=_first(doc, g, start, span_end, amount),
        end=span_end,
        relation=relation,
        business=bool(g("business")) or in_sessions,
    )
    return _placed(doc, g, start, end, span)


def _placed(doc: Document, g: Group, start: int, end: int, span: _Span) -> Reading | None:
    """The duration, placed on the calendar where its words say so."""
    unplaced = Reading("DURATION", span.value, mod=span.mod, positioned=False, start=span.first, end=span.end)
    if span.business:
        return unplaced  # trading or business days skip weekends and holidays: never counted on the calendar
    relation = span.relation
    if span.granularity == "time" and relation in ("earlier", "later"):
        unplaced.start = None
        return unplaced  # "a minute later"
    steps, reach = span.steps(doc.words.units[span.unit].count)
    if relation in ("ago", "from now", "hence") or relation.startswith("from "):
        return _counted_from_dct(doc, g, span, steps)
    if relation in ("earlier", "later"):
        return _counted_from_view(doc, span, steps)
    if relation in ("before", "after"):
        found = _before_after(doc, end, span, steps)
        if found is not None:
            return found
    anchored = (g("span") or "").lower()
    if anchored in _ANCHORED and reach:
        pending = Bounded(
            undated_value=span.value, sign=-1 if anchored in _BACK else 1, reach=reach, unit=span.step_unit
        )
        unplaced.positioned, unplaced.granularity = True, span.granularity
        unplaced.anchor, unplaced.pending = Anchor(kind="dct"), pending
    return unplaced


def _before_after(doc: Document, end: int, span: _Span, steps: int | None) -> Reading | None:
    """ "two days before the vote": a date when the vote is one, else an anchor on the event phrase."""
    following = event_phrase(doc.text, end)
    if following is None:
        return None
    phrase, at = following
    relation = "before" if span.relation == "before" else "after"
    timed = doc.read_at(at)
    base = calendar_interval(timed[0].value) if timed is not None else None
    if base is not None and steps is not None:
        moved = shift(base[0], (-1 if relation == "before" else 1) * steps, span.step_unit)
        anchor = Anchor(kind="timex", ref=str(at), offset=span.value, relation=relation)
        return Reading("DATE", period_value(span.shown, moved), mod=span.mod, end=span.end, anchor=anchor)
    anchor = Anchor(kind="event", ref=phrase, offset=span.value, relation=relation)
    return Reading("DURATION", span.value, mod=span.mod, end=span.end, positioned=False, anchor=anchor)


def _counted_from_dct(doc: Document, g: Group, span: _Span, steps: int | None) -> Reading:
    """ "six months ago", "two weeks from now", "a week from Friday": a date counted from the DCT."""
    sign = -1 if span.relation == "ago" else 1
    if steps is None:
        return vague_reference("PAST_REF" if sign < 0 else "FUTURE_REF", mod=span.mod)
    from_day = (g("from_day") or "").lower()
    if sign < 0 and span.step_unit == "year" and steps == 1:
        in_view = doc.view_of("quarter")
        quarter = calendar_interval(in_view.value) if in_view is not None else None
        if in_view is not None and quarter is not None:
            # "a year ago" next to a quarter in financial news: that quarter last year
            value = period_value("quarter", shift(quarter[0], -1, "year"))
            return Reading("DATE", value, mod=span.mod, anchor=Anchor(kind="timex", ref=str(in_view.start)))
    pending = CountedFromDay(
        undated_value=UNDERSPECIFIED.get(span.granularity, "XXXX-XX-XX"),
        steps=sign * steps,
        unit=span.step_unit,
        shown="day" if from_day else span.shown,
        days=1 if from_day == "tomorrow" else 0,
        weekday=weekday_number(doc.words, from_day) if from_day not in ("", "today", "tomorrow") else None,
        bound=doc.words.counted_bounds.get(squeeze(g("qmod"))) if g("qmod") else None,
    )
    # "a year ago" is the baseline of a comparison, not a new date the story moves to; "less than a week
    # ago" is a stretch, no date to count from either.
    comparison = sign < 0 and steps == 1 and span.step_unit == "year"
    moves_view = not comparison and pending.bound is None
    return Reading("DATE", "", mod=span.mod, anchor=Anchor(kind="dct"), in_view=moves_view, pending=pending)


def _counted_from_view(doc: Document, span: _Span, steps: int | None) -> Reading:
    """ "a year earlier", "two days later": counted from the date in view, else from the DCT."""
    sign = -1 if span.relation == "earlier" else 1
    if steps is None:
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod=span.mod, positioned=False)
    ref = doc.reference
    unit = span.step_unit
    if (
        ref is not None
        and ref.from_dct
        and steps == 1
        and unit == "year"
        and ref.granularity not in ("quarter", "half")
    ):
        ref = None  # "a year earlier" after "year end" or "last month" compares with the DCT's year
    ref_period = calendar_interval(ref.value) if ref else None
    if ref is not None and ref_period is not None and finer_or_equal(ref.granularity, unit):
        moved = shift(ref_period[0], sign * steps, unit)
        anchor = Anchor(kind="timex", ref=str(ref.start))
        return Reading("DATE", period_value(ref.granularity, moved), mod=span.mod, anchor=anchor)
    pending = PeriodFromDct(
        undated_value=UNDERSPECIFIED.get(unit, "XXXX-XX-XX"),
        granularity=unit,
        steps=sign * steps,
        shown=span.shown,
    )
    return Reading("DATE", "", mod=span.mod, anchor=Anchor(kind="dct"), pending=pending)


@normaliser("vague_span")
def vague_span(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    """A duration of an unspecified number of units: "for years", "within weeks" (preposition left out),
    "minutes later", "hours after the blast"; "the weeks ahead" from the DCT on."""
    unit = unit_key(g("unit") or g("clock_unit") or g("ahead_unit") or "", doc.words)
    if unit not in doc.words.units:
        return None
    if g("ahead_unit"):
        return vague_stretch(duration_value(None, unit, doc.words), 1)
    written = len(g("unit") or g("clock_unit") or "") + 1
    return Reading("DURATION", duration_value(None, unit, doc.words), positioned=False, start=end - written)


@normaliser("elapsed")
def elapsed(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    """ "finished in 2:45:10": PT2H45M10S; after "at", "by", "until" it would be a clock time, left out."""
    if _CLOCK_BEFORE.search(doc.text, max(0, start - 8), start):
        return None
    parts = zip((g("hours"), g("minutes"), g("seconds")), "HMS", strict=True)
    value = "".join(f"{int(amount or 0)}{code}" for amount, code in parts if int(amount or 0))
    return Reading("DURATION", f"PT{value or '0S'}", positioned=False)


@normaliser("long_compound")
def long_compound(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    """ "day-long" is P1D; "decades-long" an unspecified number of decades."""
    unit = unit_key(g("unit") or "", doc.words)
    if unit not in doc.words.units:
        return None
    return Reading("DURATION", duration_value(None if g("plural") else 1, unit, doc.words), positioned=False)
