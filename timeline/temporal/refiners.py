"""Passes over a found expression after the scan, in order: filters that drop names and titles, the
date in view, which moves with each date found ("the next day" counts from it), the join of a clock
time with the day named right after it ("9:30 a.m. ET on Tuesday, June 9"), and the first of two numbers
sharing one unit ("between 10 and 14 weeks")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from timeline.temporal.context import Document, ViewDate
from timeline.temporal.intervals import calendar_interval
from timeline.temporal.models import Timex
from timeline.temporal.readings import Reading, number, sentence_start
from timeline.temporal.resolver import Pending

_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+\b")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_PERIOD_END_BEFORE = re.compile(
    r"(?:quarter|half|period)\s+(?:that\s+|which\s+)?end(?:ed|ing|s)\s+$", re.IGNORECASE
)


def is_a_title(doc: Document, start: int, end: int) -> bool:
    """A word that is lower case in running text but capitalised here, past a sentence start, makes the
    expression part of a name or title: ABC's "This Week", "60 Minutes", "High Noon", "VOA Today"."""
    for word in _CAPITALISED_WORD.finditer(doc.text, start, end):
        if word.start() == start and sentence_start(doc.text, start):
            continue
        if word.group().lower() not in doc.lex.proper_words:
            return True
    return False


def part_of_a_name(doc: Document, start: int, end: int) -> bool:
    """A lone month or weekday inside a name: after a personal title ("Dr. Sunday", "Mr. April"), or
    between "the" and a capitalised word ("The Sunday Times", "the Monday Group"). (A capitalised word
    before it proves nothing: "in Nairobi Friday".)"""
    if doc.text[start:end].lower().rstrip(".") not in doc.lex.proper_words:
        return False
    before = max(0, start - 8)
    if doc.lex.title_before.search(doc.text, before, start):
        return True
    after = _CAPITALISED_WORD.match(doc.text, end + 1) if doc.text[end : end + 1] == " " else None
    return (
        after is not None
        and after.group().lower() not in doc.lex.proper_words
        and bool(_THE_BEFORE.search(doc.text, before, start))
    )


# Filters, in order: an expression any of them accepts is dropped.
FILTERS: tuple[Callable[[Document, int, int], bool], ...] = (is_a_title, part_of_a_name)


def _ends_period_in_view(doc: Document, start: int) -> bool:
    """ "the fiscal first quarter ended Sept. 30": the date closes the quarter in view, which stays."""
    ref = doc.reference
    return (
        ref is not None
        and ref.granularity in ("quarter", "half")
        and bool(_PERIOD_END_BEFORE.search(doc.text, max(0, start - 30), start))
    )


def move_view(doc: Document, timex: Timex, reading: Reading) -> None:
    """The date in view moves with absolute and DCT-relative dates, and with days counted from it ("the
    next day"), and with the day of a time named on one ("Tuesday morning"); "a year earlier" does not
    move it (the comparison stays with the first date)."""
    anchor_kind = timex.anchor.kind if timex.anchor is not None else None
    in_view = anchor_kind in ("none", "dct") or timex.granularity in ("day", "time")
    if timex.type not in ("DATE", "TIME") or not reading.in_view or not in_view:
        return
    if _ends_period_in_view(doc, timex.start):
        return
    value = timex.value[:10] if timex.type == "TIME" else timex.value
    period = calendar_interval(value)
    if period is not None:
        doc.reference = ViewDate(value, timex.start, period[2], timex.end, anchor_kind == "dct")
        if period[2] == "quarter":
            doc.last_quarter = doc.reference


# One day, maybe underspecified ("XXXX-WXX-4" without a DCT), maybe with a part of it ("Thursday night").
_ONE_DAY = re.compile(r"(?P<day>(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)|XXXX-WXX-[1-7])(?:T[A-Z]{2})?")
# "9:30 a.m. ET on Tuesday, June 9", "23:00 on 1 September"; a line break without a comma ends the clock's
# line (a headline's time is not on the dateline's day below it)
_CLOCK_THEN_DAY = re.compile(r"(?:,\s*|[^\S\n]*)(?:on\s+)?")


def clock_on_day(
    text: str, clock: Reading, clock_span: tuple[int, int], day: Reading, day_span: tuple[int, int]
) -> Reading | None:
    """A clock time and the day named right after it as one TIME on that day (the day's value and anchor,
    the clock's time of day and mod, both spans), or None when the second expression is no such day."""
    one_day = _ONE_DAY.fullmatch(day.value)
    if one_day is None or day.type not in ("DATE", "TIME") or "T" not in clock.value:
        return None
    if not _CLOCK_THEN_DAY.fullmatch(text, clock_span[1], day_span[0]):
        return None
    time_of_day = clock.value[clock.value.index("T") :]
    start, end, mod = clock_span[0], day_span[1], clock.mod
    value = one_day.group("day") + time_of_day
    joined = replace(day, type="TIME", value=value, mod=mod, start=start, end=end, weekday_mismatch=False)
    unresolved = day.unresolved
    if unresolved is not None and isinstance(unresolved.pending, Pending):
        # resolvable again under another DCT: the clock's time of day on whatever day that gives (in place of
        # a part of the day: "10 p.m. Thursday night")
        pending = replace(unresolved.pending, suffix=time_of_day)
        joined.unresolved = replace(unresolved, type="TIME", mod=mod, start=start, end=end, pending=pending)
    return joined


_DURATION = re.compile(r"P(?P<clock>T?)(?P<amount>\d+(?:\.\d+)?)(?P<code>[A-Z]+)")
_LEADING_NUMBER = re.compile(r"(?P<number>\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)\s", re.IGNORECASE)
_NUMBER_BEFORE = re.compile(
    r"(?<![\w.,$€£])(?P<number>\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)\s*(?:-|–|\bto|\band|\bor)\s*$", re.IGNORECASE
)


def number_sharing_the_unit(doc: Document, duration: Reading, start: int, done: int) -> Reading | None:
    """The first of two numbers sharing the unit written after the second, as its own duration: the "10"
    of "between 10 and 14 weeks" (P10W), the "two" of "two to three weeks"; None when the words before a
    duration starting with its number (at `start`, after what is already found up to `done`) are no such
    number."""
    if duration.type != "DURATION":  # most expressions: checked before any search
        return None
    value = _DURATION.fullmatch(duration.value)
    first = _NUMBER_BEFORE.search(doc.text, max(done, start - 24), start) if value else None
    second = _LEADING_NUMBER.match(doc.text, start)
    if value is None or second is None or first is None or first.group("number").lower() in ("a", "an"):
        return None
    table = doc.words.number_words
    amounts = number(table, first.group("number")), number(table, second.group("number"))
    if amounts[0] is None or not amounts[1]:
        return None
    amount = float(value["amount"]) * amounts[0] / amounts[1]  # in the value's unit: "two to three quarters"
    if amount <= 0 or round(amount, 2) != amount:
        return None
    written = f"{amount:.2f}".rstrip("0").rstrip(".")  # "1.5 to 2 years": P1.5Y (ISO 8601's decimal)
    shown = f"P{value['clock']}{written}{value['code']}"
    return Reading("DURATION", shown, positioned=False, start=first.start("number"), end=first.end("number"))
