"""Years, decades and centuries ("2026", "fiscal 1989", "the '90s", "the 20th century"), the year of a
report ("the fiscal year") and its end ("year-end")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from timeline.temporal.context import Document
from timeline.temporal.families.explicit import DayOfYear
from timeline.temporal.intervals import OutOfCalendar
from timeline.temporal.models import Anchor
from timeline.temporal.readings import Group, Reading, position, sentence_start, year_number
from timeline.temporal.registry import normaliser
from timeline.temporal.resolver import NotFarAhead, Pending, PeriodFromDct, YearInDctCentury, YearOf

_WORD_BEFORE = re.compile(r"\b([A-Z][A-Za-z]*)\s+$")
_RANGE_BEFORE = re.compile(r"\d+\s*(?:-|to)\s*$")
_SHORT_YEAR_AFTER = re.compile(r"[-–/](\d\d)(?![\d%]|[.,]\d)")
# "the year ended June 30", "the year to March" (a month or date after "to"): a twelve-month span by its end
_YEAR_ENDED = re.compile(r"\s+(?:(?:that\s+)?end(?:ed|ing|s)\b|to\s+(?=[A-Z]))")


@dataclass(frozen=True)
class _Decade:
    def __call__(self, year: int) -> str:
        return f"{year // 10:03d}"


@dataclass(frozen=True)
class _Year:
    def __call__(self, year: int) -> str:
        return f"{year:04d}"


@normaliser("decade")
def decade(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    mod = position(g("pmod"), doc.words)
    if g("decade"):
        return Reading("DATE", f"{int(g('decade') or 0) // 10:03d}", mod=mod, anchor=Anchor(kind="none"))
    two_digits = int(g("short") or doc.words.decade_words[(g("word") or "").lower()])
    pending = YearInDctCentury(undated_value=f"XX{two_digits // 10}", two_digits=two_digits, shape=_Decade())
    return Reading("DATE", "", mod=mod, anchor=Anchor(kind="dct"), pending=pending)


@normaliser("century")
def century(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    mod = position(g("pmod"), doc.words)
    return Reading("DATE", f"{int(g('nth') or 0) - 1:02d}", mod=mod, anchor=Anchor(kind="none"))


@dataclass(frozen=True, kw_only=True)
class _NearestCenturyTurn(Pending):
    """ "the turn of the century": the century boundary nearest the DCT (2000 from 1950 to 2049)."""

    def value(self, dct: date) -> str:
        year = (dct.year + 50) // 100 * 100
        if not 1 <= year <= 9999:
            raise OutOfCalendar(f"no century boundary near {dct.year}")
        return f"{year:04d}"


@normaliser("century_turn")
def century_turn(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    """Around a century boundary (mod APPROX): "the turn of the 20th century" is 1900."""
    if g("nth"):
        return Reading(
            "DATE", f"{(int(g('nth') or 0) - 1) * 100:04d}", mod="APPROX", anchor=Anchor(kind="none")
        )
    pending = _NearestCenturyTurn(undated_value="XX00")
    return Reading("DATE", "", mod="APPROX", anchor=Anchor(kind="dct"), pending=pending)


@normaliser("short_year")
def short_year(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    """ "in '91": the year in the DCT's century unless that is over ten years ahead (then the one before)."""
    two_digits = g("short") or ""
    pending = YearInDctCentury(undated_value=None, two_digits=int(two_digits), shape=_Year())
    reading = Reading("DATE", "", anchor=Anchor(kind="dct"), pending=pending)
    reading.start = end - len(two_digits) - 1  # the apostrophe: "in" is not part of the expression
    return reading


@normaliser("year_end")
def year_end(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    period = DayOfYear(12, 31)
    pending = YearOf(undated_value="XXXX-12-31", period=period, mode=doc.mode(start, end, None))
    return Reading("DATE", "", anchor=Anchor(kind="dct"), pending=pending)


@normaliser("year")
def year(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    year_text = g("year") or ""
    number = year_number(doc.words, year_text)
    backed = bool(
        g("fiscal") or g("pmod") or doc.lex.preposition_before.search(doc.text, max(0, start - 12), start)
    )
    if year_text.lower().startswith("two") and not backed:
        return None  # "two thousand" is a number unless something says it is a year
    if not (1800 <= number <= 2099 or backed) or _a_number_not_a_year(doc, g, start, end, number, backed):
        return None
    reading = Reading("DATE", f"{number:04d}", mod=position(g("pmod"), doc.words), anchor=Anchor(kind="none"))
    if doc.lex.level_before.search(doc.text, max(0, start - 12), start):
        # "the index closed at 2082": a level, not a year decades ahead of the publication date
        reading.pending = NotFarAhead(undated_value=reading.value, year=number)
    return reading


def _a_number_not_a_year(doc: Document, g: Group, start: int, end: int, number: int, backed: bool) -> bool:
    """A count ("2000 people"), a number in a name ("Windows 2000"), a range of counts ("1500 to 2000")."""
    stated = g("fiscal") or g("pmod")
    if not stated and (doc.lex.counted_noun_after.match(doc.text, end) or _in_a_name(doc, start)):
        return True
    if re.match(r"\s*(?:-|to)\s*\d", doc.text[end : end + 6]) and not (
        backed or _two_years(doc, number, end)
    ):
        return True  # "1500 to 2000" counts things; "from 2009 to 2017", "1987-88" are spans of years
    range_start = _RANGE_BEFORE.search(doc.text, max(0, start - 12), start)
    # the end of a range whose start was no year ("1500 to 2000 staff")
    return bool(range_start and not (doc.reference and doc.reference.start == range_start.start()))


def _two_years(doc: Document, first: int, end: int) -> bool:
    """ "1987-88", "1914-18": a year and a later one of its decade or the next, written with two digits."""
    later = _SHORT_YEAR_AFTER.match(doc.text, end)
    return later is not None and 0 < (int(later.group(1)) - first % 100) % 100 <= 10


def _in_a_name(doc: Document, start: int) -> bool:
    """Right after a capitalised word that is no time word, inside a sentence."""
    before = _WORD_BEFORE.search(doc.text, max(0, start - 24), start)
    return (
        before is not None
        and before.group(1).lower() not in doc.lex.proper_words
        and not sentence_start(doc.text, before.start(1))
    )


@normaliser("the_year")
def the_year(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    """ "The (fiscal) year" of a report is the DCT's; "the year ended June 30" ("the year to March") names
    a twelve-month span by its end, which TimeBank reads as a duration (the end date is tagged on its own)."""
    if doc.text[end - 4].isupper():
        return None  # a title: "Player of the Year"
    if _YEAR_ENDED.match(doc.text, end):
        return Reading("DURATION", "P1Y", granularity="year", positioned=False)
    latest = (g("kind") or "").lower().startswith("latest")  # the last complete one
    pending = PeriodFromDct(undated_value="XXXX", granularity="year", steps=-latest)
    return Reading("DATE", "", anchor=Anchor(kind="dct"), pending=pending)
