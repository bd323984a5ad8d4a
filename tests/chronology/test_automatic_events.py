"""Automatic events: with no catalog, what several articles tell becomes one event, through the real CLI.

The story (tests/chronology/stories/northwind-filing, invented): three outlets tell one bankruptcy filing,
two dated and one undated; one of them also tells an unrelated depot opening.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.chronology.building import build, empty_rules, events_with

STORY = Path(__file__).parent / "stories" / "northwind-filing"


def test_three_outlets_telling_one_filing_make_one_dated_event(tmp_path: Path) -> None:
    timeline, output = build(STORY, empty_rules(tmp_path), tmp_path / "timeline.json")
    (filing,) = events_with(timeline, "bankruptcy protection")
    assert sorted(m["doc"] for m in filing["mentions"]) == ["courier", "ledger", "wire"]
    assert filing["automatic"] is True and filing["type"] is None
    assert (filing["date"]["earliest"], filing["date"]["latest"]) == ("2026-03-03", "2026-03-03")
    assert not filing["date_conflict"]
    # each merge says why: the names the statements share and how their dates compare
    assert len(filing["merge_reasons"]) == 2
    assert all("'Northwind Freight'" in reason and "agree" in reason for reason in filing["merge_reasons"])
    # the depot opening, told by one of the same articles, stays its own event
    (depot,) = events_with(timeline, "new depot")
    assert [m["doc"] for m in depot["mentions"]] == ["courier"]
    # the undated article's "Tuesday" is the filing's day: it was written within the following week
    documents = {document["id"]: document for document in timeline["documents"]}
    window = documents["wire"]["published_window"]
    assert (window["earliest"], window["latest"]) == ("2026-03-03", "2026-03-09")
    assert timeline["schema_version"] == "1.1"
    # the first look is the events table; why the statements are one event is for --verbose
    assert "merged across articles" not in output and "--verbose says why" in output
    _, detailed = build(STORY, empty_rules(tmp_path), tmp_path / "again.json", "--verbose")
    assert "merged across articles, and why:" in detailed and "'Northwind Freight'" in detailed


def test_undated_events_are_counted_in_one_line_and_listed_with_verbose(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, outlet in (("a", "The Courier"), ("b", "The Ledger")):
        text = (
            f"---\npublished: 2026-03-05\nsource: {outlet}\n---\n"
            "Northwind Freight filed for bankruptcy protection on Tuesday in Ohio.\n\n"
            "Dana Whitfield warned investors about the Northwind Freight pension fund deficit.\n"
        )
        (corpus / f"{name}.md").write_text(text, encoding="utf-8")
    timeline, output = build(corpus, empty_rules(tmp_path), tmp_path / "timeline.json")
    (warning,) = events_with(timeline, "pension fund")
    assert warning["date"]["earliest"] is None and len(warning["mentions"]) == 2
    assert "Northwind Freight filed" in output and "Dana Whitfield" not in output
    assert "... and 1 undated statement(s) that several articles make (--verbose lists them)" in output
    _, detailed = build(corpus, empty_rules(tmp_path), tmp_path / "again.json", "--verbose")
    assert "Dana Whitfield" in detailed and "undated statement(s)" not in detailed


def test_a_day_told_differently_still_merges_and_is_flagged(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(STORY, corpus)
    ledger = corpus / "ledger.md"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("on Tuesday", "on Friday"), encoding="utf-8")
    timeline, _ = build(corpus, empty_rules(tmp_path), tmp_path / "timeline.json")
    (filing,) = events_with(timeline, "bankruptcy protection")
    assert {m["doc"] for m in filing["mentions"]} == {"courier", "ledger", "wire"}
    assert filing["date_conflict"]
    assert any("disagree" in reason for reason in filing["merge_reasons"])


def test_statements_with_little_in_common_stay_apart(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(
        "---\npublished: 2026-03-05\n---\nNorthwind Freight opened a depot in Dayton on Tuesday.\n",
        encoding="utf-8",
    )
    (corpus / "b.md").write_text(
        "---\npublished: 2026-03-05\n---\nThe city council of Dayton approved its budget on Tuesday.\n",
        encoding="utf-8",
    )
    timeline, _ = build(corpus, empty_rules(tmp_path), tmp_path / "timeline.json")
    assert sorted(len(event["mentions"]) for event in timeline["events"]) == [1, 1]


def test_a_catalog_event_takes_precedence_over_an_automatic_one(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "events.yaml").write_text(
        "events:\n  filing:\n    title: Northwind Freight files for bankruptcy\n"
        "    triggers: [bankruptcy protection]\n",
        encoding="utf-8",
    )
    timeline, _ = build(STORY, rules, tmp_path / "timeline.json")
    (filing,) = events_with(timeline, "bankruptcy protection")
    assert filing["type"] == "filing" and filing["automatic"] is False
    assert sorted(m["doc"] for m in filing["mentions"]) == ["courier", "ledger", "wire"]
    assert filing["merge_reasons"][0] == "catalog event 'filing': its triggers match in 3 article(s)"
    # what else the filing's sentences say is the catalog event's, not an automatic event of its own
    assert events_with(timeline, "listing debts") == [filing]
