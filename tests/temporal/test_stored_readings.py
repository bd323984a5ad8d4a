"""Readings stored without a publication date resolve under any DCT as tagging with that DCT would."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import tag
from timeline.temporal.tagger import stored_readings

TEXT = (
    "Officials said Thursday that the vote, set for next week, follows talks held last winter and in March. "
    "Turnout rose 5% from a year ago; the count ends Friday night, and it will be final by year-end."
)


@pytest.mark.parametrize(
    "dct", [date(2026, 6, 6), date(2026, 1, 15), date(2024, 2, 29), date(1, 1, 1), date(9999, 12, 31)]
)
def test_stored_readings_resolve_like_tagging_with_that_dct(dct: date) -> None:
    stored = stored_readings(TEXT)
    assert [item.under(dct) for item in stored] == tag(TEXT, dct)


def test_stored_readings_without_a_dct_are_the_undated_tags() -> None:
    stored = stored_readings(TEXT)
    assert [(item.start, item.end, item.text) for item in stored] == [
        (timex.start, timex.end, timex.text) for timex in tag(TEXT, None)
    ]
    thursday = stored[0].under(date(2026, 6, 6))
    assert stored[0].text == "Thursday" and thursday is not None and thursday.value == "2026-06-04"


# Expressions built from two readings resolve as one: a clock time joined with its day (refiners.py), a
# part of a period read with the period ("the last week of the quarter").
JOINED = [
    (
        "The hearing opens at 9:30 a.m. ET on Tuesday, June 9, and closes at 23:00 BST on 1 September.",
        ["9:30 a.m. ET on Tuesday, June 9", "23:00 BST on 1 September"],
    ),
    (
        "Orders slowed in the last week of the quarter and will pick up in the first week of next month.",
        ["the last week of the quarter", "the first week of next month"],
    ),
]


@pytest.mark.parametrize("dct", [date(2026, 6, 6), date(2025, 1, 2)])
@pytest.mark.parametrize(("text", "expressions"), JOINED)
def test_joined_expressions_resolve_under_any_dct(text: str, expressions: list[str], dct: date) -> None:
    stored = stored_readings(text)
    assert [item.text for item in stored] == expressions
    assert [item.under(dct) for item in stored] == tag(text, dct)
