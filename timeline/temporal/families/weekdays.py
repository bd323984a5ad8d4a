"""Days of the week ("Thursday", "last Friday", "the previous Friday"), their parts, and the weekend."""

from __future__ import annotations

from datetime import timedelta

from timeline.temporal.context import Document
from timeline.temporal.intervals import calendar_interval
from timeline.temporal.models import Anchor
from timeline.temporal.readings import Group, Reading, position, weekday_number
from timeline.temporal.registry import normaliser
from timeline.temporal.resolver import DctWeekend, WeekdayNear


def near(
    doc: Document, weekday: int, start: int, end: int, shift_word: str | None, suffix: str = ""
) -> WeekdayNear:
    """The weekday the words' direction or else the clause's tense points at, from the DCT."""
    direction = doc.direction(shift_word)
    return WeekdayNear(
        undated_value=f"XXXX-WXX-{weekday}",
        suffix=suffix,
        weekday=weekday,
        direction=direction,
        tense=None if direction else doc.tense(start, end),
    )


@normaliser("weekday_part")
def weekday_part(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    weekday = weekday_number(doc.words, g("weekday") or "")
    part = doc.words.day_parts[(g("part") or "").lower()]
    if g("plural"):
        return Reading("SET", f"XXXX-WXX-{weekday}T{part}", positioned=False)
    shift_word = (g("shift") or "").lower()
    mod = {"early": "START", "late": "END"}.get(shift_word)
    pending = near(doc, weekday, start, end, None if mod else shift_word or None, suffix=f"T{part}")
    return Reading("TIME", "", mod=mod, anchor=Anchor(kind="dct"), pending=pending)


@normaliser("weekday")
def weekday(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    weekday_word = g("weekday") or ""
    if not weekday_word[0].isupper():
        return None
    number = weekday_number(doc.words, weekday_word)
    mod = position(g("pmod"), doc.words)
    relative = (g("relative") or "").lower()
    ref = doc.view_of("day") if relative else None
    in_view = calendar_interval(ref.value) if ref is not None else None
    if ref is not None and in_view is not None:
        # "down 4.5% from the previous Friday": the one before the day in view
        seen = in_view[0]
        if relative in ("previous", "preceding"):
            counted = seen - timedelta(days=(seen.isoweekday() - number) % 7 or 7)
        else:
            counted = seen + timedelta(days=(number - seen.isoweekday()) % 7 or 7)
        return Reading("DATE", counted.isoformat(), mod=mod, anchor=Anchor(kind="timex", ref=str(ref.start)))
    shift_word = g("shift") or {"previous": "last", "preceding": "last"}.get(relative, relative or None)
    return Reading(
        "DATE", "", mod=mod, anchor=Anchor(kind="dct"), pending=near(doc, number, start, end, shift_word)
    )


@normaliser("weekend")
def weekend(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    pending = DctWeekend(undated_value="XXXX-WXX-WE", future=doc.tense(start, end) == "future")
    return Reading("DATE", "", anchor=Anchor(kind="dct"), pending=pending)
