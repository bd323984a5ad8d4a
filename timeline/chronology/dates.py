"""Intervals of days: combining what several sources say about when something happened."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, timedelta

from timeline.chronology.models import EventDate
from timeline.temporal.intervals import Interval


def parse_interval(earliest: str | None, latest: str | None) -> Interval | None:
    if earliest is None or latest is None:
        return None
    try:
        start, end = date.fromisoformat(earliest[:10]), date.fromisoformat(latest[:10])
    except ValueError:
        return None
    return Interval(start, end) if start <= end else None


def intersect(intervals: Sequence[Interval]) -> Interval | None:
    start = max(interval[0] for interval in intervals)
    end = min(interval[1] for interval in intervals)
    return Interval(start, end) if start <= end else None


def hull(intervals: Sequence[Interval]) -> Interval:
    return Interval(min(interval[0] for interval in intervals), max(interval[1] for interval in intervals))


def combine(intervals: Sequence[Interval]) -> tuple[Interval | None, bool]:
    """The days every source allows, and whether the sources conflict.

    When they do not all overlap, the event is dated by the largest group that does (the earliest such
    group on a tie) and the conflict is reported rather than hidden.
    """
    if not intervals:
        return None, False
    common = intersect(intervals)
    if common is not None:
        return common, False
    # the day covered by most intervals (the earliest such day): a sweep over the interval ends
    changes = sorted(
        [(start, 1) for start, _ in intervals] + [(end + timedelta(days=1), -1) for _, end in intervals]
    )
    covered, most, best_day = 0, 0, intervals[0][0]
    for day, change in changes:
        covered += change
        if covered > most:
            most, best_day = covered, day
    group = [interval for interval in intervals if interval[0] <= best_day <= interval[1]]
    return intersect(group), True


def shift(interval: Interval, duration: str, relation: str) -> Interval | None:
    """`interval` moved `duration` (TIMEX3, e.g. P1D) before or after; None if the duration is not exact."""
    try:
        return Interval(*interval).shifted(duration, -1 if relation == "before" else 1)
    except ValueError:
        return None


def event_date(interval: Interval | None) -> EventDate:
    """The smallest calendar unit containing the interval, with the interval's exact bounds."""
    if interval is None:
        return EventDate()
    start, end = interval
    bounds = {"earliest": start.isoformat(), "latest": end.isoformat()}
    if start == end:
        return EventDate(value=start.isoformat(), granularity="day", **bounds)
    iso_start, iso_end = start.isocalendar(), end.isocalendar()
    if (iso_start.year, iso_start.week) == (iso_end.year, iso_end.week):
        return EventDate(value=f"{iso_start.year}-W{iso_start.week:02d}", granularity="week", **bounds)
    if (start.year, start.month) == (end.year, end.month):
        return EventDate(value=f"{start.year}-{start.month:02d}", granularity="month", **bounds)
    if start.year == end.year:
        quarter = (start.month - 1) // 3
        if quarter == (end.month - 1) // 3:
            return EventDate(value=f"{start.year}-Q{quarter + 1}", granularity="quarter", **bounds)
        return EventDate(value=str(start.year), granularity="year", **bounds)
    if start.year // 10 == end.year // 10:
        return EventDate(value=f"{start.year // 10}X", granularity="decade", **bounds)
    return EventDate(value=None, granularity="unknown", **bounds)


def is_whole_unit(date_: EventDate) -> bool:
    """True when the bounds are exactly the unit the value names (the whole of June, all of 2026)."""
    interval = parse_interval(date_.earliest, date_.latest)
    if interval is None:
        return False
    start, end = interval
    if date_.granularity == "day":
        return True
    if date_.granularity == "month":
        return start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if date_.granularity == "quarter":
        last = calendar.monthrange(end.year, end.month)[1]
        return start.day == 1 and (start.month - 1) % 3 == 0 and end.month % 3 == 0 and end.day == last
    if date_.granularity == "year":
        return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if date_.granularity == "week":
        return start.weekday() == 0 and end - start == timedelta(days=6)
    return False
