"""Words pointing at the publication day or at the day in view: "today", "last night", "the next day"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.temporal.context import Document
from timeline.temporal.intervals import calendar_interval
from timeline.temporal.models import Anchor
from timeline.temporal.readings import Group, Reading, squeeze
from timeline.temporal.registry import normaliser
from timeline.temporal.resolver import OnDay, vague_reference

_APPOSITION = re.compile(r",\s*")  # "Oct. 12, the day before ..."
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_HYPHENATED = re.compile(r"-[a-z]")  # "now-defunct": part of an adjective
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_BLANKS = re.compile(r"\s+")
_EVENT_AFTER = re.compile(r"\s+[a-z]")  # an event phrase follows, not the end of the clause
_PART_MODS = {"early": "START", "late": "END"}
_DAYS_FROM_VIEW = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1}


def _day_named_after(doc: Document, end: int) -> tuple[Reading, int, int] | None:
    """A DATE of one day read right after `end` ("the day before last Tuesday's hearing"), with where it
    starts and ends."""
    gap = _BLANKS.match(doc.text, end)
    dated = doc.read_at(gap.end()) if gap else None
    if gap is None or dated is None or dated[0].type != "DATE" or not _DAY_VALUE.fullmatch(dated[0].value):
        return None
    return dated[0], gap.end(), dated[1]


@normaliser("deictic_part")
def deictic_part(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    deixis = (g("deixis") or "").lower()
    part = doc.words.day_parts[(g("part") or "").lower()]
    if deixis == "last" and part != "NI":
        return None  # "last morning" is not a news idiom; "last night" is
    days = {"this": 0, "today": 0, "tonight": 0, "yesterday": -1, "last": -1, "tomorrow": 1}[deixis]
    mod = _PART_MODS.get((g("pmod") or "").lower())
    pending = OnDay(undated_value="XXXX-XX-XX", suffix=f"T{part}", days=days)
    return Reading("TIME", "", mod=mod, anchor=Anchor(kind="dct"), pending=pending)


@normaliser("reference_day")
def reference_day(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    """A day counted from the date in view ("the next day", "that night"), else from the DCT."""
    rel = squeeze(g("rel") or g("direction"))
    steps = _DAYS_FROM_VIEW.get(rel, 0)
    part = doc.words.day_parts.get((g("unit") or g("unit2") or "").lower())
    suffix = f"T{part}" if part else ""
    kind = "TIME" if part else "DATE"
    # "the day before last Tuesday's hearing": counted from the day named right after it
    named = _day_named_after(doc, end) if g("unit2") else None
    if named is not None:
        day = date.fromisoformat(named[0].value) + timedelta(days=steps)
        return Reading("DATE", day.isoformat(), anchor=Anchor(kind="timex", ref=str(named[1])))
    ref = doc.view_of("day")
    in_view = calendar_interval(ref.value) if ref is not None else None
    if ref is not None and in_view is not None:
        anchor = Anchor(kind="timex", ref=str(ref.start))
        if (
            g("unit2")
            and _APPOSITION.fullmatch(doc.text, ref.end, start)
            and _EVENT_AFTER.match(doc.text, end)
        ):
            # "Oct. 12, the day before the stock market plunged": the apposition renames the date just named
            return Reading("DATE", in_view[0].isoformat(), anchor=anchor)
        return Reading(kind, (in_view[0] + timedelta(days=steps)).isoformat() + suffix, anchor=anchor)
    if rel.startswith("that") or rel == "same":
        return None  # "that day" with no date in view says nothing
    pending = OnDay(undated_value=None, suffix=suffix, days=steps)
    return Reading(kind, "", anchor=Anchor(kind="dct"), pending=pending)


@normaliser("deictic")
def deictic(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    word = squeeze(g("word"))
    entry = doc.words.deictic[word]
    mod = _PART_MODS.get((g("pmod") or "").lower())
    if entry.ref is not None:
        word_start = end - len(word.split()[-1])
        if mod or doc.in_a_name(word_start, end, before_a_name=False) or _HYPHENATED.match(doc.text, end):
            return None  # "the Future of Life Institute", "the now-defunct agency"
        if word.startswith("the ") and _OF_AFTER.match(doc.text, end):
            return None  # "the future of our peoples", "the past of the city": prospects, history
        return vague_reference(entry.ref)
    if word == "today" and doc.lex.generic_present_after.match(doc.text, end):
        return vague_reference("PRESENT_REF")  # "today's consumers": the present, not the publication day
    suffix = f"T{entry.part}" if entry.part else ""
    pending = OnDay(undated_value="XXXX-XX-XX", suffix=suffix, days=entry.offset_days)
    return Reading(entry.type, "", mod=mod, anchor=Anchor(kind="dct"), pending=pending)
