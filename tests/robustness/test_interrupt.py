"""Ctrl-C in the middle of a parallel, cached build: no half-written file, and the cache still works."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from timeline.events.models import DocumentAnalysis

ROOT = Path(__file__).resolve().parents[2]
# Enough that the build is still running after 20 cache entries, few enough to build three times in CI.
ARTICLES = 240


def _corpus(folder: Path, copies: int) -> None:
    """Many distinct articles made of the seed story (each copy differs, so each has its own cache entry)."""
    folder.mkdir()
    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    for index in range(copies):
        seed = seeds[index % len(seeds)]
        text = seed.read_text(encoding="utf-8") + f"\nCorrection number {index} was appended.\n"
        (folder / f"{index:04d}-{seed.name}").write_text(text, encoding="utf-8")


def _build(corpus: Path, out: Path, cache: Path, **popen: object) -> subprocess.Popen[str]:
    """The real command, as a user runs it."""
    command = [sys.executable, "-m", "timeline", "build", str(corpus), "--rules", str(ROOT / "rules")]
    command += ["-o", str(out), "--cache-dir", str(cache), "--jobs", "2"]
    return subprocess.Popen(  # type: ignore[call-overload]
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **popen
    )


def _leftovers(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.name.endswith(".tmp")]


def test_interrupted_build_writes_nothing_and_a_rerun_gives_the_clean_output(tmp_path: Path) -> None:
    corpus, out, cache = tmp_path / "corpus", tmp_path / "out" / "timeline.json", tmp_path / "cache"
    _corpus(corpus, ARTICLES)
    # Its own process group, like a shell job: Ctrl-C reaches the build and its worker processes.
    running = _build(corpus, out, cache, start_new_session=True)
    deadline = time.monotonic() + 120
    while len(list(cache.glob("*/*.json"))) < 20 and running.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.poll() is None, "the build finished before it could be interrupted: make the corpus larger"
    os.killpg(running.pid, signal.SIGINT)
    _, stderr = running.communicate(timeout=120)
    assert running.returncode != 0
    assert "Traceback" not in stderr, stderr
    assert not out.exists()
    assert _leftovers(tmp_path) == []
    entries = list(cache.glob("*/*.json"))
    assert 20 <= len(entries) < ARTICLES
    for entry in entries:  # every entry that exists is whole: its key on the first line, then the analysis
        header, analysis = entry.read_text(encoding="utf-8").split("\n", 1)
        assert header == f"timeline-cache {entry.stem}"
        DocumentAnalysis.model_validate_json(analysis)

    rerun = _build(corpus, out, cache)
    assert rerun.wait(timeout=300) == 0
    clean_out = tmp_path / "clean.json"
    clean = _build(corpus, clean_out, tmp_path / "clean-cache")
    assert clean.wait(timeout=300) == 0
    assert out.read_bytes() == clean_out.read_bytes()
    assert len(json.loads(out.read_text(encoding="utf-8"))["documents"]) == ARTICLES
