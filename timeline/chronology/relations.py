"""What two statements' dates allow: the same days, overlapping ones, no comparison yet, dates a little
apart (one happening told wrong: a contradiction to report) or too far apart (another happening)."""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from timeline.chronology.dates import Interval
from timeline.chronology.ingest import Entry, MergeState
from timeline.events.quantities import compatible
from timeline.events.roles import same_value

MAX_STATEMENT_DAYS = 366  # a statement dated only to a decade or century gives no date to compare
NEAR_DAYS = 31  # dates of like precision that disagree by this (or three times their length) may merge
Relation = Literal["same", "overlap", "unknown", "near", "far"]


def statement_interval(state: MergeState, index: int) -> Interval | None:
    """The days a statement gives, unless they are too many to compare (a decade, a century)."""
    interval = state.intervals.get(index)
    if interval is None or days(interval) > MAX_STATEMENT_DAYS:
        return None
    return interval


def date_relation(state: MergeState, a: int, b: int) -> Relation:
    """What two statements' dates allow: the same days, overlapping ones, no comparison (one has no date
    yet, or one as wide as a decade), dates that disagree by a little (a contradiction to report) or by
    too much, or with unlike precision (another happening)."""
    first, second = state.intervals.get(a), state.intervals.get(b)
    # an undated article's weekday says more than the week its window allows: "Sunday" is no Thursday
    for pattern, other in ((state.entries[a].pattern, second), (state.entries[b].pattern, first)):
        if pattern is not None and other is not None and days(other) == 1:
            fits = pattern_fits(pattern, other)
            if fits is not None:
                return "same" if fits else "near"
    if first is not None and second is not None:
        if first[0] > second[1] or second[0] > first[1]:
            # a date a clause only inherits from the narrative is no claim to hold against another
            if state.entries[a].inherited or state.entries[b].inherited:
                return "far"
            return _apart(first, second)
        if statement_interval(state, a) is None or statement_interval(state, b) is None:
            return "unknown"
        return "same" if max(days(first), days(second)) <= 7 else "overlap"
    dated, pattern = (
        (first, state.entries[b].pattern) if first is not None else (second, state.entries[a].pattern)
    )
    if dated is not None and pattern is not None and days(dated) <= MAX_STATEMENT_DAYS:
        fits = pattern_fits(pattern, dated)
        if fits is not None:
            return "same" if fits else "near"
    return "unknown"


def _apart(first: Interval, second: Interval) -> Relation:
    """Dates that do not meet: a changed date keeps its precision ("Thursday" for "Sunday", 2021 for
    2023), so dates of like precision a little apart may be one happening told wrong; others are not."""
    lengths = sorted((days(first), days(second)))
    gap = max(first[0], second[0]) - min(first[1], second[1])
    alike = lengths[1] <= 2 * lengths[0] and lengths[1] <= MAX_STATEMENT_DAYS
    return "near" if alike and gap.days <= near_gap(lengths[1]) else "far"


def near_gap(length: int) -> int:
    """The most days by which dates of `length` days told a little wrong may miss each other."""
    return max(NEAR_DAYS, 3 * length)


def pattern_fits(pattern: str, interval: Interval) -> bool | None:
    """Whether a date with unknown parts can be one of the interval's days: "XXXX-WXX-4" (a Thursday) or
    "XXXX-06-04" (June 4 of some year) against a dated event. None: the pattern does not say."""
    within = [interval[0] + timedelta(days=offset) for offset in range(min(days(interval), 31))]
    if pattern.startswith("XXXX-WXX-") and pattern[-1].isdigit():
        weekday = int(pattern[-1])
        return any(day.isoweekday() == weekday for day in within)
    parts = pattern.split("-")
    if len(parts) == 3 and parts[0] == "XXXX" and parts[1].isdigit() and parts[2].isdigit():
        return any((day.month, day.day) == (int(parts[1]), int(parts[2])) for day in within)
    if len(parts) == 2 and parts[0] == "XXXX" and parts[1].isdigit():
        return any(day.month == int(parts[1]) for day in within)
    return None


def days(interval: Interval) -> int:
    return (interval[1] - interval[0]).days + 1


def facts_agree(state: MergeState, a: int, b: int) -> bool:
    """Whether two statements agree on the figures and named values they both state. Dates a little apart
    are one happening told a little wrong only when nothing else differs: "six months of leave in 2009"
    and "three weeks of leave in 2011" are two leaves."""
    first, second = state.spool.read(state.entries[a].spooled), state.spool.read(state.entries[b].spooled)
    if not all(
        compatible(x, y) for x in first.quantities for y in second.quantities if x.counted == y.counted
    ):
        return False
    return all(
        same_value(x, y)
        for x in first.roles
        for y in second.roles
        if x.role == y.role and x.text[:1].isupper()
    )


def other_protagonists(first: Entry, second: Entry) -> bool:
    """Whether the two statements open with names, each one the other's sentence never uses: "Intelogic
    shares rose 37.5 cents" and "Telerate shares closed at $19.50", however alike, tell of two companies.
    A name is used when one of its words is ("Samsung" of "Samsung Electronics")."""
    return _unknown_to(first.subject, second) and _unknown_to(second.subject, first)


def _unknown_to(subject: str | None, other: Entry) -> bool:
    if subject is None:
        return False
    words = {word for token in other.sentence for word in token.casefold().split()}
    return not any(word in words for word in subject.split())
