"""`timeline rules suggest CORPUS... [-o DIR]`: starter rule files from what a corpus tells with no rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
import yaml

from timeline.atomic import write_text_atomic
from timeline.check import load_rules
from timeline.check.ruletests import run_rule_tests
from timeline.check.suggest import suggest
from timeline.cli.common import CORPUS_ARGUMENT, corpus_paths, report_problems
from timeline.cli.rules import build_in_process, rules_app
from timeline.config import load_config
from timeline.diagnostics import InputProblem
from timeline.events import load_catalog, load_rule_files
from timeline.exitcodes import ExitCode
from timeline.pipeline import RunOptions, build

FILES = ("events.yaml", "checks.yaml")
HEADERS = {
    "events.yaml": "# Event catalog suggested by `timeline rules suggest` from the events several articles\n"
    "# tell. Edit freely: rename ids, tighten triggers, add participants' other names (format: README,\n"
    "# 'The event catalog'); then run `timeline rules test` on this folder.\n",
    "checks.yaml": "# Checks suggested by `timeline rules suggest`: a date-agree rule per event, an agree\n"
    "# rule per attribute, tested on the articles' own sentences (only tests that pass are kept).\n",
}


@rules_app.command("suggest")
def suggest_command(
    corpus: list[Path] | None = CORPUS_ARGUMENT,
    output: Path = typer.Option(
        Path("rules"), "--output", "-o", help="Folder to write events.yaml and checks.yaml."
    ),
    force: bool = typer.Option(False, "--force", help="Replace events.yaml and checks.yaml if they exist."),
) -> None:
    """Write a starter events.yaml and checks.yaml from the events several articles tell.

    The corpus is built with no rules; each event two or more articles tell becomes a catalog entry
    (id, title, triggers, participants, attribute vocabularies) with a date-agree rule, and an agree rule
    per attribute, tested on the articles' own sentences. `timeline rules test DIR` passes on the result.

    Example: timeline rules suggest articles/ -o rules/
    """
    config, problems = load_config()
    existing = [output / name for name in FILES if (output / name).exists()]
    if existing and not force:
        names = ", ".join(str(path) for path in existing)
        report_problems([InputProblem(path=names, message="already exists; pass --force to replace it")])
        raise typer.Exit(ExitCode.INPUT_ERROR)
    result = build(corpus_paths(corpus, config), None, RunOptions(jobs=None, cache_dir=None))
    problems.extend(result.problems)
    events, checks = suggest(result.timeline)
    output.mkdir(parents=True, exist_ok=True)
    _write(output, events, checks)
    kept = _keep_passing_tests(output, checks)
    _write(output, events, kept)
    tests = sum(len(rule.get("tests", [])) for rule in kept["rules"])
    typer.echo(
        f"wrote {output / FILES[0]} ({len(events['events'])} events) and {output / FILES[1]} "
        f"({len(kept['rules'])} rules, {tests} tests); edit them, then: timeline rules test {output}"
    )
    report_problems(problems)
    raise typer.Exit(ExitCode.INPUT_ERROR if problems else ExitCode.OK)


class _PlainDumper(yaml.SafeDumper):
    """Writes a value used twice in full: rule files do not accept YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _write(folder: Path, events: dict[str, Any], checks: dict[str, Any]) -> None:
    for name, data in zip(FILES, (events, checks), strict=True):
        text = yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=110)
        write_text_atomic(folder / name, HEADERS[name] + text)


def _keep_passing_tests(folder: Path, checks: dict[str, Any]) -> dict[str, Any]:
    """The checks with only the tests that pass through the real pipeline (a sentence the suggested
    triggers miss, or a built-in check that also fires, fails its test: better no test than a red one)."""
    files, file_problems = load_rule_files(folder)
    catalog, catalog_problems = load_catalog(files)
    rules, rule_problems = load_rules(files, catalog)
    if file_problems or catalog_problems or rule_problems:  # never expected: report rather than hide it
        report_problems([*file_problems, *catalog_problems, *rule_problems])
        raise typer.Exit(ExitCode.INPUT_ERROR)
    failed = {
        (result.rule, result.number)
        for result in run_rule_tests(rules, folder, build_in_process)
        if not result.passed
    }
    kept = []
    for rule in checks["rules"]:
        tests = [
            test for number, test in enumerate(rule.get("tests", []), 1) if (rule["id"], number) not in failed
        ]
        trimmed = {key: value for key, value in rule.items() if key != "tests"}
        kept.append({**trimmed, "tests": tests} if tests else trimmed)
    return {"rules": kept}
