"""Pathological inputs finish (or are refused with a clear problem) through the real build.

Each case runs `pipeline.build` in a child process with a generous timeout: the timeout only guards
against a hang (an exponential regex, an unbounded recursion); how long each takes is bench/pathological.py's
business, not an assertion here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .shared import BILLION_LAUGHS

HANG_GUARD_SECONDS = 120

BUILD = """
import json, sys
from pathlib import Path
from timeline.pipeline import RunOptions, build
rules = Path(sys.argv[2]) if len(sys.argv) > 2 else None
result = build([Path(sys.argv[1])], rules, RunOptions(jobs=1))
problems = [str(problem) for problem in result.problems]
print(json.dumps({"documents": len(result.timeline.documents), "problems": problems}))
"""

TRIGGER_ONLY_CATALOG = """events:
  pause:
    title: A pause
    triggers:
      - pause
      - regex: "{pattern}"
"""


def _long_line(folder: Path) -> None:
    words = "the lab said work would pause on June 4, 2026 and resume later "
    (folder / "long-line.txt").write_text(words * (1_000_000 // len(words)), encoding="utf-8")


def _digits(folder: Path) -> None:
    (folder / "digits.txt").write_text("Figures: " + "1234567890" * 10_000 + "\n", encoding="utf-8")


def _nested_html(folder: Path) -> None:
    body = "<div>" * 10_000 + "<p>The lab paused work on June 4, 2026.</p>" + "</div>" * 10_000
    (folder / "nested.html").write_text(f"<html><body>{body}</body></html>", encoding="utf-8")


def _many_short_lines(folder: Path) -> None:
    # Quadratic work per sentence (each one re-scanning the document's dates) would take many minutes here.
    (folder / "lines.md").write_text("June 4, 2026.\n" * 50_000, encoding="utf-8")


def _backtracking_text(folder: Path) -> None:
    (folder / "aaa.txt").write_text("a" * 100_000 + "!\n\nThey paused on June 4, 2026.\n", encoding="utf-8")


CASES: dict[str, tuple[Callable[[Path], None], str | None]] = {
    "line-of-1M-characters": (_long_line, None),
    "100k-digits": (_digits, None),
    "html-nested-10k-levels": (_nested_html, None),
    "50k-one-line-sentences": (_many_short_lines, None),
    # Exponential on a backtracking engine; RE2 is linear in the text.
    "catastrophic-regex": (_backtracking_text, "(a+)+$"),
    "nested-quantifier-regex": (_backtracking_text, "(a|aa)+b"),
}


def _run_build(corpus: Path, rules: Path | None) -> dict[str, object]:
    command = [sys.executable, "-c", BUILD, str(corpus)] + ([str(rules)] if rules else [])
    finished = subprocess.run(command, capture_output=True, text=True, timeout=HANG_GUARD_SECONDS)
    assert finished.returncode == 0, finished.stderr[-3000:]
    assert "Traceback" not in finished.stderr
    outcome: dict[str, object] = json.loads(finished.stdout.strip().splitlines()[-1])
    return outcome


@pytest.mark.parametrize("case", sorted(CASES))
def test_pathological_document_is_built_or_reported(case: str, tmp_path: Path) -> None:
    make, pattern = CASES[case]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make(corpus)
    rules = None
    if pattern is not None:
        rules = tmp_path / "rules"
        rules.mkdir()
        (rules / "events.yaml").write_text(TRIGGER_ONLY_CATALOG.format(pattern=pattern), encoding="utf-8")
    outcome = _run_build(corpus, rules)
    problems = outcome["problems"]
    assert isinstance(problems, list)
    assert not any("could not be analysed" in problem for problem in problems), problems
    assert outcome["documents"] == 1 or len(problems) == 1, outcome


@pytest.mark.parametrize(
    ("pattern", "complaint"),
    [("(a)\\\\1", "invalid RE2 pattern"), ("(?=a)b", "invalid RE2 pattern")],
    ids=["backreference", "lookahead"],
)
def test_patterns_re2_cannot_run_in_linear_time_are_refused(
    pattern: str, complaint: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _backtracking_text(corpus)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "events.yaml").write_text(TRIGGER_ONLY_CATALOG.format(pattern=pattern), encoding="utf-8")
    outcome = _run_build(corpus, rules)
    problems = outcome["problems"]
    assert isinstance(problems, list) and len(problems) == 1
    assert problems[0].startswith(f"{rules / 'events.yaml'}:6:") and complaint in problems[0]
    assert outcome["documents"] == 1  # the rest of the build still happens


def test_yaml_bomb_in_a_rule_file_is_refused_and_the_build_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _backtracking_text(corpus)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bomb.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    outcome = _run_build(corpus, rules)
    problems = outcome["problems"]
    assert isinstance(problems, list) and len(problems) == 1 and "alias" in problems[0]
    assert outcome["documents"] == 1
