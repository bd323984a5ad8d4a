"""A catalog event takes the statements that tell it, and the build's first look is the events several
sources tell, through the real CLI.

The story (tests/chronology/stories/riverton-fares, invented): three outlets tell a council's fare
increase, which the rules name, in a sentence with other clauses ("drawing protests from commuter
groups") and again in a lede of other words ("has voted to make bus and tram tickets dearer"); two of
them tell a tram strike no rule names; one adds a ferry pier no other outlet mentions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.chronology.building import build, empty_rules, events_with

STORY = Path(__file__).parent / "stories" / "riverton-fares"


def test_the_statements_telling_a_catalog_event_are_not_events_of_their_own(tmp_path: Path) -> None:
    timeline, output = build(STORY / "articles", STORY / "rules", tmp_path / "timeline.json")
    (fares,) = events_with(timeline, "fare increase")
    assert fares["type"] == "fare-increase" and len({m["doc"] for m in fares["mentions"]}) == 3
    assert (fares["date"]["earliest"], fares["date"]["latest"]) == ("2026-04-08", "2026-04-08")
    assert not fares["date_conflict"]
    # the other clauses of its sentences and the ledes telling it in other words are part of it
    assert events_with(timeline, "drawing protests") == [fares]
    assert events_with(timeline, "placing the burden") == [fares]
    assert not events_with(timeline, "tickets dearer")
    assert any("part of it, not events of their own" in reason for reason in fares["merge_reasons"])
    (strike,) = events_with(timeline, "strike")
    assert strike["automatic"] and {m["doc"] for m in strike["mentions"]} == {"courier", "ledger"}
    assert "Riverton council approves a transit fare increase" in output and "strike" in output
    assert "drawing protests" not in output and "Riverton's city council" not in output


def test_with_no_catalog_the_ledes_are_an_event_of_their_own(tmp_path: Path) -> None:
    timeline, _ = build(STORY / "articles", empty_rules(tmp_path), tmp_path / "timeline.json")
    (lede,) = events_with(timeline, "tickets dearer")
    assert lede["automatic"] and len({m["doc"] for m in lede["mentions"]}) >= 2
    (fares,) = events_with(timeline, "fare increase")
    assert fares["automatic"] and len({m["doc"] for m in fares["mentions"]}) == 3


def test_what_one_article_alone_says_is_counted_and_listed_with_verbose(tmp_path: Path) -> None:
    timeline, output = build(STORY / "articles", STORY / "rules", tmp_path / "timeline.json")
    (pier,) = events_with(timeline, "ferry pier")
    assert pier["automatic"] and [m["doc"] for m in pier["mentions"]] == ["courier"]
    assert "ferry pier" not in output
    told_once = [event for event in timeline["events"] if event["automatic"] and _articles(event) == 1]
    assert f"{len(told_once)} statement(s) that only one article makes" in output
    _, detailed = build(STORY / "articles", STORY / "rules", tmp_path / "again.json", "--verbose")
    assert "ferry pier" in detailed and "only one article makes" not in detailed


def _articles(event: dict[str, Any]) -> int:
    return len({mention["doc"] for mention in event["mentions"]})
