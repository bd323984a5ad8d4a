"""Find time expressions in news text and normalise them TIMEX3 style.

How it works: one compiled regular expression (lexicon.py, built from resources/*.yaml) scans the text
in C and yields candidate spans; each candidate is handed to the normaliser of the rule that matched,
which reads the rule's groups, decides whether the words really are a time expression ("may" the verb,
"$1,999" the price are not) and computes the TIMEX3 type/value/mod plus our interval extension.

Conventions (documented choices where TimeML leaves room):
- earliest/latest are the inclusive first and last day the expression can denote. DATE/TIME values that
  name a calendar period take that period's days; START/MID/END narrow it to its first/middle/last third.
- "earlier <period>"/"later <period>" ("earlier this week", "later in 2026") keep the period's value and
  no mod (TimeML's BEFORE/AFTER would mean "before the whole period"); when the period contains the DCT
  the interval is cut at the DCT: "later in 2026" (DCT 2026-06-06) is 2026-06-06..2026-12-31.
- PAST_REF ("recently") is open towards the past: earliest None, latest the DCT. FUTURE_REF the reverse.
  PRESENT_REF ("now", "currently") is the DCT itself.
- Durations have no position unless anchored: "the past six months" is P6M from DCT-6 months to the DCT.
- A weekday is resolved by the tense of its clause: past tense gives the most recent one before the DCT,
  future tense the next one after it, the DCT's own weekday is the DCT; with no tense cue, the news
  convention (most recent past) applies. A bare month or yearless date without a tense cue is the coming
  one only when it begins soon (two months; three for a day, often a scheduled date), else the past one;
  a future clause puts a yearless date ahead. Tense cues: listed words, "-ed" forms and irregular past
  forms (lemminflect), except base verbs ("succeed"), participles after "be" and adjectives after an
  article; a fronted date ("In March, ...") takes the tense of the clause after its comma; a plan seen
  from the past perfect ("had been due to expire Friday") has passed; a deadline ("by Dec. 15",
  "extended to Nov. 20", "until Tuesday") is the nearest such date unless its clause is in the future;
  "since" looks back.
- "N units before/after <event>" keeps the duration as value and records an event anchor the timeline
  stage resolves; when <event> is itself a time expression it is resolved here (anchor kind "timex").
- Without a DCT, relative expressions get underspecified values (XXXX-WXX-4, XXXX-XX) and no interval.
- "now"/"currently"/"current" are PRESENT_REF, as TimeBank tags them in most contexts, including the
  emphatic "is now at risk" (on TempEval-3 training data tagging them gains more matches than it adds
  false ones); "Now," opening a sentence is a discourse marker and is left out, and so are capitalised
  words inside names ("the Future of Life Institute", "Daily AI News").
- The date in view (the last absolute or DCT-relative date, or a day counted from one) anchors "the
  next day", "that year", "a year earlier", "the year-ago quarter", "the previous Friday", "earlier that
  day" (anchor kind "timex"). Financial comparisons: "a year ago" is a baseline and does not move the
  view; a quarter's closing date ("the quarter ended Sept. 30") leaves the quarter in view; "the 1988
  period", "last year's quarter", "the quarter a year ago" are the quarter last named, in that year.
- "The (fiscal, full) year" of a report is the DCT's year; "the year ended June 30" is P1Y (TimeBank).
- Expressions with a word capitalised against its running-text use past a sentence start are names or
  titles and are left out ("This Week", "60 Minutes", "High Noon"); so are lower-case holidays.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache, partial

from dateparser.date import DateDataParser
from dateutil.easter import easter  # the Western Easter computus (dateutil comes with dateparser/pendulum)
from lemminflect import getAllInflections, getAllLemmas  # verb morphology: "brought" is the past of "bring"

from timeline.temporal.intervals import (
    SEASON_START_MONTH,
    OutOfCalendar,
    add_months,
    nth_weekday,
    period_value,
    shift,
)
from timeline.temporal.intervals import calendar_interval as interval
from timeline.temporal.lexicon import Lexicon, Rule, lexicon
from timeline.temporal.models import Anchor, Timex

Group = Callable[[str], str | None]

_GRANULARITY_ORDER = [
    "time",
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
]
_UNDERSPECIFIED = {
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
_SECONDS = {"hour": 3600, "minute": 60, "second": 1}
_RANGE_BEFORE = re.compile(r"\d+\s*(?:-|to)\s*$")
_SAME_CLAUSE = 40  # characters: a clock time this soon after a named day is on that day
_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)
_SOON_DAYS = 62  # a bare month this close ahead of the DCT may be meant ahead without a future cue
# A named day ("Dec. 15 is the record date") is often a scheduled date within the coming quarter.
_SOON_DAYS_FOR_A_DAY = 92
_NEAR = 6  # characters: a tense cue this close (the adjacent word) is about the date itself
_CONJUNCTION_BEFORE = re.compile(r".*,\s+(?:and|but|while|whereas)\s", re.DOTALL)
_DISCOURSE_NOW = re.compile(r"\s*,")
_CLAUSE_END = re.compile(r"[.!?;:,\n]|\s(?:and|but|while|whereas)\s")
_EVENT_END = re.compile(r"[,.;:!?()\"\n]|\s(?:and|but|while|when|because|which|after|before)\s")
_TIME_PART_CODE = re.compile(r"T(?:MO|AF|EV|NI|MI|DT)$")
# dateparser parses a found explicit date string; fixed base so results never depend on today.
_EXPLICIT = DateDataParser(
    languages=["en"],
    settings={"STRICT_PARSING": True, "RELATIVE_BASE": datetime(2000, 1, 1), "DATE_ORDER": "MDY"},
)


@lru_cache(maxsize=8192)
def parse_explicit_date(phrase: str) -> date | None:
    """A full explicit date (day, month and year written out) via dateparser; cached because it is slow."""
    found = _EXPLICIT.get_date_data(phrase).date_obj
    return found.date() if found is not None else None


@dataclass
class Reading:
    """What a normaliser made of a candidate; the span may be narrower than the regex match."""

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


def _vague_reference(ref: str, dct: date | None, end: int | None = None) -> Reading:
    """PAST_REF ends at the DCT, FUTURE_REF starts there, PRESENT_REF is the DCT itself."""
    bounds = {"PRESENT_REF": (dct, dct), "PAST_REF": (None, dct), "FUTURE_REF": (dct, None)}[ref]
    return Reading(
        "DATE",
        ref,
        earliest=bounds[0],
        latest=bounds[1],
        granularity="unknown",
        anchor=Anchor(kind="dct"),
        positioned=False,
        end=end,
    )


@dataclass
class _Reference:
    """The last absolute date mentioned: "a year earlier", "the same quarter" count from it."""

    value: str
    start: int
    granularity: str
    end: int = -1
    from_dct: bool = False  # itself counted from the DCT ("year end", "last month")


class _Document:
    def __init__(self, text: str, dct: date | None, lex: Lexicon) -> None:
        self.text = text
        # ASCII letters lower-cased, same length: the scanner is compiled case-sensitive, which is
        # about twice as fast as IGNORECASE; normalisers read the original text by offset.
        self.folded = text.lower() if text.isascii() else text.translate(_ASCII_FOLD)
        self.dct = dct
        self.lex = lex
        self.words = lex.words
        self.reference: _Reference | None = None
        self.last_quarter: _Reference | None = None  # the last quarter named, even if the view moved on

    def tense(self, start: int, end: int, within: int = 200) -> str | None:
        """'past' or 'future' from the cue word nearest to the span within its clause (and at most
        `within` characters away), 'nearest' for a deadline reported in the past or a future seen from
        the past ("would", "could"), or None."""
        text = self.text
        if self.lex.past_before.search(text, max(0, start - 24), start):
            return "past"
        if self.lex.moved_to_before.search(text, max(0, start - 24), start):
            return "future"
        if self.lex.deadline_before.search(text, max(0, start - 24), start):
            # A deadline lies ahead in a future clause; reported in the past it may have passed.
            return "future" if self._clause_tense(start, end, within) == "future" else "nearest"
        return self._clause_tense(start, end, within)

    def _clause_tense(self, start: int, end: int, within: int) -> str | None:
        text = self.text
        left = text[max(0, start - 100) : start]
        breaks = [m for m in _SENTENCE_END.finditer(left) if not self._abbreviation_at(left, m)]
        if breaks:
            left = left[breaks[-1].end() :]
        conjunction = _CONJUNCTION_BEFORE.search(left)
        if conjunction:
            left = left[conjunction.end() :]
        fronted = bool(_FRONTED.fullmatch(left))
        # "In March, the company brought in ...": a fronted date belongs to the clause after the comma.
        right = text[end : end + (100 if fronted else 60)]
        right_breaks = (_SENTENCE_END if fronted else _CLAUSE_END).finditer(right)
        stop = next((m for m in right_breaks if not self._abbreviation_at(right, m)), None)
        if stop:
            right = right[: stop.start()]
        best: tuple[int, str, bool] | None = None  # distance, tense, whether the cue is on the left

        def consider(distance: int, kind: str, on_left: bool) -> None:
            nonlocal best
            if best is None or distance < best[0]:
                best = (distance, kind, on_left)

        def reported_beyond(cue: re.Match[str]) -> bool:
            # "told companies of a cutback in September": the report is past, what it reports may lie
            # ahead; but "told a news conference on Tuesday" dates the telling.
            return cue.group().lower() in self.lex.reporting_verbs and bool(
                self.lex.report_complement.search(left, cue.end())
            )

        lex = self.lex
        cues = (("future", lex.future_cue), ("nearest", lex.either_cue), ("past", lex.past_cue))
        for kind, cue in cues:
            for m in cue.finditer(left):
                distance = len(left) - m.end()
                if kind != "past" or (
                    self._past_verb_at(left, m.start(), m.group()) and not reported_beyond(m)
                ):
                    consider(distance, kind, True)
            if fronted and kind != "past":
                cue = self.lex.future_modal if kind == "future" else self.lex.either_cue
            for m in cue.finditer(right):
                if kind != "past" or self._past_verb_at(right, m.start(), m.group()):
                    # the words before a time expression say more about it than those after
                    consider(2 * m.start() + 1, kind, False)
                    break
        # Irregular past forms ("brought", "met", "rose") are too many to list: ask the morphology.
        for side, is_left in ((left, True), (right, False)):
            for m in _LOWER_WORD.finditer(side):
                if _irregular_past(m.group()) and self._past_verb_at(side, m.start(), m.group()):
                    distance = len(side) - m.end() if is_left else 2 * m.start() + 1
                    if is_left and reported_beyond(m):
                        continue
                    consider(distance, "past", is_left)
                    if not is_left:
                        break
        if best is None or best[0] > within:
            return None
        distance, kind, on_left = best
        cue_end = len(left) - distance if on_left else len(left)
        if kind != "past" and _PAST_PERFECT.search(left, 0, cue_end):
            # A plan seen from the past perfect ("had been set to expire Nov. 6") may have passed or not.
            return "nearest"
        if kind == "past" and on_left and _infinitive_in(left, cue_end):
            return "nearest"  # "agreed to buy the line in February": a past decision about any time
        return kind

    def _abbreviation_at(self, text: str, found: re.Match[str]) -> bool:
        """Whether a found period ends an abbreviation or an initial ("Mr.", "P. Davison"), not a clause."""
        return found.group() == "." and bool(self.lex.abbreviation_before.search(text, 0, found.start()))

    def _past_verb_at(self, text: str, position: int, word: str) -> bool:
        """Whether a past-looking word at `position` is a past tense: after a form of "be" it is a passive
        participle ("will be paid"), after an article an adjective ("a still unspecified date"), and so is
        an "un-...-ed" word ("unexpected")."""
        if self.lex.passive_before.search(text, 0, position):
            return False
        word = word.lower()
        if not word.endswith("ed"):
            return True
        if _base_verb(word):
            return False  # "succeed", "need", "proceed" end in "ed" but are no past forms
        return not (word.startswith("un") or self.lex.adjective_before.search(text, 0, position))


_PAST_PERFECT = re.compile(r"\bhad\b", re.IGNORECASE)
_INFINITIVE = re.compile(r"\bto\s+([a-z]+)\b")
_LOWER_WORD = re.compile(r"(?<![\w'])[a-z]{3,}(?![\w'])")
_FRONTED = re.compile(r"\s*(?:\w+\s+){0,2}")  # at most a preposition and an article before the date
_SENTENCE_END = re.compile(r"[.!?;\n]")


def _infinitive_in(text: str, start: int) -> bool:
    """Whether `text` has "to" and a verb's base form after `start` ("to admit", not "to Aqaba")."""
    return any(_base_verb(m.group(1).lower()) for m in _INFINITIVE.finditer(text, start))


@lru_cache(maxsize=4096)
def _irregular_past(word: str) -> bool:
    """A simple-past verb that is no other part of speech nor a base form ("met"; not "ground", "set")."""
    lemmas = getAllLemmas(word)
    verbs = lemmas.get("VERB", ())
    return (
        list(lemmas) == ["VERB"]
        and word not in verbs
        and any(word in getAllInflections(lemma, upos="VERB").get("VBD", ()) for lemma in verbs)
    )


@lru_cache(maxsize=4096)
def _base_verb(word: str) -> bool:
    """A verb's base form ("succeed", "need"), which lemmatises to itself."""
    return word in getAllLemmas(word).get("VERB", ())


def _sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 3) : position].rstrip(" \"'“‘`")
    return not before or before[-1] in ".!?\n"


def _number(words: dict[str, int], phrase: str) -> float | None:
    phrase = re.sub(r"\s+", " ", phrase.lower().strip())
    if phrase in words:
        return words[phrase]
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
        if token not in words:
            return None
        if words[token] == 100:
            total = max(total, 1) * 100
        else:
            total += words[token]
    return total


def _format_amount(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


# A half unit written in the next smaller unit, as TIMEX3 values have no fractions: P1Y6M, PT1M30S.
_HALF_UNIT = {"Y": "6M", "M": "15D", "W": "3DT12H", "D": "T12H", "TH": "30M", "TM": "30S"}


def _duration_value(amount: float | None, unit: str, words: dict) -> str:
    spec = words["units"][unit]
    code, count = spec["code"], spec.get("count", 1)
    clock = "T" if unit in ("hour", "minute", "second") else ""
    if amount is None:
        return f"P{clock}X{code}"
    total = amount * count
    whole = int(total)
    half = _HALF_UNIT.get(clock + code) if total - whole == 0.5 else None
    if half is not None:
        return f"P{clock}{whole}{code}{half}" if whole else f"P{clock}{half}"
    return f"P{clock}{_format_amount(total)}{code}"


def _unit_key(raw: str, words: dict) -> str:
    """Singular lexicon key of a unit word as matched ("centuries" -> "century", "Weeks" -> "week")."""
    word = raw.lower()
    for candidate in (word, word[:-1], word[:-2]):
        if candidate in words["units"]:
            return "century" if candidate == "centurie" else candidate
    return word


def _pick_period(
    dct: date,
    first_of: Callable[[int], date],
    last_of: Callable[[int], date],
    mode: str,
    soon_days: int = _SOON_DAYS,
) -> int:
    """The year of a yearly recurring period (a month, a season, a holiday) meant relative to the DCT.

    mode: "last"/"next" strictly before/after the DCT; "this" the one containing or in the DCT's year;
    "past"/"future" by tense (the one containing the DCT counts); "soon_or_past" the coming one if it
    begins within `soon_days`, else the past one (news looks back); "nearest" otherwise.
    """
    years = [dct.year - 1, dct.year, dct.year + 1]
    spans = [(y, first_of(y), last_of(y)) for y in years]
    containing = [y for y, a, b in spans if a <= dct <= b]
    if mode == "last":
        return max(y for y, _a, b in spans if b < dct)
    if mode == "next":
        return min(y for y, a, _b in spans if a > dct)
    if containing and mode in ("this", "past", "future", "nearest"):
        return containing[0]
    if mode == "this":
        return dct.year
    if mode == "past":
        return max(y for y, a, _b in spans if a <= dct)
    if mode == "future":
        return min(y for y, _a, b in spans if b >= dct)
    if mode == "soon_or_past":  # news looks back: ahead only when it begins within two months
        ahead = min(y for y, a, _b in spans if a > dct)
        soon = (first_of(ahead) - dct).days <= soon_days
        return ahead if soon else max(y for y, a, _b in spans if a <= dct)

    def distance(span: tuple[int, date, date]) -> tuple[int, int]:
        _y, a, b = span
        gap = (a - dct).days if a > dct else (dct - b).days
        return gap, 0 if b < dct else 1  # ties go to the past

    return min(spans, key=distance)[0]


def _direction(doc: _Document, shift_word: str | None) -> str | None:
    """ "last", "this" or "next" for a shift word of the lexicon ("previous", "this coming" ...)."""
    if not shift_word:
        return None
    steps = int(doc.words["relative_shift"].get(re.sub(r"\s+", " ", shift_word.lower()), 0))
    return "last" if steps < 0 else "next" if steps > 0 else "this"


def _mode(doc: _Document, start: int, end: int, shift_word: str | None) -> str:
    return _direction(doc, shift_word) or doc.tense(start, end) or "nearest"


def _weekday_date(doc: _Document, weekday: int, start: int, end: int, shift_word: str | None) -> date | None:
    dct = doc.dct
    if dct is None:
        return None
    back = (dct.isoweekday() - weekday) % 7  # days back to the most recent such weekday (0: the DCT)
    direction = _direction(doc, shift_word)
    if direction == "last":
        return dct - timedelta(days=back or 7)
    if direction == "next":
        return dct + timedelta(days=(weekday - dct.isoweekday()) % 7 or 7)
    if direction == "this":
        return dct + timedelta(days=weekday - dct.isoweekday())
    if back == 0:
        return dct
    tense = doc.tense(start, end)
    if tense == "future" or (tense == "nearest" and back > 3):
        return dct + timedelta(days=7 - back)
    return dct - timedelta(days=back)  # past tense, or the news convention when no tense is found


def _weekday_number(doc: _Document, word: str) -> int:
    return int(doc.words["weekdays"][word.lower().rstrip(".")])


def _month_number(doc: _Document, word: str) -> int:
    return int(doc.words["months"][word.lower().rstrip(".")])


def _month_is_plausible(doc: _Document, word: str, start: int, standalone: bool) -> bool:
    """Month words that are also verbs ("may", "march") need a capital and, standing alone, a preposition."""
    key = word.lower().rstrip(".")
    if key not in doc.words["ambiguous_months"] and not standalone:
        return True
    if not word[0].isupper():
        return False
    if not standalone:
        return True
    if key in doc.words["ambiguous_months"] or len(key) <= 4:
        if _NAME_AFTER.match(doc.text, start + len(word)):
            return False  # a first name: "Jan Kavan", "May Sarton"
        before = max(0, start - 12)
        # "in May", "a June agreement", "The March accession": a preposition or a determiner before it
        return bool(
            doc.lex.preposition_before.search(doc.text, before, start)
            or doc.lex.determiner_before.search(doc.text, before, start)
        )
    return True


def _position(pmod: str | None, words: dict) -> str | None:
    if not pmod:
        return None
    return str(words["position_mods"][re.sub(r"\s+", " ", pmod.lower())])


def _year_number(doc: _Document, written: str) -> int:
    """A year in digits or read out ("nineteen ninety-six" 1996, "two thousand and one" 2001)."""
    if written.isdigit():
        return int(written)
    tokens = [t for t in re.split(r"[\s-]+", written.lower()) if t != "and"]
    numbers = doc.words["number_words"]
    if tokens[:2] == ["two", "thousand"]:
        return 2000 + sum(int(numbers[t]) for t in tokens[2:])
    century, rest = int(numbers[tokens[0]]), tokens[1:]
    if rest == ["hundred"]:
        return century * 100
    return century * 100 + sum(int(numbers[t]) for t in rest if t != "oh")


def _year_of_dct_century(doc: _Document, two_digits: int) -> int:
    base = doc.dct.year if doc.dct else 2000
    year = base - base % 100 + two_digits
    return year - 100 if year > base + 10 else year


# ---------------------------------------------------------------- rule normalisers


def _iso_date(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    try:
        day = date(int(g("year") or 0), int(g("month") or 0), int(g("day") or 0))
    except ValueError:
        return None
    if g("hour"):
        return Reading("TIME", f"{day.isoformat()}T{g('hour')}:{g('minute')}", anchor=Anchor(kind="none"))
    return Reading("DATE", day.isoformat(), anchor=Anchor(kind="none"))


def _numeric_date(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    day = parse_explicit_date(doc.text[start:end])
    if day is None:
        return None
    year_text = g("year") or ""
    if len(year_text) == 2:  # dateparser's two-digit pivot differs; news years sit near the DCT
        day = day.replace(year=_year_of_dct_century(doc, int(year_text)))
    return Reading("DATE", day.isoformat(), anchor=Anchor(kind="none"))


def _clock_time(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    if g("named"):
        # TIMEX3 writes midnight as the end of its day, T24:00: "midnight Friday" closes Friday.
        hour, minute = (12, 0) if (g("named") or "").lower() in ("noon", "midday") else (24, 0)
    elif g("hour_part"):  # "4 in the morning", "9 in the evening"
        hour, minute = int(g("hour_part") or 0) % 12, 0
        hour += 12 if (g("part") or "").lower() in ("afternoon", "evening") else 0
    elif g("hour24"):
        hour, minute = int(g("hour24") or 0), int(g("minute24") or 0)
    else:
        hour, minute = int(g("hour") or 0), int(g("minute") or 0)
        if hour > 12:
            return None
        pm = (g("ampm") or "").lower() == "p"
        hour = (hour % 12) + (12 if pm else 0)
    clock = f"T{hour:02d}:{minute:02d}"
    approximation = re.sub(r"\s+", " ", (g("qmod") or "").lower())
    mod = (
        "BEFORE" if approximation.endswith("before") else "AFTER" if approximation.endswith("after") else None
    )
    mod = mod or ("APPROX" if approximation else None)
    day: date | None
    anchor = Anchor(kind="dct")
    # "9:30 a.m. ET on Tuesday, June 9, 2026", "23:00 BST on 1 September": the day named right after
    separator = _APPOSITION if g("weekday") else _ON_AFTER
    named = None if g("month") or g("deictic") else _day_named_after(doc, end, separator)
    if named is not None:
        dated, _dated_start, dated_end = named
        return Reading("TIME", f"{dated.value}{clock}", mod=mod, anchor=dated.anchor, end=dated_end)
    if g("weekday"):
        day = _weekday_date(doc, _weekday_number(doc, g("weekday") or ""), start, end, None)
        if day is None:
            return Reading("TIME", f"XXXX-WXX-{_weekday_number(doc, g('weekday') or '')}{clock}", mod=mod)
    elif g("month"):
        found = _explicit_day(doc, g, start, end)
        if found is None:
            return None
        if doc.dct is None:
            return Reading("TIME", f"{found.value}{clock}", mod=mod, positioned=False)
        return Reading("TIME", f"{found.value}{clock}", mod=mod, anchor=found.anchor)
    elif g("deictic"):
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[(g("deictic") or "").lower()]
        day = doc.dct + timedelta(days=offset) if doc.dct else None
    else:
        day = doc.dct
        ref = doc.reference
        in_view = interval(ref.value) if ref is not None and ref.granularity == "day" else None
        later = doc.lex.weekday_after_clock.match(doc.text, end)
        if later is not None and later.group("weekday")[0].isupper():
            # "at 10:35 a.m. (0735 GMT) Friday", "at 4 in the morning (4 a.m. EDT Thursday)"
            day = _weekday_date(doc, _weekday_number(doc, later.group("weekday")), start, end, None)
        elif ref is not None and in_view is not None and start - ref.start <= _SAME_CLAUSE:
            day = in_view[0]  # "Hearing set for Thursday, June 11 at 10 a.m.": the day just named
            anchor = Anchor(kind="timex", ref=str(ref.start))
    if day is None:
        return Reading("TIME", f"XXXX-XX-XX{clock}", mod=mod)
    return Reading("TIME", f"{day.isoformat()}{clock}", mod=mod, anchor=anchor)


def _day_named_after(doc: _Document, end: int, separator: re.Pattern[str]) -> tuple[Reading, int, int] | None:
    """A DATE of one day read right after `end` past `separator`, with where it starts and ends."""
    gap = separator.match(doc.text, end)
    dated = _read_at(doc, gap.end()) if gap else None
    if gap is None or dated is None or dated[0].type != "DATE" or not _DAY_VALUE.fullmatch(dated[0].value):
        return None
    return dated[0], gap.end(), dated[1]


def _explicit_day(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    month_word = g("month") or ""
    if not _month_is_plausible(doc, month_word, start, standalone=False):
        return None
    month, day_number = _month_number(doc, month_word), int(g("day") or 0)
    weekday_word = g("weekday")
    anchor = Anchor(kind="none")
    if g("year"):
        year_text = g("year") or ""
        if year_text.isdigit():
            day = parse_explicit_date(_date_phrase(g))
        else:  # a year read out in words, which dateparser does not read
            try:
                day = date(_year_number(doc, year_text), month, day_number)
            except ValueError:
                day = None
        if day is None:
            return None
    else:
        if not 1 <= day_number <= 31:
            return None
        if doc.dct is None:
            value = f"XXXX-{month:02d}-{day_number:02d}"
            return Reading("DATE", value, positioned=False)

        def first_of(year: int) -> date:
            return date(
                year, month, min(day_number, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
            )

        if g("year_shift"):  # "Oct. 23 last year"
            year = doc.dct.year + {"this": 0, "last": -1, "next": 1}[(g("year_shift") or "").lower()]
        else:
            # "last Oct. 23" is the latest one before the DCT; a tense cue right next to a date ("ended
            # March 31", "due June 4") decides; else a future clause ("will succeed him Feb. 1") looks
            # ahead, and otherwise news looks back, as for bare months.
            mode = _direction(doc, g("shift")) or doc.tense(start, end, within=_NEAR)
            if mode is None:
                clause = doc.tense(start, end)  # "would leave ... from August 6": the nearest one
                mode = clause if clause in ("future", "nearest") else "soon_or_past"
            year = _pick_period(doc.dct, first_of, first_of, mode, soon_days=_SOON_DAYS_FOR_A_DAY)
        try:
            day = date(year, month, day_number)
        except ValueError:
            return None
        anchor = Anchor(kind="dct")
    mismatch = weekday_word is not None and _weekday_number(doc, weekday_word) != day.isoweekday()
    if g("week_of"):  # "the week of March 6": the (ISO) week that day is in
        return Reading("DATE", period_value("week", day), anchor=anchor)
    return Reading("DATE", day.isoformat(), anchor=anchor, weekday_mismatch=mismatch)


def _date_phrase(g: Group) -> str:
    """The found day, month and year for dateparser, without a weekday (which dateparser would let win)."""
    parts = [g("day") or "", g("month") or "", g("year") or ""]
    return " ".join(parts)


def _reference_period(doc: _Document, granularity: str) -> tuple[str, int] | None:
    """The last absolute mention if it has this granularity (value, start offset)."""
    ref = doc.reference
    if ref is not None and ref.granularity == granularity:
        return ref.value, ref.start
    return None


def _quarter(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    dct = doc.dct
    year: int | None = None
    anchor = Anchor(kind="none")
    for name in ("year_before", "year_after"):
        if g(name):
            year = _year_number(doc, g(name) or "")
    year_of = (g("year_of") or "").lower()
    if year_of and year_of.split()[0] not in ("this", "last", "next"):
        year = _year_number(doc, year_of)
    shift_word = (g("year_shift") or "").lower() or (year_of.split()[0] if year_of else "")
    if year is None and shift_word:
        if dct is None:
            return None
        year = dct.year + {"this": 0, "last": -1, "next": 1}[shift_word]
        anchor = Anchor(kind="dct")
    part = "half" if (g("part") or "").lower() == "half" or g("hnum") else "quarter"
    number: int | None = None
    ordinal = (g("ordinal") or "").lower()
    # "the last quarter" is the previous one, read below like "the past quarter"; "the last half" of
    # an unnamed year is no period
    last_as_previous = ordinal == "last" and year is None and not shift_word
    if last_as_previous and part == "half":
        return None
    if ordinal and not last_as_previous:
        word = ordinal
        number = int(doc.words["ordinals"][word])
        if part == "half" and word in ("last", "final"):
            number = 2  # "the last half of 1989"
        if part == "half" and number > 2:
            return None
    elif g("qnum") or g("hnum"):
        number = int(g("qnum") or g("hnum") or 0)
    if number is not None:
        if year is None:
            if dct is None:
                return Reading("DATE", f"XXXX-{'H' if part == 'half' else 'Q'}{number}", positioned=False)
            size = 6 if part == "half" else 3
            year = _pick_period(
                dct,
                lambda y: date(y, size * (number - 1) + 1, 1),
                lambda y: add_months(date(y, size * (number - 1) + 1, 1), size) - timedelta(days=1),
                "past" if doc.tense(start, end) == "past" else "this",
            )
            anchor = Anchor(kind="dct")
        if g("year_ago"):  # "the year-ago third quarter"
            year -= 1
        value = f"{year:04d}-{'H' if part == 'half' else 'Q'}{number}"
        # "the third-quarter profit": the hyphenated adjective is tagged without its article
        article = re.match(r"the\s+", doc.text[start:end], re.IGNORECASE)
        first = (
            start + article.end()
            if article and re.search(r"\w-(?:fiscal-)?(?:quarter|half)", doc.text[start:end])
            else start
        )
        return Reading(
            "DATE",
            value,
            mod=_position(g("pmod"), doc.words),
            anchor=anchor,
            start=first,
            in_view=not g("year_ago"),
        )
    # "the latest quarter", "the year-ago quarter", "the quarter": counted from the quarter in view.
    rel = "last" if last_as_previous else (g("rel") or g("year_ago") or "").lower()
    if g("bare") and not (g("the") or g("year_shift")):
        return None
    in_view = _reference_period(doc, "quarter")
    if year is not None:
        # "the 1988 period", "last year's quarter": the quarter last named, in that year
        named = doc.last_quarter
        in_view = (named.value, named.start) if named else None
        in_view_period = interval(in_view[0]) if in_view else None
        if rel:
            return None
        if in_view is None or in_view_period is None:
            return Reading("DATE", f"{year:04d}", anchor=anchor) if g("bare") else None
        named_number = (in_view_period[0].month - 1) // 3 + 1
        return Reading(
            "DATE",
            f"{year:04d}-Q{named_number}",
            anchor=Anchor(kind="timex", ref=str(in_view[1])),
            in_view=False,
        )
    base_value: str | None = in_view[0] if in_view else None
    if rel == "current" and dct is not None:
        base_value = None  # "the current quarter" contains the DCT, whatever quarter a report is about
    if base_value is None:
        if dct is None:
            return Reading("DATE", "XXXX-QX", positioned=False)
        latest_complete = shift(dct, -1, "quarter")
        base_value = period_value("quarter", dct if rel in ("current", "next", "coming") else latest_complete)
        anchor = Anchor(kind="dct")
    else:
        anchor = Anchor(kind="timex", ref=str(in_view[1]) if in_view else None)
    base = interval(base_value)
    if base is None:
        return None
    steps = {"previous": -1, "past": -1, "last": -1, "next": 1, "coming": 1}.get(rel, 0)
    if rel in ("year-ago", "year-earlier", "prior-year", "year-before") or g("year_back"):
        steps = -4
    if in_view is None and rel in ("previous", "past", "last"):
        steps = 0  # the latest complete quarter already is the previous one
    return Reading("DATE", period_value("quarter", shift(base[0], steps, "quarter")), anchor=anchor)


def _year_ago_adjective(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    ref = doc.reference
    # The period in view is the one being compared when it is part of a year (a quarter, a month);
    # a whole year in view is often an older one, and the comparison is with the DCT's year.
    if ref is not None and ref.granularity in ("quarter", "month", "half"):
        first = interval(ref.value)
        if first is not None:
            value = period_value(ref.granularity, shift(first[0], -1, "year"))
            return Reading("DATE", value, anchor=Anchor(kind="timex", ref=str(ref.start)))
    if doc.dct is None:
        return Reading("DATE", "XXXX", positioned=False)
    return Reading("DATE", f"{doc.dct.year - 1:04d}", anchor=Anchor(kind="dct"))


def _month_period(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    month_word = g("month") or ""
    explicit_year = g("year")
    standalone = not (explicit_year or g("year_shift") or g("pmod") or g("shift"))
    if not _month_is_plausible(doc, month_word, start, standalone):
        return None
    if "." in month_word and standalone:
        return None
    month = _month_number(doc, month_word)
    mod = _position(g("pmod"), doc.words)
    if explicit_year:
        return Reading(
            "DATE", f"{_year_number(doc, explicit_year):04d}-{month:02d}", mod=mod, anchor=Anchor(kind="none")
        )
    dct = doc.dct
    if dct is None:
        return Reading("DATE", f"XXXX-{month:02d}", mod=mod, positioned=False)
    if g("year_shift"):
        year = dct.year + {"this": 0, "last": -1, "next": 1}[(g("year_shift") or "").lower()]
    else:
        year = _pick_period(
            dct,
            lambda y: date(y, month, 1),
            lambda y: add_months(date(y, month, 1), 1) - timedelta(days=1),
            _direction(doc, g("shift"))
            or doc.tense(start, end)
            # "in March" with no tense cue reports; "the November meeting" names a date ahead or behind
            or ("soon_or_past" if _IN_BEFORE.search(doc.text, max(0, start - 4), start) else "nearest"),
        )
    return Reading("DATE", f"{year:04d}-{month:02d}", mod=mod, anchor=Anchor(kind="dct"))


def _season(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    season_word = g("season") or ""
    code = str(doc.words["seasons"][season_word.lower()])
    if not (g("shift") or g("year") or g("pmod") or g("the")):
        return None
    # "the fall" alone is a season only after a preposition ("in the fall", "during the summer"),
    # not in "the fall in prices" or "the fall of the Berlin Wall".
    bare = g("the") and not (g("shift") or g("year") or g("pmod"))
    if bare and (
        re.match(r"\s+of\b", doc.text[end : end + 4])
        or not doc.lex.preposition_before.search(doc.text, max(0, start - 12), start)
    ):
        return None
    mod = _position(g("pmod"), doc.words)
    if g("year"):
        return Reading(
            "DATE", f"{_year_number(doc, g('year') or ''):04d}-{code}", mod=mod, anchor=Anchor(kind="none")
        )
    if doc.dct is None:
        return Reading("DATE", f"XXXX-{code}", mod=mod, positioned=False)
    start_month = SEASON_START_MONTH[code]
    year = _pick_period(
        doc.dct,
        lambda y: date(y, start_month, 1),
        lambda y: add_months(date(y, start_month, 1), 3) - timedelta(days=1),
        _mode(doc, start, end, g("shift")),
    )
    return Reading("DATE", f"{year:04d}-{code}", mod=mod, anchor=Anchor(kind="dct"))


def _weekday_part(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    weekday = _weekday_number(doc, g("weekday") or "")
    part = str(doc.words["day_parts"][(g("part") or "").lower()])
    if g("plural"):
        return Reading("SET", f"XXXX-WXX-{weekday}T{part}", positioned=False)
    shift_word = (g("shift") or "").lower()
    mod = {"early": "START", "late": "END"}.get(shift_word)
    day = _weekday_date(doc, weekday, start, end, None if mod else shift_word or None)
    if day is None:
        return Reading("TIME", f"XXXX-WXX-{weekday}T{part}", mod=mod, positioned=False)
    return Reading("TIME", f"{day.isoformat()}T{part}", mod=mod, anchor=Anchor(kind="dct"))


def _deictic_part(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    deixis = (g("deixis") or "").lower()
    part_word = (g("part") or "").lower()
    part = str(doc.words["day_parts"][part_word])
    if deixis == "last" and part != "NI":
        return None  # "last morning" is not a news idiom; "last night" is
    offset = {"this": 0, "today": 0, "tonight": 0, "yesterday": -1, "last": -1, "tomorrow": 1}[deixis]
    mod = {"early": "START", "late": "END"}.get((g("pmod") or "").lower())
    if doc.dct is None:
        return Reading("TIME", f"XXXX-XX-XXT{part}", mod=mod, positioned=False)
    day = doc.dct + timedelta(days=offset)
    return Reading("TIME", f"{day.isoformat()}T{part}", mod=mod, anchor=Anchor(kind="dct"))


def _shifted_period(doc: _Document, unit: str, steps: int) -> str | None:
    if doc.dct is None:
        return None
    granularity = "year" if unit == "fiscal year" else unit
    return period_value(granularity, shift(doc.dct, steps, granularity))


def _earlier_later(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    direction = (g("direction") or "").lower()
    if g("year"):
        value = f"{_year_number(doc, g('year') or ''):04d}"
        # "later in 2026" is cut at the publication date, so it depends on it (with none, all of 2026)
        anchor = Anchor(kind="dct")
    else:
        unit = (g("unit") or "").lower()
        shift_word = "that" if g("same") else (g("shift") or "").lower()
        if unit == "day" and shift_word != "that":
            return None  # only "earlier that day", "later the same day": the day in view
        ref = doc.reference
        in_view = interval(ref.value) if ref is not None else None
        if (
            shift_word == "that"
            and ref is not None
            and in_view is not None
            and _finer_or_equal(ref.granularity, unit)
        ):
            # "later that year": the year of the date in view, from that date on
            value = period_value(unit, in_view[0])
            whole = interval(value)
            if whole is None:
                return None
            first, last = (whole[0], in_view[1]) if direction == "earlier" else (in_view[0], whole[1])
            return Reading(
                "DATE",
                value,
                earliest=first,
                latest=last,
                granularity=whole[2],
                anchor=Anchor(kind="timex", ref=str(ref.start)),
            )
        if unit == "day":
            return None  # no day in view to go back to
        steps = {"next": 1, "last": -1}.get(shift_word, 0)
        shifted = _shifted_period(doc, unit, steps)
        if shifted is None:
            return Reading("DATE", _UNDERSPECIFIED[unit], positioned=False)
        value = shifted
        anchor = Anchor(kind="dct")
    period = interval(value)
    if period is None:
        return None
    first, last, granularity = period
    dct = doc.dct
    if dct is not None and first <= dct <= last:
        first, last = (first, dct) if direction == "earlier" else (dct, last)
    return Reading("DATE", value, earliest=first, latest=last, granularity=granularity, anchor=anchor)


def _relative_period(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    unit = re.sub(r"\s+", " ", (g("unit") or "").lower())
    granularity = "year" if unit == "fiscal year" else unit
    word = re.sub(r"\s+", " ", (g("shift") or "").lower())
    mod = _position(g("pmod"), doc.words)
    if g("this") and (g("unit") or "x")[0].isupper():
        return None  # a title: "Man of the Year"
    if g("same"):  # "the same quarter", "that year": the period of the date in view
        ref = doc.reference
        in_view = interval(ref.value) if ref is not None else None
        if ref is None or in_view is None or not _finer_or_equal(ref.granularity, granularity):
            return None
        value = period_value(granularity, in_view[0])
        return Reading("DATE", value, mod=mod, anchor=Anchor(kind="timex", ref=str(ref.start)))
    if g("the") and word in ("past", "last") and not mod:
        # "the past year": the year up to the DCT, a duration (TimeBank's reading)
        value = _duration_value(1, "week" if granularity == "weekend" else granularity, doc.words)
        if doc.dct is None:
            return Reading("DURATION", value, positioned=False)
        earliest = shift(doc.dct, -1, granularity)
        return Reading(
            "DURATION",
            value,
            earliest=earliest,
            latest=doc.dct,
            granularity=granularity,
            anchor=Anchor(kind="dct"),
        )
    steps = int(doc.words["relative_shift"].get(word, 0))
    ref = doc.reference
    if word in ("following", "the following", "previous", "prior", "preceding") and ref is not None:
        # counted from the date in view when that is a period inside one ("the following week" after a
        # day, not after "two years from now")
        ref_period = interval(ref.value) if _finer_or_equal(ref.granularity, granularity) else None
        if ref_period is not None and granularity in _GRANULARITY_ORDER:
            value = period_value(granularity, shift(ref_period[0], steps, granularity))
            return Reading("DATE", value, mod=mod, anchor=Anchor(kind="timex", ref=str(ref.start)))
    if doc.dct is None:
        return Reading("DATE", _UNDERSPECIFIED[granularity], mod=mod, positioned=False)
    if granularity == "weekend":
        base = shift(doc.dct, steps, "week")
        monday = base - timedelta(days=base.isoweekday() - 1)
        return Reading("DATE", period_value("weekend", monday), mod=mod, anchor=Anchor(kind="dct"))
    value = period_value(granularity, shift(doc.dct, steps, granularity))
    return Reading("DATE", value, mod=mod, anchor=Anchor(kind="dct"))


_APPOSITION = re.compile(r",\s*")  # "Oct. 12, the day before ...", "Tuesday, June 9"
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_ON_AFTER = re.compile(r",?\s+(?:on\s+)?")  # "23:00 BST on 1 September"
_BLANKS = re.compile(r"\s+")
_EVENT_AFTER = re.compile(r"\s+[a-z]")  # an event phrase follows, not the end of the clause


def _reference_day(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    """A day counted from the date in view ("the next day", "that night"), else from the DCT."""
    rel = re.sub(r"\s+", " ", (g("rel") or g("direction") or "").lower())
    steps = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1}.get(rel, 0)
    unit = (g("unit") or g("unit2") or "").lower()
    part = doc.words["day_parts"].get(unit)
    suffix = f"T{part}" if part else ""
    kind = "TIME" if part else "DATE"
    # "the day before last Tuesday's hearing": counted from the day named right after it
    named = _day_named_after(doc, end, _BLANKS) if g("unit2") else None
    if named is not None:
        day = date.fromisoformat(named[0].value) + timedelta(days=steps)
        return Reading("DATE", day.isoformat(), anchor=Anchor(kind="timex", ref=str(named[1])))
    ref = doc.reference
    in_view = interval(ref.value) if ref is not None and ref.granularity == "day" else None
    if ref is not None and in_view is not None:
        if (
            g("unit2")
            and _APPOSITION.fullmatch(doc.text, ref.end, start)
            and _EVENT_AFTER.match(doc.text, end)
        ):
            # "Oct. 12, the day before the stock market plunged": the apposition renames the date just named
            return Reading("DATE", in_view[0].isoformat(), anchor=Anchor(kind="timex", ref=str(ref.start)))
        day = in_view[0] + timedelta(days=steps)
        return Reading(kind, day.isoformat() + suffix, anchor=Anchor(kind="timex", ref=str(ref.start)))
    if rel.startswith("that") or rel == "same" or doc.dct is None:
        return None  # "that day" with no date in view says nothing
    day = doc.dct + timedelta(days=steps)
    return Reading(kind, day.isoformat() + suffix, anchor=Anchor(kind="dct"))


def _decade(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    mod = _position(g("pmod"), doc.words)
    if g("decade"):
        first_year = int(g("decade") or 0)
        anchor = Anchor(kind="none")
    else:
        two_digits = int(g("short") or doc.words["decade_words"][(g("word") or "").lower()])
        if doc.dct is None:
            return Reading("DATE", f"XX{two_digits // 10}", mod=mod, positioned=False)
        first_year = _year_of_dct_century(doc, two_digits)
        anchor = Anchor(kind="dct")
    return Reading("DATE", f"{first_year // 10:03d}", mod=mod, anchor=anchor)


def _century(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    mod = _position(g("pmod"), doc.words)
    if g("nth"):
        return Reading("DATE", f"{int(g('nth') or 0) - 1:02d}", mod=mod, anchor=Anchor(kind="none"))
    word = re.sub(r"\s+", " ", (g("shift") or "").lower()).removeprefix("the ")
    if doc.dct is None:
        return Reading("DATE", "XX", mod=mod, positioned=False)
    steps = -1 if word in ("last", "past", "previous") else 1 if word == "next" else 0
    return Reading("DATE", f"{doc.dct.year // 100 + steps:02d}", mod=mod, anchor=Anchor(kind="dct"))


def _set_every(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    if g("weekday"):
        return Reading("SET", f"XXXX-WXX-{_weekday_number(doc, g('weekday') or '')}", positioned=False)
    if g("part"):
        part = doc.words["day_parts"][(g("part") or "").lower()]
        return Reading("SET", f"XXXX-XX-XXT{part}", positioned=False)
    if g("season"):
        return Reading("SET", f"XXXX-{doc.words['seasons'][(g('season') or '').lower()]}", positioned=False)
    if g("month"):
        if not _month_is_plausible(doc, g("month") or "", start, standalone=False):
            return None
        return Reading("SET", f"XXXX-{_month_number(doc, g('month') or ''):02d}", positioned=False)
    amount = _number(doc.words["number_words"], g("num") or "") if g("num") else 1
    unit = _unit_key(g("unit") or "", doc.words)
    if unit not in doc.words["units"] or amount is None:
        return None
    return Reading("SET", _duration_value(amount, unit, doc.words), positioned=False)


def _set_plural_weekday(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    return Reading("SET", f"XXXX-WXX-{_weekday_number(doc, g('weekday') or '')}", positioned=False)


def _in_a_name(doc: _Document, start: int, end: int, *, before_a_name: bool = True) -> bool:
    """A capitalised word inside a sentence (or, for adjectives like "Daily", before another capitalised
    word) is part of a name: "the Future of Life Institute", "Get Daily AI News", "Current Affairs"."""
    if not doc.text[start].isupper():
        return False
    if before_a_name and re.match(r"\s+[A-Z]", doc.text[end : end + 3]):
        return True
    return not _sentence_start(doc.text, start)


_NAME_AFTER = re.compile(r" [A-Z][a-z]")


def _frequency(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    if _in_a_name(doc, start, end) or _NAME_AFTER.match(doc.text, end):
        return None  # "the party daily Granma" is a newspaper
    return Reading("SET", str(doc.words["frequencies"][(g("freq") or "").lower()]), positioned=False)


def _event_reference(doc: _Document, position: int) -> tuple[str, int] | None:
    """The event phrase after "before"/"after": up to the clause boundary, at most 80 characters."""
    text = doc.text
    while position < len(text) and text[position].isspace():
        position += 1
    window = text[position : position + 80]
    stop = _EVENT_END.search(window)
    phrase = (window[: stop.start()] if stop else window).strip()
    return (phrase, position) if phrase else None


def _duration(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    words = doc.words
    text = doc.text
    unit = _unit_key(g("unit") or "", words)
    if unit not in words["units"]:
        return None
    span_end = int(g("unit_end") or end)
    if re.match(r"(?:-|\s+)old\b", text[span_end : span_end + 5]):
        return None  # an age ("6-year-old", "52 years old"), not a time span
    number_text = g("num")
    relation = re.sub(r"\s+", " ", (g("relation") or "").strip().lower())
    anchored = (g("span") or "").lower()
    if anchored and g("qmod") and not g("the"):
        return None  # "last over a week": "last" is the verb here
    amount: float | None = None
    if number_text is not None:
        amount = _number(words["number_words"], number_text)
        if amount is None:
            return None
        if "and a half" in text[start:span_end].lower():
            amount += 0.5
        lowered = number_text.lower()
        if lowered in ("a", "an") and unit in ("second", "quarter"):
            return None  # "a second time", "a quarter of the vote"
        if unit == "quarter" and re.match(r"\s+of\b", text[span_end : span_end + 4]):
            return None
        if (
            lowered in ("a", "an")
            and not relation
            and doc.lex.rate_before.search(text, max(0, start - 20), start)
        ):
            return Reading("SET", _duration_value(1, unit, words), positioned=False)  # "$5 a year"
    # A hyphenated duration is an adjective: "the two-year plan" is tagged without its article.
    first = start
    if re.search(r"\d-|\w-" + re.escape(g("unit") or "") + "$", text[start:span_end]) and not anchored:
        article = re.match(r"(?:the|an?)\s+", text[start:span_end], re.IGNORECASE)
        if article and not g("qmod"):
            first = start + article.end()
    vague_phrase = re.sub(r"\s+", " ", text[start : start + len(g("the") or "") + 40].lower())
    reference = next(
        (
            str(ref)
            for key, ref in words["vague_references"].items()
            if g("vague") and vague_phrase.startswith(key)
        ),
        None,
    )
    if reference is not None and not relation:
        return _vague_reference(reference, doc.dct, end=span_end)
    value = _duration_value(amount, unit, words)
    mod = None
    if g("qmod"):
        mod = str(words["quantity_mods"][re.sub(r"\s+", " ", (g("qmod") or "").lower())])
    granularity = str(words["units"][unit]["granularity"])
    if g("business"):
        # Trading or business days skip weekends and holidays: a length, never counted on the calendar.
        return Reading("DURATION", value, mod=mod, positioned=False, start=first, end=span_end)
    if granularity == "time" and relation in ("earlier", "later"):
        return Reading("DURATION", value, mod=mod, positioned=False, end=span_end)  # "a minute later"
    step_unit = "day" if granularity == "time" else granularity
    steps = None if amount is None else round(amount * words["units"][unit].get("count", 1))
    reach = steps  # how far an anchored span reaches ("the past 24 hours": back to yesterday)
    if granularity == "time" and amount is not None:  # hours, minutes: counted in whole days
        seconds = amount * _SECONDS[unit]
        steps, reach = math.floor(seconds / 86400), math.ceil(seconds / 86400)
    if step_unit in ("decade", "century"):
        step_unit = "year"
    dct = doc.dct
    if relation in ("ago", "from now", "hence") or relation.startswith("from "):
        return _counted_from_dct(doc, g, start, end, relation, steps, step_unit, granularity, mod)
    if relation in ("earlier", "later"):
        return _counted_from_reference(doc, relation, steps, step_unit, granularity, mod)
    if relation in ("before", "after"):
        following = _event_reference(doc, end)
        if following is not None:
            phrase, position = following
            timed = _read_at(doc, position)
            base = interval(timed[0].value) if timed is not None else None
            if base is not None and steps is not None:
                sign = -1 if relation == "before" else 1
                moved = shift(base[0], sign * steps, step_unit)
                shown = "day" if granularity == "time" else step_unit
                return Reading(
                    "DATE",
                    period_value(shown, moved),
                    mod=mod,
                    end=span_end,
                    anchor=Anchor(kind="timex", ref=str(position), offset=value, relation=relation),
                )
            return Reading(
                "DURATION",
                value,
                mod=mod,
                end=span_end,
                positioned=False,
                anchor=Anchor(kind="event", ref=phrase, offset=value, relation=relation),
            )
    if anchored in ("past", "last", "previous", "preceding", "next", "coming", "following") and dct and reach:
        sign = -1 if anchored in ("past", "last", "previous", "preceding") else 1
        other = shift(dct, sign * reach, step_unit)
        earliest, latest = (other, dct) if sign < 0 else (dct, other)
        return Reading(
            "DURATION",
            value,
            mod=mod,
            earliest=earliest,
            latest=latest,
            granularity=granularity,
            anchor=Anchor(kind="dct"),
            start=first,
            end=span_end,
        )
    return Reading("DURATION", value, mod=mod, positioned=False, start=first, end=span_end)


def _counted_from_dct(
    doc: _Document,
    g: Group,
    start: int,
    end: int,
    relation: str,
    steps: int | None,
    step_unit: str,
    granularity: str,
    mod: str | None,
) -> Reading:
    """ "six months ago", "two weeks from now", "a week from Friday": a date counted from the DCT."""
    dct = doc.dct
    sign = -1 if relation == "ago" else 1
    if steps is None:
        bounds = (None, dct) if sign < 0 else (dct, None)
        return Reading(
            "DATE",
            "PAST_REF" if sign < 0 else "FUTURE_REF",
            mod=mod,
            earliest=bounds[0],
            latest=bounds[1],
            granularity="unknown",
            anchor=Anchor(kind="dct"),
            positioned=False,
        )
    base = dct
    from_day = (g("from_day") or "").lower()
    if from_day in ("today", "tomorrow"):
        base = dct + timedelta(days=1 if from_day == "tomorrow" else 0) if dct else None
    elif from_day:
        base = _weekday_date(doc, _weekday_number(doc, from_day), start, end, "next")
    if base is None:
        return Reading("DATE", _UNDERSPECIFIED.get(granularity, "XXXX-XX-XX"), mod=mod, positioned=False)
    if sign < 0 and step_unit == "year" and steps == 1:
        in_view = _reference_period(doc, "quarter")
        if in_view is not None:  # "a year ago" next to a quarter in financial news: that quarter last year
            quarter = interval(in_view[0])
            if quarter is not None:
                return Reading(
                    "DATE",
                    period_value("quarter", shift(quarter[0], -1, "year")),
                    mod=mod,
                    anchor=Anchor(kind="timex", ref=str(in_view[1])),
                )
    moved = shift(base, sign * steps, step_unit)
    shown = "day" if granularity == "time" or from_day else step_unit
    # "a year ago" is the baseline of a comparison, not a new date the story moves to.
    comparison = sign < 0 and steps == 1 and step_unit == "year"
    return Reading(
        "DATE", period_value(shown, moved), mod=mod, anchor=Anchor(kind="dct"), in_view=not comparison
    )


def _counted_from_reference(
    doc: _Document, relation: str, steps: int | None, step_unit: str, granularity: str, mod: str | None
) -> Reading:
    """ "a year earlier", "two days later": counted from the date in view, else from the DCT."""
    sign = -1 if relation == "earlier" else 1
    if steps is None:
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod=mod, positioned=False)
    ref = doc.reference
    if (
        ref is not None
        and ref.from_dct
        and steps == 1
        and step_unit == "year"
        and ref.granularity not in ("quarter", "half")
    ):
        ref = None  # "a year earlier" after "year end" or "last month" compares with the DCT's year
    ref_period = interval(ref.value) if ref else None
    if ref is not None and ref_period is not None and _finer_or_equal(ref.granularity, step_unit):
        moved = shift(ref_period[0], sign * steps, step_unit)
        return Reading(
            "DATE",
            period_value(ref.granularity, moved),
            mod=mod,
            anchor=Anchor(kind="timex", ref=str(ref.start)),
        )
    if doc.dct is None:
        return Reading("DATE", _UNDERSPECIFIED.get(step_unit, "XXXX-XX-XX"), mod=mod, positioned=False)
    shown = "day" if granularity == "time" else step_unit
    return Reading(
        "DATE",
        period_value(shown, shift(doc.dct, sign * steps, step_unit)),
        mod=mod,
        anchor=Anchor(kind="dct"),
    )


def _finer_or_equal(granularity: str, unit: str) -> bool:
    order = {name: i for i, name in enumerate(_GRANULARITY_ORDER)}
    return order.get(granularity, 99) <= order.get(unit, -1)


def _vague_span(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    """A duration of an unspecified number of units: "for years", "within weeks" (preposition left out)."""
    unit = _unit_key(g("unit") or "", doc.words)
    if unit not in doc.words["units"]:
        return None
    written = len(g("unit") or "") + 1
    return Reading("DURATION", _duration_value(None, unit, doc.words), positioned=False, start=end - written)


def _long_compound(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    """ "day-long" is P1D; "decades-long" an unspecified number of decades."""
    unit = _unit_key(g("unit") or "", doc.words)
    if unit not in doc.words["units"]:
        return None
    amount = None if g("plural") else 1
    return Reading("DURATION", _duration_value(amount, unit, doc.words), positioned=False)


def _year_end(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    if doc.dct is None:
        return Reading("DATE", "XXXX-12-31", positioned=False)

    def december_31(year: int) -> date:
        return date(year, 12, 31)

    year = _pick_period(doc.dct, december_31, december_31, _mode(doc, start, end, None))
    return Reading("DATE", f"{year:04d}-12-31", anchor=Anchor(kind="dct"))


def _holiday(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    name = re.sub(r"\s+", " ", (g("holiday") or "").lower().replace("’", "'"))
    words = doc.words
    if not (g("holiday") or "x")[0].isupper():
        return None  # holidays are names: "election day" in lower case is any vote's day
    if name in words["fixed_holidays"]:
        month, day_number = words["fixed_holidays"][name]

        def on(year: int) -> date:
            return date(year, month, day_number)
    elif name in words["easter_holidays"]:
        offset = int(words["easter_holidays"][name])
        month = 0  # moves between March and June

        def on(year: int) -> date:
            return easter(year) + timedelta(days=offset)
    else:
        month, weekday, nth, *from_day = words["weekday_holidays"][name]

        def on(year: int) -> date:
            return nth_weekday(year, month, weekday, nth, *from_day)

    def shown(day: date) -> str:
        return period_value("week", day) if g("week") else day.isoformat()

    def first_of(year: int) -> date:  # "Easter week": the (ISO) week the holiday falls in
        day = on(year)
        return day - timedelta(days=day.isoweekday() - 1) if g("week") else day

    def last_of(year: int) -> date:
        return first_of(year) + timedelta(days=6) if g("week") else on(year)

    if g("year"):
        return Reading("DATE", shown(on(_year_number(doc, g("year") or ""))), anchor=Anchor(kind="none"))
    if doc.dct is None:
        return Reading("DATE", f"XXXX-{month:02d}-XX" if month else "XXXX-XX-XX", positioned=False)
    year = _pick_period(doc.dct, first_of, last_of, _mode(doc, start, end, None))
    return Reading("DATE", shown(on(year)), anchor=Anchor(kind="dct"))


def _weekday(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    weekday_word = g("weekday") or ""
    if not weekday_word[0].isupper():
        return None
    weekday = _weekday_number(doc, weekday_word)
    mod = _position(g("pmod"), doc.words)
    relative = (g("relative") or "").lower()
    ref = doc.reference
    in_view = interval(ref.value) if relative and ref is not None and ref.granularity == "day" else None
    if ref is not None and in_view is not None:
        # "down 4.5% from the previous Friday": the one before the day in view
        seen = in_view[0]
        if relative in ("previous", "preceding"):
            counted = seen - timedelta(days=(seen.isoweekday() - weekday) % 7 or 7)
        else:
            counted = seen + timedelta(days=(weekday - seen.isoweekday()) % 7 or 7)
        return Reading("DATE", counted.isoformat(), mod=mod, anchor=Anchor(kind="timex", ref=str(ref.start)))
    shift_word = g("shift") or {"previous": "last", "preceding": "last"}.get(relative, relative or None)
    day = _weekday_date(doc, weekday, start, end, shift_word)
    if day is None:
        return Reading("DATE", f"XXXX-WXX-{weekday}", mod=mod, positioned=False)
    return Reading("DATE", day.isoformat(), mod=mod, anchor=Anchor(kind="dct"))


def _weekend(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    if doc.dct is None:
        return Reading("DATE", "XXXX-WXX-WE", positioned=False)
    dct = doc.dct
    monday = dct - timedelta(days=dct.isoweekday() - 1)
    if dct.isoweekday() < 6 and doc.tense(start, end) != "future":
        monday -= timedelta(days=7)
    return Reading("DATE", period_value("weekend", monday), anchor=Anchor(kind="dct"))


_LEVEL_BEFORE = re.compile(r"\b(?:at|to|from|near|around|about|above|below)\s+$", re.IGNORECASE)


def _year(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    year_text = g("year") or ""
    year = _year_number(doc, year_text)
    mod = _position(g("pmod"), doc.words)
    backed = bool(
        g("fiscal") or g("pmod") or doc.lex.preposition_before.search(doc.text, max(0, start - 12), start)
    )
    if year_text.lower().startswith("two") and not backed:
        return None  # "two thousand" is a number unless something says it is a year
    if not (1800 <= year <= 2099 or backed):
        return None
    if doc.lex.counted_noun_after.match(doc.text, end) and not (g("fiscal") or g("pmod")):
        return None  # "2000 people"
    if (
        doc.dct is not None
        and year > doc.dct.year + 30
        and _LEVEL_BEFORE.search(doc.text, max(0, start - 12), start)
    ):
        return None  # "the index closed at 2082": a level, not a year decades ahead
    if re.match(r"\s*(?:-|to)\s*\d", doc.text[end : end + 6]) and not backed:
        return None  # "1500 to 2000" counts things; "from 2009 to 2017" is a span of years
    range_start = _RANGE_BEFORE.search(doc.text, max(0, start - 12), start)
    if range_start and not (doc.reference and doc.reference.start == range_start.start()):
        return None  # the end of a range whose start was no year ("1500 to 2000 staff")
    return Reading("DATE", f"{year:04d}", mod=mod, anchor=Anchor(kind="none"))


_YEAR_ENDED = re.compile(r"\s+(?:that\s+)?end(?:ed|ing|s)\b", re.IGNORECASE)


def _the_year(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    """ "The (fiscal) year" of a report is the DCT's; "the year ended June 30" names a twelve-month
    span by its end, which TimeBank reads as a duration (the end date is tagged on its own)."""
    if doc.text[end - 4].isupper():
        return None  # a title: "Player of the Year"
    if _YEAR_ENDED.match(doc.text, end):
        return Reading("DURATION", "P1Y", granularity="year", positioned=False)
    if doc.dct is None:
        return Reading("DATE", "XXXX", positioned=False)
    latest = (g("kind") or "").lower().startswith("latest")  # the last complete one
    return Reading("DATE", f"{doc.dct.year - latest:04d}", anchor=Anchor(kind="dct"))


def _range_end_day(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    """The second day of "June 15-16": only right after a day-precise date, and later in its month."""
    ref = doc.reference
    if ref is None or ref.granularity != "day" or ref.end < 0 or start - ref.end > len(" through "):
        return None
    first = interval(ref.value)
    if first is None or not _RANGE_JOIN.fullmatch(doc.text, ref.end, start):
        return None
    if doc.lex.counted_noun_after.match(doc.text, end):
        return None  # "on June 15 and 20 people died"
    try:
        day = first[0].replace(day=int(g("day") or 0))
    except ValueError:
        return None
    if day <= first[0]:
        return None
    anchor = Anchor(kind="timex", ref=str(ref.start))
    return Reading("DATE", day.isoformat(), anchor=anchor, in_view=False)


_RANGE_JOIN = re.compile(r"\s*(?:-|–|and|to|or|through)\s*", re.IGNORECASE)


_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)


def _deictic(doc: _Document, g: Group, start: int, end: int) -> Reading | None:
    word = re.sub(r"\s+", " ", (g("word") or "").lower())
    entry = doc.words["deictic"][word]
    mod = {"early": "START", "late": "END"}.get((g("pmod") or "").lower())
    dct = doc.dct
    if "ref" in entry:
        word_start = end - len(word.split()[-1])
        if (
            mod
            or _in_a_name(doc, word_start, end, before_a_name=False)
            or (word == "now" and _DISCOURSE_NOW.match(doc.text, end) and _sentence_start(doc.text, start))
        ):
            return None  # "Now, he says ...": a discourse marker, not a time
        if word.startswith("the ") and _OF_AFTER.match(doc.text, end):
            return None  # "the future of our peoples", "the past of the city": prospects, history
        return _vague_reference(str(entry["ref"]), dct)
    if dct is None:
        return Reading(
            str(entry["type"]),
            "XXXX-XX-XX" + (f"T{entry['part']}" if "part" in entry else ""),
            mod=mod,
            positioned=False,
        )
    day = dct + timedelta(days=int(entry["offset_days"]))
    value = day.isoformat() + (f"T{entry['part']}" if "part" in entry else "")
    return Reading(str(entry["type"]), value, mod=mod, anchor=Anchor(kind="dct"))


_NORMALISERS: dict[str, Callable[[_Document, Group, int, int], Reading | None]] = {
    "iso_date": _iso_date,
    "numeric_date": _numeric_date,
    "clock_time": _clock_time,
    "month_day": _explicit_day,
    "day_month": _explicit_day,
    "quarter": _quarter,
    "year_ago_adjective": _year_ago_adjective,
    "month_period": _month_period,
    "season": _season,
    "weekday_part": _weekday_part,
    "deictic_part": _deictic_part,
    "earlier_later": _earlier_later,
    "reference_day": _reference_day,
    "relative_period": _relative_period,
    "decade": _decade,
    "century": _century,
    "set_every": _set_every,
    "set_plural_weekday": _set_plural_weekday,
    "frequency": _frequency,
    "duration": _duration,
    "vague_span": _vague_span,
    "holiday": _holiday,
    "weekday": _weekday,
    "weekend": _weekend,
    "year": _year,
    "the_year": _the_year,
    "range_end_day": _range_end_day,
    "long_compound": _long_compound,
    "year_end": _year_end,
    "deictic": _deictic,
}


def _normalise(doc: _Document, match: re.Match[str]) -> tuple[Rule, Reading] | None:
    rule = doc.lex.rule_by_group[match.lastgroup or ""]
    prefix = rule.prefix

    text = doc.text

    def group(name: str) -> str | None:
        """The group's words as written (the match ran on the case-folded copy of the text)."""
        if name == "unit_end":  # where the duration proper ends, before "before <event>"
            if "unit" not in rule.groups:
                return None
            unit_end = match.end(prefix + "unit")
            plural = _PLURAL_AND_HALF.match(text, unit_end, match.end())
            return str(plural.end() if plural else unit_end)
        if name not in rule.groups:
            return None
        first, last = match.span(prefix + name)
        return text[first:last] if first >= 0 else None

    try:
        reading = _NORMALISERS[rule.name](doc, group, match.start(), match.end())
    except OutOfCalendar:
        return None
    return (rule, reading) if reading is not None else None


def _read_at(doc: _Document, position: int) -> tuple[Reading, int] | None:
    """The time expression starting exactly at `position`, if any, and where it ends (not recorded)."""
    match = doc.lex.scanner.match(doc.folded, position)
    if match is None:
        return None
    saved = doc.reference
    found = _normalise(doc, match)
    doc.reference = saved
    if found is None:
        return None
    reading = found[1]
    return reading, reading.end or match.end()


def _narrow(first: date, last: date, mod: str | None) -> tuple[date, date]:
    """START/MID/END: the first, middle or last third of the interval."""
    if mod not in ("START", "MID", "END"):
        return first, last
    third = (last - first).days // 3
    if mod == "START":
        return first, first + timedelta(days=third)
    if mod == "END":
        return last - timedelta(days=third), last
    return first + timedelta(days=third), last - timedelta(days=third)


def _to_timex(doc: _Document, start: int, end: int, reading: Reading) -> Timex:
    earliest, latest, granularity = reading.earliest, reading.latest, reading.granularity
    if reading.positioned and earliest is None and latest is None:
        period = interval(reading.value)
        if period is not None:
            earliest, latest = _narrow(period[0], period[1], reading.mod)
            granularity = granularity or period[2]
    if granularity is None and reading.type == "DURATION":
        granularity = "unknown"
    anchor = reading.anchor
    if anchor is None and reading.type in ("DATE", "TIME") and "X" in reading.value:
        anchor = Anchor(kind="dct")  # undated document: relative to a DCT still to be found
    if _TIME_PART_CODE.search(reading.value) or "T" in reading.value[10:11]:
        granularity = "time" if earliest else granularity
    return Timex(
        start=start,
        end=end,
        text=doc.text[start:end],
        type=reading.type,
        value=reading.value,
        mod=reading.mod,
        earliest=earliest.isoformat() if earliest else None,
        latest=latest.isoformat() if latest else None,
        granularity=granularity or "unknown",
        anchor=anchor,
        weekday_mismatch=reading.weekday_mismatch,
    )


_ASCII_FOLD = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_PLURAL_AND_HALF = re.compile(r"(?:s|es)?(?:\s+and\s+a\s+half)?", re.IGNORECASE)
# How far before its first head word an expression may start ("the end of the fiscal ...").
_LOOK_BACK = 60
# A number right after a currency sign or inside a larger number ("$1.5", "2,000") starts nothing.
_NOT_BEFORE_A_HEAD = frozenset("$€£.,0123456789")
_WORD = re.compile(r"['’]?\w+")


def _candidates(
    lex: Lexicon, folded: str, read: Callable[[re.Match[str]], tuple[Rule, Reading] | None]
) -> Iterator[tuple[re.Match[str], tuple[Rule, Reading]]]:
    """The scanner's matches that `read` can normalise, tried only where an expression can start: at a
    head word or at the run of lexicon words just before it ("the past two" before "months"). A match
    that cannot be read ("the last half of 1989") gives way to what starts later ("1989").

    re2 finds the heads in one linear pass; the backtracking scanner then runs at a few positions per
    head instead of at every position of the text. Matches are leftmost and never overlap.
    """
    scanner, lead_words = lex.scanner, lex.lead_words
    cursor = 0  # end of the last match: matches never overlap
    tried = -1  # the last start position tried: each position is tried at most once
    text = folded
    # Heads are ASCII words: re2 scans bytes, with each non-ASCII character one "?" byte so that byte
    # offsets stay character offsets (and re2's per-match offset decoding is skipped).
    ascii_text = folded.encode("ascii", "replace")
    position = 0
    while (head := lex.heads.search(ascii_text, position)) is not None:
        head_start = head.start()
        position = head.end()
        if head_start and text[head_start - 1] in _NOT_BEFORE_A_HEAD:
            continue
        starts = [head_start]
        window_start = max(cursor, tried + 1, head_start - _LOOK_BACK)
        for word in reversed(list(_WORD.finditer(text, window_start, head_start))):
            token = word.group().lstrip("'’")
            if token not in lead_words and not token[:1].isdigit():
                break
            starts.append(word.start())
        for start in reversed(starts):
            if start <= tried:
                continue
            tried = start
            match = scanner.match(text, start)
            if match is not None and match.end() > head_start:
                found = read(match)
                if found is None:
                    continue
                # the next head search starts after this expression (which may reach past the match)
                cursor = position = max(match.end(), found[1].end or 0)
                yield match, found
                break


_PERIOD_END_BEFORE = re.compile(
    r"(?:quarter|half|period)\s+(?:that\s+|which\s+)?end(?:ed|ing|s)\s+$", re.IGNORECASE
)


def _ends_period_in_view(doc: _Document, start: int) -> bool:
    """ "the fiscal first quarter ended Sept. 30": the date closes the quarter in view, which stays."""
    ref = doc.reference
    return (
        ref is not None
        and ref.granularity in ("quarter", "half")
        and bool(_PERIOD_END_BEFORE.search(doc.text, max(0, start - 30), start))
    )


_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+\b")


def _is_a_title(doc: _Document, start: int, end: int) -> bool:
    """A word that is lower case in running text but capitalised here, past a sentence start, makes the
    expression part of a name or title: ABC's "This Week", "60 Minutes", "High Noon", "VOA Today"."""
    for word in _CAPITALISED_WORD.finditer(doc.text, start, end):
        if word.start() == start and _sentence_start(doc.text, start):
            continue
        if word.group().lower() not in doc.lex.proper_words:
            return True
    return False


def _part_of_a_name(doc: _Document, start: int, end: int) -> bool:
    """A lone month or weekday inside a name: after a personal title ("Dr. Sunday", "Mr. April"), or
    between "the" and a capitalised word ("The Sunday Times", "the Monday Group"). (A capitalised word
    before it proves nothing: "in Nairobi Friday".)"""
    if doc.text[start:end].lower().rstrip(".") not in doc.lex.proper_words:
        return False
    before = max(0, start - 8)
    if doc.lex.title_before.search(doc.text, before, start):
        return True
    after = _CAPITALISED_WORD.match(doc.text, end + 1) if doc.text[end : end + 1] == " " else None
    return (
        after is not None
        and after.group().lower() not in doc.lex.proper_words
        and bool(_THE_BEFORE.search(doc.text, before, start))
    )


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def tag(text: str, dct: date | None) -> list[Timex]:
    """All time expressions in `text`, sorted by start and never overlapping.

    `dct` is the document creation (publication) date relative expressions are resolved against;
    with None (or a date in the years 1 or 9999) they keep underspecified values and no interval.
    """
    if isinstance(dct, datetime):  # a timestamp: its calendar day is the DCT
        dct = dct.date()
    if dct is not None and not 2 <= dct.year <= 9998:
        dct = None  # at the ends of the calendar "next year" has no answer: treat as undated
    lex = lexicon()
    doc = _Document(text, dct, lex)
    found: list[Timex] = []
    for match, (_rule, reading) in _candidates(lex, doc.folded, partial(_normalise, doc)):
        start, end = reading.start or match.start(), reading.end or match.end()
        if _is_a_title(doc, start, end) or _part_of_a_name(doc, start, end):
            continue
        timex = _to_timex(doc, start, end, reading)
        found.append(timex)
        # The date in view moves with absolute and DCT-relative dates, and with days counted from it
        # ("the next day"); "a year earlier" does not move it (the comparison stays with the first date).
        anchor_kind = timex.anchor.kind if timex.anchor is not None else None
        in_view = anchor_kind in ("none", "dct") or timex.granularity == "day"
        if timex.type == "DATE" and reading.in_view and in_view and not _ends_period_in_view(doc, start):
            period = interval(timex.value)
            if period is not None:
                doc.reference = _Reference(timex.value, start, period[2], end, anchor_kind == "dct")
                if period[2] == "quarter":
                    doc.last_quarter = doc.reference
    return found
