"""`timeline build -o FILE` prints every document with its stated or inferred date, then the events."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from timeline.cli import app


def test_summary_lists_documents_with_stated_unknown_and_inferred_dates(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "dated.txt").write_text(
        "Published on: Mar 14, 2025\n\nThe council approved the budget on Tuesday.\n", encoding="utf-8"
    )
    (corpus / "undated.txt").write_text(
        "Nobody knows when this was written or what happened.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["build", str(corpus), "-o", str(tmp_path / "t.json"), "--no-cache"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    dated = next(line for line in lines if line.startswith("dated "))
    undated = next(line for line in lines if line.startswith("undated "))
    assert dated.rstrip().endswith("2025-03-14 (dateline)")
    assert undated.rstrip().endswith("unknown")
    assert lines.index(dated) < next(i for i, line in enumerate(lines) if line.startswith("date "))
