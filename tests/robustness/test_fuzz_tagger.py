"""The tagger takes any text and any publication date: no exception, spans that are real, sorted, disjoint."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal import tag

from .shared import BOUNDED

_WORDS = """January Jan. 12 31st 2026 1999 0 99999 last next this week month year Monday ago before after
    - / . , Q3 H1 the early late mid 2026-06-04 04/06/2026 1990s summer 3 days hours noon 10:30 am BC century
    decade weekend yesterday tomorrow Feb_30 February_29,_2100 9999"""
TOKENS = st.sampled_from([*(word.replace("_", " ") for word in _WORDS.split()), "\n", "  ", "\u00a0"])
DATE_ISH = st.lists(TOKENS, max_size=40).map(" ".join)
DCT = st.one_of(st.none(), st.dates(), st.sampled_from([date.min, date.max, date(2024, 2, 29)]))


def _assert_well_formed(text: str, dct: date | None) -> None:
    timexes = tag(text, dct)
    previous_end = 0
    for timex in timexes:
        assert previous_end <= timex.start < timex.end <= len(text), "sorted, disjoint, inside the text"
        assert text[timex.start : timex.end] == timex.text
        if timex.earliest is not None and timex.latest is not None:
            assert date.fromisoformat(timex.earliest) <= date.fromisoformat(timex.latest)
        previous_end = timex.end


@settings(BOUNDED, max_examples=150)
@given(text=DATE_ISH, dct=DCT)
def test_date_like_text_is_tagged_consistently(text: str, dct: date | None) -> None:
    _assert_well_formed(text, dct)


@BOUNDED
@given(text=st.text(max_size=500), dct=DCT)
def test_arbitrary_text_is_tagged_consistently(text: str, dct: date | None) -> None:
    _assert_well_formed(text, dct)


# 0001-01-01 is the zero date some scrapers write when they found none.
@pytest.mark.parametrize("dct", [date.min, date.max], ids=["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("text", ["January", "yesterday", "next year", "Q3"])
def test_calendar_edges_as_publication_date_are_survived(text: str, dct: date) -> None:
    _assert_well_formed(text, dct)
