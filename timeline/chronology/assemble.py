"""The timeline's events and documents, assembled from the merge's decisions (mentions read back from the
spool one event at a time)."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

from timeline.chronology.dates import combine, event_date
from timeline.chronology.ingest import DocumentFields, MergeState
from timeline.chronology.models import Event, TimelineDocument
from timeline.chronology.relations import pattern_fits, statement_interval
from timeline.events.models import Mention


def _dated(state: MergeState, index: int) -> Mention:
    """The mention as it goes into the timeline, with the days the merge found for it (if any)."""
    return state.spool.read_compact(state.entries[index].spooled, state.intervals.get(index))


def _event(
    state: MergeState,
    event_id: str,
    title: str,
    event_type: str | None,
    indices: list[int],
    reasons: list[str],
) -> Event:
    interval, conflict = combine([state.intervals[i] for i in indices if i in state.intervals])
    # an undated article's "Sunday" cannot be a Thursday, whatever its publication day
    patterns = [state.entries[i].pattern for i in indices]
    conflict = conflict or (
        interval is not None and any(pattern_fits(p, interval) is False for p in patterns if p is not None)
    )
    mentions = [_dated(state, index) for index in indices]
    attributes: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        for attribute, value in mention.attributes.items():
            attributes[attribute].add(value)
    return Event(
        id=event_id,
        title=title,
        type=event_type,
        date=event_date(interval),
        date_conflict=conflict,
        attributes={attribute: sorted(values) for attribute, values in sorted(attributes.items())},
        automatic=event_type is None,
        merge_reasons=reasons,
        mentions=mentions,
    )


def catalog_events(state: MergeState) -> list[Event]:
    events = []
    for event_type, indices in sorted(state.catalog_groups().items()):
        documents = len({state.entries[index].doc for index in indices})
        reasons = [f"catalog event '{event_type}': its triggers match in {documents} article(s)"]
        if state.absorbed.get(event_type):
            reasons.append(
                f"{state.absorbed[event_type]} more statement(s) of its articles tell it (in its sentences "
                "or in other words): part of it, not events of their own"
            )
        events.append(
            _event(state, event_type, state.entries[indices[0]].title, event_type, indices, reasons)
        )
    return events


def automatic_events(state: MergeState) -> list[Event]:
    """One event per group of open statements that is dated, or told by more than one article."""
    events = []
    for group, members in sorted(state.automatic_groups().items()):
        if not emitted(state, members):
            continue
        event_id = _statement_id(state, members)
        title = state.entries[members[0]].title
        events.append(_event(state, event_id, title, None, members, state.reasons.get(group, [])))
    return events


def emitted(state: MergeState, members: list[int]) -> bool:
    """Whether a group of open statements is an event of the timeline: dated, or told by several articles
    (a lone undated statement places nothing in time and no other source confirms it)."""
    if any(statement_interval(state, index) is not None for index in members):
        return True
    return len({state.entries[index].doc for index in members}) > 1


def _statement_id(state: MergeState, members: list[int]) -> str:
    """Stable and content-derived: first day, a slug of the title, and a hash of the quoted sources."""
    first = state.entries[members[0]]
    days = [state.intervals[i][0] for i in members if i in state.intervals]
    start = min(days).isoformat() if days else "undated"
    slug = "-".join(re.findall(r"[a-z0-9]+", first.title.lower())[:6])
    sources = "|".join(f"{state.entries[i].doc}:{state.entries[i].start}" for i in members)
    digest = hashlib.sha256(sources.encode()).hexdigest()[:6]
    return f"{start}-{slug}-{digest}"


def chronological(event: Event) -> tuple[int, str, str, str]:
    if event.date.earliest is None or event.date.latest is None:
        return 1, "", "", event.id
    return 0, event.date.earliest, event.date.latest, event.id


# Every field is given, so the documents can share one set of given fields (model_construct: the values
# come from validated Documents) instead of a 728-byte set each.
_DOCUMENT_FIELDS = set(TimelineDocument.model_fields)


def timeline_document(document: DocumentFields, state: MergeState) -> TimelineDocument:
    window = state.windows.get(document.id)
    return TimelineDocument.model_construct(_DOCUMENT_FIELDS, **document._asdict(), published_window=window)
