"""The scanner: at a position of the text, the first rule (in registry.RULE_ORDER) whose pattern matches.

What it means is one regular expression, the alternation of every rule. But sre tries an alternation by
entering each branch in turn, and entering thirty rules at a position costs microseconds, mostly in rules
that cannot match there. So each rule is compiled on its own, when first needed (compiling them all is
most of the tagger's start-up), and at a position only the rules that can match text beginning with the
next PREFIX characters are tried, in order: the first that matches is the alternation's match. Which
beginnings a rule's matches can have is read from its parsed pattern (`_Beginnings`); the rules worth
trying after each PREFIX characters met are remembered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial
from re import _constants as sre  # type: ignore[attr-defined]  # the parser's node types (stable since 3.11)
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

import re2  # google-re2: linear-time search for the head words

PREFIX = 3  # characters of text that choose the rules to try
_OTHER = 128  # stands for every character beyond ASCII
_ANY = frozenset(range(_OTHER + 1))
_WORD = frozenset(map(ord, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")) | {_OTHER}
_DIGIT = frozenset(range(ord("0"), ord("9") + 1)) | {_OTHER}
_SPACE = frozenset(map(ord, " \t\n\r\f\v\x1c\x1d\x1e\x1f")) | {_OTHER}
_CATEGORIES = {
    sre.CATEGORY_WORD: _WORD,
    sre.CATEGORY_NOT_WORD: _ANY - _WORD | {_OTHER},
    sre.CATEGORY_DIGIT: _DIGIT,
    sre.CATEGORY_NOT_DIGIT: _ANY - _DIGIT | {_OTHER},
    sre.CATEGORY_SPACE: _SPACE,
    sre.CATEGORY_NOT_SPACE: _ANY - _SPACE | {_OTHER},
}
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_MOST_BEGINNINGS = 5000  # beyond this many, a pattern is taken to begin with anything

Charset = frozenset[int]  # character codes, _OTHER for any non-ASCII character
Beginning = tuple[Charset, ...]  # one charset per character; a shorter tuple: anything may follow


def _code(character: str) -> int:
    return min(ord(character), _OTHER)


class _Beginnings:
    """Every beginning of up to `length` characters a pattern's matches can have, as tuples of character
    sets. Never too few: lookarounds are ignored and whatever is not understood stands for any text."""

    def __init__(self, length: int) -> None:
        self.length = length

    def of_pattern(self, pattern: str) -> set[Beginning]:
        parsed = sre_parser.parse(pattern)
        if parsed.state.flags & (sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_LOCALE):
            return {(_ANY,) * self.length}
        return self._sequence(parsed, self.length)

    def _sequence(self, items: Iterable[tuple[Any, Any]], room: int) -> set[Beginning]:
        found: set[Beginning] = {()}
        for op, argument in items:
            if all(len(beginning) >= room for beginning in found):
                break
            found = self._then(found, partial(self._item, op, argument), room)
        return found

    @staticmethod
    def _then(found: set[Beginning], following: Callable[[int], set[Beginning]], room: int) -> set[Beginning]:
        """`found` continued by what `following(characters left)` can begin with."""
        longer: set[Beginning] = set()
        continuations: dict[int, set[Beginning]] = {}
        for beginning in found:
            left = room - len(beginning)
            if left <= 0:
                longer.add(beginning)
                continue
            if left not in continuations:
                continuations[left] = following(left)
            longer.update(beginning + more for more in continuations[left])
            if len(longer) > _MOST_BEGINNINGS:
                return {(_ANY,) * room}
        return longer

    def _item(self, op: Any, argument: Any, room: int) -> set[Beginning]:
        if op is sre.LITERAL:
            return {(frozenset({_code(chr(argument))}),)}
        if op is sre.NOT_LITERAL:
            return {(_ANY - {argument},)}  # a non-ASCII one leaves _OTHER: other such characters match
        if op is sre.IN:
            return {(_charset(argument),)}
        if op in _ZERO_WIDTH:
            return {()}
        if op in _REPEATS:
            least, most, items = argument
            return self._repeat(least, most, items, room)
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, items = argument
            if add_flags & (sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_LOCALE):
                return {(_ANY,) * room}
            return self._sequence(items, room)
        if op is sre.ATOMIC_GROUP:
            return self._sequence(argument, room)
        if op is sre.BRANCH:
            return set().union(*(self._sequence(branch, room) for branch in argument[1]))
        return {(_ANY,) * room}  # any character (.), a back reference, a conditional: anything

    def _repeat(self, least: int, most: int, items: Any, room: int) -> set[Beginning]:
        done: set[Beginning] = set()
        found: set[Beginning] = {()}
        for count in range(room + 1):
            if count >= least:
                done |= found
            if count == most:
                break
            found = self._then(found, partial(self._sequence, items), room)
        # what is still shorter after `room` rounds of a longer repeat matched empty text: anything follows
        return done | {b + (_ANY,) * (room - len(b)) for b in found}


def _charset(items: Iterable[tuple[Any, Any]]) -> Charset:
    codes: set[int] = set()
    negated = False
    for op, argument in items:
        if op is sre.NEGATE:
            negated = True
        elif op is sre.LITERAL:
            codes.add(_code(chr(argument)))
        elif op is sre.RANGE:
            low, high = argument
            codes.update(range(low, min(high, _OTHER - 1) + 1))
            if high >= _OTHER:
                codes.add(_OTHER)
        elif op is sre.CATEGORY and argument in _CATEGORIES:
            codes |= _CATEGORIES[argument]
        else:
            return _ANY
    return _ANY - codes | {_OTHER} if negated else frozenset(codes)


class Scanner:
    """The first of `rules` (regular expressions, in order) that matches at a position, each tried as
    `before + rule + after`: the match `before(?:rule1|rule2|...)after` would give."""

    def __init__(self, rules: list[str], before: str, after: str) -> None:
        self.rules, self.before, self.after = rules, before, after
        self._sources = [f"{before}(?:{rule}){after}" for rule in rules]
        self._compiled: list[re.Pattern[str] | None] = [None] * len(rules)
        beginnings = _Beginnings(PREFIX)
        self._beginnings = [beginnings.of_pattern(rule) for rule in rules]
        self._by_first: dict[int, list[tuple[int, list[Beginning]]]] = {}
        self._rules_after: dict[str, tuple[int, ...]] = {}

    def match(self, text: str, position: int = 0) -> re.Match[str] | None:
        key = text[position : position + PREFIX]
        rules = self._rules_after.get(key)
        if rules is None:
            rules = self._rules_for(key)
        for index in rules:
            found = (self._compiled[index] or self._compile(index)).match(text, position)
            if found is not None:
                return found
        return None

    def _compile(self, index: int) -> re.Pattern[str]:
        compiled = self._compiled[index] = re.compile(self._sources[index])
        return compiled

    def _rules_for(self, key: str) -> tuple[int, ...]:
        """The rules whose matches can begin with `key` (remembered; a text has few distinct beginnings,
        but a hostile one could have many, so the memory is bounded)."""
        codes = [_code(character) for character in key]
        first = codes[0] if codes else _OTHER
        if first not in self._by_first:
            self._by_first[first] = [
                (index, [b[1:] for b in beginnings if not b or first in b[0]])
                for index, beginnings in enumerate(self._beginnings)
            ]
        rest = codes[1:]
        rules = tuple(
            index
            for index, tails in self._by_first[first]
            if any(all(code in charset for code, charset in zip(rest, tail, strict=False)) for tail in tails)
        )
        if len(self._rules_after) > 100_000:
            self._rules_after.clear()
        self._rules_after[key] = rules
        return rules


class Heads:
    """Where the next head word is (the words every time expression contains): re2 finds it in one linear
    pass over the text's bytes. google-re2's `search` wraps each call in a generator and a match object;
    the compiled expression's own Match returns the span directly, three times faster (a TBAQ pass meets
    5,800 heads), so it is used when the library has it."""

    def __init__(self, pattern: str) -> None:
        options = re2.Options()
        options.case_sensitive = False
        self._compiled = re2.compile(pattern, options)
        raw = getattr(self._compiled, "_regexp", None)
        anchor = getattr(getattr(re2, "_Anchor", None), "UNANCHORED", None)
        self._spans = getattr(raw, "Match", None) if anchor is not None else None
        self._unanchored = anchor

    def find(self, data: bytes, position: int) -> tuple[int, int]:
        """(start, end) of the first head at or after `position`, or (-1, -1)."""
        if self._spans is not None:
            span: tuple[int, int] = self._spans(self._unanchored, data, position, len(data))[0]
            return span
        found = self._compiled.search(data, position)
        return (-1, -1) if found is None else found.span()
