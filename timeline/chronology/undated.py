"""Undated articles: when were they written, judging by the events they share with dated articles?

An undated article's "Thursday" means nothing on its own. But if it says the post came out
"Thursday" and dated articles put that post on 2026-06-04, the article can only have been written on
a day from which "Thursday" means 2026-06-04: from that Thursday to the following Wednesday. We find
those days by asking the tagger itself (`tag` with each candidate day as the publication date), so
the inference follows whatever the tagger knows about English, and intersect the windows of every
shared event. Days are never invented: evidence whose window is open-ended is not used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from timeline.chronology.dates import Interval, hull, intersect, parse_interval
from timeline.chronology.models import PublishedWindow
from timeline.events.models import Mention
from timeline.temporal import tag

SEARCH_DAYS = 45  # how far before and after the event to try publication days


@dataclass(frozen=True)
class DatedEvent:
    """What the dated sources say about an event: its interval and where they say it."""

    title: str
    interval: Interval
    sources: str  # e.g. "000 (corpus/000.txt:12, published 2026-06-06)"


def needs_publication_date(mention: Mention) -> bool:
    """A time expression resolved against a publication date the article does not have."""
    timex = mention.timex
    return (
        timex is not None
        and mention.earliest is None
        and (timex.anchor is None or timex.anchor.kind == "dct")
        and "X" in timex.value
    )


@lru_cache(maxsize=65536)
def _resolve(quote: str, relative_start: int, text: str, dct: date) -> Interval | None:
    """The interval the expression at `relative_start` of `quote` denotes when written on `dct`."""
    for timex in tag(quote, dct):
        if timex.start == relative_start and timex.text == text:
            return parse_interval(timex.earliest, timex.latest)
    return None


def resolve_in(mention: Mention, dct: date) -> Interval | None:
    assert mention.timex is not None
    return _resolve(mention.quote, mention.timex.start - mention.start, mention.timex.text, dct)


def consistent_days(mention: Mention, event: Interval) -> Interval | None:
    """The publication days from which the mention's expression overlaps the event's interval.

    None when there are none, or when the run of such days reaches the edge of the search (then the
    expression, e.g. "earlier this year", does not bound the publication day on that side).
    """
    first = event[0] - timedelta(days=SEARCH_DAYS)
    last = event[1] + timedelta(days=SEARCH_DAYS)
    found: list[date] = []
    day = first
    while day <= last:
        resolved = resolve_in(mention, day)
        if resolved is not None and intersect([resolved, event]) is not None:
            found.append(day)
        elif found:
            break  # the run of consistent days is over
        day += timedelta(days=1)
    if not found or found[0] == first or found[-1] == last:
        return None
    return found[0], found[-1]


def infer_window(
    mentions: list[Mention], dated_event: Callable[[Mention], DatedEvent | None]
) -> PublishedWindow | None:
    """The publication window of an undated article from its mentions of independently dated events."""
    windows: list[Interval] = []
    evidence: list[str] = []
    for mention in mentions:
        if not needs_publication_date(mention):
            continue
        event = dated_event(mention)
        if event is None:
            continue
        days = consistent_days(mention, event.interval)
        if days is None:
            continue
        windows.append(days)
        assert mention.timex is not None
        evidence.append(
            f'"{mention.timex.text}" ({mention.path}:{mention.line}) refers to "{event.title}", which '
            f"{event.sources} dates to {_show(event.interval)}: written {_show(days)}"
        )
    if not windows:
        return None
    window = intersect(windows)
    if window is None:  # the clues disagree: better no window than a made-up one
        return None
    return PublishedWindow(earliest=window[0].isoformat(), latest=window[1].isoformat(), evidence=evidence)


def resolve_within(mention: Mention, window: PublishedWindow) -> Interval | None:
    """The expression resolved with the window's first and last day as publication date, united."""
    bounds = parse_interval(window.earliest, window.latest)
    if bounds is None:
        return None
    readings = [reading for day in bounds if (reading := resolve_in(mention, day)) is not None]
    return hull(readings) if readings else None


def _show(interval: Interval) -> str:
    start, end = interval
    return start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"
