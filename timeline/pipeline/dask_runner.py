"""The Dask executor: chunks analysed on a cluster's workers, read from a folder they all see.

Workers read the files themselves (JSONL records travel with the work), and a worker's working folder is
its own, so items go out with absolute locations; the paths shown in the output stay as the user gave them,
the same as in a local run. Losing the scheduler, or every worker, stops the build with one line (exit 2)
instead of a traceback or a wait without end.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from timeline.corpus import SourceItem
from timeline.diagnostics import DEBUG_VARIABLE, InputError, InputProblem
from timeline.events import Catalog
from timeline.pipeline.analysis import analyse_chunk
from timeline.pipeline.executors import ChunkRunner, Outcomes, Pending

CONNECT_SECONDS = 10
WORKER_WAIT_SECONDS = 60
POLL_SECONDS = 2.0
CLOSE_SECONDS = 5


def _problem(message: str) -> InputError:
    return InputError(InputProblem(path="--scheduler", message=message))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0] if text else ''}"


@contextmanager
def _quiet_distributed() -> Iterator[None]:
    """distributed logs its connection troubles with tracebacks; the run says what failed in one line
    instead. TIMELINE_DEBUG=1 keeps its logs. (Each of its loggers has its own level, so each is set.)"""
    if os.environ.get(DEBUG_VARIABLE):
        yield
        return
    loggers = [logging.getLogger("distributed")] + [
        logger
        for name, logger in logging.root.manager.loggerDict.items()
        if name.startswith("distributed.") and isinstance(logger, logging.Logger)
    ]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class _Remote:
    """A chunk on the cluster. Waits in short steps so that a cluster left without workers is noticed."""

    def __init__(self, future: Any, client: Any, scheduler: str) -> None:
        self._future = future
        self._client = client
        self._scheduler = scheduler

    def result(self) -> Outcomes:
        without_workers = 0.0
        while True:
            try:
                outcomes: Outcomes = self._future.result(timeout=POLL_SECONDS)
                return outcomes
            except TimeoutError:
                if self._workers() > 0:
                    without_workers = 0.0
                    continue
                without_workers += POLL_SECONDS
                if without_workers >= WORKER_WAIT_SECONDS:
                    raise _problem(
                        f"every Dask worker of {self._scheduler} has gone and none came back within "
                        f"{WORKER_WAIT_SECONDS} s; the build stopped (start workers and run it again)"
                    ) from None
            except InputError:
                raise
            except Exception as exc:  # the scheduler gone, a worker killed too often: the cluster's failure
                raise _problem(
                    f"the Dask cluster at {self._scheduler} failed ({_first_line(exc)}); the build stopped"
                ) from None

    def _workers(self) -> int:
        try:
            return len(self._client.nthreads())
        except Exception as exc:
            raise _problem(
                f"lost the Dask scheduler {self._scheduler} ({_first_line(exc)}); the build stopped"
            ) from None


@contextmanager
def dask_runner(scheduler: str | None, catalog: Catalog) -> Iterator[ChunkRunner]:
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
    with (
        _quiet_distributed(),
        _connected(Client, scheduler, catalog) as runner,
    ):  # after the import: its loggers
        yield runner


@contextmanager
def _connected(client_class: Any, scheduler: str, catalog: Catalog) -> Iterator[ChunkRunner]:
    try:
        client = client_class(scheduler, timeout=f"{CONNECT_SECONDS}s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise _problem(
            f"cannot reach the Dask scheduler {scheduler}: {exc}; start one with "
            "`dask scheduler` and workers with `dask worker ADDRESS`"
        ) from None
    try:
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
        except TimeoutError:
            raise _problem(
                f"no Dask worker joined {scheduler} within {WORKER_WAIT_SECONDS} s; start "
                f"some with `dask worker {scheduler}`"
            ) from None
        threads = sum(client.nthreads().values())
        # Sent once to every worker instead of with every chunk.
        shared_catalog = client.scatter(catalog, broadcast=True)

        def submit(items: list[SourceItem]) -> Pending:
            located = [replace(item, location=os.path.abspath(item.file)) for item in items]
            return _Remote(
                client.submit(analyse_chunk, located, shared_catalog, pure=False), client, scheduler
            )

        yield ChunkRunner(submit, window=4 * threads)
    finally:
        client.close(timeout=CLOSE_SECONDS)
