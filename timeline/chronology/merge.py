"""Cross-document merge: every article's mentions become one chronology.

Catalog mentions are grouped by event type; open statements into automatic events by what they say
and when (statements.py). An event's date is the intersection of what its sources say; relative dates
are resolved through anchors ("one day before <event>", anchors.py) and through the publication windows
inferred for undated articles (windows.py, undated.py). The statements are grouped twice: once to find
the windows, and again once the windows have dated the undated articles' "Thursday".

Memory stays flat in the number of analyses held (ingest.py): a small record per mention, the mentions
themselves in a temporary file until the events are assembled (assemble.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from timeline.chronology.anchors import resolve_anchors
from timeline.chronology.assemble import automatic_events, catalog_events, chronological, timeline_document
from timeline.chronology.ingest import ingest
from timeline.chronology.models import Timeline
from timeline.chronology.precedence import absorb_into_catalog
from timeline.chronology.spool import MentionSpool
from timeline.chronology.statements import group_statements
from timeline.chronology.windows import infer_windows, resolve_in_windows
from timeline.events.models import DocumentAnalysis


def merge(analyses: Iterable[DocumentAnalysis]) -> Timeline:
    """One timeline from per-document analyses; the result does not depend on their order.

    The analyses are consumed one at a time (pass a generator to keep memory flat): only what the merge
    decisions need stays in memory, the mentions themselves are spooled to a temporary file and read
    back when the events are assembled.
    """
    spool = MentionSpool()
    try:
        state = ingest(analyses, spool)
        state.intervals = {i: entry.interval for i, entry in enumerate(state.entries) if entry.interval}
        resolve_anchors(state)
        group_statements(state)
        resolve_anchors(state)
        infer_windows(state)
        resolve_in_windows(state)
        resolve_anchors(state)
        group_statements(state)
        absorb_into_catalog(state)
        events = catalog_events(state) + automatic_events(state)
    finally:
        spool.close()
    events.sort(key=chronological)
    return Timeline(documents=[timeline_document(doc, state) for doc in state.documents], events=events)
