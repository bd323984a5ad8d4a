"""The analysis cache trusts only its own regular files: a FIFO, a link to /dev/zero or another document's
entry put in place of an entry is a miss (the document is analysed again), never a hang or a wrong answer.
And a cache folder the user already had (`--cache-dir .`) is never marked to be ignored by git."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .adversary import rules, run, run_process, two_articles


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*/*.json"))


def _build(corpus: Path, cache: Path, *, process: bool = False) -> str:
    arguments = (
        "build",
        corpus,
        "--rules",
        rules(corpus.parent / "rules"),
        "--cache-dir",
        cache,
        "--jobs",
        "1",
    )
    code, stdout, stderr = (run_process if process else run)(*arguments)
    assert code == 0, stderr
    return stdout


@pytest.mark.parametrize("substitute", ["fifo", "dev-zero", "other-document", "garbage"])
def test_a_substituted_cache_entry_is_never_trusted(tmp_path: Path, substitute: str) -> None:
    corpus = two_articles(tmp_path / "corpus")
    cache = tmp_path / "cache"
    clean = _build(corpus, cache)
    first, second = _entries(cache)
    first.unlink()
    if substitute == "fifo":
        os.mkfifo(first)
    elif substitute == "dev-zero":
        first.symlink_to("/dev/zero")
    elif substitute == "other-document":
        shutil.copyfile(second, first)
    else:
        first.write_bytes(os.urandom(4096))
    assert _build(corpus, cache, process=True) == clean


def test_temporary_files_left_in_the_cache_by_a_killed_run_are_removed(tmp_path: Path) -> None:
    corpus = two_articles(tmp_path / "corpus")
    cache = tmp_path / "cache"
    _build(corpus, cache)
    entry = _entries(cache)[0]
    leftover = entry.parent / f".{entry.name}.4194305.k1ll3d.tmp"
    leftover.write_text("half an entry", encoding="utf-8")
    entry.unlink()  # the run that was killed never finished this entry
    _build(corpus, cache)
    assert not leftover.exists() and entry.exists()


def test_an_existing_folder_is_not_marked_as_a_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repository = tmp_path / "repository"
    corpus = two_articles(repository / "corpus")
    monkeypatch.chdir(repository)
    _build(corpus, Path("."))
    assert not (repository / ".gitignore").exists() and not (repository / "CACHEDIR.TAG").exists()
    _build(corpus, Path(".timeline-cache"))  # one the run creates is marked
    assert (repository / ".timeline-cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    assert (repository / ".timeline-cache" / "CACHEDIR.TAG").exists()
