"""Clause segmentation and clause kinds by punctuation, cue words and verb forms, with no parser.

A time expression dates only its own clause, and a clause's kind says how a clause without one is dated:
- main: the sentence's own statement;
- reported: what a reporting verb reports ("announced on Wednesday that lenders had rejected the offer",
  "said he will stay", '"We are ready," she said'); its parent is the reporting clause;
- relative: what a relative clause says of a noun (", which filed for protection", "an app that limits",
  "an agreement reached in 1991"); its parent is the clause the noun is in;
- subordinate: an adverbial or participle clause ("after the vote", ", drawing backlash", "if it fails"),
  with its time relation to its parent from `data/language.yaml`.
Boundaries are separators and cue words of `data/language.yaml`. Asides between a pair of dashes, from
", which" to the next comma, or a quotation inside a sentence get their own clause, and the clause they
interrupt resumes after them ("OpenAI — Anthropic's main rival — published a report").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from lemminflect import getAllInflections  # the written forms of the reporting verbs ("said", "says")

from timeline.events.language import Relation, cues
from timeline.events.models import ClauseKind
from timeline.events.phrases import Token
from timeline.events.words import (
    is_auxiliary,
    is_capitalised,
    is_determiner,
    is_function_word,
    is_preposition,
    verb_form,
    verb_in_context,
)

Action = Literal["close", "split", "open"]  # sorted in this order at one position
COORDINATE: Literal["coordinate"] = "coordinate"  # a split that continues the kind before it (", and")
QUOTES = re.compile(r"[\"“”]")
ADVERBS = frozenset(
    {"last", "first", "recently", "already", "also", "still", "just", "once", "later", "then"}
)
TRAILING_ADJUNCTS = frozenset(
    {"on", "in", "at", "during", "last", "this", "yesterday", "today", "earlier", "late"}
)
SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they", "there"})


@dataclass(frozen=True)
class ClauseInfo:
    kind: ClauseKind
    parent: int | None = None  # the clause this one depends on
    relation: Relation | None = None  # a subordinate clause's time relation to its parent
    cue: str | None = None  # the word that opened it ("that", "which", "after", "drawing")


@dataclass(frozen=True)
class Mark:
    position: int  # in the sentence
    action: Action
    kind: ClauseKind | Literal["coordinate"]
    relation: Relation | None = None
    cue: str | None = None

    def key(self) -> tuple[int, int]:
        return self.position, ("close", "split", "open").index(self.action)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    language = cues()
    words = "|".join(re.escape(word) for word in language.after_comma)
    phrases = "|".join(re.escape(phrase) for phrase in language.relation_phrases)
    exceptions = "".join(f"(?!{re.escape(word)}\\b)" for word in language.participle_exceptions)
    lead = r"(?:(?:[a-z]+ly|later|then|also|thereby|before|after|while|when)\s+)?"  # ", later revealing"
    participle = rf"|{lead}(?P<participle>{exceptions}[a-z]+ing)" if language.comma_participle else ""
    split = re.compile(
        rf",\s+(?=(?:(?P<word>{words}){participle})\b)|(?P<relation>\b(?=(?:{phrases})\b))|;",
        re.IGNORECASE,
    )
    dashes = "|".join(re.escape(dash) for dash in language.clause_separators if dash.strip() != ";")
    relative = re.compile(
        rf",\s+(?P<pronoun>{'|'.join(re.escape(word) for word in [*language.relative_pronouns, 'where'])})\b",
        re.IGNORECASE,
    )
    return split, re.compile(dashes), relative


def _punctuation_marks(sentence: str) -> list[Mark]:
    split, dash, relative = _patterns()
    subordinators = cues().clause_kinds.subordinators
    marks: list[Mark] = []
    for match in split.finditer(sentence):
        word = (match.group("word") or "").lower()
        if match.groupdict().get("participle"):
            marks.append(
                Mark(match.start(), "split", "subordinate", "same", match.group("participle").lower())
            )
        elif match.group("relation") is not None:
            marks.append(Mark(match.start(), "split", "subordinate", None, "relation"))
        elif word in subordinators:
            marks.append(Mark(match.start(), "split", "subordinate", subordinators[word], word))
        else:
            marks.append(Mark(match.start(), "split", COORDINATE, cue=word or ";"))
    dash_positions = [match.start() for match in dash.finditer(sentence)]
    for index, position in enumerate(dash_positions):
        paired = index % 2 == 0 and index + 1 < len(dash_positions)
        closing = index % 2 == 1
        action: Action = "open" if paired else "close" if closing else "split"
        marks.append(Mark(position, action, "subordinate" if paired else COORDINATE, "same"))
    for match in relative.finditer(sentence):
        end_comma = sentence.find(",", match.end())
        cue = match.group("pronoun").lower()
        marks.append(Mark(match.start(), "open" if end_comma != -1 else "split", "relative", cue=cue))
        if end_comma != -1:
            marks.append(Mark(end_comma, "close", "relative"))
    return marks


def _finite(token: Token) -> bool:
    if is_auxiliary(token.text):
        return True
    form = verb_form(token.text)
    return form is not None and form.form in ("past", "present") and not form.ambiguous


def _verb_like(token: Token) -> bool:
    """A finite verb, counting forms that double as nouns ("plans", "reports")."""
    form = verb_form(token.text)
    return is_auxiliary(token.text) or (form is not None and form.form in ("past", "present"))


def _starts_clause(tokens: Sequence[Token], first: int) -> bool:
    """Does a subject then a finite verb start at token `first` ("he will", "the new phone has")?"""
    if first >= len(tokens):
        return False
    word = tokens[first].text
    lowered = word.lower()
    no_subject = is_preposition(word) or lowered in ("to", "and", "or", "but", "that") or verb_form(lowered)
    if no_subject and not (lowered in SUBJECT_PRONOUNS or is_capitalised(word)):
        return False
    limit = min(first + 1 + cues().clause_kinds.subject_words, len(tokens))
    return any(
        _finite(tokens[at]) for at in range(first + 1 if word.lower() in SUBJECT_PRONOUNS else first, limit)
    )


def _reporting(token: Token, tokens: Sequence[Token] = (), index: int = 0) -> bool:
    """A form of a reporting verb, used as a verb ("the blog post": a noun) when `tokens` are given."""
    form = verb_form(token.text)
    if form is None or form.lemma not in cues().clause_kinds.reporting_verbs:
        return False
    return not (form.ambiguous and tokens) or verb_in_context(tokens, index)


def _word_marks(
    sentence: str, offset: int, tokens: Sequence[Token], times: Sequence[tuple[int, int]]
) -> list[Mark]:
    """Reported clauses after reporting verbs, relative "that/which/who" after a noun, subordinators."""
    language = cues().clause_kinds
    marks: list[Mark] = []
    claimed: set[int] = set()  # tokens already opening a clause
    for index, token in enumerate(tokens):
        if _reporting(token, tokens, index) and not _prenominal(sentence, offset, tokens, index):
            window = tokens[index + 1 : index + 1 + language.complement_words]
            between = [
                at
                for at, word in enumerate(window, index + 1)
                if word.text.lower() == "that"
                and ";" not in sentence[token.end - offset : word.start - offset]
            ]
            if between and between[0] in claimed:
                continue
            if between:
                claimed.add(between[0])
                marks.append(Mark(tokens[between[0]].start - offset, "split", "reported", cue="that"))
            elif (
                index + 1 < len(tokens)
                and not any(start <= tokens[index + 1].start < end for start, end in times)
                and _starts_clause(tokens, index + 1)
            ):
                gap = sentence[token.end - offset : tokens[index + 1].start - offset]
                if gap.strip() in ("", ","):
                    claimed.add(index + 1)
                    marks.append(Mark(tokens[index + 1].start - offset, "split", "reported", cue=token.text))
            continue
        lowered = token.text.lower()
        if index in claimed or index == 0:
            continue
        if lowered in ("and", "but") and index + 1 < len(tokens):
            # "welcomed everyone and announced ...", "said it would ... and that it will ..."
            verb = _finite(tokens[index + 1]) or tokens[index + 1].text.lower() == "that"
            if verb and not sentence[tokens[index - 1].end - offset : token.start - offset].strip():
                claimed.add(index + 1)
                marks.append(Mark(token.start - offset, "split", COORDINATE, cue=lowered))
            continue
        previous = tokens[index - 1]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        gap = sentence[previous.end - offset : token.start - offset].strip()
        if lowered in ("that", "which", "who") and following is not None and _noun_like(previous) and not gap:
            if _verb_like(following) or (following.text.endswith("ly") and _next_finite(tokens, index + 2)):
                marks.append(Mark(token.start - offset, "split", "relative", cue=lowered))
        elif _bare_subordinator(tokens, index, gap, times):
            relation = language.subordinators.get(lowered, "after")
            marks.append(Mark(token.start - offset, "split", "subordinate", relation, lowered))
    return marks


def _bare_subordinator(
    tokens: Sequence[Token], index: int, gap: str, times: Sequence[tuple[int, int]]
) -> bool:
    """ "... so I can focus", ", after the council voted": a subordinator the punctuation rules left, opening
    a clause (a subject, then a finite verb); not the "before" of "one day before the vote"."""
    lowered = tokens[index].text.lower()
    if lowered not in cues().clause_kinds.bare_subordinators or gap not in ("", ","):
        return False
    if gap == "," and lowered in cues().after_comma:
        return False  # a comma before it: the punctuation rules split there already
    if not gap and any(start <= tokens[index - 1].start < end for start, end in times):
        return False  # "one day before the vote"
    return _starts_clause(tokens, index + 1)


def _prenominal(sentence: str, offset: int, tokens: Sequence[Token], index: int) -> bool:
    """ "the recently announced iPhone", "pre-announced": a participle in a noun phrase reports nothing."""
    if index == 0:
        return False
    if sentence[tokens[index - 1].end - offset : tokens[index].start - offset] == "-":
        return True
    previous = tokens[index - 1].text
    adverb = previous.endswith("ly") and index > 1 and is_determiner(tokens[index - 2].text)
    return is_determiner(previous) or adverb


def _next_finite(tokens: Sequence[Token], index: int) -> bool:
    return index < len(tokens) and _finite(tokens[index])


def _noun_like(token: Token) -> bool:
    """Could end a noun phrase: a name, or a lowercase word that is no function word, cue word, adverb in
    -ly or finite verb."""
    if is_capitalised(token.text):
        return not is_function_word(token.text)
    lowered = token.text.lower()
    if lowered in _cue_words() or lowered.endswith("ly"):
        return False
    form = verb_form(token.text)
    return not (is_function_word(token.text) or is_auxiliary(token.text) or (form and not form.ambiguous))


@cache
def _cue_words() -> frozenset[str]:
    language = cues()
    return frozenset(
        {*language.after_comma, *language.relative_pronouns, *language.clause_kinds.subordinators, "where"}
    )


def _reduced_relatives(sentence: str, offset: int, tokens: Sequence[Token], marks: list[Mark]) -> list[Mark]:
    """ "an agreement reached in 1991", "figures released by the firm": a participle after a noun and before
    a preposition, in a clause that has its own finite verb, is a relative clause up to the next comma."""
    found: list[Mark] = []
    bounds = sorted({0, len(sentence), *(mark.position for mark in marks)})
    for index in range(1, len(tokens) - 1):
        token = tokens[index]
        form = verb_form(token.text)
        if form is None or not form.participle or not is_preposition(tokens[index + 1].text):
            continue
        previous = tokens[index - 1]
        if not (previous.text.islower() and _noun_like(previous) and previous.text not in ADVERBS):
            continue
        if any(
            is_auxiliary(t.text) or t.text.lower() in ("be", "been", "being")
            for t in tokens[index - 3 : index]
        ):
            continue  # "was last repaired in 2019": a passive, not a relative clause
        if sentence[previous.end - offset : token.start - offset] != " ":
            continue
        at = token.start - offset
        low = bounds[bisect.bisect_right(bounds, at) - 1]
        high = bounds[bisect.bisect_right(bounds, at)]
        others = [t for t in tokens if low <= t.start - offset < high and t is not token and _finite(t)]
        if not others:
            continue
        comma = sentence.find(",", at, high)
        end = comma if comma != -1 else high
        # "A report written by the ministry on June 3 describes ...": it ends before the clause's own verb
        verbs = [
            t.start - offset for t in tokens[index + 1 :] if t.start - offset < end and _present_or_finite(t)
        ]
        found.append(Mark(at, "open", "relative", cue=token.text.lower()))
        found.append(Mark(verbs[0] if verbs else end, "close", "relative"))
    return found


def _present_or_finite(token: Token) -> bool:
    form = verb_form(token.text)
    return _finite(token) or (form is not None and form.form == "present")


def _quotation_marks(sentence: str, offset: int, tokens: Sequence[Token]) -> list[Mark]:
    """A quotation with a finite verb, next to a reporting verb, is a reported clause."""
    quotes = [match.start() for match in QUOTES.finditer(sentence)]
    marks: list[Mark] = []
    starts = [token.start - offset for token in tokens]
    for first, last in zip(quotes[::2], quotes[1::2], strict=False):
        inside = tokens[bisect.bisect_left(starts, first) : bisect.bisect_left(starts, last)]
        if not any(_verb_like(token) for token in inside):
            continue
        before = tokens[max(bisect.bisect_left(starts, first) - 3, 0) : bisect.bisect_left(starts, first)]
        after = tokens[bisect.bisect_left(starts, last) : bisect.bisect_left(starts, last) + 3]
        if any(_reporting(token) for token in [*before, *after]):
            marks.append(Mark(first, "open", "reported", cue="quotation"))
            marks.append(Mark(last + 1, "close", "reported"))
    return marks


class Clauses:
    """Clause ids over one sentence: `clause_at(offset)` for an absolute text offset, `info[id]` its kind."""

    def __init__(
        self, sentence: str, offset: int, tokens: Sequence[Token] = (), times: Sequence[tuple[int, int]] = ()
    ) -> None:
        """`times`: the absolute spans of the sentence's time expressions (a clause never starts in one)."""
        marks = _punctuation_marks(sentence)
        marks += _word_marks(sentence, offset, tokens, times)
        marks += _quotation_marks(sentence, offset, tokens)
        opening = _opening(sentence, offset, tokens)
        trailing = _trailing_report(sentence, offset, tokens)
        for position in (opening, trailing):
            if position is not None:
                marks.append(Mark(position, "split", "main"))
        aside = _parenthetical_report(sentence)
        if aside is not None:
            marks += [Mark(aside[0], "open", "main"), Mark(aside[1], "close", "main")]
        marks += _reduced_relatives(sentence, offset, tokens, marks)
        marks.sort(key=Mark.key)
        self.starts: list[int] = [offset]
        self.ids: list[int] = [0]
        first = tokens[0].text.lower() if tokens and opening is not None else None
        relation = cues().clause_kinds.subordinators.get(first) if first else None
        self.info: list[ClauseInfo] = [
            ClauseInfo("subordinate", None, relation, first) if first else ClauseInfo("main")
        ]
        stack: list[int] = []
        current = 0
        for mark in marks:
            if mark.action == "close":
                if stack:
                    current = stack.pop()
            else:
                if mark.action == "open":
                    stack.append(current)
                self.info.append(self._dependent(mark, current))
                current = len(self.info) - 1
            self.starts.append(offset + mark.position)
            self.ids.append(current)
        if trailing is not None:
            self._report_before(offset + trailing)
        if aside is not None:
            self._report_around(self.clause_at(offset + aside[0]))
        self._attach_fronted()

    def _dependent(self, mark: Mark, current: int) -> ClauseInfo:
        if mark.kind == "main":
            return ClauseInfo("main")
        if mark.kind == "coordinate":
            here = self.info[current]
            return ClauseInfo(here.kind, here.parent, here.relation, mark.cue)
        return ClauseInfo(mark.kind, current, mark.relation, mark.cue)

    def _report_before(self, position: int) -> None:
        """'Lenders rejected the offer, the ministry said': the main clauses before the comma are reported
        by the clause after it."""
        reporter = self.clause_at(position)
        for clause, start in zip(self.ids, self.starts, strict=True):
            if start < position and self.info[clause].kind == "main" and clause != reporter:
                self.info[clause] = ClauseInfo("reported", reporter, None, "said")

    def _report_around(self, reporter: int) -> None:
        """'The switch, he said, would happen next year': the clause around the aside is reported by it."""
        for clause, info in enumerate(self.info):
            if info.kind == "main" and clause != reporter:
                self.info[clause] = ClauseInfo("reported", reporter, None, "said")

    def _attach_fronted(self) -> None:
        """A sentence opening with a subordinate clause ("After the vote, ...") or a quotation depends on
        the clause after it."""
        for clause, info in enumerate(self.info):
            if info.parent is None and info.kind != "main":
                following = next((i for i in self.ids if i > clause and self.info[i].kind == "main"), None)
                if following is not None:
                    self.info[clause] = ClauseInfo(info.kind, following, info.relation, info.cue)

    def clause_at(self, offset: int) -> int:
        return self.ids[max(bisect.bisect_right(self.starts, offset) - 1, 0)]


def _opening(sentence: str, offset: int, tokens: Sequence[Token]) -> int | None:
    """Where the main clause starts after an opening subordinate clause ("After the vote, the council
    ..."): at its first comma, when there is one within a few words; else None."""
    if not tokens or tokens[0].text.lower() not in cues().clause_kinds.subordinators:
        return None
    comma = sentence.find(",")
    reach = tokens[min(len(tokens) - 1, cues().tense.window_words * 2)].end - offset
    return comma if 0 < comma < reach else None


@cache
def _parenthetical_pattern() -> re.Pattern[str]:
    forms = sorted(
        {
            form
            for lemma in cues().clause_kinds.reporting_verbs
            for form in getAllInflections(lemma).get("VBD", ())
        }
        | {
            form
            for lemma in cues().clause_kinds.reporting_verbs
            for form in getAllInflections(lemma).get("VBZ", ())
        }
    )
    subject = r"(?:[a-z]{1,4}|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|(?:the|a|an)\s+[a-z]+)"
    verbs = "|".join(re.escape(form) for form in forms)
    return re.compile(rf",\s+{subject}\s+(?:{verbs})(?:\s+[a-z]+){{0,2}}\s*(,)")


def _parenthetical_report(sentence: str) -> tuple[int, int] | None:
    """The two commas around a reporting aside ("The switch, he said, would happen next year")."""
    match = _parenthetical_pattern().search(sentence)
    return (match.start(), match.start(1)) if match is not None else None


def _trailing_report(sentence: str, offset: int, tokens: Sequence[Token]) -> int | None:
    """The comma before a closing "..., the ministry said (on Wednesday)." with nothing reported after
    the verb: where the reporting clause starts, else None."""
    comma = sentence.rfind(",")
    if comma <= 0 or QUOTES.search(sentence):
        return None  # quotations are handled by the quotation rule
    tail = [token for token in tokens if token.start - offset > comma]
    if not tail or len(tail) > cues().clause_kinds.subject_words + 4 or tail[0].text.lower() in _cue_words():
        return None
    verbs = [
        at for at, token in enumerate(tail) if _reporting(token, tail, at) and not token.text.endswith("ing")
    ]
    if not verbs or verbs[0] > cues().clause_kinds.subject_words:
        return None
    after = tail[verbs[0] + 1 :]
    # nothing reported after the verb: "said", "said on Wednesday", "said Jobs", not "warned of risks"
    if after and not (after[0].text.lower() in TRAILING_ADJUNCTS or is_capitalised(after[0].text)):
        return None
    if any(token.text.lower() == "that" for token in tail[verbs[0] :]):
        return None
    return comma
