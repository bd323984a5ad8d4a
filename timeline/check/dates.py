"""Day intervals and ISO 8601 durations, the arithmetic every date rule shares.

A claim about when something happens is an inclusive interval of days (a day, a week, "later in 2026").
Rules compare them conservatively: a finding means the intervals cannot be reconciled, never merely that
one source is vaguer than another (except where a rule asks for that explicitly).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import pendulum  # ISO 8601 durations ("P1D", "P2W", "P1M") and calendar-aware month/year arithmetic

from timeline.chronology.models import EventDate, TimelineDocument
from timeline.events.models import Mention


@dataclass(frozen=True, order=True)
class Interval:
    """Inclusive interval of days."""

    earliest: date
    latest: date

    def shifted(self, duration: str, sign: int = 1) -> Interval:
        return Interval(shift(self.earliest, duration, sign), shift(self.latest, duration, sign))

    def widened(self, tolerance: str) -> Interval:
        return Interval(shift(self.earliest, tolerance, -1), shift(self.latest, tolerance, 1))

    def overlaps(self, other: Interval) -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest

    def __str__(self) -> str:
        if self.earliest == self.latest:
            return self.earliest.isoformat()
        return f"{self.earliest.isoformat()}..{self.latest.isoformat()}"


@lru_cache(maxsize=256)  # a handful of distinct durations, applied to every mention
def parse_duration(text: str) -> pendulum.Duration:
    """An ISO 8601 duration; raises ValueError with a readable message."""
    try:
        parsed = pendulum.parse(text)
    except (ValueError, TypeError):  # pendulum's ParserError is a ValueError
        parsed = None
    if not isinstance(parsed, pendulum.Duration):
        raise ValueError(f"'{text}' is not an ISO 8601 duration such as P1D, P2W, P1M or P1Y")
    return parsed


def shift(day: date, duration: str, sign: int = 1) -> date:
    """`day` moved by `duration` forwards (sign 1) or backwards (-1); months and years by the calendar."""
    span = parse_duration(duration)
    moved = pendulum.Date(day.year, day.month, day.day).add(
        years=sign * span.years, months=sign * span.months, days=sign * (span.remaining_days + 7 * span.weeks)
    )
    return date(moved.year, moved.month, moved.day)


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
