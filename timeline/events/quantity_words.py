"""The words of `data/quantities.yaml`, typed, and the patterns the quantity reader compiles once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import re2  # google-re2: linear-time DFA scanning
import yaml
from pydantic import BaseModel, ConfigDict, Field

from timeline.english import english

HedgeKind = str  # about | more | at_least | less | at_most | nearly | over_by


class QuantityWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    number_words: list[str]
    word_multipliers: dict[str, float]
    needs_counted: list[str]
    scale_words: dict[str, float]
    scale_abbreviations: dict[str, float]
    scale_abbreviations_with_currency: dict[str, float]
    currency_signs: dict[str, str]
    currency_codes: list[str]
    currency_words: dict[str, str]
    currency_qualifiers: dict[str, str]
    percent_words: list[str]
    point_words: list[str]
    units: dict[str, dict[str, float]]
    approximate_relative: float = Field(ge=0, lt=1)
    hedges_before: dict[HedgeKind, list[str]]
    hedges_after: dict[HedgeKind, list[str]]
    range_joiners: list[str]
    label_words: list[str]
    age_before: list[str]
    name_exceptions: list[str]
    clock_words: list[str]
    ordinal_suffixes: list[str]
    year_range: tuple[int, int]
    counted_words: int = Field(ge=1)
    counted_stop: list[str]
    counted_links: list[str]
    collective_nouns: list[str]


def alternation(words: Iterable[str]) -> str:
    """Longest first, so "more than" wins over "more"; a space matches any run of blanks."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "|".join(re.escape(word).replace(r"\ ", r"[ \t]+") for word in ordered)


def _plurals(word: str) -> list[str]:
    if "/" in word:  # "km/h"
        return [word]
    forms = [word, f"{word}s", f"{word}es"]  # "kms" is harmless; "inches" needs the -es
    if word.endswith("y"):
        forms.append(f"{word[:-1]}ies")  # century -> centuries
    return forms


@dataclass(frozen=True)
class QuantityPatterns:
    words: QuantityWords
    # Scanned over every text, so on RE2 (a DFA: ~10x faster here than `re` on these alternations)
    probe: Any  # a digit or a number word: the text may state a quantity
    digits: Any  # a figure with its currency and scale: "US$4.2bn", "12", "10,000"
    word_run: Any  # a run of number words: "three hundred and forty-two", "a million"
    blocked: Any  # dates, clock times, phone numbers and ages
    # Matched at one position, around a figure found by the scanners

    after: re.Pattern[str]  # what follows a figure: percent, points, a currency word or code, a unit
    hedge_before: re.Pattern[str]
    hedge_after: re.Pattern[str]
    word_before: re.Pattern[str]  # the word right before a figure
    word_after: re.Pattern[str]  # one word after a position (for the counted noun)
    link_before: re.Pattern[str]  # "<noun> of", "<noun> rose to" right before a figure
    number_words: frozenset[str]
    scale_words: frozenset[str]  # number words that scale the one before them: "hundred", "dozen"
    hedge_kind: dict[str, HedgeKind]  # normalised phrase -> kind
    unit_of: dict[str, tuple[str, str]]  # normalised unit form -> (family, canonical unit word)


def normalise(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@cache
def patterns() -> QuantityPatterns:
    text = resources.files("timeline.events").joinpath("data/quantities.yaml").read_text(encoding="utf-8")
    words = QuantityWords.model_validate(yaml.safe_load(text))
    number = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
    spoken = alternation([*words.number_words, *words.word_multipliers])
    unit_of = {
        normalise(form): (family, unit)
        for family, table in words.units.items()
        for unit in table
        for form in _plurals(unit)
    }
    currency_after = alternation(
        [
            *words.currency_words,
            *(f"{q} {w}" for q in words.currency_qualifiers for w in words.currency_words),
        ]
    )
    hedge_kind = {
        normalise(phrase): kind for kind, phrases in words.hedges_before.items() for phrase in phrases
    }
    hedge_kind.update(
        {normalise(phrase): kind for kind, phrases in words.hedges_after.items() for phrase in phrases}
    )
    before = alternation(phrase for phrases in words.hedges_before.values() for phrase in phrases)
    after = alternation(phrase for phrases in words.hedges_after.values() for phrase in phrases)
    blocked = _blocked(words)
    return QuantityPatterns(
        words=words,
        probe=re2.compile(rf"\d|(?i:\b(?:{spoken})\b)"),
        digits=re2.compile(
            rf"(?:(?P<sign>{alternation(words.currency_signs)})[ \t]?)?"
            rf"(?:(?P<code>{alternation(words.currency_codes)})[ \t]?)?(?P<num>{number})"
            rf"(?:(?P<abbr>(?i:{alternation(words.scale_abbreviations)}))\b"
            rf"|(?P<cabbr>(?i:{alternation(words.scale_abbreviations_with_currency)}))\b"
            rf"|[ \t-](?P<scale>(?i:{alternation(words.scale_words)}))\b)?"
        ),
        word_run=re2.compile(  # a leading "a"/"an" counts only before a scale ("a million"): see the reader
            rf"(?i:\b(?:an?[ \t]+)?(?:{spoken})"
            rf"(?:(?:[ \t]+and[ \t]+|[ \t]+|-)(?:{spoken}))*\b)"
        ),
        blocked=re2.compile(blocked),
        after=re.compile(
            rf"(?P<percent>[ \t]?(?:%|(?i:{alternation(w for w in words.percent_words if w != '%')})\b))"
            rf"|[ \t](?P<points>(?i:{alternation(words.point_words)}))\b"
            rf"|[ \t](?P<currency>(?i:{currency_after}))\b"
            rf"|[ \t](?P<code>{alternation(words.currency_codes)})\b"
            rf"|[ \t-]?(?P<unit>(?i:{alternation(unit_of)}))(?![\w/])"
        ),
        hedge_before=re.compile(rf"(?i:(?<![\w-])(?P<hedge>{before})[ \t]+)$"),
        hedge_after=re.compile(rf"(?i:[ \t]?(?P<hedge>{after}))(?!\w)"),
        word_before=re.compile(r"(?P<word>[#\w][\w.'’&-]*)[ \t]+$"),
        word_after=re.compile(r"[ \t]*(?:-[ \t]*)?(?P<word>[A-Za-z][A-Za-z'’-]*)"),
        link_before=re.compile(
            rf"(?P<noun>[a-z][a-z-]*)[ \t]+(?i:{alternation(words.counted_links)})[ \t]+$"
        ),
        number_words=frozenset([*words.number_words, *words.word_multipliers]),
        scale_words=frozenset(["hundred", *words.scale_words, *words.word_multipliers]),
        hedge_kind=hedge_kind,
        unit_of=unit_of,
    )


def _blocked(words: QuantityWords) -> str:
    """Dates, clock times, phone numbers and ages: the figures in them are no quantities."""
    months = alternation(month.title() for month in english().months)
    clock = alternation(words.clock_words)
    day = rf"\d{{1,2}}(?:{alternation(words.ordinal_suffixes)})?"
    year = r"(?:,?[ \t]+\d{4}\b)?"
    return "|".join(
        [
            r"\b\d{4}[-–/.]\d{1,2}(?:[-/.]\d{1,2})?\b|\b\d{4}[-–/]\d{2,4}\b",  # 2026-06-05, 2025-26
            r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}/\d{1,2}\b",  # 05/06/2026, 6/5
            rf"\b(?:{months})\.?[ \t]+{day}\b(?:[ \t]*[-–][ \t]*\d{{1,2}}\b)?{year}",  # June 5-6, 2026
            rf"\b{day}(?:[ \t]*[-–][ \t]*{day})?[ \t]+(?:of[ \t]+)?(?:{months})\b{year}",  # 5th of June
            rf"\b(?:{months})\.?,?[ \t]+\d{{4}}\b",  # March 2026
            rf"\b\d{{1,2}}:\d{{2}}\b(?:[ \t]*(?:{clock})(?:\W|$))?",  # 10:30 a.m.
            rf"\b\d{{1,2}}(?:\.\d{{2}})?[ \t]*(?:{clock})(?:\W|$)",  # 10am, 10.30 pm, 3 GMT
            r"(?:\+\d{1,3}[ \t.-]?)?(?:\(\d{2,4}\)|\b\d{2,4})[ \t.-]\d{3,4}[ \t.-]\d{3,4}\b",  # phones
            r"\b\d{3}-\d{4}\b",  # 555-0123
            r"\b\d{1,3}(?:[- \t]years?[- \t]old\b|-year-old)",  # 45 years old
            rf"(?i:\b(?:{alternation(words.age_before)})[ \t]+)\d{{1,3}}\b",  # aged 45
            r"\b[A-Z][a-z]+,[ \t]\d{1,2},",  # "Maria Lopez, 45, said"
        ]
    )
