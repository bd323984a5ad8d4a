"""Find time expressions in news text and normalise them TIMEX3 style: the scan.

How it works (timeline/temporal/README.md has the conventions and how to add a family):
1. re2 finds the head words every expression contains (a month, a digit, "week" ...) in one linear pass;
   the compiled scanner (lexicon.py: every family's patterns in registry order) is tried only there.
2. The rule that matched hands its groups to its family's normaliser (families/), which reads the words
   and the context (tense, the date in view) into a Reading, rejects what is no time expression ("may"
   the verb) and leaves what depends on the publication date pending.
3. The resolver (resolver.py) applies the publication date (DCT) to the pending part.
4. Refiners (refiners.py) drop names and titles and move the date in view.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from timeline.temporal import families  # noqa: F401  (registers every family's normaliser)
from timeline.temporal.context import Document
from timeline.temporal.intervals import OutOfCalendar, calendar_interval
from timeline.temporal.lexicon import Lexicon, Rule, lexicon
from timeline.temporal.models import Anchor, Timex
from timeline.temporal.readings import Reading
from timeline.temporal.refiners import FILTERS, clock_on_day, move_view, number_sharing_the_unit
from timeline.temporal.registry import NORMALISERS
from timeline.temporal.resolver import resolve

_TIME_PART_CODE = re.compile(r"T(?:MO|AF|EV|NI|MI|DT)$")


def _normalise(doc: Document, dct: date | None, match: re.Match[str]) -> tuple[Rule, Reading] | None:
    """The match's reading, resolved against the DCT, or None when the words are no time expression."""
    rule = doc.lex.rule_by_group[match.lastgroup or ""]
    compiled_names = rule.compiled_names
    text = doc.text

    def group(name: str) -> str | None:
        """The group's words as written (the match ran on the case-folded copy of the text)."""
        compiled = compiled_names.get(name)
        if compiled is not None:
            first, last = match.span(compiled)
            return text[first:last] if first >= 0 else None
        if name == "unit_end" and "unit" in compiled_names:  # the duration's end, before "before <event>"
            unit_end = match.end(compiled_names["unit"])
            plural = _PLURAL_AND_HALF.match(text, unit_end, match.end())
            return str(plural.end() if plural else unit_end)
        return None

    try:
        reading = NORMALISERS[rule.name](doc, group, match.start(), match.end())
    except (OutOfCalendar, OverflowError):
        return None
    reading = resolve(reading, dct) if reading is not None else None
    return (rule, reading) if reading is not None else None


def _read_at(doc: Document, dct: date | None, position: int) -> tuple[Reading, int] | None:
    """The time expression starting exactly at `position`, if any, and where it ends (not recorded)."""
    match = doc.lex.scanner.match(doc.folded, position)
    if match is None:
        return None
    saved = doc.reference
    found = _normalise(doc, dct, match)
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


def _to_timex(text: str, start: int, end: int, reading: Reading) -> Timex:
    earliest, latest, granularity = reading.earliest, reading.latest, reading.granularity
    if reading.positioned and earliest is None and latest is None:
        period = calendar_interval(reading.value)
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
        text=text,
        type=reading.type,
        value=reading.value,
        mod=reading.mod,
        earliest=earliest.isoformat() if earliest else None,
        latest=latest.isoformat() if latest else None,
        granularity=granularity or "unknown",
        anchor=anchor,
        weekday_mismatch=reading.weekday_mismatch,
    )


_PLURAL_AND_HALF = re.compile(r"(?:s|es)?(?:\s+and\s+a\s+half)?(?:\s+or\s+so\b)?", re.IGNORECASE)
# How far before its first head word an expression may start ("the end of the fiscal ...").
_LOOK_BACK = 60
# A number right after a currency sign or inside a larger number ("$1.5", "2,000") starts nothing.
_NOT_BEFORE_A_HEAD = frozenset("$€£.,0123456789")
# The word before a position, read in the reversed text: the blanks and punctuation after it, the word
# (a run of word characters), and an apostrophe opening it ("'90s").
_WORD_BEFORE = re.compile(r"\W*(\w+)['’]?")


def _lead_starts(lex: Lexicon, text: str, head_start: int, window_start: int) -> list[int]:
    """Where the run of lexicon words (or numbers) right before a head starts each word, nearest first:
    "the past two" before "months". The window before the head is read reversed, one anchored match a
    word (a reversed copy of the window, not of the whole text: memory on a very long line)."""
    backwards = text[window_start:head_start][::-1]
    position = 0
    starts = []
    while (word := _WORD_BEFORE.match(backwards, position)) is not None:
        token = word.group(1)
        if token not in lex.lead_words_reversed and not token[-1].isdigit():
            break
        position = word.end()
        starts.append(head_start - position)
    return starts


def _candidates(
    lex: Lexicon, folded: str, read: Callable[[re.Match[str]], tuple[Rule, Reading] | None]
) -> Iterator[tuple[re.Match[str], tuple[Rule, Reading]]]:
    """The scanner's matches that `read` can normalise, tried only where an expression can start: at a
    head word or at the run of lexicon words just before it ("the past two" before "months"). A match
    that cannot be read ("the last half of 1989") gives way to what starts later ("1989").

    re2 finds the heads in one linear pass; the scanner then runs at a few positions per head instead of
    at every position of the text. Matches are leftmost and never overlap.
    """
    scanner, find_head = lex.scanner, lex.heads.find
    cursor = 0  # end of the last match: matches never overlap
    tried = -1  # the last start position tried: each position is tried at most once
    text = folded
    # Heads are ASCII words: re2 scans bytes, with each non-ASCII character one "?" byte so that byte
    # offsets stay character offsets (and re2's per-match offset decoding is skipped).
    ascii_text = folded.encode("ascii", "replace")
    position = 0
    while True:
        head_start, position = find_head(ascii_text, position)
        if head_start < 0:
            return
        if head_start and text[head_start - 1] in _NOT_BEFORE_A_HEAD:
            continue
        window_start = max(cursor, tried + 1, head_start - _LOOK_BACK)
        for start in (*reversed(_lead_starts(lex, text, head_start, window_start)), head_start):
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


def tag(text: str, dct: date | None) -> list[Timex]:
    """All time expressions in `text`, sorted by start and never overlapping.

    `dct` is the document creation (publication) date relative expressions are resolved against;
    with None they keep underspecified values (XXXX-WXX-4) and no interval.
    """
    return list(iter_tag(text, dct))


def iter_tag(text: str, dct: date | None) -> Iterator[Timex]:
    """`tag`, one expression at a time: memory stays flat on a very long text."""
    return (timex for timex, _reading in _scan(text, dct))


@dataclass(frozen=True)
class StoredReading:
    """An expression as read without a publication date, which can be resolved under any DCT: an undated
    article's expressions tried against candidate publication days, without reading the text again."""

    text: str
    start: int
    end: int
    reading: Reading

    def under(self, dct: date) -> Timex | None:
        """The expression as it would read in an article published on `dct`."""
        found = resolve(self.reading, dct)
        return None if found is None else _to_timex(self.text, self.start, self.end, found)


def stored_readings(text: str) -> list[StoredReading]:
    """The expressions of a text with no DCT, each keeping what depends on one (see StoredReading)."""
    return [
        StoredReading(timex.text, timex.start, timex.end, reading.unresolved or reading)
        for timex, reading in _scan(text, None)
    ]


def _scan(text: str, dct: date | None) -> Iterator[tuple[Timex, Reading]]:
    if isinstance(dct, datetime):  # a timestamp: its calendar day is the DCT
        dct = dct.date()
    lex = lexicon()
    doc = Document(text, lex, lambda position: _read_at(doc, dct, position))
    clock: tuple[Timex, Reading] | None = None  # held until the next expression: the day it may be on
    done = 0  # where the last expression given ends
    for match, (rule, reading) in _candidates(lex, doc.folded, partial(_normalise, doc, dct)):
        start, end = reading.start or match.start(), reading.end or match.end()
        if any(drop(doc, start, end) for drop in FILTERS):
            continue
        timex = _to_timex(text[start:end], start, end, reading)
        move_view(doc, timex, reading)
        if clock is not None:
            held, clock = clock, None
            joined = clock_on_day(text, held[1], (held[0].start, held[0].end), reading, (start, end))
            if joined is not None:
                yield _to_timex(text[held[0].start : end], held[0].start, end, joined), joined
                done = end
                continue
            yield held
            done = held[0].end
        shared = number_sharing_the_unit(doc, reading, start, done)
        if shared is not None:
            yield (
                _to_timex(text[shared.start or 0 : shared.end], shared.start or 0, shared.end or 0, shared),
                shared,
            )
        if rule.name == "clock_time":
            clock = timex, reading
        else:
            yield timex, reading
            done = end
    if clock is not None:
        yield clock
