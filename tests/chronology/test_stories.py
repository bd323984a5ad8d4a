"""Whole stories through the real `timeline build`: each tests/stories/<name>/story.yaml names its
articles and catalog and says which events, dates and publication windows the build must find."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from timeline.cli import app

STORIES = sorted((Path(__file__).parent.parent / "stories").glob("*/story.yaml"))


def _build(story: Path, output: Path) -> dict[str, Any]:
    spec = yaml.safe_load(story.read_text(encoding="utf-8"))
    articles, rules = story.parent / spec["articles"], story.parent / spec["rules"]
    args = ["build", str(articles), "--rules", str(rules), "-o", str(output), "--no-cache", "--jobs", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    built: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return built


def _days(pair: list[Any]) -> list[str]:
    return [str(day) for day in pair]


@pytest.mark.parametrize("story", STORIES, ids=[story.parent.name for story in STORIES])
def test_story_builds_the_expected_chronology(story: Path, tmp_path: Path) -> None:
    spec = yaml.safe_load(story.read_text(encoding="utf-8"))
    timeline = _build(story, tmp_path / "timeline.json")
    events = {event["id"]: event for event in timeline["events"]}
    for event_id, expected in spec.get("events", {}).items():
        assert event_id in events, f"{event_id} not found"
        event = events[event_id]
        date = [event["date"]["earliest"], event["date"]["latest"]]
        if "date" in expected:
            assert date == _days(expected["date"]), event_id
        if "within" in expected:
            low, high = _days(expected["within"])
            assert low <= date[0] <= date[1] <= high, (event_id, date)
        documents = {mention["doc"] for mention in event["mentions"]}
        assert set(expected.get("documents", [])) <= documents, event_id
        assert len(documents) >= expected.get("min_documents", 0), (event_id, documents)
    documents = {document["id"]: document for document in timeline["documents"]}
    for doc_id, expected in spec.get("documents", {}).items():
        document = documents[doc_id]
        window = document["published_window"]
        if "published" in expected:
            assert document["published"] == str(expected["published"])
            assert window is None
        if "window" in expected:
            assert document["published"] is None
            assert [window["earliest"], window["latest"]] == _days(expected["window"]), doc_id
            assert window["evidence"], doc_id
        if "window_starts" in expected:
            assert document["published"] is None
            assert window is not None and window["earliest"] == str(expected["window_starts"]), doc_id
    for expected in spec.get("statements", []):
        matches = [event for event in timeline["events"] if event["title"].startswith(expected["starts"])]
        assert len(matches) == 1, expected
        assert matches[0]["type"] is None
        assert [matches[0]["date"]["earliest"], matches[0]["date"]["latest"]] == _days(expected["date"])
