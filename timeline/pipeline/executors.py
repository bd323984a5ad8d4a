"""Where per-document work runs: in this process, a pool of local processes, or a Dask cluster.

Each runner takes chunks of source items and hands back results in submission order with a bounded number
of chunks in flight, so memory stays flat however long the corpus stream is.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Protocol, TypeVar

from timeline.corpus import SourceItem
from timeline.diagnostics import InputError, InputProblem
from timeline.events import Catalog
from timeline.pipeline.analysis import analyse_chunk

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


@contextmanager
def open_runner(
    executor: str, jobs: int | None, scheduler: str | None, catalog: Catalog
) -> Iterator[ChunkRunner]:
    if executor == "dask":
        with _dask_runner(scheduler, catalog) as runner:
            yield runner
        return
    workers = jobs or cpu_count()
    if workers == 1:
        yield ChunkRunner(lambda items: _Done(analyse_chunk(items, catalog)), window=1)
        return
    # fork where there is one: workers inherit the imported stages and, once warmed up here, the word
    # lists and models the stages load on first use, instead of each loading its own copy.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    if context.get_start_method() == "fork":
        analyse_chunk([WARM_UP], catalog)
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(catalog,)
    )
    try:
        yield ChunkRunner(lambda items: pool.submit(_analyse_chunk_in_worker, items), window=4 * workers)
    finally:
        # On Ctrl-C too: queued chunks are dropped, running ones finish (workers ignore SIGINT) and exit.
        pool.shutdown(wait=True, cancel_futures=True)


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


def _start_worker(catalog: Catalog) -> None:
    global _worker_catalog
    _worker_catalog = catalog
    # Ctrl-C goes to the whole process group; the parent decides what stops, workers just finish a chunk.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _analyse_chunk_in_worker(items: list[SourceItem]) -> Outcomes:
    assert _worker_catalog is not None, "worker started without its catalog"
    return analyse_chunk(items, _worker_catalog)


CONNECT_SECONDS = 10
WORKER_WAIT_SECONDS = 60


@contextmanager
def _dask_runner(scheduler: str | None, catalog: Catalog) -> Iterator[ChunkRunner]:
    if scheduler is None:
        raise InputError(
            InputProblem(
                path="--scheduler",
                message="--executor dask needs the scheduler's address: start one with `dask scheduler`, "
                "workers with `dask worker tcp://HOST:8786`, then pass --scheduler tcp://HOST:8786",
            )
        )
    try:
        # Optional extra, imported only when asked for so the default install stays small.
        from distributed import Client
    except ImportError:
        raise InputError(
            InputProblem(
                path="--executor",
                message="the dask executor needs the optional extra: pip install 'timeline[dask]'",
            )
        ) from None
    try:
        client = Client(scheduler, timeout=f"{CONNECT_SECONDS}s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(
            InputProblem(
                path="--scheduler",
                message=f"cannot reach the Dask scheduler {scheduler}: {exc}; start one with "
                "`dask scheduler` and workers with `dask worker ADDRESS`",
            )
        ) from None
    try:
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
        except TimeoutError:
            raise InputError(
                InputProblem(
                    path="--scheduler",
                    message=f"no Dask worker joined {scheduler} within {WORKER_WAIT_SECONDS} s; start "
                    f"some with `dask worker {scheduler}`",
                )
            ) from None
        threads = sum(client.nthreads().values())
        # Sent once to every worker instead of with every chunk.
        shared_catalog = client.scatter(catalog, broadcast=True)

        def submit(items: list[SourceItem]) -> Pending:
            return client.submit(analyse_chunk, items, shared_catalog, pure=False)

        yield ChunkRunner(submit, window=4 * threads)
    finally:
        client.close()
