"""Datelines near the top of the text: parsed strictly, never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.corpus.dateline import find_dateline, parse_date


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Headline", "", "Published on: Jun 06, 2026"], date(2026, 6, 6)),
        (["March 01, 2008", "The council met."], date(2008, 3, 1)),
        (["Monday, March 3, 2008 10:32 AM EST"], date(2008, 3, 3)),
        (["Posted: Sept. 6, 2022"], date(2022, 9, 6)),
        (["Published 14 February 2024 | London"], date(2024, 2, 14)),
        (["Date: 2019-11-30"], date(2019, 11, 30)),
    ],
)
def test_datelines_are_found(lines: list[str], expected: date) -> None:
    found = find_dateline(lines)
    assert found is not None and found.published == expected


@pytest.mark.parametrize(
    "lines",
    [
        ["Published on: Feb 30, 2026"],  # no such day
        ["The March 1, 2008 vote was close."],  # a date inside prose is news content
        ["Updated: March 1, 2008"],  # a revision date, not the publication
        ["Published on: June 2026"],  # no day: not precise enough to be the publication day
        ["Headline", *[f"Paragraph {n} says nothing about dates." for n in range(10)], "March 01, 2008"],
    ],
)
def test_no_dateline_means_unknown(lines: list[str]) -> None:
    assert find_dateline(lines) is None


def test_parse_date_refuses_impossible_dates() -> None:
    assert parse_date("2026-02-30") is None
    assert parse_date("2026-02-28") == date(2026, 2, 28)
    assert parse_date("Feb 28, 2026") == date(2026, 2, 28)
