"""`timeline build`: one chronology (versioned JSON) from a folder of articles.

Also holds what `build` shares with `export`: where the corpus and rules are (arguments, then the
config file, then ./corpus and ./rules), the pipeline options, and reporting bad input.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import typer

from timeline.atomic import write_text_atomic
from timeline.chronology.models import Event, Timeline, TimelineDocument
from timeline.cli.app import app
from timeline.cli.common import (
    CACHE_DIR_OPTION,
    CORPUS_ARGUMENT,
    EXECUTOR_OPTION,
    FOLLOW_SYMLINKS_OPTION,
    JOBS_OPTION,
    MAX_DOCUMENT_SIZE_OPTION,
    NO_CACHE_OPTION,
    RULES_OPTION,
    SCHEDULER_OPTION,
    corpus_paths,
    report_problems,
    rules_folder,
    warn_if_empty,
)
from timeline.cli.output import detail, quiet, terminal_width, verbose
from timeline.config import Config, load_config
from timeline.diagnostics import InputError, InputProblem, printable
from timeline.exitcodes import ExitCode
from timeline.export import iter_json
from timeline.export.labels import date_label
from timeline.pipeline import BuildResult, build, options_from_cli
from timeline.texttable import fit_table, wrap_lines


def run_pipeline(
    corpus: list[Path] | None,
    rules: Path | None,
    config: Config,
    earlier: list[InputProblem],
    **pipeline: Any,
) -> BuildResult:
    """Run the pipeline on the corpus and rules the arguments (else the config) name, with the pipeline
    options (`options_from_cli`'s keywords). On unusable options prints `earlier` problems and that one,
    and exits 2; warns about an empty corpus."""
    try:
        options = options_from_cli(progress=sys.stderr.isatty() and not quiet(), **pipeline)
        paths = corpus_paths(corpus, config)
        result = build(paths, rules_folder(rules, config), options)
    except InputError as exc:
        report_problems([*earlier, exc.problem])
        raise typer.Exit(ExitCode.INPUT_ERROR) from None
    warn_if_empty(paths, result)
    return result


def run_build(corpus: list[Path] | None, rules: Path | None, **pipeline: Any) -> BuildResult:
    """Resolve the corpus and rules, run the pipeline, print its problems. Exits 2 on unusable options."""
    config, config_problems = load_config()
    report_problems(config_problems)
    result = run_pipeline(corpus, rules, config, [], **pipeline)
    result.problems[:0] = config_problems
    report_problems(result.problems[len(config_problems) :])
    return result


def _publication_label(document: TimelineDocument) -> str:
    if document.published:
        return f"{document.published} ({document.published_source})"
    if document.published_window:
        window = document.published_window
        return f"unknown; inferred {window.earliest} – {window.latest}"
    return "unknown"


def summary_table(timeline: Timeline, width: int | None = None, full: bool = False) -> str:
    """The documents and the events, each table cut to `width` columns (None: not cut to a width).

    A first look shows the catalog's events and the dated automatic events several articles tell; what
    several articles say with no date, and what one article alone says (often many statements), is
    counted in one line. `full` (--verbose) lists those too, and why each automatic event's statements
    were merged (a single document's are all listed). The JSON always has everything.
    """
    reasons = _merge_reasons(timeline) if full else ""
    return (
        f"{_documents_table(timeline, width)}\n\n{_events_table(timeline, width, full)}\n\n"
        f"{reasons}{_footer(timeline, full)}"
    )


def _documents_table(timeline: Timeline, width: int | None) -> str:
    rows = [
        [printable(document.id), printable(document.title or "")[:50], _publication_label(document)]
        for document in timeline.documents
    ]
    return fit_table(rows, ["document", "title", "published"], width, flexible=[1])


def _events_table(timeline: Timeline, width: int | None, full: bool) -> str:
    """The events shown at first, then one line counting those only --verbose lists."""
    # with one document, nothing can be told by several: its statements are all there is to show
    every = full or len(timeline.documents) < 2
    hidden = Counter(_hidden(event) for event in timeline.events if not every)
    rows = [
        [
            date_label(event.date) + (" !" if event.date_conflict else ""),
            printable(event.title)[:70] + (" *" if event.automatic else ""),
            len({mention.doc for mention in event.mentions}),
            len(event.mentions),
        ]
        for event in timeline.events
        if every or _hidden(event) is None
    ]
    table = fit_table(rows, ["date", "event", "articles", "mentions"], width, flexible=[1])
    counted = [f"{hidden[kind]} {what}" for kind, what in _HIDDEN.items() if hidden[kind]]
    return table + (f"\n... and {'; '.join(counted)} (--verbose lists them)" if counted else "")


def _footer(timeline: Timeline, full: bool) -> str:
    dated = sum(1 for document in timeline.documents if document.published or document.published_window)
    automatic = any(event.automatic for event in timeline.events)
    why = "; --verbose says why each * event's statements are one" if automatic and not full else ""
    return (
        f"{len(timeline.events)} events from {len(timeline.documents)} documents "
        f"({dated} with a publication date or an inferred window); ! = sources disagree on the date; "
        f"* = merged from the articles' own statements, no catalog event{why}"
    )


_HIDDEN = {
    "undated": "undated statement(s) that several articles make",
    "once": "statement(s) that only one article makes",
}


def _hidden(event: Event) -> str | None:
    """Why an automatic event is only counted at first: no other source says it, or it has no date."""
    if not event.automatic:
        return None
    if len({mention.doc for mention in event.mentions}) < 2:
        return "once"
    return "undated" if event.date.earliest is None else None


def _merge_reasons(timeline: Timeline) -> str:
    """Why each automatic event told by several articles is one event."""
    lines = []
    for event in timeline.events:
        if event.automatic and event.merge_reasons:
            lines.append(f"{date_label(event.date)}  {event.title[:90]}")
            lines.extend(f"    {reason}" for reason in event.merge_reasons)
    if not lines:
        return ""
    return "merged across articles, and why:\n" + "\n".join(lines) + "\n\n"


@app.command("build")
def build_command(
    corpus: list[Path] | None = CORPUS_ARGUMENT,
    rules: Path | None = RULES_OPTION,
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the timeline JSON here (and print a summary); default: stdout."
    ),
    jobs: int | None = JOBS_OPTION,
    no_cache: bool = NO_CACHE_OPTION,
    cache_dir: Path | None = CACHE_DIR_OPTION,
    executor: str = EXECUTOR_OPTION,
    scheduler: str | None = SCHEDULER_OPTION,
    follow_symlinks: bool = FOLLOW_SYMLINKS_OPTION,
    max_document_size: str | None = MAX_DOCUMENT_SIZE_OPTION,
) -> None:
    """Build one chronology from articles about one story.

    With -o FILE the timeline JSON (schema: `timeline schema`) is written there atomically and a
    summary table is printed; without -o the JSON goes to stdout. Bad input is reported on stderr,
    one line each, and the good documents are still used (exit code 2).

    Example: timeline build corpus/ --rules rules/ -o timeline.json
    """
    result = run_build(
        corpus,
        rules,
        jobs=jobs,
        no_cache=no_cache,
        cache_dir=cache_dir,
        executor=executor,
        scheduler=scheduler,
        follow_symlinks=follow_symlinks,
        max_document_size=max_document_size,
    )
    pieces = iter_json(result.timeline)  # written piece by piece: a large timeline is never one string
    if output is None:
        for piece in pieces:
            typer.echo(piece, nl=False)
    else:
        write_text_atomic(output, pieces)
        if not quiet():
            width = terminal_width()
            typer.echo(wrap_lines(summary_table(result.timeline, width, full=verbose()), width))
            typer.echo(f"timeline written to {output}")
        detail(f"wrote {output}")
    raise typer.Exit(ExitCode.INPUT_ERROR if result.problems else ExitCode.OK)
