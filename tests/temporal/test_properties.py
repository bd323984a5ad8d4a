"""Properties of `tag` on arbitrary and on date-heavy generated text (bounded hypothesis examples)."""

from __future__ import annotations

import os
import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.temporal import tag

# TIMEX3 values: calendar dates (with X placeholders, weeks, seasons, quarters, halves, times of day),
# decades and centuries, durations (PnY, PTnH, PXY, P1Y6M ...), and the PAST/PRESENT/FUTURE references.
_DIGITS_OR_X = r"(?:\d|X)"
_MONTH = r"(?:0[1-9]|1[0-2]|XX)"
_DAY = r"(?:0[1-9]|[12]\d|3[01]|XX)"
_WEEK = r"(?:0[1-9]|[1-4]\d|5[0-3]|XX)"
_TIME = r"T(?:MO|AF|EV|NI|MI|DT|(?:[01]\d|2[0-4])(?::[0-5]\d(?::[0-5]\d)?)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)?)"
_CALENDAR = (
    rf"{_DIGITS_OR_X}{{2}}(?:{_DIGITS_OR_X}(?:{_DIGITS_OR_X}"
    rf"(?:-(?:{_MONTH}(?:-{_DAY})?|W{_WEEK}(?:-(?:[1-7]|WE))?|Q[1-4X]|H[12X]|SP|SU|FA|WI))?)?)?(?:{_TIME})?"
)
_AMOUNT = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = rf"P(?:(?:{_AMOUNT}(?:Y|M|W|D|WE|Q))+(?:T(?:{_AMOUNT}[HMS])+)?|T(?:{_AMOUNT}[HMS])+)"
TIMEX3_VALUE = re.compile(rf"^(?:{_CALENDAR}|{_DURATION}|(?:PAST|PRESENT|FUTURE)_REF)$")

VOCABULARY = [
    "the",
    "last",
    "next",
    "this",
    "past",
    "early",
    "late",
    "mid-",
    "a",
    "an",
    "two",
    "30",
    "1990s",
    "'90s",
    "2026",
    "June",
    "May",
    "march",
    "Sept.",
    "4",
    "4th",
    "of",
    ",",
    ".",
    "Thursday",
    "Friday,",
    "weekend",
    "week",
    "month",
    "quarter",
    "third-quarter",
    "year",
    "decade",
    "century",
    "summer",
    "fall",
    "days",
    "ago",
    "earlier",
    "later",
    "in",
    "before",
    "after",
    "from",
    "now",
    "recently",
    "today",
    "yesterday",
    "evening",
    "3",
    "p.m.",
    "EST",
    "every",
    "each",
    "daily",
    "annually",
    "fiscal",
    "6500+",
    "$1",
    "trillion",
    "percent",
    "nineteen",
    "ninety-six",
    "two",
    "thousand",
    "and",
    "a",
    "half",
    "-old",
    "said",
    "will",
]

# Every DCT the calendar has, with the awkward ones drawn often: January and February (inside the winter
# that began the December before), leap days and the calendar's first and last days.
_YEARS = st.integers(1, 9999) | st.sampled_from([1, 2, 1999, 2000, 2024, 9998, 9999])
dcts = (
    st.none()
    | st.dates()
    | st.builds(date, _YEARS, st.sampled_from([1, 2]), st.integers(1, 28))
    | st.sampled_from([date.min, date.max, date(1, 12, 31), date(9999, 1, 1), date(2024, 2, 29)])
)
date_heavy = st.lists(st.sampled_from(VOCABULARY), max_size=30).map(" ".join)

# Random news-like documents: sentences with time expressions of every family, headlines and datelines,
# years up to the calendar's ends.
_WEEKDAYS = st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
_MONTHS = st.sampled_from(["January", "Feb.", "March", "April", "May", "June", "Sept.", "December", "Dec."])
_YEAR_WORDS = st.integers(1, 9999).map(str) | st.sampled_from(["1999", "2026", "9998", "9999", "0001"])
_PHRASES = st.one_of(
    st.builds("{}, {} {}, {}".format, _WEEKDAYS, _MONTHS, st.integers(1, 31), _YEAR_WORDS),
    st.builds("{} {}".format, _MONTHS, st.integers(0, 32)),
    st.builds("{}-{:02d}-{:02d}".format, _YEAR_WORDS, st.integers(0, 13), st.integers(0, 32)),
    st.builds("{}/{}/{}".format, st.integers(1, 12), st.integers(1, 31), st.integers(0, 99)),
    st.builds(
        "{}:{:02d} {}".format, st.integers(0, 23), st.integers(0, 59), st.sampled_from(["a.m.", "GMT", "EST"])
    ),
    st.builds(
        "{} {}".format,
        st.sampled_from(["last", "next", "this", "the past", "early", "late"]),
        st.sampled_from(["winter", "summer", "week", "weekend", "month", "quarter", "year", "decade"]),
    ),
    st.builds(
        "{} {} {}".format,
        st.sampled_from(["two", "a", "several", "30", "a couple of", "less than two", "more than a"]),
        st.sampled_from(["days", "weeks", "months", "years", "hours", "quarters", "decades"]),
        st.sampled_from(
            ["ago", "later", "earlier", "from now", "before the vote", "after Friday", "later than"]
        ),
    ),
    st.sampled_from(
        [
            "the next day",
            "the day before",
            "that year",
            "a year earlier",
            "the year-ago quarter",
            "the third quarter of 9999",
            "Christmas",
            "Easter",
            "now",
            "today's consumers",
            "the 1990s",
            "the '90s",
            "later in 2026",
            "earlier this week",
            "every Monday",
            "daily",
            "the same day",
            "in recent years",
            "the weeks ahead",
            "the past decade",
            "over the coming century",
            "at 14:00 on Tuesday",
            "at 23:30 GMT+2",
            "9 a.m. UTC-05:30",
        ]
    ),
    _WEEKDAYS,
)
_SENTENCE = st.builds(
    "{} {} {}{}".format,
    st.sampled_from(["The council", "Officials", "Shares", "He", "Now,"]),
    st.sampled_from(["said", "will meet", "could last into", "met on", "rose", "ends", "was due by"]),
    _PHRASES,
    st.sampled_from([".", ",", "\n", ".\n\n", "; and", " (0735 GMT)"]),
)
documents = st.lists(_SENTENCE, min_size=1, max_size=12).map(" ".join)


# In CI (the CI environment variable set, as .ci/run and hosted runners do) the same examples run every time,
# so a red build is reproducible; locally every run explores new ones. Never a deadline or a too-slow
# health check: the machine may be shared, and speed is bench/'s business.
BOUNDED = settings(
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow],
)


def _check(text: str, dct: date | None) -> None:
    found = tag(text, dct)
    position = 0
    for timex in found:
        assert position <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        position = timex.end
        assert TIMEX3_VALUE.match(timex.value), timex.value
        for bound in (timex.earliest, timex.latest):
            assert bound is None or date.fromisoformat(bound)
        if timex.earliest and timex.latest:
            assert timex.earliest <= timex.latest
        counted_from_dct = timex.anchor is not None and timex.anchor.kind == "dct"
        if dct is None and counted_from_dct and timex.earliest is not None:
            # Without a DCT only the words bound it: nothing, or the year they name ("later in 2026",
            # "earlier nineteen nineteen").
            assert re.fullmatch(r"\d{4}", timex.value), timex
            assert (timex.earliest, timex.latest) == (f"{timex.value}-01-01", f"{timex.value}-12-31")


@settings(BOUNDED, max_examples=150)
@given(text=st.text(max_size=200), dct=dcts)
def test_arbitrary_text_never_raises_and_spans_are_sound(text: str, dct: date | None) -> None:
    _check(text, dct)


@settings(BOUNDED, max_examples=300)
@given(text=date_heavy, dct=dcts)
def test_date_heavy_text_gives_valid_values_and_intervals(text: str, dct: date | None) -> None:
    _check(text, dct)


@settings(BOUNDED, max_examples=200)
@given(text=documents, dct=dcts)
def test_random_documents_never_raise_and_give_sound_expressions(text: str, dct: date | None) -> None:
    _check(text, dct)


def test_validator_rejects_what_is_not_a_timex3_value() -> None:
    for value in ("2026-13", "P", "2026-W23-8", "tomorrow", "PT", "2026-Q5", "P1Y6"):
        assert not TIMEX3_VALUE.match(value), value
    for value in (
        "2026-06-04",
        "2026-W23",
        "2026-W23-WE",
        "199",
        "20",
        "P1Y6M",
        "PT1M30S",
        "XXXX-WXX-1",
        "2026-06-04TEV",
        "2026-06-04T15:00",
        "PXY",
        "PRESENT_REF",
        "XXXX-SU",
        "2026-H1",
    ):
        assert TIMEX3_VALUE.match(value), value
