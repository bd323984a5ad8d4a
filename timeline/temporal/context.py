"""What a family may know about the text around a match: the words, the clause's tense, the date in view.

The publication date is deliberately not here: families leave what depends on it to the resolver.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass

from timeline.temporal.lexicon import Lexicon
from timeline.temporal.readings import Reading, month_number, sentence_start
from timeline.temporal.tense import Clause, tense

_ASCII_FOLD = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)
NAME_AFTER = re.compile(r" [A-Z][a-z]")


@dataclass
class ViewDate:
    """The date in view: the last absolute or DCT-relative date ("a year earlier" counts from it)."""

    value: str
    start: int
    granularity: str
    end: int = -1
    from_dct: bool = False  # itself counted from the DCT ("year end", "last month")


class Document:
    def __init__(self, text: str, lex: Lexicon, read_at: Callable[[int], tuple[Reading, int] | None]) -> None:
        self.text = text
        # ASCII letters lower-cased, same length: the scanner is compiled case-sensitive, which is
        # about twice as fast as IGNORECASE; normalisers read the original text by offset.
        self.folded = text.lower() if text.isascii() else text.translate(_ASCII_FOLD)
        self.lex = lex
        self.words = lex.words
        self.reference: ViewDate | None = None
        self.last_quarter: ViewDate | None = None  # the last quarter named, even if the view moved on
        # The resolved time expression starting exactly at a position, and where it ends (not recorded).
        self.read_at = read_at
        self.clauses: dict[tuple[int, int], Clause] = {}  # the tense reader's, by expression span

    def tense(self, start: int, end: int, within: int = 200) -> str | None:
        return tense(self, start, end, within)

    def direction(self, shift_word: str | None) -> str | None:
        """ "last", "this" or "next" for a shift word of the lexicon ("previous", "this coming" ...)."""
        if not shift_word:
            return None
        steps = self.words.relative_shift.get(re.sub(r"\s+", " ", shift_word.lower()), 0)
        return "last" if steps < 0 else "next" if steps > 0 else "this"

    def mode(self, start: int, end: int, shift_word: str | None) -> str:
        """How to pick the year of a yearly period: the words' direction, else the tense, else nearest."""
        return self.direction(shift_word) or self.tense(start, end) or "nearest"

    def after_in(self, start: int) -> bool:
        return bool(_IN_BEFORE.search(self.text, max(0, start - 4), start))

    def month_is_plausible(self, word: str, start: int, standalone: bool) -> bool:
        """Month words that are also verbs ("may", "march") need a capital and, standing alone, a
        preposition or determiner before them."""
        key = word.lower().rstrip(".")
        ambiguous = key in self.words.ambiguous_months
        if not ambiguous and not standalone:
            return True
        if not word[0].isupper():
            return False
        if not standalone:
            return True
        if ambiguous or len(key) <= 4:
            if NAME_AFTER.match(self.text, start + len(word)):
                return False  # a first name: "Jan Kavan", "May Sarton"
            before = max(0, start - 12)
            # "in May", "a June agreement", "The March accession": a preposition or a determiner before it
            return bool(
                self.lex.preposition_before.search(self.text, before, start)
                or self.lex.determiner_before.search(self.text, before, start)
            )
        return True

    def month(self, word: str) -> int:
        return month_number(self.words, word)

    def in_a_name(self, start: int, end: int, *, before_a_name: bool = True) -> bool:
        """A capitalised word inside a sentence (or, for adjectives like "Daily", before another capitalised
        word) is part of a name: "the Future of Life Institute", "Get Daily AI News", "Current Affairs"."""
        if not self.text[start].isupper():
            return False
        if before_a_name and re.match(r"\s+[A-Z]", self.text[end : end + 3]):
            return True
        return not sentence_start(self.text, start)

    def view_of(self, granularity: str) -> ViewDate | None:
        """The date in view if it has this granularity."""
        ref = self.reference
        return ref if ref is not None and ref.granularity == granularity else None
