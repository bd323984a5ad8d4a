"""The scanner tries at a position only the rules whose matches can begin with the text there: it must
find exactly what the one alternation of every rule finds, at every position of any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal.lexicon import lexicon
from timeline.temporal.scanner import Heads, Scanner


def _alternation(scanner: Scanner) -> re.Pattern[str]:
    return re.compile(scanner.before + "(?:" + "|".join(scanner.rules) + ")" + scanner.after)


def _same_everywhere(scanner: Scanner, alternation: re.Pattern[str], text: str) -> None:
    for position in range(len(text) + 1):
        expected, found = alternation.match(text, position), scanner.match(text, position)
        assert (found is None) == (expected is None), (text, position)
        if found is not None and expected is not None:
            assert found.span() == expected.span(), (text, position)
            assert found.lastgroup == expected.lastgroup, (text, position)
            assert _groups(found) == _groups(expected), (text, position)


def _groups(match: re.Match[str]) -> dict[str, tuple[int, int]]:
    """The groups that took part in the match (the alternation also has every other rule's groups)."""
    return {name: match.span(name) for name, value in match.groupdict().items() if value is not None}


_LEXICON_ALTERNATION: list[re.Pattern[str]] = []


def _lexicon_scanner() -> tuple[Scanner, re.Pattern[str]]:
    scanner = lexicon().scanner
    if not _LEXICON_ALTERNATION:
        _LEXICON_ALTERNATION.append(_alternation(scanner))
    return scanner, _LEXICON_ALTERNATION[0]


# Text made of the words rules are written with (sorted: hypothesis needs a stable order), numbers and
# the separators between them: every rule gets to match, and to nearly match.
_TOKENS = [*sorted(lexicon().lead_words), "1989", "30", "4", "12:30", "1990s", "'90s", "q3", "-", "."]
_SEPARATORS = st.sampled_from([" ", " ", ", ", "-", "\n", "'s ", ". "])
_WORDY = st.lists(st.tuples(st.sampled_from(_TOKENS), _SEPARATORS), max_size=25).map(
    lambda pairs: "".join(word + separator for word, separator in pairs)
)


@settings(max_examples=80, deadline=None)
@given(text=_WORDY)
def test_the_tagger_scanner_finds_what_the_alternation_finds(text: str) -> None:
    scanner, alternation = _lexicon_scanner()
    _same_everywhere(scanner, alternation, text)


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=80))
def test_the_tagger_scanner_on_arbitrary_text(text: str) -> None:
    scanner, alternation = _lexicon_scanner()
    _same_everywhere(scanner, alternation, text)


# Rules with every construct the beginnings are read from: repeats (empty ones too), optional and
# alternative parts, classes and negated classes, lookarounds, a group matching empty text, non-ASCII.
_RULES = [
    r"(?:ab){2,}c",
    r"(?:x|)y?z",
    r"[^a\d]c|\d{2}-",
    r"(?<=b)a(?!c)[\s-]+b",
    r"(?P<word>\w)é",
    r"[^x]é|[^é]x",
    r"(?:(?:ba)?)*a",
    r"a*?b",
    r"",
]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="abcxyzé1- \n", max_size=12))
def test_a_scanner_of_any_rules_finds_what_their_alternation_finds(text: str) -> None:
    scanner = Scanner(_RULES[:-1], before=r"(?<!z)", after=r"(?!x)")
    _same_everywhere(scanner, _alternation(scanner), text)
    with_empty = Scanner(_RULES, before="", after="")
    _same_everywhere(with_empty, _alternation(with_empty), text)


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet="weak 19x\n", max_size=30))
def test_heads_are_found_alike_with_and_without_re2_internals(text: str) -> None:
    """The head finder uses google-re2's compiled Match when the library has it, else its public search."""
    fast, public = Heads(r"\d+|\bweek\b"), Heads(r"\d+|\bweek\b")
    public._spans = None  # as with a google-re2 whose internals moved
    data = text.encode()
    for position in range(len(data) + 1):
        expected = re.compile(rb"\d+|\bweek\b", re.IGNORECASE).search(data, position)
        span = expected.span() if expected else (-1, -1)
        assert fast.find(data, position) == public.find(data, position) == span
