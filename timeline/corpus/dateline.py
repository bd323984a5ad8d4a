"""The article's own publication date, when its text states one in a dateline near the top.

Two shapes are recognised (words in resources/datelines.yaml): a labelled line ("Published on: Jun 06,
2026", "Posted March 1, 2008 10:32 AM") and a line that is nothing but a date ("March 01, 2008",
"Monday, March 1, 2008"). The regular expression only finds the date words; dateparser parses them,
strictly (day, month and year all required), so nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import dateparser
from pydantic import BaseModel, ConfigDict

from timeline.english import english
from timeline.yamlsource import load_yaml

# dateparser: the maintained parser of written dates. English only, strict, nothing filled in from today.
_DATEPARSER_SETTINGS = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
    "DATE_ORDER": "MDY",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["absolute-time"],
}


# Longer lines are prose, never a dateline (the longest: a label, a weekday, a date, a time, a place).
_MAX_DATELINE_CHARS = 120


class _DatelineWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    search_lines: int
    labels: list[str]
    max_trailing_words: int


@dataclass(frozen=True)
class Dateline:
    published: date | None  # None: it looks like a dateline but names no real day ("Feb 30, 2026")
    line: str  # the dateline as written
    index: int  # which of the given lines


@dataclass(frozen=True)
class _Patterns:
    labelled: re.Pattern[str]
    bare: re.Pattern[str]
    search_lines: int


def _words(words: list[str]) -> str:
    # Longest first, so "published on" wins over "published".
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> _Patterns:
    path = "resources/datelines.yaml"
    text = resources.files("timeline.corpus").joinpath(path).read_text(encoding="utf-8")
    words = _DatelineWords.model_validate(load_yaml(text, path).data)
    month = rf"(?:{_words(list(english().months))})\.?"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    the_date = rf"(?P<date>{month}\s+{day},?\s+\d{{4}}|{day}\s+{month},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    weekday = rf"(?:(?:{_words(list(english().weekdays))})\.?,?\s+)?"
    time = r"(?:[\s,|·–—-]+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?"
    trailing = rf"(?:[\s,|·–—-]+\S+(?:\s+\S+){{0,{words.max_trailing_words - 1}}})?"
    labelled = re.compile(
        rf"^(?:{_words(words.labels)})\s*:?\s*{weekday}{the_date}\b{trailing}\s*$", re.IGNORECASE
    )
    bare = re.compile(rf"^{weekday}{the_date}{time}\s*$", re.IGNORECASE)
    return _Patterns(labelled=labelled, bare=bare, search_lines=words.search_lines)


def find_dateline(lines: list[str]) -> Dateline | None:
    """The first dateline among the first non-blank `lines` (stripped) that parses to a real date.

    When none does but one looked like a dateline, that one comes back with `published` None, so the
    reader can say why the date is unknown.
    """
    patterns = _patterns()
    rejected: Dateline | None = None
    seen = 0
    for index, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > patterns.search_lines:
            break
        if len(line) > _MAX_DATELINE_CHARS or not any(character.isdigit() for character in line):
            continue  # cheap test first: most lines are prose
        match = patterns.labelled.match(line) or patterns.bare.match(line)
        if match is None:
            continue
        published = parse_date(match.group("date"))
        if published is not None:
            return Dateline(published=published, line=line, index=index)
        rejected = rejected or Dateline(published=None, line=line, index=index)
    return rejected


def search_lines() -> int:
    return _patterns().search_lines


def parse_date(text: str) -> date | None:
    """A calendar date written out in full (ISO or words), or None when it is not one or impossible."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        pass
    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed is not None else None
