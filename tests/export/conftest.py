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


SEEDS = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed story's timeline JSON, as `timeline build corpus/ --rules rules/` writes it."""
    output = tmp_path_factory.mktemp("seeds") / "timeline.json"
    args = ["build", str(SEEDS / "corpus"), "--rules", str(SEEDS / "rules"), "-o", str(output), "--no-cache"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return output


def seed_export(seeds: Path, *args: str) -> str:
    """An export of the seed timeline, disputes from the seed rules."""
    return export("--from", str(seeds), "--rules", str(SEEDS / "rules"), *args)
