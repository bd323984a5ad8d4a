"""Where per-document work runs: in this process, a pool of local processes, or a Dask cluster.

Each runner takes chunks of source items and hands back results in submission order with a bounded number
of chunks in flight, so memory stays flat however long the corpus stream is.
"""

from __future__ import annotations

import ctypes
import json
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Protocol, TypeVar

from timeline.corpus import SourceItem
from timeline.diagnostics import InputError, InputProblem
from timeline.events import Catalog
from timeline.pipeline.analysis import analyse_chunk

logger = logging.getLogger(__name__)

Outcomes = list[tuple[bool, str]]
Work = TypeVar("Work")


class Pending(Protocol):
    def result(self) -> Outcomes: ...


class _Done:
    """The result of work already done in this process, with the same face as a future."""

    def __init__(self, outcomes: Outcomes) -> None:
        self._outcomes = outcomes

    def result(self) -> Outcomes:
        return self._outcomes


class ChunkRunner:
    """Submits the items of each chunk; yields chunks back in order with at most `window` in flight."""

    def __init__(self, submit: Callable[[list[SourceItem]], Pending], window: int) -> None:
        self._submit = submit
        self._window = window

    def run_ordered(
        self, chunks: Iterable[Work], items_of: Callable[[Work], list[SourceItem]]
    ) -> Iterator[tuple[Work, Pending | None]]:
        """(chunk, its pending outcomes or None when it has no item to analyse), in submission order."""
        in_flight: deque[tuple[Work, Pending | None]] = deque()
        for chunk in chunks:
            items = items_of(chunk)
            in_flight.append((chunk, self._submit(items) if items else None))
            if len(in_flight) >= self._window:
                yield in_flight.popleft()
        while in_flight:
            yield in_flight.popleft()


def cpu_count() -> int:
    """Cores this process may use (the affinity mask, e.g. under taskset or a container), at least 1."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_count(jobs: int | None) -> int:
    """--jobs, at most one process per core: the work is all CPU, so more only adds memory and forks."""
    cores = cpu_count()
    if jobs is not None and jobs > cores:
        logger.warning(
            "timeline: --jobs %d is more than the %d core(s) this process may use; using %d",
            jobs,
            cores,
            cores,
        )
    return min(jobs or cores, cores)


@contextmanager
def open_runner(
    executor: str, jobs: int | None, scheduler: str | None, catalog: Catalog
) -> Iterator[ChunkRunner]:
    if executor == "dask":
        from timeline.pipeline.dask_runner import dask_runner  # the optional extra: only when asked for

        with dask_runner(scheduler, catalog) as runner:
            yield runner
        return
    workers = worker_count(jobs)
    if workers == 1:
        yield ChunkRunner(lambda items: _Done(analyse_chunk(items, catalog)), window=1)
        return
    pool = _LazyPool(workers, catalog)
    try:
        yield ChunkRunner(pool.submit, window=4 * workers)
    except BaseException:
        pool.stop_now()  # Ctrl-C, SIGTERM, a failure: the work in flight is not wanted any more
        raise
    pool.shutdown()


class _LazyPool:
    """A process pool started by the first chunk that needs analysing: a build whose documents are all
    cached, or that finds none, never forks."""

    def __init__(self, workers: int, catalog: Catalog) -> None:
        self._workers = workers
        self._catalog = catalog
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, items: list[SourceItem]) -> Pending:
        if self._pool is None:
            # fork where there is one: workers inherit the imported stages and, once warmed up here, the
            # word lists and models the stages load on first use, instead of each loading its own copy.
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            if context.get_start_method() == "fork":
                analyse_chunk([WARM_UP], self._catalog)
            self._pool = ProcessPoolExecutor(
                max_workers=self._workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(self._catalog, os.getpid()),
            )
        try:
            return _Local(self._pool.submit(_analyse_chunk_in_worker, items))
        except BrokenProcessPool:  # a worker died while earlier chunks ran
            raise _worker_died() from None

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def stop_now(self) -> None:
        """Queued chunks are dropped and running ones stopped: waiting for a large chunk to finish made an
        interrupted build linger for minutes on a busy machine. Workers die on SIGTERM (see _start_worker)."""
        if self._pool is None:
            return
        # ProcessPoolExecutor has no public way to stop running work; its worker processes are reachable.
        for worker in list((self._pool._processes or {}).values()):
            if worker.is_alive():
                worker.terminate()
        # Then wait for the pool's manager thread here: left running into interpreter exit, it races
        # Python 3.11's exit hook over a pipe it closes ("OSError: [Errno 9] Bad file descriptor").
        self._pool.shutdown(wait=True, cancel_futures=True)


class _Local:
    """A chunk in the pool. A worker that ends abruptly (the system's out-of-memory killer, a kill -9)
    breaks the whole pool: the run stops with one line saying so (exit 2), not a traceback."""

    def __init__(self, future: Future[Outcomes]) -> None:
        self._future = future

    def result(self) -> Outcomes:
        try:
            return self._future.result()
        except BrokenProcessPool:
            raise _worker_died() from None


def _worker_died() -> InputError:
    return InputError(
        InputProblem(
            path="--jobs",
            message="a worker process ended abruptly (killed, or out of memory?); the build stopped: "
            "run it again, with fewer --jobs or a lower --max-document-size if memory is short",
        )
    )


# A small article that makes every stage load what it loads lazily (the tagger's and the event extractor's
# language data), read from this line rather than from a file.
WARM_UP = SourceItem(
    path="<warm-up>",
    format="jsonl",
    line_text=json.dumps(
        {
            "id": "warm-up",
            "published": "2026-06-06",
            "text": "Published on: Jun 06, 2026\n\nThe council voted on June 4, 2026 to close the ward. "
            "It said the ward would reopen two weeks later.",
        }
    ),
    line_number=1,
)

_worker_catalog: Catalog | None = None


def _start_worker(catalog: Catalog, parent: int) -> None:
    global _worker_catalog
    _worker_catalog = catalog
    # Ctrl-C goes to the whole process group; the parent decides what stops, workers just finish a chunk.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent's SIGTERM handler (which unwinds it to clean up) is no use here: a worker just stops.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with(parent)


PR_SET_PDEATHSIG = 1  # linux/prctl.h
PARENT_CHECK_SECONDS = 1.0


def _die_with(parent: int) -> None:
    """End this worker when its parent ends, even by SIGKILL (which leaves it no chance to stop us)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        watched = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL) == 0 if sys.platform == "linux" else False
    except (OSError, AttributeError):
        watched = False
    if not watched:  # elsewhere: a thread that looks for the parent every second

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(PARENT_CHECK_SECONDS)
            os._exit(1)

        threading.Thread(target=watch, name="timeline-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _analyse_chunk_in_worker(items: list[SourceItem]) -> Outcomes:
    assert _worker_catalog is not None, "worker started without its catalog"
    return analyse_chunk(items, _worker_catalog)
