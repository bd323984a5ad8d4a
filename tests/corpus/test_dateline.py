"""Datelines near the top of the text: parsed strictly, never guessed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from timeline.corpus import SourceItem, read_document
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


def test_a_dateline_naming_no_real_day_is_reported_not_used() -> None:
    found = find_dateline(["Headline", "Published on: Feb 30, 2026", "March 01, 2008"])
    assert found is not None
    assert found.published == date(2008, 3, 1)  # a later real dateline still counts
    rejected = find_dateline(["Headline", "Published on: Feb 30, 2026"])
    assert rejected is not None
    assert (rejected.published, rejected.line) == (None, "Published on: Feb 30, 2026")


def test_the_reader_says_why_a_dateline_was_not_used(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Headline\nPublished on: Feb 30, 2026\nThe council met.\n", encoding="utf-8")
    document = read_document(SourceItem(path=str(path), format="txt"))
    assert document.published is None
    assert document.published_evidence == (
        'no such day: the dateline on line 2, "Published on: Feb 30, 2026", is not a real calendar date, '
        "and there is no date in the manifest"
    )


def test_the_table_gives_the_short_reason(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    (tmp_path / "bad-day.txt").write_text(
        "Headline\nPublished on: Feb 30, 2026\nThe council met.\n", encoding="utf-8"
    )
    (tmp_path / "no-day.txt").write_text("Headline\nThe council met.\n", encoding="utf-8")
    code, stdout, stderr = run_cli("corpus", str(tmp_path))
    assert code == 2  # the impossible date is reported, and the article still listed as undated
    assert 'bad-day.txt:2: the dateline "Published on: Feb 30, 2026" names no real day' in stderr
    rows = stdout.splitlines()[2:]
    assert "unknown: no such day" in rows[0] and "unknown: not stated" in rows[1]


def test_an_impossible_front_matter_date_leaves_the_article_undated_and_says_why(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    (tmp_path / "opening.md").write_text(
        "---\ntitle: School opens\npublished: 2026-02-30\n---\nThe new school opened on Monday.\n",
        encoding="utf-8",
    )
    code, stdout, stderr = run_cli("corpus", str(tmp_path))
    assert code == 2
    assert "opening.md:3:12:" in stderr and "not dated by it" in stderr
    rows = stdout.splitlines()[2:]
    assert "School opens" in rows[0] and "unknown: no such day" in rows[0]


def test_a_dateline_still_dates_an_article_whose_front_matter_date_is_impossible(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\npublished: 2026-02-30\n---\nHeadline\nPublished on: Mar 02, 2026\nThe council met.\n",
        encoding="utf-8",
    )
    document = read_document(SourceItem(path=str(path), format="md"))
    assert document.published is not None and document.published.isoformat() == "2026-03-02"
    assert len(document.problems) == 1 and "not dated by it" in document.problems[0].message
