"""What the adversarial tests share: small generated corpora and the real command line.

Articles are generated here (two outlets telling one vote on different days, so `check` has a finding to
print); nothing is read from a fixture. Commands run in process through typer's CliRunner, or as a real
subprocess where a hang, a signal or a child process is what is being tested.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from timeline.cli import app

ROOT = Path(__file__).resolve().parents[2]
# Guards against a hang only; how long anything takes is the benchmarks' business.
HANG_GUARD_SECONDS = 120


def article(day: int, outlet: str = "The Daily") -> str:
    """A short dated article about a council vote on June `day`, 2026."""
    return (
        f"Published on: Jun {day + 2:02d}, 2026\n\n"
        f"{outlet} reports that the city council voted on June {day}, 2026 to close the harbor bridge.\n"
        "The bridge will reopen two weeks later, the council said.\n"
    )


def two_articles(folder: Path) -> Path:
    """A corpus folder with two outlets disagreeing on the day of the vote."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "daily.txt").write_text(article(4, "The Daily"), encoding="utf-8")
    (folder / "herald.txt").write_text(article(5, "The Herald"), encoding="utf-8")
    return folder


# Every command and format that prints what it read: the outputs an adversarial corpus must not subvert.
EVERY_OUTPUT = [
    ("build",),
    ("check", "--format", "text"),
    ("check", "--format", "json"),
    ("check", "--format", "sarif"),
    ("check", "--format", "github"),
    ("corpus",),
    ("corpus", "--format", "json"),
    ("export", "--format", "json"),
    ("export", "--format", "markdown"),
    ("export", "--format", "csv"),
    ("export", "--format", "timelinejs"),
]

VOTE_RULES = """events:
  vote:
    title: The council votes on the bridge
    triggers: [voted]
rules:
  - id: vote-day
    kind: date-agree
    event: vote
    severity: error
"""


def rules(folder: Path) -> Path:
    """A rule folder whose catalog knows the vote, and a rule that the two outlets break."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vote.yaml").write_text(VOTE_RULES, encoding="utf-8")
    return folder


def run(*args: str | Path) -> tuple[int, str, str]:
    """`timeline ARGS...` in process: (exit code, stdout, stderr)."""
    result = CliRunner().invoke(app, [str(arg) for arg in args])
    return result.exit_code, result.stdout, result.stderr


def run_process(
    *args: str | Path, cwd: Path | None = None, timeout: float = HANG_GUARD_SECONDS
) -> tuple[int, str, str]:
    """`python -m timeline ARGS...` as a real process (a hang fails the test instead of stopping the run)."""
    finished = subprocess.run(
        [sys.executable, "-m", "timeline", *[str(arg) for arg in args]],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return finished.returncode, finished.stdout, finished.stderr


def documents(timeline_json: str) -> dict[str, str]:
    """id -> path of the documents of a timeline JSON."""
    return {document["id"]: document["path"] for document in json.loads(timeline_json)["documents"]}
