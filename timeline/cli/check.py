"""`timeline check`: build the timeline, run the rules and built-in checks, report contradictions."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

import typer

from timeline.check import run_checks
from timeline.check.baseline import read_baseline, write_baseline
from timeline.check.builtin import BUILTIN_IDS
from timeline.check.engine import at_or_above, without_baseline
from timeline.check.formats import render
from timeline.check.rulebase import suggest
from timeline.cli.app import app
from timeline.cli.build import run_pipeline
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
    report_problems,
    source_root,
)
from timeline.cli.output import colour_wanted, detail, say, terminal_width
from timeline.config import Config, load_config
from timeline.diagnostics import InputProblem
from timeline.exitcodes import ExitCode


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


def _override_problems(config: Config, rule_ids: set[str]) -> list[InputProblem]:
    known = rule_ids | BUILTIN_IDS
    return [
        InputProblem(
            path=str(config.source or "config"),
            message=f"severity: no rule '{rule_id}'{suggest(rule_id, known)}",
        )
        for rule_id in sorted(config.severity)
        if rule_id not in known
    ]


@app.command("check")
def check_command(
    corpus: list[Path] | None = CORPUS_ARGUMENT,
    rules: Path | None = RULES_OPTION,
    output_format: CheckFormat | None = typer.Option(
        None,
        "--format",
        "-f",
        help="text, json, sarif or github. Default: github when GITHUB_ACTIONS=true, else text.",
        show_default=False,
    ),
    fail_on: FailOn | None = typer.Option(
        None,
        "--fail-on",
        help="Exit 1 when a finding at or above this level remains. Default: config, else error.",
    ),
    baseline: Path | None = typer.Option(
        None, "--baseline", help="Ignore the findings this baseline file lists (report only new ones)."
    ),
    write_baseline_to: Path | None = typer.Option(
        None, "--write-baseline", help="Write the current findings to this baseline file and exit 0."
    ),
    jobs: int | None = JOBS_OPTION,
    no_cache: bool = NO_CACHE_OPTION,
    cache_dir: Path | None = CACHE_DIR_OPTION,
    executor: str = EXECUTOR_OPTION,
    scheduler: str | None = SCHEDULER_OPTION,
    follow_symlinks: bool = FOLLOW_SYMLINKS_OPTION,
    max_document_size: str | None = MAX_DOCUMENT_SIZE_OPTION,
) -> None:
    """Check the articles against each other and against the rules; report every contradiction.

    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage, rules or input.

    Example: timeline check corpus/ --rules rules/ --format sarif > timeline.sarif
    """
    if baseline is not None and write_baseline_to is not None:
        message = (
            "--baseline and --write-baseline cannot be used together: write a baseline, then check with it"
        )
        report_problems([InputProblem(path="--write-baseline", message=message)])
        raise typer.Exit(ExitCode.INPUT_ERROR)
    config, problems = load_config()
    result = run_pipeline(
        corpus,
        rules,
        config,
        problems,
        jobs=jobs,
        no_cache=no_cache,
        cache_dir=cache_dir,
        executor=executor,
        scheduler=scheduler,
        follow_symlinks=follow_symlinks,
        max_document_size=max_document_size,
    )
    problems.extend(result.problems)
    loaded = result.rules
    problems.extend(_override_problems(config, {rule.id for rule in loaded}))
    report = run_checks(result.timeline, loaded, dict(config.severity))
    if write_baseline_to is not None:
        write_baseline(write_baseline_to, report)
        say(f"wrote {len(report.findings)} finding(s) to {write_baseline_to}")
        report_problems(problems)
        raise typer.Exit(ExitCode.INPUT_ERROR if problems else ExitCode.OK)
    if baseline is not None:
        accepted, baseline_problems = read_baseline(baseline)
        problems.extend(baseline_problems)
        report = without_baseline(report, accepted)
    chosen = output_format or (
        CheckFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else CheckFormat.text
    )
    colour = chosen == CheckFormat.text and colour_wanted()
    detail(f"{len(loaded)} rule(s); {report.summary.total} finding(s), {report.summary.baselined} baselined")
    # click.echo leaves colour codes out when the output is not a terminal, unless told otherwise.
    root = source_root(config)
    rendered = render(report, chosen.value, loaded, colour=colour, root=root, width=terminal_width())
    typer.echo(rendered, nl=False, color=colour or None)
    report_problems(problems)
    if problems:
        raise typer.Exit(ExitCode.INPUT_ERROR)
    threshold = (fail_on.value if fail_on else None) or config.fail_on
    raise typer.Exit(ExitCode.FINDINGS if at_or_above(report, threshold) else ExitCode.OK)
