"""Shared helpers of the corpus tests: the fixture folders and the real CLI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the fixtures folder, so paths in the output are short and the same on every machine."""
    monkeypatch.chdir(FIXTURES)
    return FIXTURES


CliResult = tuple[int, str, str]  # exit code, stdout, stderr


def _run(*args: str) -> CliResult:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def run_cli() -> Callable[..., CliResult]:
    """`timeline ARGS...` through the real Typer app: (exit code, stdout, stderr)."""
    return _run


@pytest.fixture
def seeds() -> Path:
    """The repository's seed corpus folder (the five articles and their manifest)."""
    return SEEDS
