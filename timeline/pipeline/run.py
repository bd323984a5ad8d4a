"""Build a timeline: analyse every document (in parallel, cached), then merge them into one timeline.

Per-document work (read, repair, sentences, dates, mentions) is independent, so it runs on a pool of
processes or a Dask cluster. Results come back in discovery order whatever order they finish in, and go
through the same JSON round trip whether they were computed or read from the cache, so a cached build, a
parallel build and a clean sequential build write byte-identical output.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

from timeline.check import load_rules
from timeline.check.rulebase import RuleBase
from timeline.chronology import merge
from timeline.chronology.models import Timeline
from timeline.corpus import SourceItem, iter_sources
from timeline.corpus.files import ReadPolicy, read_policy
from timeline.corpus.sources import DEFAULT_POLICY
from timeline.diagnostics import InputError, InputProblem
from timeline.events import Catalog, load_catalog, load_rule_files
from timeline.events.models import DocumentAnalysis
from timeline.pipeline.cache import AnalysisCache
from timeline.pipeline.executors import ChunkRunner, open_runner
from timeline.yamlsource import LocatedYaml

DEFAULT_CACHE_DIR = Path(".timeline-cache")

ExecutorName = Literal["local", "dask"]


@dataclass(frozen=True)
class RunOptions:
    """How to run the per-document work. jobs None = every core; cache_dir None = no cache."""

    jobs: int | None = None
    cache_dir: Path | None = None
    executor: ExecutorName = "local"
    scheduler: str | None = None  # Dask scheduler address (tcp://host:8786), needed with executor "dask"
    progress: bool = False
    reading: ReadPolicy = DEFAULT_POLICY  # symlinks and the size limit per document


@dataclass
class BuildResult:
    timeline: Timeline
    catalog: Catalog
    rule_files: list[LocatedYaml]
    problems: list[InputProblem] = field(default_factory=list)
    rules: list[RuleBase] = field(default_factory=list)  # the valid rules of the rule files


def options_from_cli(
    *,
    jobs: int | None = None,
    no_cache: bool = False,
    cache_dir: Path | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    progress: bool = False,
    follow_symlinks: bool = False,
    max_document_size: str | None = None,
) -> RunOptions:
    """RunOptions from the shared command-line options; raises InputError (exit 2) for unusable values."""
    if jobs is not None and jobs < 1:
        raise InputError(InputProblem(path="--jobs", message=f"must be at least 1, got {jobs}"))
    if executor not in ("local", "dask"):
        raise InputError(
            InputProblem(path="--executor", message=f"must be 'local' or 'dask', got {executor!r}")
        )
    if scheduler is not None and executor != "dask":
        raise InputError(
            InputProblem(path="--scheduler", message="only applies with --executor dask; add it or drop this")
        )
    return RunOptions(
        reading=read_policy(follow_symlinks, max_document_size),
        jobs=jobs,
        cache_dir=None if no_cache else (cache_dir or DEFAULT_CACHE_DIR),
        executor="dask" if executor == "dask" else "local",
        scheduler=scheduler,
        progress=progress,
    )


def build(paths: Sequence[Path], rules_dir: Path | None, options: RunOptions) -> BuildResult:
    """Analyse every document under `paths` and merge them into one timeline.

    Bad input never raises: it comes back in `problems` (rule files first, then documents in discovery
    order) and the other documents are still used. Raises InputError only for unusable options (Dask not
    installed, scheduler unreachable).
    """
    rule_files, problems = load_rule_files(rules_dir)
    catalog, catalog_problems = load_catalog(rule_files)
    problems.extend(catalog_problems)
    # Validated here for every command, so `build` refuses the rule files `check` refuses (exit 2).
    rules, rule_problems = load_rules(rule_files, catalog)
    problems.extend(rule_problems)
    cache = AnalysisCache(options.cache_dir, catalog.fingerprint) if options.cache_dir else None
    with open_runner(options.executor, options.jobs, options.scheduler, catalog) as runner:
        analyses = _analyse_in_order(
            iter_sources(paths, options.reading), runner, cache, problems, options.progress
        )
        timeline = merge(_drop_duplicate_ids(analyses, problems))
    return BuildResult(timeline, catalog, rule_files, problems, rules)


# How many items go to a worker at a time: big enough to amortise the hand-over, small enough to balance.
CHUNK_SIZE = 16


@dataclass
class _Chunk:
    """Consecutive entries of the source stream, with what the cache already knows about them."""

    entries: list[SourceItem | InputProblem] = field(default_factory=list)
    keys: dict[int, str] = field(default_factory=dict)  # position -> cache key
    cached: dict[int, DocumentAnalysis] = field(default_factory=dict)  # position -> cache hit

    def todo(self) -> list[SourceItem]:
        """The items that still need analysing, in order."""
        return [
            entry
            for position, entry in enumerate(self.entries)
            if not isinstance(entry, InputProblem) and position not in self.cached
        ]


def _analyse_in_order(
    sources: Iterable[SourceItem | InputProblem],
    runner: ChunkRunner,
    cache: AnalysisCache | None,
    problems: list[InputProblem],
    progress: bool,
) -> Iterator[tuple[SourceItem, DocumentAnalysis]]:
    """Items with their analyses in discovery order; problems appended to `problems` in the same order."""
    with _Progress(progress) as shown:
        for chunk, pending in runner.run_ordered(_chunks(sources, cache), _Chunk.todo):
            computed = iter(pending.result() if pending is not None else [])
            for position, entry in enumerate(chunk.entries):
                shown.advance()
                if isinstance(entry, InputProblem):
                    problems.append(entry)
                    continue
                if position in chunk.cached:
                    analysis = chunk.cached[position]
                else:
                    ok, text = next(computed)
                    if not ok:
                        problems.append(InputProblem.model_validate_json(text))
                        continue
                    if cache is not None:
                        cache.store(chunk.keys[position], text)
                    analysis = DocumentAnalysis.model_validate_json(text)
                problems.extend(analysis.document.problems)
                yield entry, analysis


def _chunks(sources: Iterable[SourceItem | InputProblem], cache: AnalysisCache | None) -> Iterator[_Chunk]:
    """Runs of CHUNK_SIZE entries, with those already in the cache looked up."""
    chunk = _Chunk()
    for entry in sources:
        if cache is not None and not isinstance(entry, InputProblem):
            position = len(chunk.entries)
            chunk.keys[position] = key = cache.key(entry.content_hash())
            hit = cache.load(key)
            if hit is not None:
                chunk.cached[position] = hit
        chunk.entries.append(entry)
        if len(chunk.entries) == CHUNK_SIZE:
            yield chunk
            chunk = _Chunk()
    if chunk.entries:
        yield chunk


def _drop_duplicate_ids(
    analysed: Iterable[tuple[SourceItem, DocumentAnalysis]], problems: list[InputProblem]
) -> Iterator[DocumentAnalysis]:
    """The first document (in discovery order) with an id wins; later ones are reported and skipped."""
    first_seen: dict[str, str] = {}  # id -> key of the item that has it
    for item, analysis in analysed:
        document_id = analysis.document.id
        if document_id in first_seen:
            problems.append(
                InputProblem(
                    path=item.path,
                    line=item.line_number,
                    message=f"duplicate document id {document_id!r} (first used by "
                    f"{first_seen[document_id]}); this copy is skipped: give it a unique id",
                )
            )
            continue
        first_seen[document_id] = item.key
        yield analysis


class _Progress:
    """A document counter on stderr when asked for (rich, because it handles terminals and redirects)."""

    def __init__(self, enabled: bool) -> None:
        self._bar: Progress | None = None
        self._shown_at = 0.0
        if enabled:
            # No refresh thread: worker processes are forked, and forking with threads running is unsafe.
            self._bar = Progress(
                SpinnerColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                auto_refresh=False,
                transient=True,
            )
            self._task = self._bar.add_task("documents", total=None)

    def __enter__(self) -> _Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)
            now = time.monotonic()
            if now - self._shown_at > 0.1:  # redrawing for every document would cost more than the work
                self._bar.refresh()
                self._shown_at = now

    def __exit__(self, *exc_info: object) -> None:
        if self._bar is not None:
            self._bar.stop()
