"""Months and seasons of a year that is stated, shifted ("last March") or read from the tense."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.temporal.context import Document
from timeline.temporal.intervals import SEASON_START_MONTH, add_months, period_value
from timeline.temporal.models import Anchor
from timeline.temporal.readings import Group, Reading, position, year_number
from timeline.temporal.registry import normaliser
from timeline.temporal.resolver import YearlyPeriod, YearOf

_YEAR_SHIFT = {"this": 0, "last": -1, "next": 1}


@dataclass(frozen=True)
class MonthsOfYear(YearlyPeriod):
    """`months` months from `month` every year: a month (1), a season (3); `code` names it."""

    month: int
    months: int
    code: str

    def first_of(self, year: int) -> date:
        return date(year, self.month, 1)

    def last_of(self, year: int) -> date:
        return add_months(date(year, self.month, 1), self.months) - timedelta(days=1)

    def value(self, year: int) -> str:
        return f"{year:04d}-{self.code}"


@normaliser("month_period")
def month_period(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    month_word = g("month") or ""
    explicit_year = g("year")
    standalone = not (explicit_year or g("year_shift") or g("pmod") or g("shift"))
    if not doc.month_is_plausible(month_word, start, standalone):
        return None
    if "." in month_word and standalone:
        return None
    month = doc.month(month_word)
    mod = position(g("pmod"), doc.words)
    if explicit_year:
        value = f"{year_number(doc.words, explicit_year):04d}-{month:02d}"
        return Reading("DATE", value, mod=mod, anchor=Anchor(kind="none"))
    period = MonthsOfYear(month, 1, f"{month:02d}")
    undated = f"XXXX-{month:02d}"
    if g("year_shift"):
        pending = YearOf(
            undated_value=undated, period=period, year_offset=_YEAR_SHIFT[(g("year_shift") or "").lower()]
        )
    else:
        mode = (
            doc.direction(g("shift"))
            or doc.tense(start, end)
            # "in March" with no tense cue reports; "the November meeting" names a date ahead or behind
            or ("soon_or_past" if doc.after_in(start) else "nearest")
        )
        pending = YearOf(undated_value=undated, period=period, mode=mode)
    return Reading("DATE", "", mod=mod, anchor=Anchor(kind="dct"), pending=pending)


@normaliser("season")
def season(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    code = doc.words.seasons[(g("season") or "").lower()]
    if not (g("shift") or g("year") or g("pmod") or g("the") or _bare_season_is_dated(doc, start, end)):
        return None  # "expected to fall", "a spring in his step", "leaves fall in autumn"
    # "the fall" alone is a season only after a preposition ("in the fall", "during the summer"),
    # not in "the fall in prices" or "the fall of the Berlin Wall".
    bare = g("the") and not (g("shift") or g("year") or g("pmod"))
    if bare and (
        re.match(r"\s+of\b", doc.text[end : end + 4])
        or not doc.lex.preposition_before.search(doc.text, max(0, start - 12), start)
    ):
        return None
    mod = position(g("pmod"), doc.words)
    if g("year"):
        value = f"{year_number(doc.words, g('year') or ''):04d}-{code}"
        return Reading("DATE", value, mod=mod, anchor=Anchor(kind="none"))
    period = MonthsOfYear(SEASON_START_MONTH[code], 3, code)
    pending = YearOf(undated_value=f"XXXX-{code}", period=period, mode=doc.mode(start, end, g("shift")))
    return Reading("DATE", "", mod=mod, anchor=Anchor(kind="dct"), pending=pending)


@dataclass(frozen=True)
class WeekOfMonth(YearlyPeriod):
    """The n-th week of a month (the ISO week holding its day 7n - 6; n = -1: its last day's week)."""

    month: int
    number: int

    def first_of(self, year: int) -> date:
        return date(year, self.month, 1)

    def last_of(self, year: int) -> date:
        return add_months(date(year, self.month, 1), 1) - timedelta(days=1)

    def value(self, year: int) -> str:
        day = self.last_of(year) if self.number < 0 else date(year, self.month, 7 * self.number - 6)
        return period_value("week", day)


@normaliser("week_of_month")
def week_of_month(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    month_word = g("month") or ""
    if not doc.month_is_plausible(month_word, start, standalone=False):
        return None
    ordinal = (g("ordinal") or "").lower()
    period = WeekOfMonth(
        doc.month(month_word), -1 if ordinal in ("last", "final") else doc.words.ordinals[ordinal]
    )
    if g("year"):
        return Reading(
            "DATE", period.value(year_number(doc.words, g("year") or "")), anchor=Anchor(kind="none")
        )
    pending = YearOf(undated_value="XXXX-WXX", period=period, mode=doc.mode(start, end, None))
    return Reading("DATE", "", anchor=Anchor(kind="dct"), pending=pending)


def _bare_season_is_dated(doc: Document, start: int, end: int) -> bool:
    """A season with no article or year ("by summer", "in spring") right after one of the lexicon's season
    prepositions, in a clause with a tense: "leaves fall in autumn" is a habit, no particular autumn."""
    words = "|".join(re.escape(word) for word in doc.words.season_prepositions)
    before = re.search(rf"\b(?:{words})\s+$", doc.text[max(0, start - 12) : start], re.IGNORECASE)
    return before is not None and doc.tense(start, end) is not None
