"""Event mentions in one document: catalog events found by their triggers, and open dated statements.

Per sentence: catalog triggers are matched (lemma-aware), competing matches for the same words are
settled (longest trigger, then the nearest required participant), and each mention is linked to the
nearest time expression in its own clause. Clauses that carry a time expression no catalog mention
claimed become open statements, so a corpus gets a useful chronology with no catalog at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from lemminflect import getAllLemmas  # lemmas per part of speech: "signed" is a form of VERB "sign"

from timeline.corpus.models import Document, Sentence
from timeline.events.catalog import Catalog, CatalogEvent
from timeline.events.clauses import Clauses
from timeline.events.language import cues
from timeline.events.models import Mention
from timeline.events.phrases import PhraseSet, Span, Token, tokenize
from timeline.temporal.models import Timex

ANCHOR_GAP = 12  # characters between "one day before" and the event it names
_FALLBACK_SENTENCE = re.compile(r"[^\n]*?(?:[.!?](?=\s)|\n|$)")


@dataclass(frozen=True)
class CompiledEvent:
    event: CatalogEvent
    triggers: PhraseSet
    roles: dict[str, PhraseSet]  # role -> its aliases
    values: dict[str, dict[str, PhraseSet]]  # attribute -> value -> phrases


_compiled: dict[str, tuple[CompiledEvent, ...]] = {}


def _compile(catalog: Catalog) -> tuple[CompiledEvent, ...]:
    """Compiled once per catalog content (a worker process sees the same catalog for every document)."""
    if catalog.fingerprint not in _compiled:
        _compiled[catalog.fingerprint] = _compile_events(catalog)
    return _compiled[catalog.fingerprint]


def _compile_events(catalog: Catalog) -> tuple[CompiledEvent, ...]:
    return tuple(
        CompiledEvent(
            event=event,
            triggers=PhraseSet(event.triggers),
            roles={role: PhraseSet(aliases) for role, aliases in event.participants.items()},
            values={
                attribute: {value: PhraseSet(phrases) for value, phrases in vocabulary.items()}
                for attribute, vocabulary in event.attributes.items()
            },
        )
        for event in catalog.events
    )


@dataclass(frozen=True)
class SentenceView:
    start: int
    end: int
    text: str
    tokens: list[Token]
    context: list[tuple[str, list[Token], int]]  # where participants may be named: (text, tokens, offset)


@dataclass(frozen=True)
class Candidate:
    compiled: CompiledEvent
    trigger: Span
    participant_distance: int


def extract_mentions(document: Document, timexes: list[Timex], catalog: Catalog) -> list[Mention]:
    """Every catalog mention and open statement in `document`, in text order."""
    compiled = _compile(catalog)
    dating = [timex for timex in timexes if _can_date(timex)]
    mentions: list[Mention] = []
    previous: SentenceView | None = None
    for sentence in _sentences(document):
        view = _view(document.text, sentence, previous)
        previous = view
        clauses = Clauses(view.text, view.start)
        in_sentence = [timex for timex in dating if view.start <= timex.start < view.end]
        found, claimed, accepted = _catalog_mentions(document, view, clauses, in_sentence, compiled)
        mentions.extend(found)
        mentions.extend(_open_statements(document, view, clauses, in_sentence, claimed, accepted))
    return sorted(mentions, key=lambda mention: (mention.start, mention.event_type or "", mention.title))


def _can_date(timex: Timex) -> bool:
    """Dates and times place an event, as does "one day before <event>"; durations and sets do not."""
    if timex.anchor is not None and timex.anchor.kind == "event":
        return True
    return timex.type in ("DATE", "TIME") and timex.value not in cues().vague_values


def _reach(timex: Timex, view: SentenceView) -> Span:
    """The expression's span, extended over the event it is anchored to ("one day before <event>")."""
    if timex.anchor is None or timex.anchor.kind != "event" or not timex.anchor.ref:
        return Span(timex.start, timex.end)
    found = view.text.find(timex.anchor.ref, timex.end - view.start)
    if found == -1 or found - (timex.end - view.start) > ANCHOR_GAP:
        return Span(timex.start, timex.end)
    return Span(timex.start, view.start + found + len(timex.anchor.ref))


def _sentences(document: Document) -> list[Sentence]:
    if document.sentences:
        return document.sentences
    spans = [match.span() for match in _FALLBACK_SENTENCE.finditer(document.text)]
    return [Sentence(start=start, end=end) for start, end in spans if document.text[start:end].strip()]


def _view(text: str, sentence: Sentence, previous: SentenceView | None) -> SentenceView:
    start, end = sentence.start, sentence.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    body = text[start:end]
    tokens = tokenize(body, start)
    context = [(body, tokens, start)]
    if previous is not None and tokens and tokens[0].text.lower() in cues().pronoun_starts:
        # "He also signed an executive order": whoever the previous sentence named may be meant
        context.append((previous.text, previous.tokens, previous.start))
    return SentenceView(start, end, body, tokens, context)


def _catalog_mentions(
    document: Document,
    view: SentenceView,
    clauses: Clauses,
    timexes: list[Timex],
    compiled: Sequence[CompiledEvent],
) -> tuple[list[Mention], set[int], list[Candidate]]:
    """The sentence's catalog mentions, the start offsets of the time expressions they claimed, and the
    accepted trigger matches."""
    candidates = [
        candidate
        for event in compiled
        for trigger in event.triggers.find(view.text, view.tokens, view.start)
        if (candidate := _candidate(event, trigger, view)) is not None
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
    accepted: list[Candidate] = []
    for candidate in candidates:
        if not any(_overlap(candidate.trigger, other.trigger) for other in accepted):
            accepted.append(candidate)
    links = {id(candidate): _time_link(candidate, accepted, clauses, timexes, view) for candidate in accepted}
    best: dict[str, Candidate] = {}
    for candidate in sorted(accepted, key=lambda c: c.trigger.start):
        event_id = candidate.compiled.event.id
        # one mention per event per sentence: the first dated trigger, else the first trigger
        if event_id not in best or (links[id(best[event_id])] is None and links[id(candidate)] is not None):
            best[event_id] = candidate
    mentions = []
    claimed: set[int] = set()
    for candidate in best.values():
        link = links[id(candidate)]
        if link is not None:
            claimed.add(link[0].start)
        mentions.append(_catalog_mention(document, view, candidate, link, accepted))
    return mentions, claimed, accepted


def _candidate(event: CompiledEvent, trigger: Span, view: SentenceView) -> Candidate | None:
    distance = 0
    for role in event.event.require:
        spans = [
            (span, offset == view.start)
            for text, tokens, offset in view.context
            for span in event.roles[role].find(text, tokens, offset)
        ]
        if not spans:
            return None
        # a participant named in the sentence itself is nearer than one in the previous sentence
        distance += min(_gap(span, trigger) if here else len(view.text) for span, here in spans)
    return Candidate(event, trigger, distance)


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _gap(a: Span | Timex, b: Span | Timex) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def _time_link(
    candidate: Candidate,
    accepted: list[Candidate],
    clauses: Clauses,
    timexes: list[Timex],
    view: SentenceView,
) -> tuple[Timex, str] | None:
    """The nearest time expression in the trigger's clause, unless another event's trigger is nearer to it."""
    trigger = candidate.trigger
    clause = clauses.clause_at(trigger.start)
    options = [
        timex
        for timex in timexes
        if clauses.clause_at(timex.start) == clause and not _inside(trigger, _reach(timex, view))
    ]
    if not options:
        return None
    timex = min(options, key=lambda t: (_gap(t, trigger), t.start))
    distance = _gap(timex, trigger)
    rivals = [
        other
        for other in accepted
        if other.compiled.event.id != candidate.compiled.event.id
        and clauses.clause_at(other.trigger.start) == clause
        and _gap(timex, other.trigger) < distance
        and not _inside(other.trigger, _reach(timex, view))  # the event the expression is anchored to
    ]
    if rivals:
        return None
    side = "after" if timex.start >= trigger.end else "before"
    return timex, f"nearest time expression in the same clause, {distance} characters {side} the trigger"


def _anchor_event(timex: Timex | None, accepted: list[Candidate], view: SentenceView) -> str | None:
    """For "one day before Anthropic published its post": the catalog event named inside the expression."""
    if timex is None or timex.anchor is None or timex.anchor.kind != "event":
        return None
    reach = _reach(timex, view)
    inside = [c for c in accepted if _inside(c.trigger, reach)]
    return min(inside, key=lambda c: c.trigger.start).compiled.event.id if inside else None


def _catalog_mention(
    document: Document,
    view: SentenceView,
    candidate: Candidate,
    link: tuple[Timex, str] | None,
    accepted: list[Candidate],
) -> Mention:
    compiled = candidate.compiled
    participants = sorted(
        {
            aliases[0]
            for role, aliases in compiled.event.participants.items()
            for text, tokens, offset in view.context
            if compiled.roles[role].find(text, tokens, offset)
        }
    )
    attributes: dict[str, str] = {}
    terms: list[str] = []
    for attribute, values in compiled.values.items():
        found = sorted(
            (spans[0].start, value)
            for value, phrases in values.items()
            if (spans := phrases.find(view.text, view.tokens, view.start))
        )
        if found:
            attributes[attribute] = found[0][1]
            terms.extend(value for _, value in found)
    timex, reason = link if link is not None else (None, None)
    return _mention(
        document,
        view,
        timex,
        event_type=compiled.event.id,
        title=compiled.event.title,
        participants=participants,
        attributes=attributes,
        terms=sorted(set(terms)),
        anchor_event=_anchor_event(timex, accepted, view),
        time_link=reason,
    )


def _mention(document: Document, view: SentenceView, timex: Timex | None, **fields: object) -> Mention:
    """A mention quoting its whole sentence, located in the original file."""
    line, column = document.locate(view.start)
    return Mention.model_validate(
        {
            "doc": document.id,
            "path": document.path,
            "line": line,
            "column": column,
            "start": view.start,
            "end": view.end,
            "quote": view.text,
            "timex": timex,
            "time_text": timex.text if timex is not None else None,
            "earliest": timex.earliest if timex is not None else None,
            "latest": timex.latest if timex is not None else None,
            **fields,
        }
    )


def _open_statements(
    document: Document,
    view: SentenceView,
    clauses: Clauses,
    timexes: list[Timex],
    claimed: set[int],
    accepted: list[Candidate],
) -> list[Mention]:
    statements = []
    for timex in timexes:
        if timex.start in claimed:
            continue
        anchored = timex.anchor is not None and timex.anchor.kind == "event"
        resolvable_later = anchored or (document.published is None and "X" in timex.value)
        if timex.earliest is None and not resolvable_later:
            continue  # no position in time now, and no anchor or publication window could give it one
        clause = clauses.clause_at(timex.start)
        reach = _reach(timex, view)
        words = [
            token
            for index, token in enumerate(view.tokens)
            if clauses.clause_at(token.start) == clause
            and not (reach.start <= token.start < reach.end)
            and not _introduces(view.tokens[index + 1 :], token, reach)
        ]
        if not _is_statement(words):
            continue
        statements.append(
            _mention(
                document,
                view,
                timex,
                title=_summary(view, words),
                anchor_event=_anchor_event(timex, accepted, view),
                time_link="open statement: the time expression of this clause",
            )
        )
    return statements


def _introduces(following: list[Token], token: Token, reach: Span) -> bool:
    """ "on" in "on Tuesday": a preposition right before the time expression."""
    next_start = following[0].start if following else None
    return next_start == reach.start and token.text.lower() in cues().time_prepositions


def _is_statement(words: list[Token]) -> bool:
    """Has a finite verb: an inflected verb form in lowercase ("said", "signed", "plans") or an auxiliary."""
    auxiliaries = cues().auxiliaries
    return any(
        token.text in auxiliaries or (token.text.islower() and _is_inflected_verb(token.text))
        for token in words
    )


@cache
def _is_inflected_verb(word: str) -> bool:
    return any(lemma != word for lemma in getAllLemmas(word).get("VERB", ()))


def _summary(view: SentenceView, words: list[Token]) -> str:
    """The clause's first words without its time expression, keeping "Anthropic's" and "U.S." whole."""
    language = cues()
    while words and words[0].text.lower() in language.summary_drop_leading:
        words = words[1:]
    kept = words[: language.summary_words]
    parts: list[str] = []
    for before, token in zip([None, *kept], kept, strict=False):
        if before is not None:
            between = view.text[before.end - view.start : token.start - view.start]
            # adjacent words keep their own punctuation; across a removed time expression, one space
            parts.append(between if (len(between) <= 2 and not between.isspace()) or between == " " else " ")
        parts.append(token.text)
    return "".join(parts) + (" …" if len(words) > len(kept) else "")
