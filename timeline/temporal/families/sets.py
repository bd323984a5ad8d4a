"""Recurring times, TIMEX3 SETs: "every Monday", "each summer", "every two weeks", "on Fridays", "daily"."""

from __future__ import annotations

from timeline.temporal.context import NAME_AFTER, Document
from timeline.temporal.readings import Group, Reading, duration_value, number, unit_key, weekday_number
from timeline.temporal.registry import normaliser


def _every(value: str) -> Reading:
    return Reading("SET", value, positioned=False)


@normaliser("set_every")
def set_every(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    words = doc.words
    if g("weekday"):
        return _every(f"XXXX-WXX-{weekday_number(words, g('weekday') or '')}")
    if g("part"):
        return _every(f"XXXX-XX-XXT{words.day_parts[(g('part') or '').lower()]}")
    if g("season"):
        return _every(f"XXXX-{words.seasons[(g('season') or '').lower()]}")
    if g("month"):
        if not doc.month_is_plausible(g("month") or "", start, standalone=False):
            return None
        return _every(f"XXXX-{doc.month(g('month') or ''):02d}")
    amount = number(words.number_words, g("num") or "") if g("num") else 1
    unit = unit_key(g("unit") or "", words)
    if unit not in words.units or amount is None:
        return None
    return _every(duration_value(amount, unit, words))


@normaliser("set_plural_weekday")
def set_plural_weekday(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    return _every(f"XXXX-WXX-{weekday_number(doc.words, g('weekday') or '')}")


@normaliser("frequency")
def frequency(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    if doc.in_a_name(start, end) or NAME_AFTER.match(doc.text, end):
        return None  # "the party daily Granma" is a newspaper
    return _every(doc.words.frequencies[(g("freq") or "").lower()])
