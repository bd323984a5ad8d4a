"""Disagreement first in every export: the seed story's disputes in Markdown, TimelineJS and CSV; nothing an
article says can become a spreadsheet formula or TimelineJS markup; `--from` reads only real timelines."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from timeline.chronology.models import Timeline
from timeline.cli import app
from timeline.export.labels import date_label

from .conftest import export, seed_export
from .test_exports import _mermaid_problems, _tables

SEED_ARGS = [str(Path(__file__).resolve().parents[2] / "corpus"), "--rules"]
SEED_ARGS.append(str(Path(__file__).resolve().parents[2] / "rules"))
ORDER = "Trump administration executive order on testing frontier AI models"
BLACKLIST = "National security blacklist of Anthropic takes effect"


def test_markdown_of_the_seeds_shows_every_build_event_disputed_ones_marked_in_place(seeds: Path) -> None:
    timeline = Timeline.model_validate_json(seeds.read_text(encoding="utf-8"))
    text = seed_export(seeds, "--format", "markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    rows = _tables(tokens)[0][1:]
    assert [row[0] for row in rows] == [date_label(event.date) for event in timeline.events]
    titles = [row[1].split("**⚠ Disputed** ")[-1].split("<br>")[0] for row in rows]
    assert titles == [event.title.replace("_", "\\_") for event in timeline.events]
    order = next(row for row in rows if ORDER in row[1])
    assert order[1].startswith("**⚠ Disputed**") and "executive-order-terms (error)" in order[1]
    assert "voluntarily submit" in order[2] and "30 days to review" in order[2]
    assert "(2026-06-01 – 2026-06-07; voluntary)" in order[2]
    assert "(2026-06-01 – 2026-06-07; mandatory-review)" in order[2]
    # each source's own date: 003 says "in 2026" where the others say "later in 2026"
    blacklist = next(row for row in rows if BLACKLIST in row[1])
    assert '2026-01-01..2026-12-31 ("2026")' in blacklist[2].replace("\\", "")
    assert not next(row for row in rows if "Future of Life" in row[1])[1].startswith("**⚠")
    (fence,) = [token for token in tokens if token.type == "fence" and token.info == "mermaid"]
    assert _mermaid_problems(fence.content) == []
    diagram = fence.content.replace("<br>", " ")
    assert any(
        "⚠ disputed," in line and "Trump administration executive order" in line
        for line in diagram.splitlines()
    )


def test_timelinejs_places_each_source_at_the_date_it_gives(seeds: Path) -> None:
    slides = json.loads(seed_export(seeds, "--format", "timelinejs"))["events"]
    blacklist = [slide for slide in slides if slide["group"] == BLACKLIST]
    starts = {slide["start_date"]["month"] for slide in blacklist}
    assert starts == {1, 6}  # "in 2026" from January; "later in 2026" from each article's publication
    assert all(slide["text"]["headline"].startswith("⚠ Disputed: ") for slide in blacklist)
    assert all("Why it is disputed" in slide["text"]["text"] for slide in blacklist)
    fli = [slide for slide in slides if slide["group"].startswith("Future of Life")]
    assert fli and not any(slide["text"]["headline"].startswith("⚠") for slide in fli)


HOSTILE = (
    '---\ntitle: \'=HYPERLINK("http://evil.example","x")\'\n'
    "source: '<img src=x onerror=\"alert(1)\">'\npublished: 2026-06-06\n---\n"
    "=cmd|' /C calc'!A0 was approved by the council on Tuesday.\n\n"
    "-2+3 residents protested <b>loudly</b> on Monday.\n"
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("hostile")
    (corpus / "@evil.md").write_text(HOSTILE, encoding="utf-8")
    (corpus / "+plus.md").write_text(HOSTILE.replace("Tuesday", "Wednesday"), encoding="utf-8")
    record = {"id": "=SUM(A1:A9)", "published": "2026-06-06", "text": "The council met on Thursday."}
    (corpus / "wire.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return corpus


def test_csv_cells_never_start_a_formula(hostile: Path) -> None:
    text = export("--format", "csv", str(hostile), "--rules", str(hostile))
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) > 2
    cells = [value for row in rows for value in row]
    assert not [value for value in cells if value[:1] in ("=", "+", "-", "@", "\t", "\r")]
    # shown as written, after an apostrophe
    assert "'=SUM(A1:A9)" in cells and "'@evil" in cells and "'+plus" in cells


def test_timelinejs_text_is_escaped_and_ids_are_slugs(hostile: Path) -> None:
    slides = json.loads(export("--format", "timelinejs", str(hostile), "--rules", str(hostile)))["events"]
    assert slides
    for slide in slides:
        fields = [slide["group"], slide["display_date"], slide["text"]["headline"], slide["unique_id"]]
        assert not [value for value in fields if "<" in value or ">" in value or '"' in value]
        assert set(slide["unique_id"]) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
        assert "<b>" not in slide["text"]["text"] and "<img" not in slide["text"]["text"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"x": 1}', "not a timeline JSON written by `timeline build`: no schema_version"),
        ('{"schema_version": "9.9", "events": []}', "schema_version '9.9': this version of timeline reads"),
        ('{"schema_version": "1.0", "events": [{"id": 3}]}', "(events.0.id: Input should be a valid string)"),
        (
            '{"schema_version": "1.0", "events": [{"id": "e", "title": "t", '
            '"date": {"earliest": "garbage", "latest": "2026-01-01"}}]}',
            "events.0.date.earliest: 'garbage' is not an ISO date",
        ),
        ("[1, 2", "invalid JSON"),
    ],
    ids=["no-version", "other-major", "bad-shape", "bad-date", "bad-json"],
)
def test_export_from_refuses_what_build_could_not_have_written(
    tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "t.json"
    bad.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["export", "--format", "markdown", "--from", str(bad), "--rules", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(str(bad)) and message in line


def test_export_from_reads_a_newer_minor_version(tmp_path: Path, seeds: Path) -> None:
    data = json.loads(seeds.read_text(encoding="utf-8"))
    data["schema_version"] = "1.7"
    data["merge_notes"] = ["a field this version does not know"]
    newer = tmp_path / "t.json"
    newer.write_text(json.dumps(data), encoding="utf-8")
    assert ORDER in export("--format", "markdown", "--from", str(newer), "--rules", str(tmp_path))


def test_the_html_source_filter_has_one_entry_per_outlet(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    for name, day in (("a", "Monday"), ("b", "Tuesday"), ("c", "Monday")):
        source = "Wire" if name != "c" else "Courier"
        text = f"---\nsource: {source}\npublished: 2026-06-06\n---\nThe council voted on {day}.\n"
        (tmp_path / "articles" / f"{name}.md").write_text(text, encoding="utf-8")
    page = export("--format", "html", str(tmp_path / "articles"), "--rules", str(tmp_path))
    entries = re.findall(r'class="source-filter" value="(s\d+)" checked> ([^<]*)</label>', page)
    assert [label for _, label in entries] == ["Wire (2 articles)", "Courier (c)"]
    wire = entries[0][0]
    assert page.count(f'data-source="{wire}"') >= 2  # both Wire articles answer to the one checkbox


def test_export_marks_the_disputes_of_a_saved_check_report(tmp_path: Path, seeds: Path) -> None:
    report = tmp_path / "report.json"
    checked = CliRunner().invoke(
        app, ["check", *SEED_ARGS, "--format", "json", "--no-cache"], env={"GITHUB_ACTIONS": ""}
    )
    report.write_text(checked.stdout, encoding="utf-8")
    from_report = export("--format", "csv", "--from", str(seeds), "--findings", str(report))
    assert from_report == seed_export(seeds, "--format", "csv")  # the same findings as running the checks
    empty = tmp_path / "empty.json"
    empty.write_text('{"findings": [], "summary": {}}', encoding="utf-8")
    rows = list(
        csv.DictReader(io.StringIO(export("--format", "csv", "--from", str(seeds), "--findings", str(empty))))
    )
    assert rows and not any(row["disputed"] for row in rows)  # a baselined report: nothing disputed
    bad = CliRunner().invoke(app, ["export", "--from", str(seeds), "--findings", str(seeds)])
    assert bad.exit_code == 2 and "not a report written by `timeline check --format json`" in bad.stderr
