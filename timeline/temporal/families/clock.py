"""Clock times ("3 p.m. EST", "noon Thursday", "23:00 BST on 1 September"), alone or on a named day."""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.temporal.context import Document
from timeline.temporal.families.explicit import explicit_day
from timeline.temporal.intervals import calendar_interval
from timeline.temporal.models import Anchor
from timeline.temporal.readings import Group, Reading, weekday_number
from timeline.temporal.registry import normaliser
from timeline.temporal.resolver import OnDay, WeekdayNear

SAME_CLAUSE = 40  # characters: a clock time this soon after a named day is on that day
_UTC = ("gmt", "utc", "z")
_DEICTIC_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _clock(g: Group) -> str | None:
    """ "T15:30" from the rule's groups; None for an impossible hour."""
    found = _hour_minute(g)
    if found is None:
        return None
    # A time stated in UTC gets TIMEX3's Z, with an offset from it ISO 8601's "+02:00"; other zones are kept
    # as stated (local time, no offset).
    utc = (g("zone") or "").lower() in _UTC
    return f"T{found[0]:02d}:{found[1]:02d}" + (_offset(g("offset")) if utc else "")


def _offset(written: str | None) -> str:
    """ "+2", "-05:30", "+0530" as ISO 8601's "+02:00", "-05:30"; none (or zero) is Z."""
    digits = re.sub(r"\D", "", written or "")
    hours, minutes = (int(digits[:-2] or 0), int(digits[-2:])) if len(digits) > 2 else (int(digits or 0), 0)
    if not hours and not minutes:
        return "Z"
    sign = "+" if (written or "").lstrip()[0] == "+" else "-"
    return f"{sign}{hours:02d}:{minutes:02d}"


def _hour_minute(g: Group) -> tuple[int, int] | None:
    if g("named"):
        # TIMEX3 writes midnight as the end of its day, T24:00: "midnight Friday" closes Friday.
        return (12, 0) if (g("named") or "").lower() in ("noon", "midday") else (24, 0)
    if g("hour_part"):  # "4 in the morning", "9 in the evening"
        afternoon = (g("part") or "").lower() in ("afternoon", "evening")
        return int(g("hour_part") or 0) % 12 + (12 if afternoon else 0), 0
    if g("hour24"):
        return int(g("hour24") or 0), int(g("minute24") or 0)
    if g("hhmm"):  # "0630 GMT"
        return int((g("hhmm") or "")[:2]), int((g("hhmm") or "")[2:])
    hour, minute = int(g("hour") or 0), int(g("minute") or 0)
    if hour > 12:
        return None
    return hour % 12 + (12 if (g("ampm") or "").lower() == "p" else 0), minute


def _approximation(g: Group) -> str | None:
    approximation = re.sub(r"\s+", " ", (g("qmod") or "").lower())
    if approximation.endswith("before"):
        return "BEFORE"
    if approximation.endswith("after"):
        return "AFTER"
    return "APPROX" if approximation else None


@normaliser("clock_time")
def clock_time(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    clock = _clock(g)
    if clock is None:
        return None
    mod = _approximation(g)
    # A day named right after ("9:30 a.m. ET on Tuesday, June 9", "23:00 BST on 1 September") is read on
    # its own and joins the clock time after the scan (refiners.clock_on_day).
    if g("weekday"):
        weekday = weekday_number(doc.words, g("weekday") or "")
        return _on_weekday(doc, weekday, start, end, clock, mod)
    if g("month"):
        found = explicit_day(doc, g, start, end)
        if found is None:
            return None
        if found.pending is not None:
            found.pending = replace(found.pending, suffix=clock)
        else:
            found.value += clock
        return replace(found, type="TIME", mod=mod, weekday_mismatch=False)
    if g("deictic"):
        days = _DEICTIC_DAYS[(g("deictic") or "").lower()]
        pending = OnDay(undated_value="XXXX-XX-XX", suffix=clock, days=days)
        return Reading("TIME", "", mod=mod, anchor=Anchor(kind="dct"), pending=pending)
    return _on_day_in_view(doc, start, end, clock, mod)


def _line_ends(between: str) -> bool:
    """A line break with no comma before it ends the clock time's line: a headline's "at noon" is not on
    the weekday of the dateline below it."""
    return "\n" in between.split(",", 1)[0]


def _on_weekday(doc: Document, weekday: int, start: int, end: int, clock: str, mod: str | None) -> Reading:
    pending = WeekdayNear(
        undated_value=f"XXXX-WXX-{weekday}", suffix=clock, weekday=weekday, tense=doc.tense(start, end)
    )
    return Reading("TIME", "", mod=mod, anchor=Anchor(kind="dct"), pending=pending)


def _on_day_in_view(doc: Document, start: int, end: int, clock: str, mod: str | None) -> Reading:
    later = doc.lex.weekday_after_clock.match(doc.text, end)
    if later is not None and later.group("weekday")[0].isupper() and not _line_ends(later.group()):
        # "at 10:35 a.m. (0735 GMT) Friday", "at 4 in the morning (4 a.m. EDT Thursday)"
        return _on_weekday(doc, weekday_number(doc.words, later.group("weekday")), start, end, clock, mod)
    ref = doc.view_of("day")
    in_view = calendar_interval(ref.value) if ref is not None else None
    if ref is not None and in_view is not None and start - ref.start <= SAME_CLAUSE:
        # "Hearing set for Thursday, June 11 at 10 a.m.": the day just named
        return Reading(
            "TIME",
            f"{in_view[0].isoformat()}{clock}",
            mod=mod,
            anchor=Anchor(kind="timex", ref=str(ref.start)),
        )
    # A clock time alone is on the publication day by default, which names no day: the view stays.
    pending = OnDay(undated_value="XXXX-XX-XX", suffix=clock)
    return Reading("TIME", "", mod=mod, anchor=Anchor(kind="dct"), pending=pending, in_view=False)
