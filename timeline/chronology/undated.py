"""Undated articles: when were they written, judging by the events they share with dated articles?

An undated article's "Thursday" means nothing on its own. But if it says the post came out
"Thursday" and dated articles put that post on 2026-06-04, the article can only have been written on
a day from which "Thursday" means 2026-06-04: from that Thursday to the following Wednesday. We find
those days by resolving the tagger's own reading of the clue under each candidate day as the publication
date (the quote is read once; `StoredReading.under` applies a DCT), so the inference follows whatever the
tagger knows about English, and intersect the windows of every shared event. Days are never invented:
evidence whose window is open-ended is not used.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from timeline.chronology.dates import Interval, hull, intersect, parse_interval
from timeline.chronology.models import PublishedWindow
from timeline.events.models import Mention
from timeline.temporal.tagger import StoredReading, stored_readings

_WORD = re.compile(r"\S+")
SEARCH_DAYS = 45  # how far before and after the event to try publication days


@dataclass(frozen=True)
class DatedEvent:
    """What the dated sources say about an event: its interval and where they say it."""

    title: str
    interval: Interval
    sources: str  # e.g. "000 (corpus/000.txt:12, published 2026-06-06)"


def needs_publication_date(mention: Mention) -> bool:
    """A time expression that depends on a publication date the article does not have.

    Either left underspecified by the tagger ("Thursday" -> XXXX-WXX-4), or resolved only as far as
    its words go without a DCT ("later in 2026" -> all of 2026, anchored to the DCT).
    """
    timex = mention.timex
    if timex is None:
        return False
    if timex.anchor is not None and timex.anchor.kind == "dct":
        return True
    return timex.anchor is None and "X" in timex.value


@lru_cache(maxsize=65536)
def _stored(quote: str, relative_start: int, text: str) -> StoredReading | None:
    """The tagger's reading of the expression at `relative_start` of `quote`, with no DCT applied yet."""
    return next((s for s in stored_readings(quote) if s.start == relative_start and s.text == text), None)


@lru_cache(maxsize=65536)
def _resolve(quote: str, relative_start: int, text: str, dct: date) -> Interval | None:
    """The interval the expression at `relative_start` of `quote` denotes when written on `dct`."""
    stored = _stored(quote, relative_start, text)
    timex = stored.under(dct) if stored is not None else None
    return parse_interval(timex.earliest, timex.latest) if timex is not None else None


def resolve_in(mention: Mention, dct: date) -> Interval | None:
    assert mention.timex is not None
    return _resolve(mention.quote, mention.timex.start - mention.start, mention.timex.text, dct)


def consistent_days(mention: Mention, event: Interval) -> Interval | None:
    """The publication days from which the mention's expression overlaps the event's interval.

    Written on a later day, a relative expression points later, so the first day it reaches the event
    and the last day before it has passed it are found by bisection (a few `tag` calls, not one per
    day). None when no day fits, or when the fitting days reach the edge of the search (then the
    expression, e.g. "earlier this year", does not bound the publication day on that side).
    """
    first = event[0] - timedelta(days=SEARCH_DAYS)
    days = (event[1] - event[0]).days + 2 * SEARCH_DAYS + 1

    def reaches(offset: int) -> bool:
        resolved = resolve_in(mention, first + timedelta(days=offset))
        return resolved is not None and resolved[1] >= event[0]

    def has_passed(offset: int) -> bool:
        resolved = resolve_in(mention, first + timedelta(days=offset))
        return resolved is None or resolved[0] > event[1]

    start = bisect.bisect_left(range(days), True, key=reaches)
    end = bisect.bisect_left(range(days), True, key=has_passed) - 1
    if start == 0 or end == days - 1 or start > end:
        return None
    window = Interval(first + timedelta(days=start), first + timedelta(days=end))
    for day in window:  # the bisection assumed the expression moves with the day; check it did
        resolved = resolve_in(mention, day)
        if resolved is None or intersect([resolved, event]) is None:
            return None
    return window


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
            f'"{_context(mention)}" ({mention.path}:{mention.line}): "{mention.timex.text}" refers to '
            f'"{event.title}", which {event.sources} dates to {_show(event.interval)}; '
            f"so written {_show(days)}"
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


def _context(mention: Mention, words: int = 6) -> str:
    """A few words either side of the time expression, as the article wrote them."""
    assert mention.timex is not None
    start = mention.timex.start - mention.start
    end = mention.timex.end - mention.start
    before = [match.start() for match in _WORD.finditer(mention.quote, 0, start)][-words:]
    after = [match.end() for match in _WORD.finditer(mention.quote, end)][:words]
    snippet = mention.quote[before[0] if before else start : after[-1] if after else end]
    return " ".join(snippet.split())


def _show(interval: Interval) -> str:
    start, end = interval
    return start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"
