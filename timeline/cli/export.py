"""`timeline export`: the timeline as Markdown, JSON, CSV or TimelineJS."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer
from pydantic import ValidationError

from timeline.atomic import write_text_atomic
from timeline.chronology.models import Timeline
from timeline.cli.app import app
from timeline.cli.build import run_build
from timeline.cli.common import (
    CACHE_DIR_OPTION,
    CORPUS_ARGUMENT,
    EXECUTOR_OPTION,
    JOBS_OPTION,
    NO_CACHE_OPTION,
    RULES_OPTION,
    SCHEDULER_OPTION,
    report_problems,
)
from timeline.diagnostics import InputProblem
from timeline.exitcodes import ExitCode
from timeline.export import render


class Format(StrEnum):
    markdown = "markdown"
    json = "json"
    csv = "csv"
    timelinejs = "timelinejs"


def _read_timeline(path: Path) -> Timeline:
    try:
        return Timeline.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        report_problems([InputProblem(path=str(path), message=f"cannot read: {exc}")])
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        message = f"not a timeline JSON written by `timeline build` ({where}: {first['msg']})"
        report_problems([InputProblem(path=str(path), message=message)])
    raise typer.Exit(ExitCode.INPUT_ERROR)


@app.command("export")
def export_command(
    export_format: Format = typer.Option(Format.markdown, "--format", "-f", help="Output format."),
    corpus: list[Path] | None = CORPUS_ARGUMENT,
    from_file: Path | None = typer.Option(
        None, "--from", help="Export a timeline JSON written by `timeline build` instead of building one."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here (default: stdout)."),
    rules: Path | None = RULES_OPTION,
    jobs: int | None = JOBS_OPTION,
    no_cache: bool = NO_CACHE_OPTION,
    cache_dir: Path | None = CACHE_DIR_OPTION,
    executor: str = EXECUTOR_OPTION,
    scheduler: str | None = SCHEDULER_OPTION,
) -> None:
    """Export the chronology: markdown (table + Mermaid diagram), json, csv (one row per mention)
    or timelinejs (Knight Lab TimelineJS JSON, grouped by outlet).

    Example: timeline export --format markdown corpus/ -o TIMELINE.md

    Example: timeline export --format csv --from timeline.json -o mentions.csv
    """
    problems_seen = False
    if from_file is not None:
        if corpus:
            report_problems([InputProblem(path="--from", message="give either CORPUS or --from, not both")])
            raise typer.Exit(ExitCode.INPUT_ERROR)
        timeline = _read_timeline(from_file)
    else:
        result = run_build(
            corpus,
            rules,
            jobs=jobs,
            no_cache=no_cache,
            cache_dir=cache_dir,
            executor=executor,
            scheduler=scheduler,
        )
        timeline, problems_seen = result.timeline, bool(result.problems)
    text = render(timeline, export_format.value)
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_text_atomic(output, text)
    raise typer.Exit(ExitCode.INPUT_ERROR if problems_seen else ExitCode.OK)
