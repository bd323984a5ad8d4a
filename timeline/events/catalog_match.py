"""Catalog events found in a sentence by their triggers, each dated by the nearest time expression of its
own clause.

Catalog triggers are matched (lemma-aware), competing matches for the same words are settled (longest
trigger, then the nearest required participant), and each mention is linked to the nearest time expression
in its own clause, unless another event's trigger is nearer to it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.corpus.models import Document
from timeline.events.catalog import Catalog, CatalogEvent
from timeline.events.models import Mention
from timeline.events.phrases import PhraseSet, Span
from timeline.events.quoting import build_mention
from timeline.events.sentence import SentenceIndex, SentenceView, gap, inside, overlap, reach, tense_at
from timeline.temporal.models import Timex

RELATIVE_GAP = 2  # characters between a trigger and the relative clause about it (", which", " that")
NEIGHBOURS = 4  # time expressions tried on each side of a trigger (sorted by start, ends can vary)


@dataclass(frozen=True)
class CompiledEvent:
    event: CatalogEvent
    triggers: PhraseSet
    roles: dict[str, PhraseSet]  # role -> its aliases
    values: dict[str, dict[str, PhraseSet]]  # attribute -> value -> phrases


_compiled: dict[str, tuple[CompiledEvent, ...]] = {}


def compile_catalog(catalog: Catalog) -> tuple[CompiledEvent, ...]:
    """Compiled once per catalog content (a worker process sees the same catalog for every document)."""
    if catalog.fingerprint not in _compiled:
        _compiled[catalog.fingerprint] = _compile_events(catalog)
    return _compiled[catalog.fingerprint]


def _compile_events(catalog: Catalog) -> tuple[CompiledEvent, ...]:
    return tuple(
        CompiledEvent(
            event=event,
            triggers=PhraseSet(event.triggers, event.word_gap),
            roles={role: PhraseSet(aliases, event.word_gap) for role, aliases in event.participants.items()},
            values={
                attribute: {
                    value: PhraseSet(phrases, event.word_gap) for value, phrases in vocabulary.items()
                }
                for attribute, vocabulary in event.attributes.items()
            },
        )
        for event in catalog.events
    )


@dataclass(frozen=True)
class Candidate:
    compiled: CompiledEvent
    trigger: Span
    participant_distance: int


def catalog_mentions(
    document: Document, index: SentenceIndex, compiled: Sequence[CompiledEvent]
) -> tuple[list[Mention], set[int], list[Candidate]]:
    """The sentence's catalog mentions, the clauses they are in, and the accepted trigger matches (sorted by
    start)."""
    view = index.view
    candidates = [
        candidate
        for event in compiled
        for trigger in event.triggers.find(view.text, view.tokens, view.start)
        if (candidate := _candidate(event, trigger, index)) is not None
    ]
    # Two events matching the same words: the longer trigger wins, then the nearer required participant.
    candidates.sort(
        key=lambda c: (
            -(c.trigger.end - c.trigger.start),
            c.participant_distance,
            c.trigger.start,
            c.compiled.event.id,
        )
    )
    accepted: list[Candidate] = []  # kept sorted by start; accepted triggers never overlap
    for candidate in candidates:
        position = bisect.bisect_left(accepted, candidate.trigger.start, key=_trigger_start)
        neighbours = accepted[max(position - 1, 0) : position + 1]
        if not any(overlap(candidate.trigger, other.trigger) for other in neighbours):
            accepted.insert(position, candidate)
    links = {id(candidate): _time_link(candidate, accepted, index) for candidate in accepted}
    best: dict[str, Candidate] = {}
    for candidate in accepted:
        event_id = candidate.compiled.event.id
        # one mention per event per sentence: the first dated trigger, else the first trigger
        if event_id not in best or (links[id(best[event_id])] is None and links[id(candidate)] is not None):
            best[event_id] = candidate
    mentions = []
    claimed: set[int] = set()
    for candidate in best.values():
        link = links[id(candidate)]
        claimed.add(index.clauses.clause_at(candidate.trigger.start))
        mentions.append(_catalog_mention(document, index, candidate, link, accepted))
    return mentions, claimed, accepted


def _trigger_start(candidate: Candidate) -> int:
    return candidate.trigger.start


def _timex_start(timex: Timex) -> int:
    return timex.start


def _candidate(event: CompiledEvent, trigger: Span, index: SentenceIndex) -> Candidate | None:
    kinds = event.event.clauses
    if kinds is not None and index.clauses.info[index.clauses.clause_at(trigger.start)].kind not in kinds:
        return None  # `clauses: [main]`: a trigger in another kind of clause does not count
    distance = 0
    for role in event.event.require:
        key = (event.event.id, role)
        if key not in index.role_spans:
            index.role_spans[key] = [
                (span, offset == index.view.start)
                for text, tokens, offset in index.view.context
                for span in event.roles[role].find(text, tokens, offset)
            ]
        spans = index.role_spans[key]
        if not spans:
            return None
        # a participant named in the sentence itself is nearer than one in the previous sentence
        distance += min(gap(span, trigger) if here else len(index.view.text) for span, here in spans)
    return Candidate(event, trigger, distance)


def _time_link(
    candidate: Candidate, accepted: list[Candidate], index: SentenceIndex
) -> tuple[Timex, str] | None:
    """The nearest time expression in the trigger's clause, unless another event's trigger is nearer to it."""
    trigger = candidate.trigger
    clause = index.clauses.clause_at(trigger.start)
    in_clause = index.timexes_by_clause.get(clause, [])
    position = bisect.bisect_left(in_clause, trigger.start, key=_timex_start)
    nearby = in_clause[max(position - NEIGHBOURS, 0) : position + NEIGHBOURS]
    options = [timex for timex in nearby if not inside(trigger, reach(timex, index.view))]
    if not options:
        return _relative_time(trigger, clause, index)
    timex = min(options, key=lambda t: (gap(t, trigger), t.start))
    distance = gap(timex, trigger)
    if _has_rival(candidate, timex, distance, accepted, index):
        return None
    side = "after" if timex.start >= trigger.end else "before"
    return timex, f"nearest time expression in the same clause, {distance} characters {side} the trigger"


def _relative_time(trigger: Span, clause: int, index: SentenceIndex) -> tuple[Timex, str] | None:
    """ "a blacklist that is set to take effect in 2026", "the closure announced Tuesday": the relative
    clause right after the trigger says when its event happens."""
    following = index.clauses.clause_at(trigger.end + RELATIVE_GAP)
    info = index.clauses.info[following]
    if following == clause or info.kind != "relative" or info.parent != clause:
        return None
    timexes = index.timexes_by_clause.get(following, [])
    if not timexes:
        return None
    timex = min(timexes, key=lambda t: (gap(t, trigger), t.start))
    return timex, f"nearest time expression in the relative clause right after the trigger ({info.cue})"


def _has_rival(
    candidate: Candidate, timex: Timex, distance: int, accepted: list[Candidate], index: SentenceIndex
) -> bool:
    """Another event's trigger in the same clause is nearer to the time expression than this one."""
    reached = reach(timex, index.view)
    clause = index.clauses.clause_at(candidate.trigger.start)
    position = bisect.bisect_left(accepted, timex.start, key=_trigger_start)
    # accepted triggers do not overlap, so gaps only grow walking away from the expression
    for step in (-1, 1):
        at = position - 1 if step < 0 else position
        while 0 <= at < len(accepted):
            other = accepted[at]
            if gap(timex, other.trigger) >= distance:
                break
            rival = (
                other.compiled.event.id != candidate.compiled.event.id
                and index.clauses.clause_at(other.trigger.start) == clause
                and not inside(other.trigger, reached)  # the event the expression is anchored to
            )
            if rival:
                return True
            at += step
    return False


def anchor_event(timex: Timex | None, accepted: list[Candidate], view: SentenceView) -> str | None:
    """For "one day before Anthropic published its post": the catalog event named inside the expression."""
    if timex is None or timex.anchor is None or timex.anchor.kind != "event":
        return None
    reached = reach(timex, view)
    first = bisect.bisect_left(accepted, reached.start, key=_trigger_start)
    for candidate in accepted[first:]:
        if candidate.trigger.start >= reached.end:
            break
        if inside(candidate.trigger, reached):
            return candidate.compiled.event.id
    return None


def _catalog_mention(
    document: Document,
    index: SentenceIndex,
    candidate: Candidate,
    link: tuple[Timex, str] | None,
    accepted: list[Candidate],
) -> Mention:
    compiled = candidate.compiled
    view = index.view
    participants = sorted(
        {
            aliases[0]
            for role, aliases in compiled.event.participants.items()
            for text, tokens, offset in view.context
            if compiled.roles[role].find(text, tokens, offset)
        }
    )
    attributes: dict[str, str] = {}
    attribute_values: dict[str, list[str]] = {}
    terms: list[str] = []
    for attribute, values in compiled.values.items():
        found = sorted(
            (spans[0].start, value)
            for value, phrases in values.items()
            if (spans := phrases.find(view.text, view.tokens, view.start))
        )
        if found:
            attributes[attribute] = found[0][1]
            attribute_values[attribute] = list(dict.fromkeys(value for _, value in found))
            terms.extend(value for _, value in found)
    timex, reason = link if link is not None else (None, None)
    clause = index.clauses.clause_at(candidate.trigger.start)
    return build_mention(
        document,
        Span(view.start, view.end),
        candidate.trigger,
        timex,
        clause=index.clauses.info[clause].kind,
        event_type=compiled.event.id,
        title=compiled.event.title,
        participants=participants,
        attributes=attributes,
        attribute_values=attribute_values,
        terms=sorted(set(terms)),
        anchor_event=anchor_event(timex, accepted, view),
        time_link=reason,
        tense=tense_at(index, candidate.trigger),
    )
