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

from lemminflect import getAllInflections  # the written forms of the reporting verbs ("said", "says")

from timeline.events.clause_marks import (
    QUOTES,
    SUBJECT_PRONOUNS,
    Mark,
    cue_words,
    inside_time,
    punctuation_marks,
    quotation_marks,
    reduced_relatives,
    reporting,
    verb_like,
    word_marks,
)
from timeline.events.language import Relation, cues
from timeline.events.models import ClauseKind
from timeline.events.phrases import Token
from timeline.events.words import FILLERS, is_capitalised

TRAILING_ADJUNCTS = frozenset(
    {"on", "in", "at", "during", "last", "this", "yesterday", "today", "earlier", "late"}
)


@dataclass(frozen=True)
class ClauseInfo:
    kind: ClauseKind
    parent: int | None = None  # the clause this one depends on
    relation: Relation | None = None  # a subordinate clause's time relation to its parent
    cue: str | None = None  # the word that opened it ("that", "which", "after", "drawing")


class Clauses:
    """Clause ids over one sentence: `clause_at(offset)` for an absolute text offset, `info[id]` its kind."""

    def __init__(
        self, sentence: str, offset: int, tokens: Sequence[Token] = (), times: Sequence[tuple[int, int]] = ()
    ) -> None:
        """`times`: the absolute spans of the sentence's time expressions (a clause never starts in one)."""
        marks = punctuation_marks(sentence)
        marks += word_marks(sentence, offset, tokens, times)
        marks += quotation_marks(sentence, offset, tokens)
        opening = _opening(sentence, offset, tokens, times)
        trailing = _trailing_report(sentence, offset, tokens)
        for position in (opening, trailing):
            if position is not None:
                marks.append(Mark(position, "split", "main"))
        aside = _parenthetical_report(sentence)
        if aside is not None:
            marks += [Mark(aside[0], "open", "main"), Mark(aside[1], "close", "main")]
        marks += reduced_relatives(sentence, offset, tokens, marks)
        marks.sort(key=Mark.key)
        self.starts: list[int] = [offset]
        self.ids: list[int] = [0]
        first = _opening_subordinator(tokens) if opening is not None else None
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
            if mark.with_reporter and here.kind == "reported" and here.parent is not None:
                here = self.info[here.parent]
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


def _opening(
    sentence: str, offset: int, tokens: Sequence[Token], times: Sequence[tuple[int, int]]
) -> int | None:
    """Where the main clause starts after an opening subordinate clause ("After the vote, the council
    ..."): at its first comma, when there is one within a few words; else None."""
    if _opening_subordinator(tokens) is None:
        return None
    comma = sentence.find(",")
    reach = tokens[min(len(tokens) - 1, cues().tense.window_words * 2)].end - offset
    unmarked = _unmarked_opening(sentence, offset, tokens, times)
    if unmarked is not None and tokens[unmarked].start - offset < (comma if comma > 0 else reach):
        return tokens[unmarked].start - offset
    return comma if 0 < comma < reach else None


def _opening_subordinator(tokens: Sequence[Token]) -> str | None:
    """The subordinator a sentence opens with: "After ...", also after an adverb ("Even though ...",
    "Shortly after ...")."""
    subordinators = cues().clause_kinds.subordinators
    words = [token.text.lower() for token in tokens[:2]]
    if words and words[0] in subordinators:
        return words[0]
    adverb = words[:1] and (words[0] in FILLERS or words[0].endswith("ly") or words[0] in ("right", "soon"))
    return words[1] if adverb and len(words) > 1 and words[1] in subordinators else None


def _unmarked_opening(
    sentence: str, offset: int, tokens: Sequence[Token], times: Sequence[tuple[int, int]]
) -> int | None:
    """ "After the case closed Apple's chief executive extended an invitation": with no comma, the main
    clause starts at a name or pronoun right after the opening clause's verb, when a verb follows it."""
    verb = next((at for at in range(2, len(tokens)) if verb_like(tokens[at])), None)
    if verb is None:
        return None
    subject = cues().clause_kinds.subject_words
    for at in range(verb + 1, min(len(tokens), verb + 1 + subject)):
        if inside_time(tokens[at], times):
            continue  # "When the council met on Monday it approved ..."
        if is_capitalised(tokens[at].text) or tokens[at].text.lower() in SUBJECT_PRONOUNS:
            # not a verb in brackets: "uses Apple's processor (first used in ...)" has no second clause
            found = any(
                verb_like(token) and "(" not in sentence[tokens[at].end - offset : token.start - offset]
                for token in tokens[at + 1 : at + 1 + subject]
            )
            return at if found else None
    return None


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
    if not tail or len(tail) > cues().clause_kinds.subject_words + 4 or tail[0].text.lower() in cue_words():
        return None
    verbs = [
        at for at, token in enumerate(tail) if reporting(token, tail, at) and not token.text.endswith("ing")
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
