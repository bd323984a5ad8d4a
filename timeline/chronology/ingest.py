"""What the merge keeps of each analysis: a small record per mention, the mention itself in the spool.

Memory stays flat in the number of analyses held: they are consumed one at a time, the decisions run on
an `Entry` per mention and the mentions wait in a temporary file (`spool`) until the events are
assembled.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from timeline.chronology.dates import Interval, combine, parse_interval
from timeline.chronology.features import statement_features, title_subject
from timeline.chronology.models import PublishedWindow
from timeline.chronology.spool import MentionSpool, Spooled
from timeline.chronology.undated import needs_publication_date
from timeline.events.models import DocumentAnalysis, Mention
from timeline.temporal.models import Anchor


@dataclass(slots=True)
class Entry:
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
    inherited: bool  # dated by the date in view, not by its own clause (Mention.time_inherited)
    pattern: str | None  # an open statement's date value with unknown parts ("XXXX-WXX-4": a Thursday)
    core: tuple[str, ...]  # an open statement's names and content words: title, participants, predicate
    features: tuple[str, ...]  # ... and its clause's (see features.py)
    sentence: tuple[str, ...]  # ... of its whole sentence (one tuple shared by the clauses of a sentence)
    sentence_at: int  # where its sentence starts (its own start when the events stage recorded none)
    subject: str | None  # the name its title opens with ("intelogic"), lowercased
    spooled: Spooled


class DocumentFields(NamedTuple):
    """A document's part of the timeline, as a plain tuple until the timeline is assembled."""

    id: str
    path: str
    title: str | None
    source: str | None
    published: str | None  # ISO date
    published_source: str | None


@dataclass
class MergeState:
    documents: list[DocumentFields]
    entries: list[Entry]
    spool: MentionSpool
    intervals: dict[int, Interval] = field(default_factory=dict)  # mention index -> its days
    windows: dict[str, PublishedWindow] = field(default_factory=dict)  # undated document id -> window
    # open statement index -> its automatic event (the smallest index of the group), with why it joined
    groups: dict[int, int] = field(default_factory=dict)
    reasons: dict[int, list[str]] = field(default_factory=dict)  # group -> why its statements are one
    # catalog event -> the open statements of its sentences it took (told by its mention's quote already)
    absorbed: dict[str, int] = field(default_factory=dict)
    # the statement pairs the last grouping found, and the days they were found with: a later grouping
    # scores again only the statements whose days have changed since (statements.py)
    scored: tuple[dict[int, Interval], list[Any]] | None = None
    _members: dict[int, list[int]] | None = None

    def catalog_groups(self) -> dict[str, list[int]]:
        groups: dict[str, list[int]] = defaultdict(list)
        for index, entry in enumerate(self.entries):
            if entry.event_type is not None:
                groups[entry.event_type].append(index)
        return groups

    def regroup(self, groups: dict[int, int], reasons: dict[int, list[str]]) -> None:
        self.groups, self.reasons, self._members = groups, reasons, None

    def automatic_groups(self) -> dict[int, list[int]]:
        """Each automatic event's statements (by the smallest index among them), computed once a grouping."""
        if self._members is None:
            members: dict[int, list[int]] = defaultdict(list)
            for index, group in self.groups.items():
                members[group].append(index)
            self._members = {group: sorted(indices) for group, indices in members.items()}
        return self._members

    def group_interval(self, indices: Iterable[int]) -> Interval | None:
        interval, _ = combine([self.intervals[i] for i in indices if i in self.intervals])
        return interval

    def published(self) -> dict[str, str | None]:
        return {doc.id: doc.published for doc in self.documents}


def ingest(analyses: Iterable[DocumentAnalysis], spool: MentionSpool) -> MergeState:
    """Documents and mentions in a stable order, whatever the input order: by document id and path, and
    mentions by document, position and type (ties keep the order of the analyses, then of their mentions).
    """
    documents: list[tuple[tuple[str, str, int], DocumentFields]] = []
    entries: list[tuple[tuple[str, int, str, str, int, str, str, int, int], Entry]] = []
    absorbed: dict[str, int] = defaultdict(int)
    for sequence, analysis in enumerate(analyses):
        document = analysis.document
        published = document.published.isoformat() if document.published else None
        fields = DocumentFields(
            document.id, document.path, document.title, document.source, published, document.published_source
        )
        documents.append(((document.id, document.path, sequence), fields))
        read = []
        catalog = [mention for mention in analysis.mentions if mention.event_type is not None]
        for position, mention in enumerate(analysis.mentions):
            taken_by = _catalog_sentence(mention, catalog)
            if taken_by is not None:
                absorbed[taken_by] += 1
                continue
            timex_start = mention.timex.start if mention.timex else -1
            key = (mention.doc, mention.start, mention.event_type or "", mention.title, timex_start)
            entry = _entry(mention, spool)
            read.append((mention, entry))
            entries.append(((*key, document.id, document.path, sequence, position), entry))
        _share_sentences(read)
    documents.sort(key=lambda pair: pair[0])
    entries.sort(key=lambda pair: pair[0])
    return MergeState(
        documents=[fields for _, fields in documents],
        entries=[entry for _, entry in entries],
        spool=spool,
        absorbed=absorbed,
    )


def _catalog_sentence(mention: Mention, catalog: list[Mention]) -> str | None:
    """The catalog event whose mention shares the open statement's sentence, if any: the statement is
    part of what that mention quotes ("Anthropic published its call on Thursday, drawing backlash"), not a
    happening of its own that another event should repeat."""
    if mention.event_type is not None:
        return None
    start = mention.sentence_start if mention.sentence_start is not None else mention.start
    end = mention.sentence_end if mention.sentence_end is not None else mention.end
    return next((found.event_type for found in catalog if found.start < end and start < found.end), None)


def _share_sentences(read: list[tuple[Mention, Entry]]) -> None:
    """Each open statement's `sentence`: the tokens of all the statements of its sentence, one tuple they
    share (the text itself is not kept for the merge: its clauses' statements stand for it)."""
    by_sentence: dict[tuple[int, int], list[Entry]] = defaultdict(list)
    for mention, entry in read:
        start, end = mention.sentence_start, mention.sentence_end
        if entry.event_type is None and start is not None and end is not None:
            by_sentence[(start, end)].append(entry)
    for clauses in by_sentence.values():
        if len(clauses) > 1:
            tokens = tuple(sorted({token for entry in clauses for token in entry.features}))
            for entry in clauses:
                entry.sentence = tokens


def _entry(mention: Mention, spool: MentionSpool) -> Entry:
    anchor = mention.timex.anchor if mention.timex is not None else None
    on_event = anchor is not None and anchor.kind == "event" and None not in (anchor.offset, anchor.relation)
    interval = parse_interval(mention.earliest, mention.latest)
    value = mention.timex.value if mention.timex is not None else None
    open_statement = mention.event_type is None
    # a catalog mention's tokens too: an automatic event telling its happening is its (precedence.py)
    core, features = statement_features(mention)
    return Entry(
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
        interval=interval,
        inherited=mention.time_inherited,
        pattern=sys.intern(value) if open_statement and interval is None and value and "X" in value else None,
        core=core,
        features=features,
        sentence=features,
        sentence_at=mention.sentence_start if mention.sentence_start is not None else mention.start,
        subject=title_subject(mention.title) if open_statement else None,
        spooled=spool.add(mention),
    )
