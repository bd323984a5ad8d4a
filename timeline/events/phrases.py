"""Lemma-aware phrase matching over word tokens.

Catalog phrases are literal words, so they are matched token by token ("publish ... post" finds
"published its post", "posts", "publishing a post"): linear in the text, with no regular expression
that could backtrack. Patterns the user writes as `regex:` run on RE2, which is linear time too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import re2  # google-re2: linear-time engine for user-supplied patterns
from lemminflect import getAllLemmas  # lemmas of a word form, so phrases match every inflection

from timeline.events.catalog import DEFAULT_GAP, WILDCARD, PhraseOrRegex, RegexPattern, regex_options

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    forms: frozenset[str]  # the lowercased word and its lemmas


@cache
def word_forms(word: str) -> frozenset[str]:
    lowered = word.lower()
    forms = {lowered}
    for lemmas in getAllLemmas(lowered).values():
        forms.update(lemma.lower() for lemma in lemmas)
    return frozenset(forms)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [
        Token(match.start() + offset, match.end() + offset, match.group(), word_forms(match.group()))
        for match in WORD.finditer(text)
    ]


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class Phrase:
    """One compiled phrase: word forms per position, `None` for a "..." gap."""

    def __init__(self, source: str, gap: int = DEFAULT_GAP) -> None:
        self.source = source
        self.gap = gap
        self.parts: list[frozenset[str] | None] = []
        for chunk in source.split():
            if chunk == WILDCARD:
                self.parts.append(None)
            else:
                self.parts.extend(word_forms(word) for word in WORD.findall(chunk))

    def find(self, tokens: Sequence[Token]) -> list[Span]:
        spans: list[Span] = []
        first = self.parts[0]
        assert first is not None  # validated: a phrase starts with a word
        for index, token in enumerate(tokens):
            if token.forms & first:
                end = self._match_from(tokens, index + 1, 1)
                if end is not None:
                    spans.append(Span(token.start, tokens[end - 1].end))
        return spans

    def _match_from(self, tokens: Sequence[Token], position: int, part: int) -> int | None:
        """Index after the last matched token, or None."""
        if part == len(self.parts):
            return position
        wanted = self.parts[part]
        if wanted is None:
            for skip in range(self.gap + 1):
                end = self._match_from(tokens, position + skip, part + 1)
                if end is not None:
                    return end
            return None
        if position < len(tokens) and tokens[position].forms & wanted:
            return self._match_from(tokens, position + 1, part + 1)
        return None


class PhraseSet:
    """Several phrases and RE2 patterns, matched together on one text."""

    def __init__(self, phrases: Sequence[PhraseOrRegex], gap: int = DEFAULT_GAP) -> None:
        self.words = [Phrase(phrase, gap) for phrase in phrases if isinstance(phrase, str)]
        self.patterns = [
            re2.compile(phrase.regex, regex_options())
            for phrase in phrases
            if isinstance(phrase, RegexPattern)
        ]

    def find(self, text: str, tokens: Sequence[Token], offset: int = 0) -> list[Span]:
        """Every match, as absolute spans (`offset` is where `text` starts), sorted."""
        spans = {span for phrase in self.words for span in phrase.find(tokens)}
        for pattern in self.patterns:
            spans.update(
                Span(match.start() + offset, match.end() + offset)
                for match in pattern.finditer(text)
                if match.end() > match.start()
            )
        return sorted(spans, key=lambda span: (span.start, -span.end))
