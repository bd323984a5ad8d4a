"""Exports of a real build: Markdown renders and stays inert, JSON fits the schema, CSV/TimelineJS shape."""

from __future__ import annotations

import csv
import io
import json
import random
import re
from pathlib import Path

import jsonschema
from markdown_it import MarkdownIt
from markdown_it.token import Token
from typer.testing import CliRunner

from timeline.chronology.models import Timeline
from timeline.cli import app

from .conftest import STORY, export


def _mermaid_problems(block: str) -> list[str]:
    """Checks a Mermaid `timeline` diagram against its grammar: header, title/section lines,
    `period : event [: event]` lines and `: event` continuations, with no ':' '#' ';' inside texts."""
    lines = block.strip("\n").splitlines()
    problems = [] if lines and lines[0] == "timeline" else ["first line must be 'timeline'"]
    for number, line in enumerate(lines[1:], 2):
        stripped = line.strip()
        if stripped.startswith(("title ", "section ")):
            continue
        parts = [part.strip() for part in stripped.split(" : ")] if " : " in stripped else []
        if stripped.startswith(": "):
            parts = ["(continuation)", stripped[2:].strip()]
        if len(parts) < 2 or not all(parts):
            problems.append(f"line {number}: expected 'period : event', got {line!r}")
        elif any(char in part for part in parts[1:] for char in ":#;"):
            problems.append(f"line {number}: event text with a Mermaid delimiter: {line!r}")
    return problems


def _tables(tokens: list[Token]) -> list[list[list[str]]]:
    """Each table as rows of cell texts."""
    tables: list[list[list[str]]] = []
    row: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            row.append(tokens[index + 1].content)
        elif token.type == "tr_close":
            tables[-1].append(row)
    return tables


def test_markdown_has_a_chronological_table_documents_and_a_valid_mermaid_timeline(built: Path) -> None:
    text = export("--format", "markdown", "--from", str(built))
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables = _tables(tokens)
    events_table = tables[0]
    (documents_table,) = [table for table in tables if table[0][0] == "Document"]
    assert events_table[0] == ["Date", "Event", "Sources"]
    assert [row[0] for row in events_table[1:3]] == ["2019", "2025-03-10"]
    assert any("2025-03-11 – 2025-03-16 (inferred)" in row[1] for row in documents_table)
    (fence,) = [token for token in tokens if token.type == "fence" and token.info == "mermaid"]
    assert _mermaid_problems(fence.content) == []
    # the events of the diagram (catalog events and open statements alike)
    assert "Engineers release the Harbor Bridge inspection report" in fence.content


def test_article_text_cannot_inject_markdown_or_html(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    hostile = (
        "Published on: Jun 06, 2026\n\nThe council approved <script>alert(1)</script> the | budget "
        "[click](http://evil.example) *now* www.evil.example on Tuesday.\n"
    )
    (corpus / "hostile.txt").write_text(hostile, encoding="utf-8")
    output = tmp_path / "t.md"
    result = CliRunner().invoke(
        app, ["export", "--format", "markdown", str(corpus), "-o", str(output), "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    markdown = output.read_text(encoding="utf-8")
    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(markdown)
    inline = [child for token in tokens for child in (token.children or [])]
    active = [t for t in tokens + inline if t.type in ("html_block", "html_inline", "link_open", "em_open")]
    assert [t.content for t in active] == ["<br>"] * len(active)  # only the line breaks the table uses
    events_table = _tables(tokens)[0]
    assert all(len(row) == 3 for row in events_table)  # the quote's "|" did not open a cell
    html = parser.render(markdown)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "href" not in html  # neither the Markdown link nor the bare URLs became links
    assert not [t for t in inline if t.type == "link_open"]
    (fence,) = [token for token in tokens if token.type == "fence" and token.info == "mermaid"]
    assert _mermaid_problems(fence.content) == []
    assert "<" not in fence.content


def test_build_json_validates_against_the_published_schema(built: Path) -> None:
    schema = json.loads(CliRunner().invoke(app, ["schema"]).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(built.read_text(encoding="utf-8")), schema)
    assert export("--format", "json", "--from", str(built)) == built.read_text(encoding="utf-8")


def test_findings_and_rules_schemas_are_published() -> None:
    for name in ("findings", "rules"):
        result = CliRunner().invoke(app, ["schema", name])
        assert result.exit_code == 0, result.output
        jsonschema.Draft202012Validator.check_schema(json.loads(result.stdout))


def test_build_output_is_byte_identical_whatever_the_input_order(tmp_path: Path, built: Path) -> None:
    files = sorted(str(path) for path in (STORY / "articles").glob("*.txt"))
    for seed in range(2):
        random.Random(seed).shuffle(files)
        output = tmp_path / f"t{seed}.json"
        args = [
            "build",
            *files,
            "--rules",
            str(STORY / "rules"),
            "-o",
            str(output),
            "--no-cache",
            "--jobs",
            "2",
        ]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        assert output.read_bytes() == built.read_bytes()


def test_csv_has_one_row_per_mention(built: Path) -> None:
    timeline = json.loads(built.read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO(export("--format", "csv", "--from", str(built)))))
    assert len(rows) == sum(len(event["mentions"]) for event in timeline["events"])
    first = rows[0]
    assert (first["event_id"], first["event_date"], first["doc"]) == ("deck-repair", "2019", "01-bay-gazette")
    assert re.fullmatch(r"\d+", first["line"]) and first["quote"]


def test_timelinejs_has_dated_slides_grouped_by_event(built: Path) -> None:
    document = json.loads(export("--format", "timelinejs", "--from", str(built)))
    slides = document["events"]
    assert {"headline", "text"} <= set(document["title"]["text"])
    assert slides and all(set(slide["start_date"]) == {"year", "month", "day"} for slide in slides)
    closure = [slide for slide in slides if slide["unique_id"].startswith("bridge-closure--")]
    assert {slide["group"] for slide in closure} == {"The Harbor Port Authority closes the Harbor Bridge"}
    assert [slide["unique_id"] for slide in closure] == [
        "bridge-closure--01-bay-gazette",
        "bridge-closure--02-east-courier",
        "bridge-closure--04-wire",
    ]
    assert closure[0]["start_date"] == {"year": 2025, "month": 3, "day": 11} and "end_date" not in closure[0]
    reopening = next(slide for slide in slides if slide["unique_id"].startswith("reopening--"))
    assert reopening["end_date"] == {"year": 2025, "month": 5, "day": 31}
    assert len({slide["unique_id"] for slide in slides}) == len(slides)


def test_bad_timeline_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "t.json"
    bad.write_text('{"events": [{"id": 3}]}', encoding="utf-8")
    result = CliRunner().invoke(app, ["export", "--format", "csv", "--from", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and str(bad) in result.stderr


def test_build_writes_the_same_json_to_a_file_and_to_stdout_as_one_dump(built: Path) -> None:
    # The file is written piece by piece (one per document and event); it must read back to the same
    # model and equal a single dump of it, byte for byte, as must the JSON printed without -o.
    written = built.read_text(encoding="utf-8")
    timeline = Timeline.model_validate_json(written)
    assert timeline.events and timeline.documents
    assert written == timeline.model_dump_json(indent=2) + "\n"
    args = ["build", str(STORY / "articles"), "--rules", str(STORY / "rules"), "--no-cache"]
    printed = CliRunner().invoke(app, args)
    assert printed.exit_code == 0, printed.output
    assert printed.stdout == written
