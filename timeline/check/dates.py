"""Day intervals and ISO 8601 durations, the arithmetic every date rule shares.

A claim about when something happens is an inclusive interval of days (a day, a week, "later in 2026").
Rules compare them conservatively: a finding means the intervals cannot be reconciled, never merely that
one source is vaguer than another (except where a rule asks for that explicitly).
"""

from __future__ import annotations

import re
from datetime import date

from timeline.chronology.models import EventDate, TimelineDocument
from timeline.events.models import Mention

# One interval type and duration arithmetic for the package (a shift past the calendar's ends stops there).
from timeline.temporal.intervals import Interval as Interval
from timeline.temporal.intervals import parse_duration as parse_duration
from timeline.temporal.intervals import shift_within as shift  # noqa: F401 (the rule kinds' shift)


def _interval(earliest: str | None, latest: str | None) -> Interval | None:
    if not earliest or not latest:
        return None
    try:
        start, end = date.fromisoformat(earliest[:10]), date.fromisoformat(latest[:10])
    except ValueError:
        return None
    return Interval(start, end) if start <= end else None


def mention_interval(mention: Mention) -> Interval | None:
    """The days this mention places its event in (set by the chronology), else its time expression's."""
    found = _interval(mention.earliest, mention.latest)
    if found is None and mention.timex is not None and mention.timex.type in ("DATE", "TIME"):
        found = _interval(mention.timex.earliest, mention.timex.latest)
    return found


def event_interval(event_date: EventDate) -> Interval | None:
    return _interval(event_date.earliest, event_date.latest)


def publication_interval(document: TimelineDocument) -> Interval | None:
    """When the article appeared: its stated date, else the window the chronology inferred, else None."""
    if document.published:
        return _interval(document.published, document.published)
    if document.published_window is not None:
        return _interval(document.published_window.earliest, document.published_window.latest)
    return None


# TIMEX3 parts of the day as hours (start, end): rough, but enough to say a morning comes before 14:00.
DAY_PART_HOURS = {
    "MO": (5.0, 12.0),
    "MI": (11.0, 13.0),
    "AF": (12.0, 18.0),
    "EV": (17.0, 22.0),
    "NI": (20.0, 24.0),
}
_CLOCK = re.compile(r"T(?:(?P<hour>\d\d)(?::(?P<minute>\d\d))?|(?P<part>MO|MI|AF|EV|NI))")


def time_of_day(value: str | None) -> tuple[float, float] | None:
    """The hours a TIMEX3 value places in its day ("2026-03-10T14:00" -> 14..14, "...TMO" -> 5..12)."""
    match = _CLOCK.search(value or "")
    if match is None:
        return None
    if match["part"]:
        return DAY_PART_HOURS[match["part"]]
    hour = int(match["hour"]) + int(match["minute"] or 0) / 60
    return hour, hour


def mention_time_of_day(mention: Mention) -> tuple[float, float] | None:
    """The hours a mention's own time expression gives, if it has a clock time or a part of the day."""
    return time_of_day(mention.timex.value) if mention.timex is not None else None
