"""`timeline build` through the real CLI, for the chronology tests that read its JSON and its summary."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from timeline.cli import app


def build(corpus: Path, rules: Path, output: Path, *flags: str) -> tuple[dict[str, Any], str]:
    args = [
        "build",
        str(corpus),
        "--rules",
        str(rules),
        "-o",
        str(output),
        "--no-cache",
        "--jobs",
        "1",
        *flags,
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    built: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return built, result.output


def empty_rules(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    rules.mkdir(exist_ok=True)
    return rules


def events_with(timeline: dict[str, Any], words: str) -> list[dict[str, Any]]:
    return [e for e in timeline["events"] if any(words in m["quote"] for m in e["mentions"])]
