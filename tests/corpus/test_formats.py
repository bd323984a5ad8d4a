"""Each input format read from a real fixture file, through the reader and through `timeline corpus`."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from timeline.corpus import Document, read_corpus

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def documents(in_fixtures: Path) -> dict[str, Document]:
    found, problems = read_corpus([Path("formats")])
    assert problems == []
    return {document.id: document for document in found}


def test_txt_title_dateline_repair_and_boilerplate(documents: dict[str, Document]) -> None:
    harbour = documents["harbour"]
    assert harbour.title == "Council approves harbour plan after long debate"
    assert (harbour.published, harbour.published_source) == (date(2008, 3, 1), "dateline")
    assert harbour.published_evidence == 'line 2: "March 01, 2008"'
    assert "called it “a plan for the next fifty years” in a statement." in harbour.text
    assert harbour.repairs == 2
    assert harbour.boilerplate_lines == 3
    assert harbour.text.endswith("had not finished its review.")


def test_markdown_front_matter_wins_and_heading_marker_is_dropped(documents: dict[str, Document]) -> None:
    ferry = documents["ferry"]
    assert ferry.title == "Ferry service resumes on the north route"
    assert ferry.source == "Coastal Herald"
    assert ferry.url == "https://example.org/ferry"
    assert (ferry.published, ferry.published_source) == (date(2024, 5, 14), "front_matter")
    assert ferry.published_evidence == "front matter line 4: published: 2024-05-14"
    assert ferry.text.startswith("Ferry service resumes on the north route\n\nThe ferry operator")
    # The body starts after the front matter: offsets point into the file, past the fence.
    assert ferry.locate(0) == (8, 3)
    start = ferry.text.index("Passengers")
    assert ferry.locate(start) == (13, 1)


def test_html_main_text_and_metadata_date(documents: dict[str, Document]) -> None:
    bridge = documents["bridge"]
    assert bridge.title == "Bridge reopens after two years"
    assert bridge.source == "Valley Post"
    assert (bridge.published, bridge.published_source) == (date(2023, 11, 2), "html_metadata")
    assert "Home" not in bridge.text and "Copyright" not in bridge.text
    html_lines = (Path("formats") / "bridge.html").read_text(encoding="utf-8").split("\n")
    start = bridge.text.index("The county engineer")
    line, column = bridge.locate(start)
    assert html_lines[line - 1][column - 1 :].startswith("The county engineer")


def test_jsonl_records_with_escapes_map_to_their_own_line(documents: dict[str, Document]) -> None:
    strike, rail = documents["wire-1"], documents["wire-2"]
    assert strike.text == (
        'Port strike ends\nDock workers returned on Monday after a "long and bitter" strike.\n\n'
        "Café owners near the port said trade was back."
    )
    assert (strike.published, strike.published_source) == (date(2025, 1, 20), "jsonl")
    assert (strike.source, strike.url) == ("Wire Service", "https://example.org/wire-1")
    raw = (Path("formats") / "wire.jsonl").read_text(encoding="utf-8").split("\n")
    for needle in ("long and bitter", "owners near", "Dock workers"):
        line, column = strike.locate(strike.text.index(needle))
        assert line == 1
        assert raw[0][column - 1 :].startswith(needle)
    # The escaped é (\u00e9) points at its escape sequence.
    line, column = strike.locate(strike.text.index("é"))
    assert raw[0][column - 1 :].startswith("\\u00e9")
    assert rail.published is None and rail.published_source is None
    line, column = rail.locate(rail.text.index("Tickets"))
    assert line == 3 and raw[2][column - 1 :].startswith("Tickets")


def test_manifest_metadata_applies_to_listed_files_and_unlisted_are_still_read(
    documents: dict[str, Document],
) -> None:
    listed, unlisted = documents["with_manifest/listed"], documents["with_manifest/unlisted"]
    assert (listed.title, listed.source, listed.url) == (
        "Library hours extended",
        "Town Crier",
        "https://example.org/library",
    )
    assert (listed.published, listed.published_source) == (date(2022, 9, 5), "manifest")
    assert listed.published_evidence == "formats/with_manifest/corpus.yaml:3: published: 2022-09-05"
    assert (unlisted.published, unlisted.published_source) == (date(2022, 9, 6), "dateline")
    assert unlisted.title is None  # a dateline is no headline


@pytest.mark.usefixtures("in_fixtures")
@pytest.mark.parametrize(
    ("arguments", "expected"), [([], "expected_formats.txt"), (["--format", "json"], "expected_formats.json")]
)
def test_cli_lists_every_format(run_cli: Cli, arguments: list[str], expected: str) -> None:
    code, stdout, stderr = run_cli("corpus", "formats", *arguments)
    assert (code, stderr) == (0, "")
    assert stdout == Path(expected).read_text(encoding="utf-8")


@pytest.mark.usefixtures("in_fixtures")
def test_cli_json_is_parseable_and_in_discovery_order(run_cli: Cli) -> None:
    _, stdout, _ = run_cli("corpus", "formats", "--format", "json")
    ids = [record["id"] for record in json.loads(stdout)]
    assert ids == ["bridge", "ferry", "harbour", "wire-1", "wire-2", "with_manifest/listed", "with_manifest/unlisted"]


def test_a_manifest_entry_for_a_jsonl_file_fills_in_what_records_leave_out(tmp_path: Path) -> None:
    (tmp_path / "corpus.yaml").write_text(
        "documents:\n  - file: feed.jsonl\n    source: Feed Agency\n    published: 2020-01-01\n",
        encoding="utf-8",
    )
    (tmp_path / "feed.jsonl").write_text(
        '{"id": "own", "source": "Own Desk", "published": "2021-05-05", "text": "The dam opened."}\n'
        '{"id": "bare", "text": "The dam closed."}\n',
        encoding="utf-8",
    )
    found, problems = read_corpus([tmp_path])
    assert problems == []
    own, bare = found
    assert (own.source, own.published, own.published_source) == ("Own Desk", date(2021, 5, 5), "jsonl")
    assert (bare.source, bare.published, bare.published_source) == (
        "Feed Agency",
        date(2020, 1, 1),
        "manifest",
    )
