"""Open statements: one per clause with a real predicate, whether or not the clause has a time expression.

Each statement says what happened (`predicate`), who took part (`participants`), in which kind of clause
(`clause`), how it is asserted (`tense`, `modality`), and when, by the clause's own time expression or by
the date in view (`timing.py`; `time_inherited`). Its quote is its own clause, so two statements of one
sentence ("The ministry announced on Wednesday | that lenders had rejected the offer") quote, date and
title different words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from timeline.corpus.models import Document
from timeline.events.anchored import anchored_statements
from timeline.events.clauses import ClauseInfo
from timeline.events.facts import SentenceFacts
from timeline.events.language import cues
from timeline.events.models import Mention
from timeline.events.participants import names
from timeline.events.phrases import Span, Token
from timeline.events.predicates import Predicate, find_predicate, verb_of_noun
from timeline.events.quoting import build_mention
from timeline.events.sentence import SentenceIndex, reach
from timeline.events.tense import Tense
from timeline.events.timing import (
    Aspect,
    DateInView,
    Dating,
    aspect,
    can_date,
    deictic_dating,
    modifies_noun,
    nearest,
    own_dating,
    relative_relation,
    reported_relation,
)
from timeline.events.titles import antecedent, headline
from timeline.events.words import verb_form
from timeline.temporal.models import Timex

# the tense a statement's verb group gives it ("had rejected": past; "has signed": present)
TENSES: dict[Aspect, Tense] = {
    "past": "past",
    "past_perfect": "past",
    "perfect": "present",
    "present": "present",
    "future": "future",
}
COMPARED = (None,)  # negated, hedged, hypothetical and generic claims are not compared: no facts read
WHILE = frozenset({"when", "while", "whenever", "as"})  # "although" is of the same time too, but says no when
INFINITIVE_REACH = 7  # "was the first major record company to offer": words from a be-form to its "to"
HEDGES = frozenset({"reportedly", "allegedly", "apparently", "supposedly", "possibly", "probably", "likely"})


@dataclass
class ClauseReading:
    clause: int
    info: ClauseInfo
    tokens: list[Token]
    predicate: Predicate | None
    aspect: Aspect
    timex: Timex | None  # its own dating expression


def sentence_statements(
    document: Document,
    index: SentenceIndex,
    timexes: list[Timex],
    claimed: set[int],
    view: DateInView,
    known_names: frozenset[str],
    anchor_event: Callable[[Timex], str | None],
) -> list[Mention]:
    """The statements of one sentence, dated; `view` is updated with the dates its main clauses set."""
    if index.view.paragraph:
        view.new_paragraph()
    if index.view.heading:
        return []  # a section heading states nothing
    if view.lede and not index.view.headline and _continues(index.view.text):
        view.lede = False  # "As a result, the ministry placed ...": not the news, only by the day
    readings = _readings(index)
    datings = _datings(index, readings, view)
    statements = []
    times = [Span(timex.start, timex.end) for timex in timexes]
    kept = [
        reading
        for reading in readings.values()
        if reading.predicate is not None
        and reading.clause not in claimed
        # "it is only 9 mm thick": a state, not a happening
        and not (reading.predicate.stative and not _event_noun(reading) and reading.timex is None)
    ]
    titles = {reading.clause: _title(index, reading) for reading in kept}
    facts: SentenceFacts | None = None  # read once, when a statement that checks compare needs them
    for reading in kept:
        reported = next(
            (
                titles[other.clause]
                for other in kept
                if other.info.parent == reading.clause and other.info.kind == "reported"
            ),
            "",
        )
        title = _title(index, reading, reported) if reported else titles[reading.clause]
        dating = datings.get(reading.clause)
        mention = _statement(document, index, reading, dating, title, times, known_names, anchor_event)
        if mention.modality in COMPARED:
            facts = facts or SentenceFacts.read(index.view, timexes)
            mention = facts.attach(mention)
        statements.append(mention)
    statements += anchored_statements(document, index, timexes, datings, known_names)
    for reading in readings.values():
        if reading.info.kind == "main" and reading.predicate is not None:
            view.carry(datings.get(reading.clause), reading.aspect)
            if not index.view.headline:
                view.lede = False
    return statements


def _readings(index: SentenceIndex) -> dict[int, ClauseReading]:
    readings: dict[int, ClauseReading] = {}
    for clause in sorted(index.tokens_by_clause):
        tokens = index.clause_tokens(clause)
        predicate = find_predicate(tokens, index.view.text, index.view.start)
        info = index.clauses.info[clause]
        clause_aspect = aspect(tokens, predicate.first, predicate.head) if predicate else "none"
        if predicate is not None and predicate.modal == "would" and info.kind == "reported":
            clause_aspect = "future"  # "said it would cut jobs": the future seen from the report
        dating = [
            timex
            for timex in index.timexes_by_clause.get(clause, [])
            if can_date(timex) and not modifies_noun(timex, index.view)
        ]
        timex = nearest(dating, tokens[predicate.head] if predicate else tokens[0])
        readings[clause] = ClauseReading(clause, info, tokens, predicate, clause_aspect, timex)
    return readings


def _datings(index: SentenceIndex, readings: dict[int, ClauseReading], view: DateInView) -> dict[int, Dating]:
    """Each clause's dating, the clauses it depends on first; main clauses in order, so a date set early in
    the sentence is in view for the main clauses after it."""
    datings: dict[int, Dating | None] = {}
    local: Dating | None = None

    def resolve(clause: int, depth: int = 0) -> Dating | None:
        if clause in datings:
            return datings[clause]
        reading = readings.get(clause)
        if reading is None or depth > len(readings):
            return None
        datings[clause] = None  # guards a cycle
        result = _dating(reading, lambda parent: resolve(parent, depth + 1), view, local, index.view.headline)
        datings[clause] = result
        return result

    for clause, reading in readings.items():
        if reading.info.kind == "main":
            local = _while_dated(readings, clause) or local
            dating = resolve(clause)
            # "iOS 5 will be released in the fall; Apple announced no new hardware": what will happen then
            # does not date what has happened
            if dating is not None and not dating.inherited and reading.aspect not in ("future", "modal"):
                local = dating
    for clause in readings:
        resolve(clause)
    return {clause: dating for clause, dating in datings.items() if dating is not None}


def _continues(text: str) -> bool:
    """Does the sentence open with a word that goes on from something said before ("However, ...")?"""
    lowered = text.lower()
    return any(
        lowered.startswith(opener) and not lowered[len(opener) : len(opener) + 1].isalnum()
        for opener in cues().continuations
    )


def _while_dated(readings: dict[int, ClauseReading], clause: int) -> Dating | None:
    """ "When the council met on Tuesday, it approved ...": a clause of the same time, with its own date,
    dates the main clause it depends on."""
    for reading in readings.values():
        info = reading.info
        if info.parent == clause and info.kind == "subordinate" and info.cue in WHILE and reading.timex:
            link = f'"{info.cue}" clause, the same time'
            return replace(own_dating(reading.timex), link=link, inherited=True)
    return None


def _dating(
    reading: ClauseReading,
    parent_dating: Callable[[int], Dating | None],
    view: DateInView,
    local: Dating | None,
    headline: bool,
) -> Dating | None:
    info = reading.info
    parent = parent_dating(info.parent) if info.parent is not None and info.kind != "main" else None
    if reading.timex is not None:
        shifted = deictic_dating(reading.timex, parent or local, view.published)
        return shifted or own_dating(reading.timex)
    if info.kind == "main":
        if reading.aspect == "present" and not headline and not _progressive(reading):
            return None  # "Alignment refers to ...", "the phone has two cameras": a state, no event in time
        return view.for_main(reading.aspect, local, headline)
    if parent is None and info.kind == "relative":
        parent = local or view.narrative  # the noun's clause states a property: the date in view
    if parent is None:
        return None
    if info.kind == "reported":
        relation = reported_relation(reading.aspect)
        return parent.relate(relation, "reported by the clause dated") if relation else None
    if info.kind == "relative":
        relation = relative_relation(reading.aspect)
        return parent.relate(relation, "relative clause, by the clause dated") if relation else None
    if info.relation is None:
        return None
    return parent.relate(info.relation, f'"{info.cue}" clause, by the clause dated')


def _statement(
    document: Document,
    index: SentenceIndex,
    reading: ClauseReading,
    dating: Dating | None,
    title: str,
    times: list[Span],
    known_names: frozenset[str],
    anchor_event: Callable[[Timex], str | None],
) -> Mention:
    predicate = reading.predicate
    assert predicate is not None
    tokens, view = reading.tokens, index.view
    head = tokens[predicate.head]
    own = reading.timex
    reached = reach(own, view) if own is not None else None
    start, end = tokens[0].start, tokens[-1].end
    if reached is not None:
        start, end = min(start, reached.start), max(end, reached.end)
    participants = names(view.text, view.start, [*_antecedent(index, reading), *tokens], times, known_names)
    timex = dating.timex if dating is not None else None
    fields: dict[str, object] = {
        "title": title,
        "participants": participants,
        "predicate": predicate.lemma,
        "clause": reading.info.kind,
        "modality": _modality(reading, view.headline),
        "tense": TENSES.get(reading.aspect),
        "time_link": dating.link if dating is not None else None,
        "time_inherited": dating.inherited if dating is not None else False,
        "earliest": dating.earliest if dating is not None else None,
        "latest": dating.latest if dating is not None else None,
        "sentence_start": view.start,
        "sentence_end": view.end,
    }
    if own is not None:
        fields["anchor_event"] = anchor_event(own)
    return build_mention(document, Span(start, end), Span(head.start, head.end), timex, **fields)


def _antecedent(index: SentenceIndex, reading: ClauseReading) -> list[Token]:
    """A relative clause's noun: "the carrier, which filed", "an agreement reached in 1991" (not when the
    clause has a subject of its own: "which nobody expects"); a relation clause's subject ("comes as")."""
    predicate = reading.predicate
    info = reading.info
    if info.cue == "relation" and predicate is not None and predicate.first == 0 and info.parent is not None:
        return index.clause_tokens(info.parent)  # "Anthropic's call | comes as researchers demonstrated ..."
    if info.kind != "relative" or predicate is None or predicate.first > 1:
        return []
    return antecedent(index.view.text, index.view.start, index.view.tokens, reading.tokens[0].start)


def _title(index: SentenceIndex, reading: ClauseReading, reported: str = "") -> str:
    predicate = reading.predicate
    assert predicate is not None
    own = reach(reading.timex, index.view) if reading.timex is not None else None
    head = (predicate.first, predicate.head)
    subject = _antecedent(index, reading)
    return headline(index.view.text, index.view.start, reading.tokens, head, own, subject, reported)


def _event_noun(reading: ClauseReading) -> bool:
    """ "he would be on medical leave": a state whose complement names an event is about that event; so is
    one whose complement goes on with an infinitive ("was the first company to offer downloads", "is
    likely to go on sale")."""
    predicate = reading.predicate
    assert predicate is not None
    tokens = reading.tokens
    for at in range(predicate.head + 1, min(predicate.head + INFINITIVE_REACH, len(tokens))):
        verb = verb_of_noun(tokens[at].text) if at < predicate.head + 5 else None
        if verb is None and tokens[at].text == "to" and at + 1 < len(tokens):
            form = verb_form(tokens[at + 1].text)
            verb = form.lemma if form is not None and form.form == "base" else None
        if verb is not None and tokens[at].text.islower():
            reading.predicate = replace(predicate, lemma=verb, stative=False)
            return True
    return False


def _progressive(reading: ClauseReading) -> bool:
    """ "is calling", "are studying": what is happening now, not a general claim."""
    return reading.predicate is not None and reading.tokens[reading.predicate.head].text.endswith("ing")


def _modality(reading: ClauseReading, headline: bool) -> str | None:
    predicate = reading.predicate
    assert predicate is not None
    if reading.info.relation == "hypothetical":
        return "hypothetical"
    if predicate.negated:
        return "negated"
    modal = predicate.modal is not None and reading.aspect != "future"
    if modal or any(token.text.lower() in HEDGES for token in reading.tokens):
        return "hedged"
    if reading.aspect == "present" and reading.timex is None and reading.info.kind in ("main", "relative"):
        return None if _progressive(reading) or headline else "generic"
    return None
