"""The tense of the clause a time expression stands in: which way a weekday or a bare month points.

'past' or 'future' from the cue word nearest to the expression within its clause; 'nearest' for a
deadline reported in the past or a future seen from the past ("would", "could"). The cue words are data
(resources/lexicon.yaml `tense_cues`, with the shared words of timeline/english.yaml); irregular past
forms ("brought", "met") come from lemminflect's tables (morphology.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from timeline.temporal.morphology import base_verb as _base_verb
from timeline.temporal.morphology import irregular_past as _irregular_past

if TYPE_CHECKING:
    from timeline.temporal.context import Document

_CONJUNCTION = re.compile(r",\s+(?:and|but|while|whereas)\s")
_CLAUSE_END = re.compile(r"[.!?;:,\n]|\s(?:and|but|while|whereas)\s")
_PAST_PERFECT = re.compile(r"\bhad\b", re.IGNORECASE)
_INFINITIVE = re.compile(r"\bto\s+([a-z]+)\b")
_LOWER_WORD = re.compile(r"(?<![\w'])[a-z]{3,}(?![\w'])")
_FRONTED = re.compile(r"\s*(?:\w+\s+){0,2}")  # at most a preposition and an article before the date
_SENTENCE_END = re.compile(r"[.!?;\n]")
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$", re.IGNORECASE)
_CLAUSES_KEPT = 64  # a document's clauses are asked for in the order of its expressions


def _infinitive_in(text: str, start: int) -> bool:
    """Whether `text` has "to" and a verb's base form after `start` ("to admit", not "to Aqaba")."""
    return any(_base_verb(m.group(1).lower()) for m in _INFINITIVE.finditer(text, start))


def tense(doc: Document, start: int, end: int, within: int = 200) -> str | None:
    """'past' or 'future' from the cue word nearest to the span within its clause (and at most
    `within` characters away), 'nearest' for a deadline reported in the past or a future seen from
    the past ("would", "could"), or None."""
    text = doc.text
    if doc.lex.past_before.search(text, max(0, start - 24), start):
        return "past"
    if doc.lex.moved_to_before.search(text, max(0, start - 24), start):
        return "future"
    if doc.lex.deadline_before.search(text, max(0, start - 24), start):
        # A deadline lies ahead in a future clause; reported in the past it may have passed.
        return "future" if _clause_tense(doc, start, end, within) == "future" else "nearest"
    return _clause_tense(doc, start, end, within)


def _clause_tense(doc: Document, start: int, end: int, within: int) -> str | None:
    clause = doc.clauses.get((start, end))
    if clause is None:  # read once per expression, though families may ask at several distances
        if len(doc.clauses) >= _CLAUSES_KEPT:
            doc.clauses.clear()  # the expressions they were read for are done: memory stays flat
        clause = doc.clauses[start, end] = _clause_around(doc, start, end)
        clause.listed_cues()
        clause.irregular_pasts()
    return clause.verdict(within)


def _clause_around(doc: Document, start: int, end: int) -> Clause:
    """The words of the expression's clause on its left and on its right."""
    text = doc.text
    left_start = max(0, start - 100)
    left = text[left_start:start]
    last_break = next(
        (m for m in reversed(list(_SENTENCE_END.finditer(left))) if not _abbreviation_at(doc, left, m)), None
    )
    if last_break:
        left_start += last_break.end()
        left = left[last_break.end() :]
    conjunctions = list(_CONJUNCTION.finditer(left))
    if conjunctions:  # the clause after the last ", and"
        left_start += conjunctions[-1].end()
        left = left[conjunctions[-1].end() :]
    fronted = bool(_FRONTED.fullmatch(left))
    # "In March, the company brought in ...": a fronted date belongs to the clause after the comma.
    right = text[end : end + (100 if fronted else 60)]
    right_breaks = (_SENTENCE_END if fronted else _CLAUSE_END).finditer(right)
    stop = next((m for m in right_breaks if not _abbreviation_at(doc, right, m)), None)
    if stop:
        right = right[: stop.start()]
    folded = doc.folded
    return Clause(doc, left, right, fronted, folded[left_start:start], folded[end : end + len(right)])


@dataclass
class Clause:
    doc: Document
    left: str
    right: str
    fronted: bool
    # the same words with ASCII letters lower-cased: what the cue lists run on (lexicon._cue_pattern)
    folded_left: str
    folded_right: str
    best: tuple[int, str, bool] | None = None  # distance, tense, whether the cue is on the left
    # where a cue word may start on either side (lexicon.cue_start), found by listed_cues
    left_starts: list[int] = field(default_factory=list)
    right_starts: list[int] = field(default_factory=list)

    def consider(self, distance: int, kind: str, on_left: bool) -> None:
        if self.best is None or distance < self.best[0]:
            self.best = (distance, kind, on_left)

    def reported_beyond(self, cue: re.Match[str]) -> bool:
        # "told companies of a cutback in September": the report is past, what it reports may lie
        # ahead; but "told a news conference on Tuesday" dates the telling.
        lex = self.doc.lex
        return cue.group().lower() in lex.reporting_verbs and bool(
            lex.report_complement.search(self.left, cue.end())
        )

    def listed_cues(self) -> None:
        lex, left, right = self.doc.lex, self.folded_left, self.folded_right
        cues = (("future", lex.future_cue), ("nearest", lex.either_cue), ("past", lex.past_cue))
        left_starts = self.left_starts = [m.start() for m in lex.cue_start.finditer(left)]
        right_starts = self.right_starts = [m.start() for m in lex.cue_start.finditer(right)]
        for kind, cue in cues:
            for m in _found(cue, left, left_starts):
                if self._counts(kind, left, m) and (kind != "past" or not self.reported_beyond(m)):
                    self.consider(len(left) - m.end(), kind, True)
            if self.fronted and kind != "past":
                cue = lex.future_modal if kind == "future" else lex.either_cue
            for m in _found(cue, right, right_starts):
                if self._counts(kind, right, m):
                    # the words before a time expression say more about it than those after
                    self.consider(2 * m.start() + 1, kind, False)
                    break

    def _counts(self, kind: str, side: str, m: re.Match[str]) -> bool:
        """Whether a cue word is one here: a past-looking word must be a past tense, a scheduling verb
        after a determiner is a noun ("both ends"), and a participle after "as" says how ("as planned")."""
        lex, word = self.doc.lex, m.group().lower()
        if word in lex.manner_participles and lex.manner_before.at(side, m.start()):
            return False
        if kind == "past":
            return _past_verb_at(self.doc, side, m.start(), m.group())
        return not (word in lex.scheduling_verbs and lex.noun_before.at(side, m.start()))

    def irregular_pasts(self) -> None:
        """Irregular past forms ("brought", "met", "rose") are too many to list: ask the morphology."""
        # (only where lexicon.cue_start found a word of the lists, which has the irregular forms: after
        # listed_cues)
        for m in _found(_LOWER_WORD, self.left, self.left_starts):
            if self._irregular_past_at(self.left, m) and not self.reported_beyond(m):
                self.consider(len(self.left) - m.end(), "past", True)
        for m in _found(_LOWER_WORD, self.right, self.right_starts):
            if self._irregular_past_at(self.right, m):
                self.consider(2 * m.start() + 1, "past", False)
                break

    def _irregular_past_at(self, side: str, m: re.Match[str]) -> bool:
        return _irregular_past(m.group()) and _past_verb_at(self.doc, side, m.start(), m.group())

    def verdict(self, within: int) -> str | None:
        if self.best is None or self.best[0] > within:
            return None
        distance, kind, on_left = self.best
        cue_end = len(self.left) - distance if on_left else len(self.left)
        if kind != "past" and _PAST_PERFECT.search(self.left, 0, cue_end):
            # A plan seen from the past perfect ("had been set to expire Nov. 6") may have passed or not.
            return "nearest"
        if kind == "past" and on_left and _infinitive_in(self.left, cue_end):
            return "nearest"  # "agreed to buy the line in February": a past decision about any time
        return kind


def _found(cue: re.Pattern[str], side: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`cue.finditer(side)`, tried only at `starts` (where some cue list may start: lexicon.cue_start)."""
    resume = 0
    for start in starts:
        if start >= resume and (found := cue.match(side, start)) is not None:
            resume = found.end()
            yield found


def _abbreviation_at(doc: Document, text: str, found: re.Match[str]) -> bool:
    """Whether a found period ends an abbreviation or an initial ("Mr.", "P. Davison"), not a clause."""
    if found.group() != ".":
        return False
    # the abbreviation ends at the period, so the search need not start further back than its length
    period = found.start()
    return bool(
        doc.lex.abbreviation_before.search(text, max(0, period - doc.lex.longest_abbreviation), period)
    )


def _past_verb_at(doc: Document, text: str, position: int, word: str) -> bool:
    """Whether a past-looking word at `position` is a past tense: after a form of "be" it is a passive
    participle ("will be paid"), after an article or a verb's infinitive an adjective ("a still
    unspecified date", "will release updated software"), and so is an "un-...-ed" word ("unexpected")."""
    if doc.lex.passive_before.at(text, position) or doc.lex.modal_before.at(text, position):
        return False
    word = word.lower()
    if not word.endswith("ed"):
        return True
    if _base_verb(word):
        return False  # "succeed", "need", "proceed" end in "ed" but are no past forms
    return not (
        word.startswith("un")
        or doc.lex.adjective_before.search(text, 0, position)
        or _after_infinitive(doc, text, position)
    )


def _after_infinitive(doc: Document, text: str, position: int) -> bool:
    """Whether a verb's base form after a modal or "to" stands right before `position`: no finite verb
    follows one, so an "-ed" word there modifies the verb's object ("will release updated software",
    "to unveil revised figures") or completes a perfect ("will have finished")."""
    before = _WORD_BEFORE.search(text, max(0, position - 32), position)
    return (
        before is not None
        and _base_verb(before.group(1).lower())
        and doc.lex.modal_before.at(text, before.start(1))
    )
