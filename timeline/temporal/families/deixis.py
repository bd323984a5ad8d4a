"""Words pointing at the publication day or at the day in view: "today", "last night", "the next day",
"for the day", "until then"; and the vague references "now", "recently", "a recent survey"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.temporal.context import Document
from timeline.temporal.intervals import add_days, calendar_interval
from timeline.temporal.models import Anchor
from timeline.temporal.readings import Group, Reading, event_phrase, squeeze
from timeline.temporal.registry import normaliser
from timeline.temporal.resolver import OnDay, vague_reference

_APPOSITION = re.compile(r",\s*")  # "Oct. 12, the day before ..."
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_HYPHENATED = re.compile(r"-[a-z]")  # "now-defunct": part of an adjective
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_BLANKS = re.compile(r"\s+")
_EVENT_AFTER = re.compile(r"\s+[a-z]")  # an event phrase follows, not the end of the clause
# An event phrase right after "the day before/after": a determiner or a gerund ("the vote", "airing")
_EVENT_STARTS = re.compile(r"\s+(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|[a-z]+ing)\b")
_PART_MODS = {"early": "START", "late": "END"}
_UNKNOWN_DAY_OF = {"month": "-XX", "year": "-XX-XX"}
_THE_DAY = re.compile(r"the\s+day$", re.IGNORECASE)
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
    # "the day before last Tuesday's hearing": counted from the day named right after it
    named = _day_named_after(doc, end) if g("unit2") else None
    if named is not None:
        day = date.fromisoformat(named[0].value) + timedelta(days=steps)
        return Reading("DATE", day.isoformat(), anchor=Anchor(kind="timex", ref=str(named[1])))
    ref = doc.view_of("day")
    in_view = calendar_interval(ref.value) if ref is not None else None
    if (
        ref is not None
        and in_view is not None
        and g("unit2")
        and _APPOSITION.fullmatch(doc.text, ref.end, start)
        and _EVENT_AFTER.match(doc.text, end)
    ):
        # "Oct. 12, the day before the stock market plunged": the apposition renames the date just named
        return Reading("DATE", in_view[0].isoformat(), anchor=Anchor(kind="timex", ref=str(ref.start)))
    event = ref is None and g("unit2") and _EVENT_STARTS.match(doc.text, end)
    following = event_phrase(doc.text, end) if event else None
    if following is not None:
        # "resigned the day after the vote" with no day in view: a day counted from an event, kept as the
        # event anchor the timeline resolves (as "a day after the vote" is), not from the DCT
        anchor = Anchor(kind="event", ref=following[0], offset="P1D", relation=rel)
        return Reading("DURATION", "P1D", positioned=False, anchor=anchor)
    return on_day_in_view(doc, steps, suffix, demonstrative=rel == "that" and not part)


def on_day_in_view(
    doc: Document, steps: int, suffix: str = "", mod: str | None = None, *, demonstrative: bool = False
) -> Reading | None:
    """The day in view moved `steps` days ("the next day", "that morning", "for the day"); with a month or
    a year in view, an unknown day of it ("that same day" after "last October": 1998-10-XX); else the
    publication day moved so (a news narrative starts at its publication date). A bare demonstrative
    ("that day", "earlier that day") takes only a day in view: without one it points at a day the text
    has not named, or at any day ("trades made that day"), and is left out (None)."""
    kind = "TIME" if suffix else "DATE"
    ref = doc.reference
    period = calendar_interval(ref.value) if ref is not None else None
    if ref is not None and period is not None:
        anchor = Anchor(kind="timex", ref=str(ref.start))
        if ref.granularity == "day":
            return Reading(kind, add_days(period[0], steps).isoformat() + suffix, mod=mod, anchor=anchor)
        if steps == 0 and ref.granularity in _UNKNOWN_DAY_OF and not demonstrative:
            return Reading(
                kind,
                ref.value + _UNKNOWN_DAY_OF[ref.granularity] + suffix,
                mod=mod,
                anchor=anchor,
                earliest=period[0],
                latest=period[1],
                granularity=ref.granularity,
            )
    if demonstrative:
        return None
    pending = OnDay(undated_value="XXXX-XX-XX", suffix=suffix, days=steps)
    return Reading(kind, "", mod=mod, anchor=Anchor(kind="dct"), pending=pending)


@normaliser("day_in_view")
def day_in_view(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    """ "for the day", "late in the day": the day in view; "by that time", "until then": the date in view
    (no "then" without one); "in the morning": that part of the day in view (none without one). The
    preposition before them is left out."""
    part = g("part_of_view")
    if part:  # "Friday ... buy orders in the morning": Friday morning; alone, any morning (no expression)
        if doc.view_of("day") is None:
            return None
        suffix = "T" + doc.words.day_parts[part.split()[-1].lower()]
        found = on_day_in_view(doc, 0, suffix)
        if found is not None:
            found.start = end - len(part)
        return found
    anaphor = g("then") or g("that_time")
    if anaphor:
        ref = doc.reference
        if ref is None:
            return on_day_in_view(doc, 0) if g("that_time") else None
        anchor = Anchor(kind="timex", ref=str(ref.start))
        return Reading("DATE", ref.value, anchor=anchor, start=end - len(anaphor))
    reading = on_day_in_view(doc, 0, mod=_PART_MODS.get((g("pmod") or "").lower()))
    the_day = _THE_DAY.search(doc.text, start, end) if g("for") else None
    if reading is not None and the_day is not None:
        reading.start = the_day.start()
    return reading


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


@normaliser("vague_adjective")
def vague_adjective(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    """ "a recent survey" is PAST_REF (never in a name: "Recent Arrivals Ltd")."""
    if doc.in_a_name(start, end) or _HYPHENATED.match(doc.text, end):
        return None
    return vague_reference("PAST_REF")
