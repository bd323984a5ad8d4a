"""Cross-document merge: every article's mentions become one chronology.

Catalog mentions are grouped by event type; open statements by similar wording and compatible dates
(compared only within blocks that share a month and a content word, so the work grows with the
number of statements, not its square). An event's date is the intersection of what its sources say;
relative dates are then resolved through anchors ("one day before <event>") and through the
publication windows inferred for undated articles.

Memory stays flat in the number of analyses held: they are consumed one at a time, the decisions run on
a small record per mention (`_Entry`) and the mentions themselves wait in a temporary file (`spool`)
until the events are assembled.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from rapidfuzz import fuzz, process  # fast fuzzy string similarity for matching statements

from timeline.chronology.dates import Interval, combine, event_date, intersect, parse_interval, shift
from timeline.chronology.models import Event, PublishedWindow, Timeline, TimelineDocument
from timeline.chronology.spool import MentionSpool, Spooled
from timeline.chronology.undated import DatedEvent, infer_window, needs_publication_date, resolve_within
from timeline.events.models import DocumentAnalysis, Mention
from timeline.temporal.models import Anchor

STATEMENT_SIMILARITY = 85  # rapidfuzz token_set_ratio (0-100) above which two statements are one event
BLOCK_LIMIT = 200  # a block key shared by more statements than this is too common to tell them apart
MAX_STATEMENT_DAYS = 366  # a statement dated only to a decade or century ("this century") is left out
ANCHOR_PASSES = 3  # anchors may chain ("a day before the report that came a week after ...")
_CONTENT_WORD = re.compile(r"[^\W\d_]{5,}")


@dataclass(slots=True)
class _Entry:
    """What the merge decisions need of one mention; the mention itself waits in the spool."""

    doc: str
    path: str
    line: int
    start: int
    event_type: str | None
    title: str
    anchor: Anchor | None  # only an anchor on another event, with its offset and relation
    anchor_event: str | None
    needs_date: bool  # needs_publication_date(mention)
    interval: Interval | None  # the days its own time expression gives
    spooled: Spooled


class _DocumentFields(NamedTuple):
    """A document's part of the timeline, as a plain tuple until the timeline is assembled."""

    id: str
    path: str
    title: str | None
    source: str | None
    published: str | None  # ISO date
    published_source: str | None


@dataclass
class _State:
    documents: list[_DocumentFields]
    entries: list[_Entry]
    spool: MentionSpool
    intervals: dict[int, Interval] = field(default_factory=dict)  # mention index -> its days
    windows: dict[str, PublishedWindow] = field(default_factory=dict)  # undated document id -> window

    def catalog_groups(self) -> dict[str, list[int]]:
        groups: dict[str, list[int]] = defaultdict(list)
        for index, entry in enumerate(self.entries):
            if entry.event_type is not None:
                groups[entry.event_type].append(index)
        return groups

    def group_interval(self, indices: Iterable[int]) -> Interval | None:
        interval, _ = combine([self.intervals[i] for i in indices if i in self.intervals])
        return interval


def merge(analyses: Iterable[DocumentAnalysis]) -> Timeline:
    """One timeline from per-document analyses; the result does not depend on their order.

    The analyses are consumed one at a time (pass a generator to keep memory flat): only what the merge
    decisions need stays in memory, the mentions themselves are spooled to a temporary file and read
    back when the events are assembled.
    """
    spool = MentionSpool()
    try:
        state = _ingest(analyses, spool)
        state.intervals = {i: entry.interval for i, entry in enumerate(state.entries) if entry.interval}
        _resolve_anchors(state)
        _infer_windows(state)
        _resolve_in_windows(state)
        _resolve_anchors(state)
        events = _catalog_events(state) + _statement_events(state)
    finally:
        spool.close()
    events.sort(key=_chronological)
    return Timeline(documents=[_timeline_document(doc, state) for doc in state.documents], events=events)


def _ingest(analyses: Iterable[DocumentAnalysis], spool: MentionSpool) -> _State:
    """Documents and mentions in a stable order, whatever the input order: by document id and path, and
    mentions by document, position and type (ties keep the order of the analyses, then of their mentions).
    """
    documents: list[tuple[tuple[str, str, int], _DocumentFields]] = []
    entries: list[tuple[tuple[str, int, str, str, int, str, str, int, int], _Entry]] = []
    for sequence, analysis in enumerate(analyses):
        document = analysis.document
        published = document.published.isoformat() if document.published else None
        fields = _DocumentFields(
            document.id, document.path, document.title, document.source, published, document.published_source
        )
        documents.append(((document.id, document.path, sequence), fields))
        for position, mention in enumerate(analysis.mentions):
            timex_start = mention.timex.start if mention.timex else -1
            key = (mention.doc, mention.start, mention.event_type or "", mention.title, timex_start)
            entries.append(((*key, document.id, document.path, sequence, position), _entry(mention, spool)))
    documents.sort(key=lambda pair: pair[0])
    entries.sort(key=lambda pair: pair[0])
    return _State(
        documents=[fields for _, fields in documents], entries=[entry for _, entry in entries], spool=spool
    )


def _entry(mention: Mention, spool: MentionSpool) -> _Entry:
    anchor = mention.timex.anchor if mention.timex is not None else None
    on_event = anchor is not None and anchor.kind == "event" and None not in (anchor.offset, anchor.relation)
    return _Entry(
        # interned: every mention of a JSONL corpus has the same path, and catalog titles repeat
        doc=sys.intern(mention.doc),
        path=sys.intern(mention.path),
        line=mention.line,
        start=mention.start,
        event_type=sys.intern(mention.event_type) if mention.event_type is not None else None,
        title=sys.intern(mention.title) if mention.event_type is not None else mention.title,
        anchor=anchor if on_event else None,
        anchor_event=mention.anchor_event,
        needs_date=needs_publication_date(mention),
        interval=parse_interval(mention.earliest, mention.latest),
        spooled=spool.add(mention),
    )


def _resolve_anchors(state: _State) -> None:
    """Date "one day before <event>" through that event's date, once it is known."""
    titles = {e.event_type: e.title for e in state.entries if e.event_type is not None}
    for _ in range(ANCHOR_PASSES):
        groups = state.catalog_groups()
        changed = False
        for index, entry in enumerate(state.entries):
            anchor = entry.anchor
            if index in state.intervals or anchor is None:
                continue
            assert anchor.offset is not None and anchor.relation is not None  # kept only with both
            target = entry.anchor_event or _event_named(anchor.ref, titles)
            if target is None or target == entry.event_type:
                continue
            target_interval = state.group_interval(groups.get(target, []))
            if target_interval is None:
                continue
            shifted = shift(target_interval, anchor.offset, anchor.relation)
            if shifted is not None:
                state.intervals[index] = shifted
                changed = True
        if not changed:
            return


def _event_named(reference: str | None, titles: dict[str, str]) -> str | None:
    """Without a catalog trigger inside the anchor, the catalog event whose title the anchor resembles."""
    if not reference or not titles:
        return None
    keys = sorted(titles)
    found = process.extractOne(
        reference,
        [titles[key] for key in keys],
        scorer=fuzz.token_set_ratio,
        score_cutoff=STATEMENT_SIMILARITY,
    )
    return keys[found[2]] if found is not None else None


def _infer_windows(state: _State) -> None:
    undated = {doc.id for doc in state.documents if doc.published is None}
    if not undated:
        return
    groups = state.catalog_groups()
    published = {doc.id: doc.published for doc in state.documents}
    statements = _StatementIndex(
        state, [i for i, e in enumerate(state.entries) if e.event_type is None and i in state.intervals]
    )
    by_type: dict[str, DatedEvent | None] = {}

    def dated(indices: list[int], title: str) -> DatedEvent | None:
        known = [i for i in indices if i in state.intervals]
        interval = state.group_interval(known)
        if interval is None:
            return None
        return DatedEvent(title=title, interval=interval, sources=_sources(state, known, published))

    def dated_event(mention: Mention) -> DatedEvent | None:
        if mention.event_type is None:
            return dated(statements.similar(mention.title), mention.title)
        if mention.event_type not in by_type:  # the same for every undated article: computed once
            by_type[mention.event_type] = dated(groups[mention.event_type], mention.title)
        return by_type[mention.event_type]

    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for entry in state.entries:  # their quotes are tagged again: read back from the spool
        if entry.doc in undated:
            by_doc[entry.doc].append(state.spool.read(entry.spooled))
    for doc_id in sorted(by_doc):
        window = infer_window(by_doc[doc_id], dated_event)
        if window is not None:
            state.windows[doc_id] = window


class _StatementIndex:
    """Dated open statements by content word, so a lookup compares against a few, not all of them."""

    def __init__(self, state: _State, statements: list[int]) -> None:
        self.state = state
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for i in statements:
            for word in _content_words(state.entries[i].title):
                self.by_word[word].append(i)

    def similar(self, title: str) -> list[int]:
        """The most similar dated statement, if similar enough (as a list of at most one index)."""
        candidates = sorted(
            {
                i
                for word in _content_words(title)
                if len(self.by_word.get(word, ())) <= BLOCK_LIMIT
                for i in self.by_word.get(word, ())
            }
        )
        if not candidates:
            return []
        found = process.extractOne(
            title,
            [self.state.entries[i].title for i in candidates],
            scorer=fuzz.token_set_ratio,
            score_cutoff=STATEMENT_SIMILARITY,
        )
        return [candidates[found[2]]] if found is not None else []


def _content_words(title: str) -> set[str]:
    return {word.lower() for word in _CONTENT_WORD.findall(title)}


def _sources(state: _State, indices: list[int], published: dict[str, str | None]) -> str:
    shown = []
    for index in indices[:3]:
        entry = state.entries[index]
        when = published.get(entry.doc)
        dated = f", published {when}" if when else ""
        shown.append(f"{entry.doc} ({entry.path}:{entry.line}{dated})")
    more = f" and {len(indices) - 3} more" if len(indices) > 3 else ""
    return ", ".join(shown) + more


def _resolve_in_windows(state: _State) -> None:
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


def _dated(state: _State, index: int) -> Mention:
    """The mention as it goes into the timeline, with the days the merge found for it (if any)."""
    return state.spool.read_compact(state.entries[index].spooled, state.intervals.get(index))


def _event(state: _State, event_id: str, title: str, event_type: str | None, indices: list[int]) -> Event:
    interval, conflict = combine([state.intervals[i] for i in indices if i in state.intervals])
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
        mentions=mentions,
    )


def _catalog_events(state: _State) -> list[Event]:
    return [
        _event(state, event_type, state.entries[indices[0]].title, event_type, indices)
        for event_type, indices in sorted(state.catalog_groups().items())
    ]


def _statement_events(state: _State) -> list[Event]:
    """Open statements that say the same thing about compatible dates become one event."""
    statements = [
        i
        for i, e in enumerate(state.entries)
        if e.event_type is None
        and i in state.intervals
        and (state.intervals[i][1] - state.intervals[i][0]).days <= MAX_STATEMENT_DAYS
    ]
    parent = {i: i for i in statements}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # the same words about the same days: one event, whatever the number (linear, needs no comparison)
    identical: dict[tuple[Interval, str], int] = {}
    for i in statements:
        parent[i] = identical.setdefault((state.intervals[i], state.entries[i].title.lower()), i)
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in statements:
        if parent[i] != i:
            continue
        month = state.intervals[i][0].strftime("%Y-%m")
        for word in _content_words(state.entries[i].title):
            blocks[(month, word)].append(i)
    compared: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > BLOCK_LIMIT:
            continue
        for position, a in enumerate(members):
            for b in members[position + 1 :]:
                if (a, b) in compared or root(a) == root(b):
                    continue
                compared.add((a, b))
                if _same_statement(state, a, b):
                    parent[max(root(a), root(b))] = min(root(a), root(b))
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in statements:
        clusters[root(i)].append(i)
    events = []
    for members in clusters.values():
        first = state.entries[members[0]]
        events.append(_event(state, _statement_id(state, members), first.title, None, members))
    return events


def _same_statement(state: _State, a: int, b: int) -> bool:
    if intersect([state.intervals[a], state.intervals[b]]) is None:
        return False
    similarity = fuzz.token_set_ratio(state.entries[a].title, state.entries[b].title)
    return similarity >= STATEMENT_SIMILARITY


def _statement_id(state: _State, members: list[int]) -> str:
    """Stable and content-derived: first day, a slug of the title, and a hash of the quoted sources."""
    first = state.entries[members[0]]
    start = min(state.intervals[i][0] for i in members).isoformat()
    slug = "-".join(re.findall(r"[a-z0-9]+", first.title.lower())[:6])
    sources = "|".join(f"{state.entries[i].doc}:{state.entries[i].start}" for i in members)
    digest = hashlib.sha256(sources.encode()).hexdigest()[:6]
    return f"{start}-{slug}-{digest}"


def _chronological(event: Event) -> tuple[int, str, str, str]:
    if event.date.earliest is None or event.date.latest is None:
        return 1, "", "", event.id
    return 0, event.date.earliest, event.date.latest, event.id


# Every field is given, so the documents can share one set of given fields (model_construct: the values
# come from validated Documents) instead of a 728-byte set each.
_DOCUMENT_FIELDS = set(TimelineDocument.model_fields)


def _timeline_document(document: _DocumentFields, state: _State) -> TimelineDocument:
    window = state.windows.get(document.id)
    return TimelineDocument.model_construct(_DOCUMENT_FIELDS, **document._asdict(), published_window=window)
