"""`timeline tag` through the real CLI: JSONL shape, bad lines, the table and TimeML outputs."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from timeline.cli import app
from timeline.temporal import tag

RUNNER = CliRunner()
TEXT = "Anthropic said Thursday it will ship next week."
TIMEX_KEYS = ["start", "end", "text", "type", "value", "mod", "earliest", "latest", "granularity", "anchor"]


def _jsonl(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_jsonl_output_has_the_agreed_keys_in_order(tmp_path: Path) -> None:
    source = _jsonl(
        tmp_path / "docs.jsonl",
        json.dumps(
            {"id": "a", "dct": "2026-06-06", "text": "Anthropic said Thursday it will ship next week."}
        ),
        json.dumps({"id": "b", "text": "No date here, but in May 2025 it began."}),
    )
    result = RUNNER.invoke(app, ["tag", str(source)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert list(records[0]) == ["id", "timexes"]
    first = records[0]["timexes"][0]
    assert list(first)[: len(TIMEX_KEYS)] == TIMEX_KEYS
    assert (first["text"], first["value"], first["earliest"]) == ("Thursday", "2026-06-04", "2026-06-04")
    assert all(TEXT[t["start"] : t["end"]] == t["text"] for t in records[0]["timexes"])
    assert records[1]["timexes"][0]["value"] == "2025-05"


def test_jsonl_lines_are_the_json_of_the_expressions(tmp_path: Path) -> None:
    """Each line is exactly json.dumps of the document's id and its expressions (stable bytes to diff)."""
    documents = [
        ("dct", "2026-06-06", "On Thursday, June 4 at 9:30 a.m. ET, two days after the vote, «it» said…"),
        ("none", None, 'Two years ago, the year-ago quarter; every Monday; the day before the "vote".'),
        ("view", "1998-02-27", "Shares rose 3% in the third quarter. A year earlier, the next day, 1990s."),
    ]
    source = _jsonl(
        tmp_path / "docs.jsonl", *(json.dumps({"id": i, "dct": d, "text": t}) for i, d, t in documents)
    )
    result = RUNNER.invoke(app, ["tag", str(source)])
    assert result.exit_code == 0, result.output
    for line, (identifier, dct, text) in zip(result.stdout.splitlines(), documents, strict=True):
        found = tag(text, date.fromisoformat(dct) if dct else None)
        assert {t.anchor.kind for t in found if t.anchor} >= ({"dct", "timex"} if dct else {"dct"})
        expected = {"id": identifier, "timexes": [timex.model_dump(mode="json") for timex in found]}
        assert line == json.dumps(expected, ensure_ascii=False)


def test_bad_lines_are_reported_and_the_rest_still_tagged(tmp_path: Path) -> None:
    source = _jsonl(
        tmp_path / "docs.jsonl",
        json.dumps({"id": "good", "dct": "2026-06-06", "text": "It happened yesterday."}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "bad-dct", "dct": "June 6", "text": "today"}),
        json.dumps({"id": "also-good", "dct": None, "text": "in 2023"}),
    )
    result = RUNNER.invoke(app, ["tag", str(source)])
    assert result.exit_code == 2
    assert f"{source}:2:" in result.stderr and "invalid JSON" in result.stderr
    assert f"{source}:3:" in result.stderr and "dct" in result.stderr
    assert "Traceback" not in result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["good", "also-good"]


def test_stdin_is_read_with_a_dash() -> None:
    line = json.dumps({"id": "s", "dct": "2026-06-06", "text": "The vote will take place on Monday."})
    result = RUNNER.invoke(app, ["tag", "-"], input=line + "\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["timexes"][0]["value"] == "2026-06-08"


def test_text_file_prints_a_table(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Officials met Thursday evening and will meet again in the near future.", encoding="utf-8"
    )
    result = RUNNER.invoke(app, ["tag", str(article), "--dct", "2026-06-06"])
    assert result.exit_code == 0
    header, _rule, *rows = result.stdout.splitlines()
    assert header.split()[:5] == ["start", "end", "text", "type", "value"]
    assert any("2026-06-04TEV" in row for row in rows)
    assert any("FUTURE_REF" in row for row in rows)


def test_timeml_is_well_formed_and_escaped(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    text = "AT&T said <b>Friday</b> that Q3 2026 sales rose."
    article.write_text(text, encoding="utf-8")
    output = tmp_path / "article.tml"
    result = RUNNER.invoke(
        app, ["tag", str(article), "--dct", "2026-06-06", "--format", "timeml", "-o", str(output)]
    )
    assert result.exit_code == 0, result.output
    root = ElementTree.fromstring(output.read_text(encoding="utf-8"))
    creation = root.find("DCT/TIMEX3")
    assert creation is not None and creation.get("functionInDocument") == "CREATION_TIME"
    assert "".join(root.find("TEXT").itertext()) == text  # type: ignore[union-attr]
    tagged = {t.text: t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") is None}
    assert tagged == {"Friday": "2026-06-05", "Q3 2026": "2026-Q3"}


def test_bad_dct_option_is_one_clear_line(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Friday", encoding="utf-8")
    result = RUNNER.invoke(app, ["tag", str(article), "--dct", "06/06/2026"])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("--dct:")


def test_unreadable_text_file_is_one_clear_line(tmp_path: Path) -> None:
    article = tmp_path / "latin1.txt"
    article.write_bytes("Caf\xe9 opened on Friday".encode("latin-1"))
    result = RUNNER.invoke(app, ["tag", str(article), "--dct", "2026-06-06"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{article}: not UTF-8 text (byte 3); convert it to UTF-8"


def test_standard_input_is_read_without_an_argument() -> None:
    line = json.dumps({"id": "s", "dct": "2026-06-06", "text": "The vote will take place on Monday."})
    result = RUNNER.invoke(app, ["tag"], input=line + "\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["timexes"][0]["value"] == "2026-06-08"
    plain = RUNNER.invoke(
        app, ["tag", "--dct", "2026-06-06", "--format", "jsonl"], input="It rained on Friday.\n"
    )
    assert plain.exit_code == 0, plain.output
    assert json.loads(plain.stdout)["timexes"][0]["value"] == "2026-06-05"


def test_a_markdown_article_is_read_like_the_corpus(tmp_path: Path) -> None:
    article = tmp_path / "story.md"
    article.write_text(
        "---\ntitle: Vote set for Monday\n---\n# Vote set for **Monday**\n\nPublished on: June 3, 2026\n\n"
        "The council said on *Tuesday* that it will vote next week.\n",
        encoding="utf-8",
    )
    result = RUNNER.invoke(app, ["tag", str(article), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    found = {t["text"]: t["value"] for t in json.loads(result.stdout)["timexes"]}
    assert found["Tuesday"] == "2026-06-02" and found["next week"] == "2026-W24"  # the dateline is the DCT
    assert not any("*" in text for text in found)


def test_an_html_article_is_tagged_without_its_markup(tmp_path: Path) -> None:
    article = tmp_path / "story.html"
    article.write_text(
        "<html><head><title>Vote</title><meta property='article:published_time' content='2026-06-03'></head>"
        "<body><article><h1>Vote set</h1><p>The council met on <b>Tuesday</b> and will meet again in "
        "<time>July</time>, officials said after a long debate about the budget.</p></article></body></html>",
        encoding="utf-8",
    )
    result = RUNNER.invoke(app, ["tag", str(article), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    timexes = json.loads(result.stdout)["timexes"]
    assert [t["value"] for t in timexes] == ["2026-06-02", "2026-07"]
    assert all("<" not in t["text"] for t in timexes)


def test_no_argument_on_a_terminal_is_a_usage_error() -> None:
    leader, terminal = pty.openpty()  # standard input is a terminal, as when a user types `timeline tag`
    try:
        result = subprocess.run(
            [sys.executable, "-m", "timeline", "tag"],
            stdin=terminal,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        os.close(leader)
        os.close(terminal)
    assert result.returncode == 2
    assert "standard input" in result.stderr
