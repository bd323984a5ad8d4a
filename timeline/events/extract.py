"""Event mentions in one document: catalog events found by their triggers, and open dated statements.

Per sentence: catalog triggers are matched (lemma-aware), competing matches for the same words are
settled (longest trigger, then the nearest required participant), and each mention is linked to the
nearest time expression in its own clause. Clauses that carry a time expression no catalog mention
claimed become open statements, so a corpus gets a useful chronology with no catalog at all.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import islice

from lemminflect import getAllLemmas  # lemmas per part of speech: "signed" is a form of VERB "sign"

from timeline.corpus.models import Document, Sentence
from timeline.events.catalog import Catalog, CatalogEvent
from timeline.events.clauses import Clauses
from timeline.events.language import cues
from timeline.events.models import Mention
from timeline.events.phrases import PhraseSet, Span, Token, tokenize
from timeline.events.tense import Tense, clause_tense
from timeline.temporal.models import Timex

ANCHOR_GAP = 12  # characters between "one day before" and the event it names
QUOTE_CHARS = 600  # a longer sentence is quoted around the mention (a run-on "sentence" can be megabytes)
NEIGHBOURS = 4  # time expressions tried on each side of a trigger (sorted by start, ends can vary)
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


@dataclass
class SentenceIndex:
    """Per-sentence lookups, so the work per trigger or time expression does not grow with the sentence."""

    view: SentenceView
    clauses: Clauses
    clause_of_token: list[int]
    tokens_by_clause: dict[int, list[int]]  # clause -> token indices
    verbs_by_clause: dict[int, list[int]]  # clause -> indices of finite-verb tokens
    token_starts: list[int]
    timexes_by_clause: dict[int, list[Timex]]
    role_spans: dict[tuple[str, str], list[tuple[Span, bool]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Candidate:
    compiled: CompiledEvent
    trigger: Span
    participant_distance: int


def extract_mentions(document: Document, timexes: list[Timex], catalog: Catalog) -> list[Mention]:
    """Every catalog mention and open statement in `document`, in text order."""
    compiled = _compile(catalog)
    dating = sorted((timex for timex in timexes if _can_date(timex)), key=lambda timex: timex.start)
    dating_starts = [timex.start for timex in dating]
    mentions: list[Mention] = []
    previous: SentenceView | None = None
    for sentence in _sentences(document):
        view = _view(document.text, sentence, previous)
        previous = view
        in_sentence = dating[
            bisect.bisect_left(dating_starts, view.start) : bisect.bisect_left(dating_starts, view.end)
        ]
        index = _index(view, in_sentence)
        found, claimed, accepted = _catalog_mentions(document, index, compiled)
        mentions.extend(found)
        mentions.extend(_open_statements(document, index, in_sentence, claimed, accepted))
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
    after = timex.end - view.start
    found = view.text.find(timex.anchor.ref, after, after + ANCHOR_GAP + len(timex.anchor.ref))
    if found == -1:
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


def _index(view: SentenceView, timexes: list[Timex]) -> SentenceIndex:
    clauses = Clauses(view.text, view.start)
    clause_of_token = [clauses.clause_at(token.start) for token in view.tokens]
    tokens_by_clause: dict[int, list[int]] = defaultdict(list)
    verbs_by_clause: dict[int, list[int]] = defaultdict(list)
    for position, (token, clause) in enumerate(zip(view.tokens, clause_of_token, strict=True)):
        tokens_by_clause[clause].append(position)
        if _is_finite_verb(token.text):
            verbs_by_clause[clause].append(position)
    timexes_by_clause: dict[int, list[Timex]] = defaultdict(list)
    for timex in timexes:
        timexes_by_clause[clauses.clause_at(timex.start)].append(timex)
    return SentenceIndex(
        view=view,
        clauses=clauses,
        clause_of_token=clause_of_token,
        tokens_by_clause=tokens_by_clause,
        verbs_by_clause=verbs_by_clause,
        token_starts=[token.start for token in view.tokens],
        timexes_by_clause=timexes_by_clause,
    )


def _catalog_mentions(
    document: Document, index: SentenceIndex, compiled: Sequence[CompiledEvent]
) -> tuple[list[Mention], set[int], list[Candidate]]:
    """The sentence's catalog mentions, the start offsets of the time expressions they claimed, and the
    accepted trigger matches (sorted by start)."""
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
        if not any(_overlap(candidate.trigger, other.trigger) for other in neighbours):
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
        if link is not None:
            claimed.add(link[0].start)
        mentions.append(_catalog_mention(document, index, candidate, link, accepted))
    return mentions, claimed, accepted


def _trigger_start(candidate: Candidate) -> int:
    return candidate.trigger.start


def _timex_start(timex: Timex) -> int:
    return timex.start


def _candidate(event: CompiledEvent, trigger: Span, index: SentenceIndex) -> Candidate | None:
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
        distance += min(_gap(span, trigger) if here else len(index.view.text) for span, here in spans)
    return Candidate(event, trigger, distance)


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _gap(a: Span | Timex, b: Span | Timex) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def _time_link(
    candidate: Candidate, accepted: list[Candidate], index: SentenceIndex
) -> tuple[Timex, str] | None:
    """The nearest time expression in the trigger's clause, unless another event's trigger is nearer to it."""
    trigger = candidate.trigger
    clause = index.clauses.clause_at(trigger.start)
    in_clause = index.timexes_by_clause.get(clause, [])
    position = bisect.bisect_left(in_clause, trigger.start, key=_timex_start)
    nearby = in_clause[max(position - NEIGHBOURS, 0) : position + NEIGHBOURS]
    options = [timex for timex in nearby if not _inside(trigger, _reach(timex, index.view))]
    if not options:
        return None
    timex = min(options, key=lambda t: (_gap(t, trigger), t.start))
    distance = _gap(timex, trigger)
    if _has_rival(candidate, timex, distance, accepted, index):
        return None
    side = "after" if timex.start >= trigger.end else "before"
    return timex, f"nearest time expression in the same clause, {distance} characters {side} the trigger"


def _has_rival(
    candidate: Candidate, timex: Timex, distance: int, accepted: list[Candidate], index: SentenceIndex
) -> bool:
    """Another event's trigger in the same clause is nearer to the time expression than this one."""
    reach = _reach(timex, index.view)
    clause = index.clauses.clause_at(candidate.trigger.start)
    position = bisect.bisect_left(accepted, timex.start, key=_trigger_start)
    # accepted triggers do not overlap, so gaps only grow walking away from the expression
    for step in (-1, 1):
        at = position - 1 if step < 0 else position
        while 0 <= at < len(accepted):
            other = accepted[at]
            if _gap(timex, other.trigger) >= distance:
                break
            rival = (
                other.compiled.event.id != candidate.compiled.event.id
                and index.clauses.clause_at(other.trigger.start) == clause
                and not _inside(other.trigger, reach)  # the event the expression is anchored to
            )
            if rival:
                return True
            at += step
    return False


def _anchor_event(timex: Timex | None, accepted: list[Candidate], view: SentenceView) -> str | None:
    """For "one day before Anthropic published its post": the catalog event named inside the expression."""
    if timex is None or timex.anchor is None or timex.anchor.kind != "event":
        return None
    reach = _reach(timex, view)
    first = bisect.bisect_left(accepted, reach.start, key=_trigger_start)
    for candidate in accepted[first:]:
        if candidate.trigger.start >= reach.end:
            break
        if _inside(candidate.trigger, reach):
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
    return _mention(
        document,
        view,
        candidate.trigger,
        timex,
        event_type=compiled.event.id,
        title=compiled.event.title,
        participants=participants,
        attributes=attributes,
        attribute_values=attribute_values,
        terms=sorted(set(terms)),
        anchor_event=_anchor_event(timex, accepted, view),
        time_link=reason,
        tense=_tense(index, candidate.trigger),
    )


def _mention(
    document: Document, view: SentenceView, focus: Span, timex: Timex | None, **fields: object
) -> Mention:
    """A mention quoting its sentence (or, for a very long one, the part around it), located in the file."""
    start, end = view.start, view.end
    if end - start > QUOTE_CHARS:
        covered = Span(min(focus.start, timex.start), max(focus.end, timex.end)) if timex else focus
        margin = max((QUOTE_CHARS - (covered.end - covered.start)) // 2, 0)
        start = max(view.start, covered.start - margin)
        end = min(view.end, covered.end + margin)
        # whole words at the edges
        while start > view.start and document.text[start - 1].isalnum():
            start -= 1
        while end < view.end and document.text[end].isalnum():
            end += 1
    line, column = document.locate(start)
    return Mention.model_validate(
        {
            "doc": document.id,
            "path": document.path,
            "line": line,
            "column": column,
            "start": start,
            "end": end,
            "quote": document.text[start:end],
            "timex": timex,
            "time_text": timex.text if timex is not None else None,
            "earliest": timex.earliest if timex is not None else None,
            "latest": timex.latest if timex is not None else None,
            **fields,
        }
    )


def _open_statements(
    document: Document,
    index: SentenceIndex,
    timexes: list[Timex],
    claimed: set[int],
    accepted: list[Candidate],
) -> list[Mention]:
    statements = []
    view = index.view
    for timex in timexes:
        if timex.start in claimed:
            continue
        anchored = timex.anchor is not None and timex.anchor.kind == "event"
        resolvable_later = anchored or (document.published is None and "X" in timex.value)
        if timex.earliest is None and not resolvable_later:
            continue  # no position in time now, and no anchor or publication window could give it one
        clause = index.clauses.clause_at(timex.start)
        reach = _reach(timex, view)
        positions = index.tokens_by_clause[clause]
        # the clause's words split around the expression (and the "on" of "on Tuesday")
        cut = bisect.bisect_left(positions, bisect.bisect_left(index.token_starts, reach.start))
        resume = bisect.bisect_left(positions, bisect.bisect_left(index.token_starts, reach.end))
        if cut > 0 and view.tokens[positions[cut - 1]].text.lower() in cues().time_prepositions:
            cut -= 1
        if not _has_verb_outside(index.verbs_by_clause.get(clause, []), positions, cut, resume):
            continue
        words = (view.tokens[positions[k]] for k in _skip_range(len(positions), cut, resume))
        statements.append(
            _mention(
                document,
                view,
                Span(timex.start, timex.end),
                timex,
                title=_summary(view, words),
                anchor_event=_anchor_event(timex, accepted, view),
                time_link="open statement: the time expression of this clause",
                tense=_tense(index, Span(timex.start, timex.end)),
            )
        )
    return statements


def _tense(index: SentenceIndex, focus: Span) -> Tense | None:
    """The tense of the verb group nearest `focus` in its clause (only a few words around it are read)."""
    positions = index.tokens_by_clause.get(index.clauses.clause_at(focus.start), [])
    first = bisect.bisect_left(positions, bisect.bisect_left(index.token_starts, focus.start))
    last = max(bisect.bisect_left(positions, bisect.bisect_left(index.token_starts, focus.end)) - 1, first)
    settings = cues().tense
    margin = settings.window_words + settings.group_words + 1
    low = max(first - margin, 0)
    nearby = [index.view.tokens[position] for position in positions[low : last + margin]]
    return clause_tense(nearby, index.view.text, index.view.start, (first - low, last - low))


def _skip_range(length: int, cut: int, resume: int) -> Iterator[int]:
    yield from range(cut)
    yield from range(resume, length)


def _has_verb_outside(verbs: list[int], positions: list[int], cut: int, resume: int) -> bool:
    """Has the clause a finite verb outside the removed time expression (token positions [cut, resume))?"""
    if not verbs:
        return False
    low = positions[cut] if cut < len(positions) else None
    high = positions[resume] if resume < len(positions) else None
    before = low is None or verbs[0] < low
    after = high is not None and verbs[-1] >= high
    return before or after


@cache
def _is_finite_verb(word: str) -> bool:
    """An inflected verb form in lowercase ("said", "signed", "plans") or an auxiliary."""
    if word in cues().auxiliaries:
        return True
    return word.islower() and any(lemma != word for lemma in getAllLemmas(word).get("VERB", ()))


def _summary(view: SentenceView, words: Iterator[Token]) -> str:
    """The clause's first words without its time expression, keeping "Anthropic's" and "U.S." whole."""
    language = cues()
    remaining = iter(words)
    first = next(remaining, None)
    while first is not None and first.text.lower() in language.summary_drop_leading:
        first = next(remaining, None)
    if first is None:
        return ""
    kept = [first, *islice(remaining, language.summary_words - 1)]
    more = next(remaining, None) is not None
    parts: list[str] = []
    for before, token in zip([None, *kept], kept, strict=False):
        if before is not None:
            between = view.text[before.end - view.start : token.start - view.start]
            # adjacent words keep their own punctuation; across a removed time expression, one space
            parts.append(between if (len(between) <= 2 and not between.isspace()) or between == " " else " ")
        parts.append(token.text)
    return "".join(parts) + (" …" if more else "")
