"""Shared by the accuracy benchmarks: the gold file's documents, and scoring by the shared TE3 scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any


def _kit() -> Path:
    """The shared accuracy kit: beside the repository (a clone next to shared/) or two levels up (a
    worktree in wt/), else /work/shared/bench."""
    here = Path(__file__).resolve().parent.parent
    for base in (here.parent, here.parent.parent):
        if (base / "shared" / "bench").is_dir():
            return base / "shared" / "bench"
    return Path("/work/shared/bench")


KIT = _kit()
GOLD = KIT / "tbaq.jsonl"
SCORER = KIT / "score.py"
FIGURES = ("strict", "relaxed", "value", "type")


def gold_documents(gold: Path) -> Iterator[dict[str, str]]:
    """The gold file's documents as a tagger sees them: id, dct and text (no annotations)."""
    with gold.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                yield {key: record[key] for key in ("id", "dct", "text")}


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record) + "\n")


def score(gold: Path, system: Path, scorer: Path = SCORER) -> dict[str, Any]:
    """The scorer's JSON report (overall figures and every error) for a system output file."""
    scored = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(system), "--json", "--errors", "100000"],
        capture_output=True,
        text=True,
        check=True,
    )
    report: dict[str, Any] = json.loads(scored.stdout)
    return report


def figures_line(report: dict[str, Any], name: str) -> str:
    """'value    P 81.22  R 83.32  F1 82.25' for one of FIGURES."""
    figures = report["overall"][name]
    p, r, f1 = (100 * figures[key] for key in ("P", "R", "F1"))
    return f"{name:8s} P {p:6.2f}  R {r:6.2f}  F1 {f1:6.2f}"
