"""The five seed articles, read through `timeline corpus` exactly as a user would."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from timeline.corpus import Document, read_corpus

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def seed_documents(seeds: Path) -> dict[str, Document]:
    found, problems = read_corpus([seeds])
    assert problems == []
    return {document.id[:3]: document for document in found}


def test_cli_shows_the_five_seeds_only_000_dated(
    run_cli: Cli, seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(seeds.parent)
    code, stdout, stderr = run_cli("corpus", "corpus/", "--format", "json")
    assert (code, stderr) == (0, "")
    records = json.loads(stdout)
    assert [record["path"] for record in records] == [
        "corpus/000_12755b7e49133183.txt",
        "corpus/001_e37f3927a0aafb37.txt",
        "corpus/002_4e95dd748d4fb7f2.txt",
        "corpus/003_66a497539c1fad0f.txt",
        "corpus/004_07de16e0f12db36b.txt",
    ]
    first, *others = records
    assert (first["published"], first["published_source"]) == ("2026-06-06", "dateline")
    assert first["published_evidence"] == 'line 5: "Published on: Jun 06, 2026"'
    for record in others:
        assert record["published"] is None and record["published_source"] is None
        assert record["published_evidence"] == (
            "not stated: no date in the manifest, and no dateline in the first 10 lines of the text"
        )
    assert records[2]["source"] == "The Associated Press"
    assert all(record["source"] is None for index, record in enumerate(records) if index != 2)


def test_cli_table_defaults_to_the_corpus_folder(
    run_cli: Cli, seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(seeds.parent)
    code, stdout, _ = run_cli("corpus")
    assert code == 0
    rows = stdout.splitlines()[2:]
    assert len(rows) == 5
    assert "2026-06-06 (dateline)" in rows[0]
    assert all("unknown: not stated" in row for row in rows[1:])


def test_seed_boilerplate_is_dropped_and_prose_kept(seed_documents: dict[str, Document]) -> None:
    membership, wire, plain = seed_documents["000"], seed_documents["002"], seed_documents["004"]
    assert membership.text.endswith("could value Anthropic at nearly a trillion dollars.")
    assert "membership" not in membership.text and "Get Daily AI News" not in membership.text
    assert membership.boilerplate_lines == 7
    assert "Copyright" not in wire.text and wire.boilerplate_lines == 1
    assert wire.text.endswith("to mount these cyberattacks.”")
    assert plain.text.endswith("move closer to autonomous self-improvement.")
    assert plain.boilerplate_lines == 1
    assert seed_documents["001"].boilerplate_lines == 0 and seed_documents["003"].boilerplate_lines == 0


def test_seed_titles_come_from_the_manifest_or_stay_empty(seed_documents: dict[str, Document]) -> None:
    assert (
        seed_documents["000"].title
        == "Anthropic calls for coordinated AI pause, warns of humans losing control"
    )
    assert seed_documents["002"].title is None and seed_documents["003"].title is None


def test_seed_000_dateline_is_located_in_the_file(seed_documents: dict[str, Document], seeds: Path) -> None:
    document = seed_documents["000"]
    assert document.published == date(2026, 6, 6)
    lines = (seeds / Path(document.path).name).read_text(encoding="utf-8").split("\n")
    line, column = document.locate(document.text.index("Published on:"))
    assert lines[line - 1][column - 1 :] == "Published on: Jun 06, 2026"
