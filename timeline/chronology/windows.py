"""Publication windows of undated articles, from the events they share with dated ones (see undated.py),
and the undated articles' relative dates resolved within those windows.

An undated article's "Thursday" is compared with the event it belongs to: its catalog event, or the
automatic event its statement was merged into, dated by the other articles' mentions.
"""

from __future__ import annotations

from collections import defaultdict

from timeline.chronology.dates import intersect
from timeline.chronology.ingest import MergeState
from timeline.chronology.undated import DatedEvent, infer_window, resolve_within
from timeline.events.models import Mention

SHOWN_SOURCES = 3  # sources named in a window's evidence before "and N more"


def infer_windows(state: MergeState) -> None:
    undated = {doc.id for doc in state.documents if doc.published is None}
    if not undated:
        return
    catalog = state.catalog_groups()
    automatic = state.automatic_groups()
    published = state.published()
    by_type: dict[str, DatedEvent | None] = {}

    def dated(indices: list[int], title: str, asking: str) -> DatedEvent | None:
        known = [i for i in indices if i in state.intervals and state.entries[i].doc != asking]
        interval = state.group_interval(known)
        if interval is None:
            return None
        return DatedEvent(title=title, interval=interval, sources=_sources(state, known, published))

    indices: dict[int, int] = {}  # id(mention) -> its entry

    def dated_event(mention: Mention) -> DatedEvent | None:
        if mention.event_type is None:
            index = indices[id(mention)]
            group = state.groups.get(index, index)
            return dated(automatic.get(group, [index]), state.entries[group].title, mention.doc)
        if mention.event_type not in by_type:  # the same for every undated article: computed once
            by_type[mention.event_type] = dated(catalog[mention.event_type], mention.title, "")
        return by_type[mention.event_type]

    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for index, entry in enumerate(state.entries):  # their quotes are tagged again: read back from the spool
        if entry.doc in undated and entry.needs_date:
            mention = state.spool.read(entry.spooled)
            indices[id(mention)] = index
            by_doc[entry.doc].append(mention)
    for doc_id in sorted(by_doc):
        window = infer_window(by_doc[doc_id], dated_event)
        if window is not None:
            state.windows[doc_id] = window


def _sources(state: MergeState, indices: list[int], published: dict[str, str | None]) -> str:
    shown = []
    for index in indices[:SHOWN_SOURCES]:
        entry = state.entries[index]
        when = published.get(entry.doc)
        dated = f", published {when}" if when else ""
        shown.append(f"{entry.doc} ({entry.path}:{entry.line}{dated})")
    more = f" and {len(indices) - SHOWN_SOURCES} more" if len(indices) > SHOWN_SOURCES else ""
    return ", ".join(shown) + more


def resolve_in_windows(state: MergeState) -> None:
    for index, entry in enumerate(state.entries):
        window = state.windows.get(entry.doc)
        if window is None or not entry.needs_date:
            continue
        interval = resolve_within(state.spool.read(entry.spooled), window)
        if interval is None:
            continue
        # Written without a DCT, "later in 2026" could only say "2026"; the window narrows what it says.
        known = state.intervals.get(index)
        narrowed = interval if known is None else intersect([known, interval])
        if narrowed is not None:
            state.intervals[index] = narrowed
