"""`timeline build` as a user runs it: outputs, exit codes, bad input reported one line each."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from timeline.cli import app

GOOD = "Published on: Jun 06, 2026\n\nThe council approved the budget on Tuesday.\n"


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    return corpus


def test_without_output_file_the_json_goes_to_stdout(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["build", str(_corpus(tmp_path)), "--no-cache"])
    assert result.exit_code == 0, result.output
    timeline = json.loads(result.stdout)
    assert timeline["schema_version"] == "1.1"
    assert [event["date"]["value"] for event in timeline["events"]] == ["2026-06-02"]


def test_with_output_file_a_summary_is_printed(tmp_path: Path) -> None:
    output = tmp_path / "out" / "timeline.json"
    result = CliRunner().invoke(app, ["build", str(_corpus(tmp_path)), "-o", str(output), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "2026-06-02" in result.stdout and "1 events from 1 documents" in result.stdout
    assert json.loads(output.read_text(encoding="utf-8"))["documents"][0]["published"] == "2026-06-06"


def test_bad_input_exits_2_and_the_good_documents_are_still_built(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "feed.jsonl").write_text('{"id": "ok", "text": "fine"}\n{not json\n', encoding="utf-8")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "events.yaml").write_text(
        "events:\n  vote:\n    title: Vote\n    trigers: [vote]\n", encoding="utf-8"
    )
    output = tmp_path / "timeline.json"
    result = CliRunner().invoke(
        app, ["build", str(corpus), "--rules", str(rules), "-o", str(output), "--no-cache"]
    )
    assert result.exit_code == 2
    problems = result.stderr.strip().splitlines()
    assert any(line.startswith(f"{corpus / 'feed.jsonl'}:2:") for line in problems)
    assert (
        f"{rules / 'events.yaml'}:4:5: events.vote.trigers: unknown key; did you mean 'triggers'?" in problems
    )
    assert "Traceback" not in result.output
    timeline = json.loads(output.read_text(encoding="utf-8"))
    assert {document["id"] for document in timeline["documents"]} >= {"good"}
    assert [event["date"]["value"] for event in timeline["events"]] == ["2026-06-02"]


def test_a_rules_folder_that_was_named_but_is_missing_is_reported(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["build", str(_corpus(tmp_path)), "--rules", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope'}: rules folder not found; check --rules" in result.stderr
