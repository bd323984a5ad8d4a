"""What the merge compares besides a statement's own clause, through the real CLI with no rules (invented
stories): the other clauses of its sentence, several clauses of one sentence in one event, and dates told
a little differently, kept apart from a happening that recurs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from timeline.cli import app


def write(folder: Path, articles: dict[str, str], published: str = "2026-03-07") -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in articles.items():
        header = f"---\npublished: {published}\nsource: The {name.capitalize()}\n---\n"
        (folder / f"{name}.md").write_text(header + text + "\n", encoding="utf-8")
    return folder


def run(tmp_path: Path, command: str, corpus: Path, *flags: str) -> str:
    rules = tmp_path / "rules"
    rules.mkdir(exist_ok=True)
    args = [command, str(corpus), "--rules", str(rules), "--no-cache", "--jobs", "1", *flags]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    return result.output


def built(tmp_path: Path, corpus: Path) -> dict[str, Any]:
    output = tmp_path / "timeline.json"
    run(tmp_path, "build", corpus, "-o", str(output))
    timeline: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return timeline


def event_with(timeline: dict[str, Any], words: str) -> dict[str, Any]:
    (event,) = [e for e in timeline["events"] if any(words in m["quote"] for m in e["mentions"])]
    return event


# Two happenings, each told by two outlets
STORY = {
    # "The Oslo carrier ... released a report" shares little with "The airline ... said in a filing": the
    # relative clause next to it names the same jets
    "courier": "The Oslo carrier, which flies the Skylark fleet of regional jets, released a report Thursday "
    "on its debts.",
    "ledger": "The airline behind the Skylark regional jets said in a filing Thursday that its debts had "
    "doubled.",
    # the listing and its taking effect are one clause in one article, two in the other
    "wire": "As a result, the ministry placed Fjord Air on a safety watch list that takes effect in May, "
    "barring it from state contracts.",
    "post": "Fjord Air's listing on a safety watch list takes effect in May after the inspections.",
}


def test_a_clause_is_merged_through_the_other_clauses_of_its_sentence(tmp_path: Path) -> None:
    report = event_with(built(tmp_path, write(tmp_path / "corpus", STORY)), "released a report")
    assert {m["doc"] for m in report["mentions"]} == {"courier", "ledger"}
    assert report["date"]["value"] == "2026-03-05"


def test_two_clauses_of_one_sentence_can_tell_one_happening(tmp_path: Path) -> None:
    listing = event_with(built(tmp_path, write(tmp_path / "corpus", STORY)), "watch list")
    quotes = sorted(m["quote"] for m in listing["mentions"] if m["doc"] == "wire")
    assert quotes == ["that takes effect in May", "the ministry placed Fjord Air on a safety watch list"]
    assert [m["doc"] for m in listing["mentions"]].count("post") == 1


LEAVE = (
    "Dana Whitfield, the chief executive of Harbor Bank, took "
    "{length} of medical leave in {year}, the bank said."
)


def test_a_year_told_differently_is_flagged_but_a_leave_that_recurs_is_not(tmp_path: Path) -> None:
    told_wrong = write(
        tmp_path / "wrong",
        {
            "courier": LEAVE.format(length="six months", year=2009),
            "ledger": LEAVE.format(length="six months", year=2011),
        },
        published="2012-02-01",
    )
    assert "builtin/date-conflict" in run(tmp_path, "check", told_wrong)
    # another leave: its length differs too, so it is not the same leave told with a wrong year
    recurring = write(
        tmp_path / "recurring",
        {
            "courier": LEAVE.format(length="six months", year=2009),
            "ledger": LEAVE.format(length="three weeks", year=2011),
        },
        published="2012-02-01",
    )
    output = run(tmp_path, "check", recurring)
    assert "date-conflict" not in output and "quantity-conflict" not in output
