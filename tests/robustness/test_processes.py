"""Worker processes never outlive the run, are not started for nothing, and are not more than the cores;
a Dask cluster that goes away ends the run with one line.

The child processes of a running build are found in /proc (Linux), by their parent's process id.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from timeline.pipeline import RunOptions, build, executors

from .adversary import ROOT, run, two_articles

linux_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
two_cores = pytest.mark.skipif(executors.cpu_count() < 2, reason="a pool needs two cores")


def _corpus(folder: Path, copies: int) -> Path:
    """Many distinct articles of the seed story's length, so a build runs for a while."""
    folder.mkdir()
    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    for index in range(copies):
        text = seeds[index % len(seeds)].read_text(encoding="utf-8") + f"\nCorrection {index} was appended.\n"
        (folder / f"{index:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def _alive_children(parent: int) -> list[int]:
    """Process ids whose parent is `parent` and that are not zombies (a zombie has stopped running)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start_build(tmp_path: Path) -> tuple[subprocess.Popen[str], list[int]]:
    corpus = _corpus(tmp_path / "corpus", 300)
    command = [sys.executable, "-m", "timeline", "build", str(corpus), "--jobs", "2"]
    command += ["--cache-dir", str(tmp_path / "cache"), "-o", str(tmp_path / "out.json")]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        workers = _alive_children(process.pid)
    assert process.poll() is None and len(workers) == 2, "the build ended before its workers could be seen"
    return process, workers


def _wait_gone(pids: list[int], seconds: float = 30) -> list[int]:
    """The pids still running after `seconds`, which are then killed (a failing test leaves no orphan)."""
    deadline = time.monotonic() + seconds
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in pids if _alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    return left


@linux_only
@two_cores
def test_workers_die_with_a_parent_killed_by_sigkill(tmp_path: Path) -> None:
    process, workers = _start_build(tmp_path)
    process.kill()  # SIGKILL: the parent can do nothing about its children
    process.wait(timeout=30)
    assert _wait_gone(workers) == []


@linux_only
@two_cores
def test_sigterm_stops_the_run_cleanly(tmp_path: Path) -> None:
    process, workers = _start_build(tmp_path)
    process.terminate()
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 143
    assert stderr.strip().splitlines()[-1] == "timeline: terminated" and "Traceback" not in stderr
    assert _wait_gone(workers) == []
    assert not (tmp_path / "out.json").exists()
    assert [path for path in tmp_path.rglob("*.tmp")] == []


@linux_only
@two_cores
def test_a_worker_killed_mid_run_stops_the_run_with_one_line(tmp_path: Path) -> None:
    process, workers = _start_build(tmp_path)
    os.kill(workers[0], signal.SIGKILL)  # what the out-of-memory killer does
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 2
    assert stderr.strip().splitlines()[-1].startswith("--jobs: a worker process ended abruptly"), stderr
    assert "Traceback" not in stderr and not (tmp_path / "out.json").exists()
    assert _wait_gone(workers) == []


def test_jobs_beyond_the_cores_are_capped_with_a_warning(tmp_path: Path) -> None:
    code, _, stderr = run("build", two_articles(tmp_path / "corpus"), "--no-cache", "--jobs", "100000")
    assert code == 0, stderr
    cores = executors.cpu_count()
    assert f"--jobs 100000 is more than the {cores} core(s) this process may use; using {cores}" in stderr


def test_no_process_is_started_before_there_is_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = two_articles(tmp_path / "corpus")
    cache = tmp_path / "cache"
    first = build([corpus], None, RunOptions(jobs=1, cache_dir=cache))

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a process pool was started")

    monkeypatch.setattr(executors, "ProcessPoolExecutor", no_pool)
    monkeypatch.setattr(executors, "cpu_count", lambda: 4)
    cached = build([corpus], None, RunOptions(jobs=4, cache_dir=cache))  # everything in the cache
    assert cached.timeline == first.timeline
    (tmp_path / "empty").mkdir()
    assert build([tmp_path / "empty"], None, RunOptions(jobs=4)).timeline.documents == []


@pytest.mark.parametrize("lost", ["scheduler", "worker"])
def test_losing_the_dask_cluster_is_one_line_and_exit_2(tmp_path: Path, lost: str) -> None:
    pytest.importorskip("distributed")
    corpus = _corpus(tmp_path / "corpus", 200)
    port = str(_free_port())
    address = f"tcp://127.0.0.1:{port}"
    started: list[subprocess.Popen[bytes]] = []
    try:
        scheduler = _start("distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", port)
        started.append(scheduler)
        worker = _start("distributed.cli.dask_worker", address, "--nthreads", "1", "--no-nanny")
        started.append(worker)
        cache = tmp_path / "cache"
        build_process = _start(
            "timeline", "build", corpus, "--executor", "dask", "--scheduler", address, "--cache-dir", cache
        )
        started.append(build_process)
        deadline = time.monotonic() + 120
        while not list((tmp_path / "cache").glob("*/*.json")) and time.monotonic() < deadline:
            assert build_process.poll() is None, build_process.communicate()[1].decode()
            time.sleep(0.1)
        (scheduler if lost == "scheduler" else worker).kill()
        _, errors = build_process.communicate(timeout=120)
        stderr = errors.decode()
    finally:
        for process in started:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)
    assert build_process.returncode == 2
    assert stderr.startswith("--scheduler: ") and len(stderr.strip().splitlines()) == 1, stderr
    assert "the build stopped" in stderr


def _start(module: str, *arguments: str | Path) -> subprocess.Popen[bytes]:
    """`python -m MODULE ARGUMENTS` (dashboards off), its stderr kept for the build only."""
    quiet = ["--no-dashboard"] if module.startswith("distributed") else []
    command = [sys.executable, "-m", module, *map(str, arguments), *quiet]
    errors = subprocess.PIPE if module == "timeline" else subprocess.DEVNULL
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors)


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
