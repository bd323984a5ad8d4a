"""`timeline export`: the timeline as Markdown, JSON, CSV, TimelineJS or one HTML page, disputes first."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer
from pydantic import ValidationError

from timeline.atomic import write_text_atomic
from timeline.check import run_checks
from timeline.check.models import Report
from timeline.check.rulebase import RuleBase
from timeline.chronology.models import Timeline
from timeline.cli.app import app
from timeline.cli.build import run_build
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
    load_rule_folder,
    report_problems,
    rules_folder,
)
from timeline.config import load_config
from timeline.diagnostics import InputProblem
from timeline.exitcodes import ExitCode
from timeline.export import render
from timeline.export.reading import read_timeline
from timeline.jsonsource import read_json


class Format(StrEnum):
    markdown = "markdown"
    json = "json"
    csv = "csv"
    timelinejs = "timelinejs"
    html = "html"


def _read_report(path: Path) -> tuple[Report | None, list[InputProblem]]:
    data, unreadable = read_json(path, "not found: write one with `timeline check --format json > FILE`")
    if unreadable is not None:
        return None, [unreadable]
    where = "top level: needs findings and summary"
    if isinstance(data, dict) and {"findings", "summary"} <= set(data):
        try:
            return Report.model_validate(data), []
        except ValidationError as exc:
            first = exc.errors()[0]
            where = f"{'.'.join(str(part) for part in first['loc'])}: {first['msg']}"
    message = f"not a report written by `timeline check --format json` ({where})"
    return None, [InputProblem(path=str(path), message=message)]


def _timeline_and_rules(
    corpus: list[Path] | None, from_file: Path | None, rules: Path | None, **pipeline: object
) -> tuple[Timeline, list[RuleBase], list[InputProblem], bool]:
    """The timeline (built, or read with --from), the rules to check it with, the problems still to print,
    and whether the build met (and printed) problems of its own."""
    if from_file is None:
        result = run_build(corpus, rules, **pipeline)
        return result.timeline, result.rules, [], bool(result.problems)  # rule problems: printed by the build
    if corpus:
        report_problems([InputProblem(path="--from", message="give either CORPUS or --from, not both")])
        raise typer.Exit(ExitCode.INPUT_ERROR)
    timeline, problem = read_timeline(from_file)
    if timeline is None:
        report_problems([problem] if problem else [])
        raise typer.Exit(ExitCode.INPUT_ERROR)
    config, problems = load_config()
    loaded, rule_problems = load_rule_folder(rules_folder(rules, config))
    return timeline, loaded, [*problems, *rule_problems], False


@app.command("export")
def export_command(
    export_format: Format = typer.Option(Format.markdown, "--format", "-f", help="Output format."),
    corpus: list[Path] | None = CORPUS_ARGUMENT,
    from_file: Path | None = typer.Option(
        None, "--from", help="Export a timeline JSON written by `timeline build` instead of building one."
    ),
    findings: Path | None = typer.Option(
        None,
        "--findings",
        help="Mark disputes from this `timeline check --format json` report instead of running the checks.",
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here (default: stdout)."),
    rules: Path | None = RULES_OPTION,
    jobs: int | None = JOBS_OPTION,
    no_cache: bool = NO_CACHE_OPTION,
    cache_dir: Path | None = CACHE_DIR_OPTION,
    executor: str = EXECUTOR_OPTION,
    scheduler: str | None = SCHEDULER_OPTION,
    follow_symlinks: bool = FOLLOW_SYMLINKS_OPTION,
    max_document_size: str | None = MAX_DOCUMENT_SIZE_OPTION,
) -> None:
    """Export the chronology: markdown (one table of every event + a Mermaid diagram), html (one
    self-contained page: sources side by side, filters), csv (one row per mention), timelinejs (Knight Lab
    TimelineJS JSON) or json (the `build` output).

    Disputes come first: the rules and built-in checks run (as `timeline check` would, or read from
    --findings) and every export but json marks the events the sources disagree on, with each source's
    own date, claim and quote.

    Example: timeline export --format html corpus/ -o timeline.html

    Example: timeline export --format csv --from timeline.json -o mentions.csv
    """
    timeline, loaded, problems, build_problems = _timeline_and_rules(
        corpus,
        from_file,
        rules,
        jobs=jobs,
        no_cache=no_cache,
        cache_dir=cache_dir,
        executor=executor,
        scheduler=scheduler,
        follow_symlinks=follow_symlinks,
        max_document_size=max_document_size,
    )
    report: Report | None = None
    if findings is not None:
        report, unreadable = _read_report(findings)
        problems += unreadable
    elif export_format is not Format.json:
        config, _ = load_config()  # its problems, if any, are reported above
        report = run_checks(timeline, loaded, dict(config.severity))
    report_problems(problems)
    text = render(timeline, export_format.value, report)
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_text_atomic(output, text)
    raise typer.Exit(ExitCode.INPUT_ERROR if problems or build_problems else ExitCode.OK)
