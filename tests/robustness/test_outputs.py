"""Where `-o` (and `--write-baseline`) may write, and what a failed write looks like: one line, exit 2.

A device is never replaced by a file (as root, `-o /dev/null` would otherwise break the machine): a
character device or a pipe is written through, a folder refused. Temporary files never outlive a run
that was stopped, and one left by `kill -9` is removed by the next run.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest

from .adversary import documents, rules, run, two_articles


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return two_articles(tmp_path / "corpus")


def _build(corpus: Path, *options: str | Path) -> tuple[int, str, str]:
    return run("build", corpus, "--rules", rules(corpus.parent / "rules"), "--no-cache", *options)


def test_a_character_device_is_written_through_never_replaced(corpus: Path) -> None:
    code, _, stderr = _build(corpus, "-o", "/dev/null")
    assert code == 0, stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("/dev/full", "/dev/full: cannot write: No space left on device"),
        ("{tmp}", "{tmp}: is a folder; give a file name"),
        ("{tmp}/a-file/out.json", "{tmp}/a-file/out.json: cannot write: Not a directory"),
    ],
    ids=["full-disk", "folder", "under-a-file"],
)
@pytest.mark.parametrize("command", ["build", "export", "write-baseline"])
def test_a_write_that_fails_is_one_line_and_exit_2(
    corpus: Path, tmp_path: Path, target: str, message: str, command: str
) -> None:
    (tmp_path / "a-file").write_text("in the way\n", encoding="utf-8")
    where = target.format(tmp=tmp_path)
    rule_folder = rules(tmp_path / "rules")
    arguments = {
        "build": ["build", "-o", where],
        "export": ["export", "--format", "markdown", "-o", where],
        "write-baseline": ["check", "--write-baseline", where],
    }[command]
    code, _, stderr = run(arguments[0], corpus, "--rules", rule_folder, "--no-cache", *arguments[1:])
    assert code == 2
    assert stderr.strip().splitlines()[-1] == message.format(tmp=tmp_path)
    assert "Traceback" not in stderr
    assert not [path for path in tmp_path.rglob("*.tmp")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into any folder")
def test_an_unwritable_folder_is_one_line(corpus: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    code, _, stderr = _build(corpus, "-o", locked / "out.json")
    assert code == 2 and stderr.strip().endswith(f"{locked / 'out.json'}: cannot write: Permission denied")


def test_a_pipe_is_written_through_and_one_without_reader_refused(corpus: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    code, _, stderr = _build(corpus, "-o", pipe)
    assert code == 2 and stderr.strip().endswith(f"{pipe}: cannot write: nothing is reading this pipe")
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    time.sleep(0.2)  # the reader opens its end first, as `-o >(gzip > t.gz)` does
    code, _, stderr = _build(corpus, "-o", pipe)
    reader.join(timeout=60)
    assert code == 0, stderr
    assert set(documents(received[0])) == {"daily", "herald"}
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_a_symlinked_output_stays_a_link_to_the_new_file(corpus: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    code, _, stderr = _build(corpus, "-o", link)
    assert code == 0, stderr
    assert link.is_symlink() and set(documents(real.read_text(encoding="utf-8"))) == {"daily", "herald"}


def test_temporary_files_of_killed_runs_are_removed_by_the_next_write(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    gone = tmp_path / ".out.json.4194305.k1ll3d.tmp"  # above Linux's largest process id: never alive
    gone.write_text("half", encoding="utf-8")
    old = tmp_path / ".out.json.x8Kq2m.tmp"  # named before process ids were part of the name
    old.write_text("half", encoding="utf-8")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    running = tmp_path / f".out.json.{os.getppid()}.r4nn1n.tmp"  # a live process may still be writing
    running.write_text("half", encoding="utf-8")
    code, _, stderr = _build(corpus, "-o", out)
    assert code == 0, stderr
    assert not gone.exists() and not old.exists()
    assert running.exists()
