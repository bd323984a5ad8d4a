"""`timeline build -o FILE` writes an ordinary file: as readable as the umask allows, or as the file it
replaces."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _build(corpus: Path, output: Path) -> None:
    result = CliRunner().invoke(app, ["build", str(corpus), "-o", str(output), "--no-cache"])
    assert result.exit_code == 0, result.output


@pytest.mark.usefixtures("umask_022")
def test_new_output_follows_the_umask_and_a_replaced_one_keeps_its_mode(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = "Published on: Mar 14, 2025\n\nThe council met on Tuesday.\n"
    (corpus / "a.txt").write_text(article, encoding="utf-8")
    output = tmp_path / "t.json"
    _build(corpus, output)
    assert stat.S_IMODE(output.stat().st_mode) == 0o644
    output.chmod(0o640)
    _build(corpus, output)
    assert stat.S_IMODE(output.stat().st_mode) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
