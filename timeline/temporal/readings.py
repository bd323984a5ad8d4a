"""What a family makes of a match (a Reading), and the small word helpers every family shares."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from typing import TYPE_CHECKING, Any

from timeline.temporal.models import Anchor

if TYPE_CHECKING:
    from timeline.temporal.resolver import Pending
    from timeline.temporal.words import Words

Group = Callable[[str], str | None]  # a rule's group by name: its words as written, or None

GRANULARITY_ORDER = ["time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century"]
UNDERSPECIFIED = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "season": "XXXX-XX",
    "quarter": "XXXX-QX",
    "half": "XXXX-HX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}


@dataclass
class Reading:
    """What a normaliser made of a candidate; the span may be narrower than the regex match.

    `pending` is the part that depends on the publication date (a weekday whose direction the tense
    gives, a month without its year ...): the resolver (resolver.py) turns it into a value with the DCT,
    or into the underspecified value when there is none.
    """

    type: str
    value: str
    mod: str | None = None
    earliest: date | None = None
    latest: date | None = None
    granularity: str | None = None
    anchor: Anchor | None = None
    start: int | None = None
    end: int | None = None
    weekday_mismatch: bool = False
    positioned: bool = True  # derive earliest/latest from a calendar value when not set
    in_view: bool = True  # may become the date in view (a comparison date like "the year-ago quarter" not)
    pending: Pending | None = None
    unresolved: Reading | None = None  # before the resolver applied a DCT: resolvable again under another

    def but(self, **changes: Any) -> Reading:
        """A copy with some fields changed: dataclasses.replace, without running __init__ again (several
        times faster, and the resolver copies every reading it resolves)."""
        unknown = changes.keys() - _READING_FIELDS
        if unknown:
            raise TypeError(f"Reading has no field {sorted(unknown)}")
        copied = object.__new__(Reading)
        copied.__dict__.update(self.__dict__, **changes)
        return copied


_READING_FIELDS = frozenset(field.name for field in fields(Reading))


def squeeze(words: str | None) -> str:
    """Lower case with single spaces: the lexicon's key for words as matched."""
    return re.sub(r"\s+", " ", (words or "").lower())


def finer_or_equal(granularity: str, unit: str) -> bool:
    order = {name: i for i, name in enumerate(GRANULARITY_ORDER)}
    return order.get(granularity, 99) <= order.get(unit, -1)


def number(table: dict[str, int], phrase: str) -> float | None:
    """A number written in digits ("2 1/2") or words ("twenty-four")."""
    phrase = re.sub(r"\s+", " ", phrase.lower().strip())
    if phrase in table:
        return table[phrase]
    half = re.fullmatch(r"(\d+)(?: 1/2|½)", phrase)  # "2 1/2 years"
    if half:
        return int(half.group(1)) + 0.5
    try:
        return float(phrase)
    except ValueError:
        pass
    total = 0
    for token in re.split(r"[\s-]+", phrase):
        if token == "and":
            continue
        if token not in table:
            return None
        total = max(total, 1) * 100 if table[token] == 100 else total + table[token]
    return total


def _format_amount(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


# A half unit written in the next smaller unit, as TIMEX3 values have no fractions: P1Y6M, PT1M30S.
_HALF_UNIT = {"Y": "6M", "M": "15D", "W": "3DT12H", "D": "T12H", "TH": "30M", "TM": "30S"}


def duration_value(amount: float | None, unit: str, words: Words) -> str:
    spec = words.units[unit]
    clock = "T" if unit in ("hour", "minute", "second") else ""
    if amount is None:
        return f"P{clock}X{spec.code}"
    total = amount * spec.count
    whole = int(total)
    half = _HALF_UNIT.get(clock + spec.code) if total - whole == 0.5 else None
    if half is not None:
        return f"P{clock}{whole}{spec.code}{half}" if whole else f"P{clock}{half}"
    return f"P{clock}{_format_amount(total)}{spec.code}"


def unit_key(raw: str, words: Words) -> str:
    """Singular lexicon key of a unit word as matched ("centuries" -> "century", "Weeks" -> "week")."""
    word = raw.lower()
    for candidate in (word, word[:-1], word[:-2]):
        if candidate in words.units:
            return "century" if candidate == "centurie" else candidate
    return word


def position(pmod: str | None, words: Words) -> str | None:
    """START/MID/END of a position modifier ("early", "the end of")."""
    return words.position_mods[squeeze(pmod)] if pmod else None


def year_number(words: Words, written: str) -> int:
    """A year in digits or read out ("nineteen ninety-six" 1996, "two thousand and one" 2001)."""
    if written.isdigit():
        return int(written)
    tokens = [t for t in re.split(r"[\s-]+", written.lower()) if t != "and"]
    numbers = words.number_words
    if tokens[:2] == ["two", "thousand"]:
        return 2000 + sum(numbers[t] for t in tokens[2:])
    century, rest = numbers[tokens[0]], tokens[1:]
    if rest == ["hundred"]:
        return century * 100
    return century * 100 + sum(numbers[t] for t in rest if t != "oh")


def weekday_number(words: Words, word: str) -> int:
    return words.weekdays[word.lower().rstrip(".")]


def month_number(words: Words, word: str) -> int:
    return words.months[word.lower().rstrip(".")]


def sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 3) : at].rstrip(" \"'“‘`")
    return not before or before[-1] in ".!?\n"


_EVENT_END = re.compile(r"[,.;:!?()\"\n]|\s(?:and|but|while|when|because|which|after|before)\s")


def event_phrase(text: str, at: int) -> tuple[str, int] | None:
    """The event phrase after "before"/"after" (at `at`, blanks skipped): up to the clause boundary, at
    most 80 characters, and where it starts."""
    while at < len(text) and text[at].isspace():
        at += 1
    window = text[at : at + 80]
    stop = _EVENT_END.search(window)
    phrase = (window[: stop.start()] if stop else window).strip()
    return (phrase, at) if phrase else None
