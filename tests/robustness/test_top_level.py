"""Whatever goes wrong inside a command, the user gets one line and an exit code that says what kind of
failure it was: 2 bad input, 3 a bug (with a hint), 130 Ctrl-C, 141 a closed pipe, 143 SIGTERM."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from timeline.diagnostics import InputError, InputProblem
from timeline.exitcodes import ExitCode
from timeline.pipeline import run as pipeline_run

from .adversary import ROOT, rules, run, two_articles


def _failing_merge(exception: BaseException) -> object:
    def merge(analyses: object) -> object:
        raise exception

    return merge


@pytest.mark.parametrize(
    ("exception", "code", "line"),
    [
        (
            RuntimeError("boom"),
            ExitCode.INTERNAL,
            "timeline: internal error (RuntimeError: boom); this is a bug",
        ),
        (MemoryError(), ExitCode.INTERNAL, "timeline: internal error (ran out of memory); this is a bug"),
        (KeyboardInterrupt(), ExitCode.INTERRUPTED, "timeline: interrupted"),
        (
            InputError(InputProblem(path="x.txt", line=3, message="bad\n::error::x")),
            2,
            "x.txt:3: bad\\n::error::x",
        ),
    ],
    ids=["bug", "memory", "ctrl-c", "input-error"],
)
def test_an_exception_is_one_line_and_a_named_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exception: BaseException, code: int, line: str
) -> None:
    monkeypatch.setattr(pipeline_run, "merge", _failing_merge(exception))
    monkeypatch.delenv("TIMELINE_DEBUG", raising=False)
    result, stdout, stderr = run("build", two_articles(tmp_path / "corpus"), "--rules", rules(tmp_path / "r"))
    assert result == code
    assert stderr.splitlines() == [stderr.splitlines()[0]] and stderr.startswith(line), stderr
    assert stdout == ""


def test_the_traceback_is_there_when_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline_run, "merge", _failing_merge(RuntimeError("boom")))
    monkeypatch.setenv("TIMELINE_DEBUG", "1")
    code, _, stderr = run("build", two_articles(tmp_path / "corpus"), "--rules", rules(tmp_path / "r"))
    assert code == ExitCode.INTERNAL
    assert "Traceback (most recent call last)" in stderr and "RuntimeError: boom" in stderr


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "timeline",
        "build",
        str(two_articles(tmp_path / "corpus")),
        "--no-cache",
    ]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # `| head` that has read enough
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == ExitCode.BROKEN_PIPE
    assert stderr == ""
