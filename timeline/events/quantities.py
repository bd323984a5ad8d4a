"""The quantity reader: the numbers a text states, with what they count, and whether two can be one fact.

One reader for the whole project (rules, built-in checks, statements). It finds figures ("12", "10,000",
"US$4.2 billion", "$4.2bn", "35%") and number words ("twelve", "ten thousand", "thirty-five percent"; their
value computed by text2num), the unit after them (percent, a currency, a duration or a measure), the hedge
around them ("about", "more than", "or more"), turned into an interval, and the noun they count. It
leaves out what only looks like a quantity: years, dates, clock times, phone numbers, ages, ranks and
labels ("No. 1", "Section 230"), ordinals, and numbers inside names ("Boeing 737", "FTSE 250").

Speed: a text with no digit and no number word costs one regular-expression search; every pattern is
compiled once from `data/quantities.yaml` (see `quantity_words.py`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field
from text_to_num import find_numbers  # number words to values ("three hundred and forty-two" -> 342)

from timeline.events.counted import counted_after, counted_before, noun_lemma
from timeline.events.models import Quantity
from timeline.events.quantity_words import QuantityPatterns, normalise, patterns

__all__ = ["Tolerance", "comparable", "compatible", "noun_lemma", "read_quantities", "unit_families"]

LOOK_BEHIND = 48  # characters searched before a figure for its hedge, label or counted noun
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_BETWEEN = re.compile(r"(?i:\bbetween[ \t]+)$")


class Tolerance(BaseModel):
    """How far apart two figures may be and still be one fact: the larger of an absolute amount (in the
    quantities' base unit: days for durations) and a fraction of the figure."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    absolute: float = Field(0.0, ge=0)
    relative: float = Field(0.0, ge=0)


@dataclass
class _Core:
    """A figure or a run of number words, before its context is read."""

    start: int
    end: int
    value: float
    step: float  # the rounding a scale implies: "4.2 billion" is 4.2e9 to the nearest 1e8
    currency: str | None = None
    plain_digits: bool = False  # "2026": no comma, decimal point, currency or scale (a year, maybe)
    dash_tail: bool = False  # "12" in "10-12": the end of a range or a score
    lone_word: str | None = None  # "one" alone: a count only if a counted noun follows


class _Token:
    """A word as text2num's `find_numbers` reads it."""

    def __init__(self, text: str) -> None:
        self._text = text

    def text(self) -> str:
        return self._text

    def nt_separated(self, previous: _Token) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def read_quantities(text: str, offset: int = 0, exclude: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """Every quantity `text` states, in text order, with offsets `offset` + position.

    `exclude`: spans (document offsets) already read as something else, such as the tagger's dates and
    clock times; a figure inside one is not a quantity.
    """
    found = patterns()
    if not found.probe.search(text):
        return []
    blocked = [match.span() for match in found.blocked.finditer(text)]
    blocked += [(start - offset, end - offset) for start, end in exclude]
    cores = sorted(_digit_cores(text, found) + _word_cores(text, found), key=lambda core: core.start)
    quantities: list[tuple[_Core, Quantity]] = []
    last_end = -1
    for core in cores:
        if core.start < last_end or any(start < core.end and core.start < end for start, end in blocked):
            continue
        quantity = _read(text, core, found)
        if quantity is not None:
            quantities.append((core, quantity))
            last_end = core.end
    return [
        quantity.model_copy(update={"start": quantity.start + offset, "end": quantity.end + offset})
        for quantity in _join_ranges(text, quantities, found)
    ]


def _digit_cores(text: str, found: QuantityPatterns) -> list[_Core]:
    cores = []
    words = found.words
    num_group = found.digits.groupindex["num"]  # the RE2 wrapper rebuilds groupindex on every call
    for match in found.digits.finditer(text):
        sign, code, number, abbr, currency_abbr, scale_word = match.groups()
        attached, dash_tail = _attachment(text, match.start(), sign is not None)
        if attached:
            continue
        currency = words.currency_signs.get(sign) if sign else code
        scale, end = 1.0, match.end()
        if abbr:
            scale = words.scale_abbreviations[abbr.lower()]
        elif currency_abbr and currency:
            scale = words.scale_abbreviations_with_currency[currency_abbr.lower()]
        elif scale_word:
            scale = words.scale_words[scale_word.lower()]
        else:
            end = match.end(num_group)
        decimals = len(number.partition(".")[2])
        cores.append(
            _Core(
                start=match.start(),
                end=end,
                value=float(number.replace(",", "")) * scale,
                step=10.0**-decimals * scale if scale > 1 else 0.0,
                currency=currency,
                plain_digits=currency is None and scale == 1 and number.isdigit(),
                dash_tail=dash_tail,
            )
        )
    return cores


def _attachment(text: str, start: int, signed: bool) -> tuple[bool, bool]:
    """(inside a word or a name, the end of a range): "F-35", "COVID-19", "'26", "24/7", "#5" are inside
    something; "-12" after "10" (or "-$12m" after "$10m") ends a range or a score."""
    before = text[start - 1] if start else " "
    before2 = text[start - 2] if start > 1 else " "
    dash_tail = before in "-–" and (before2.isdigit() or (signed and before2.isalnum()))
    attached = (
        before.isalnum() or before in "_'’.,/#" or (before in "-–" and before2.isalpha() and not dash_tail)
    )
    return attached, dash_tail


def _word_cores(text: str, found: QuantityPatterns) -> list[_Core]:
    cores = []
    multipliers = found.words.word_multipliers
    for run in found.word_run.finditer(text):
        spans = [word.span() for word in _WORD.finditer(run.group())]
        words = [run.group()[start:end].lower() for start, end in spans]
        if words[0] in ("a", "an") and (len(words) < 2 or words[1] not in found.scale_words):
            spans, words = spans[1:], words[1:]  # "a" is one only before a scale: "a million", "a dozen"
        tokens = [_Token("one" if word in ("a", "an") else word) for word in words]
        for occurrence in find_numbers(tokens, "en", 0.0):
            if occurrence.is_ordinal:
                continue
            last = occurrence.end
            value = float(occurrence.value)
            if last < len(words) and words[last] in multipliers:  # "two dozen"
                value *= multipliers[words[last]]
                last += 1
            scales = [found.words.scale_words.get(word, 0.0) for word in words[occurrence.start : last]]
            first = words[occurrence.start]
            cores.append(
                _Core(
                    start=run.start() + spans[occurrence.start][0],
                    end=run.start() + spans[last - 1][1],
                    value=value,
                    step=max(scales, default=0.0),
                    lone_word=first if last - occurrence.start == 1 else None,
                )
            )
    return cores


def _read(text: str, core: _Core, found: QuantityPatterns) -> Quantity | None:
    """The quantity a figure states, read from its context; None when it is not a quantity."""
    words = found.words
    previous = found.word_before.search(text, max(core.start - LOOK_BEHIND, 0), core.start)
    if previous is not None and core.currency is None and _names_or_labels(previous.group("word"), found):
        return None
    unit, currency, measure, end = "count", core.currency, None, core.end
    suffix = found.after.match(text, core.end)
    if suffix is not None:
        end = suffix.end()
        if suffix.group("percent"):
            unit = "percent"
        elif suffix.group("points"):
            unit = "points"
        elif suffix.group("currency") or suffix.group("code"):
            unit = "money"
            named = normalise(suffix.group("currency") or "")
            currency = currency or suffix.group("code") or _currency_word(named, found)
        else:
            unit, measure = found.unit_of[normalise(suffix.group("unit"))]
    elif end < len(text) and text[end].isalnum():
        return None  # "1st", "5G", "1990s"
    if currency is not None:
        unit = "money"
    hedge_after = found.hedge_after.match(text, end)
    hedge = found.hedge_kind[normalise(hedge_after.group("hedge"))] if hedge_after else None
    end = hedge_after.end() if hedge_after else end
    start = core.start
    hedge_before = found.hedge_before.search(text, max(core.start - LOOK_BEHIND, 0), core.start)
    if hedge_before is not None and hedge is None:
        hedge = found.hedge_kind[normalise(hedge_before.group("hedge"))]
        start = hedge_before.start("hedge")
    counted, plural = counted_after(text, end, found, allow_of=core.lone_word not in words.needs_counted)
    if core.plain_digits and unit == "count" and core.end - core.start == 4 and _is_year(core, found, plural):
        return None
    if core.lone_word in words.needs_counted and counted is None:
        return None  # "one of them", "no one"
    if counted is None:
        counted = counted_before(text, start, found, LOOK_BEHIND)
    low, high, low_open, high_open = _interval(core.value, core.step, hedge, words.approximate_relative)
    return Quantity(
        text=text[start:end],
        start=start,
        end=end,
        value=core.value,
        low=low,
        high=high,
        low_open=low_open,
        high_open=high_open,
        unit=unit,
        currency=currency,
        measure=measure,
        counted=counted,
        hedge=hedge,
    )


def _names_or_labels(word: str, found: QuantityPatterns) -> bool:
    """The word before a figure makes it a label ("No. 1", "page 12") or part of a name ("FTSE 250")."""
    lowered = word.lower()
    words = found.words
    if lowered in words.label_words or lowered.rstrip(".") in words.label_words:
        return True
    return (
        word[0].isupper() and lowered not in words.name_exceptions and normalise(word) not in found.hedge_kind
    )


def _currency_word(named: str, found: QuantityPatterns) -> str | None:
    words = found.words
    for qualifier, code in words.currency_qualifiers.items():
        if named.startswith(f"{qualifier} "):
            return code
    return words.currency_words.get(named)


def _is_year(core: _Core, found: QuantityPatterns, plural_follows: bool) -> bool:
    low, high = found.words.year_range
    return low <= core.value <= high and not plural_follows


def _interval(
    value: float, step: float, hedge: str | None, relative: float
) -> tuple[float | None, float | None, bool, bool]:
    """(low, high, low open, high open) a hedge and rounding allow around `value`."""
    half = step / 2
    if hedge == "about":
        return (
            min(value * (1 - relative), value - half),
            max(value * (1 + relative), value + half),
            False,
            False,
        )
    if hedge == "more":
        return value, None, True, False
    if hedge == "at_least":
        return value, None, False, False
    if hedge == "less":
        return None, value, False, True
    if hedge == "at_most":
        return None, value, False, False
    if hedge == "nearly":
        return value * (1 - relative), value, False, False
    if hedge == "over_by":
        return value, value * (1 + relative), False, False
    return value - half, value + half, False, half > 0  # "38 million" is [37.5, 38.5) million


def _join_ranges(text: str, read: list[tuple[_Core, Quantity]], found: QuantityPatterns) -> list[Quantity]:
    """ "10 to 12 percent", "between 10 and 12", "10-12" become one quantity; "3-1" (a score) none."""
    joiners = {normalise(joiner) for joiner in found.words.range_joiners}
    result: list[Quantity] = []
    skip_next = False
    for index, (core, quantity) in enumerate(read):
        if skip_next:
            skip_next = False
            continue
        following = read[index + 1] if index + 1 < len(read) else None
        if core.dash_tail:
            continue  # a "-12" whose start was no quantity
        if following is None:
            result.append(quantity)
            continue
        tail_core, tail = following
        joiner = normalise(text[quantity.end : tail.start])
        opened = _BETWEEN.search(text, max(quantity.start - LOOK_BEHIND, 0), quantity.start)
        joined = (joiner == "and" and opened is not None) or (joiner in joiners and opened is None)
        same_unit = quantity.unit in ("count", tail.unit) and quantity.hedge is None and tail.hedge is None
        if joined and same_unit and quantity.value < tail.value:
            result.append(_range(quantity, tail, opened.start() if opened else quantity.start, text))
            skip_next = True
        elif tail_core.dash_tail and joiner in ("-", "–"):
            skip_next = True  # "3-1", "5-4": a score or a vote, not two quantities
        else:
            result.append(quantity)
    return result


def _range(first: Quantity, last: Quantity, start: int, text: str) -> Quantity:
    return last.model_copy(
        update={
            "text": text[start : last.end],
            "start": start,
            "value": first.value,
            "low": first.low,
            "low_open": first.low_open,
            "currency": last.currency or first.currency,
            "counted": last.counted or first.counted,
            "hedge": "range",
        }
    )


def unit_families() -> list[str]:
    """Every unit a quantity can have: count, money, percent, points and the measures of the data file."""
    return ["count", "money", "percent", "points", *patterns().words.units]


def comparable(a: Quantity, b: Quantity) -> bool:
    """Same unit family (and currency, for money): only then can two figures contradict each other."""
    if a.unit != b.unit:
        return False
    return a.unit != "money" or a.currency == b.currency


def _factor(quantity: Quantity) -> float:
    """How many base units (days for durations) one of the quantity's measure is."""
    return patterns().words.units[quantity.unit][quantity.measure] if quantity.measure else 1.0


def compatible(a: Quantity, b: Quantity, tolerance: Tolerance | None = None) -> bool:
    """Can `a` and `b` be the same fact, given their hedges, rounding and `tolerance`?

    The intervals their wording allows must meet, or lie no further apart than the tolerance (the larger
    of its absolute amount and its fraction of the larger figure). Quantities that are not `comparable` (a
    count and a percentage, dollars and euros) are compatible: nothing says they contradict each other.
    """
    if not comparable(a, b):
        return True
    bounds = []
    for quantity in (a, b):
        factor = _factor(quantity)
        low = -float("inf") if quantity.low is None else quantity.low * factor
        high = float("inf") if quantity.high is None else quantity.high * factor
        bounds.append((low, quantity.low_open, high, not quantity.high_open))
    # the larger lower bound and the smaller upper bound; at a tie, an open bound is the tighter one
    low, low_open = max((low, low_open) for low, low_open, _, _ in bounds)
    high, high_closed = min((high, high_closed) for _, _, high, high_closed in bounds)
    if low < high or (low == high and not low_open and high_closed):
        return True
    tolerance = tolerance or Tolerance()
    larger = max(abs(a.value * _factor(a)), abs(b.value * _factor(b)))
    slack = max(tolerance.absolute, tolerance.relative * larger)
    return slack > 0 and low - high <= slack
