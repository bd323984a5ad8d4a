"""A real timeline to export: the harbor-bridge story built by the real `timeline build`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

STORY = Path(__file__).parent.parent / "stories" / "harbor-bridge"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("built") / "timeline.json"
    args = [
        "build",
        str(STORY / "articles"),
        "--rules",
        str(STORY / "rules"),
        "-o",
        str(output),
        "--no-cache",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return output


def export(*args: str) -> str:
    result = CliRunner().invoke(app, ["export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout
