"""`timeline rules list|test|docs`: inspect, test and document the rule files."""

from __future__ import annotations

from pathlib import Path

import typer

from timeline.atomic import write_text_atomic
from timeline.check import load_rules
from timeline.check.builtin import BUILTIN_CHECKS
from timeline.check.kinddocs import render_reference
from timeline.check.phrasecheck import unmatched_phrases
from timeline.check.rulebase import RuleBase
from timeline.check.ruletests import run_rule_tests, uncovered
from timeline.chronology.models import Timeline
from timeline.cli.app import app
from timeline.cli.common import DEFAULT_CORPUS, report_problems, rules_folder
from timeline.cli.output import TimelineTyper, quiet, say, terminal_width
from timeline.config import load_config
from timeline.corpus import read_corpus
from timeline.diagnostics import InputProblem
from timeline.events import Catalog, load_catalog, load_rule_files
from timeline.exitcodes import ExitCode
from timeline.pipeline import RunOptions, build
from timeline.texttable import fit_table

rules_app = TimelineTyper(
    help="List, test and suggest the rules `timeline check` runs (JSON Schema: `timeline schema rules`).",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(rules_app, name="rules")

RULES_DIR_HELP = "Folder (or file) of rule YAML. Default: config `rules`, else ./rules."


CORPUS_HELP = (
    "Articles to check the phrases against: a trigger or attribute phrase that no sentence matches "
    "gets a warning. Default: config `corpus`, else ./corpus when it exists."
)


def _load_with_catalog(
    rules_dir: Path | None,
) -> tuple[Path | None, list[RuleBase], Catalog, list[InputProblem]]:
    config, problems = load_config()
    folder = rules_folder(rules_dir, config)
    files, file_problems = load_rule_files(folder)
    catalog, catalog_problems = load_catalog(files)
    rules, rule_problems = load_rules(files, catalog)
    return folder, rules, catalog, [*problems, *file_problems, *catalog_problems, *rule_problems]


def _warn_unmatched_phrases(
    catalog: Catalog, rules: list[RuleBase], corpus: list[Path] | None, texts: list[str] | None = None
) -> None:
    """One located warning (stderr) per phrase that matches no sentence of the corpus (and `texts`)."""
    config, _ = load_config()
    default = config.corpus or DEFAULT_CORPUS
    paths = corpus or ([default] if default.exists() else [])
    documents, _ = read_corpus(paths)  # unreadable articles are `check`'s and `build`'s to report
    sentences = [document.text[s.start : s.end] for document in documents for s in document.sentences]
    for line in unmatched_phrases(catalog, rules, [*sentences, *(texts or [])]):
        say(line)  # a note about the rules, not a problem: --quiet leaves it out


@rules_app.command("list")
def list_command(
    rules_dir: Path | None = typer.Argument(None, help=RULES_DIR_HELP, show_default=False),
    corpus: list[Path] | None = typer.Option(None, "--corpus", help=CORPUS_HELP, show_default=False),
) -> None:
    """Show every rule (and the built-in checks): id, kind, severity, event, the built-in checks the rule
    switches off for its event (a date-agree rule replaces builtin/date-conflict), description.

    Example: timeline rules list rules/ --corpus articles/
    """
    _, rules, catalog, problems = _load_with_catalog(rules_dir)
    rows = [
        [
            rule.id,
            rule.kind_name,
            rule.severity,
            rule.event_ref or "(all)",
            ", ".join(rule.SWITCHES_OFF) or "-",
            rule.description or "",
        ]
        for rule in sorted(rules, key=lambda r: r.id)
    ]
    rows += [
        [check.id, "builtin", check.severity, "(all)", "-", check.description] for check in BUILTIN_CHECKS
    ]
    headers = ["id", "kind", "severity", "event", "switches off", "description"]
    typer.echo(fit_table(rows, headers, terminal_width(), flexible=[len(headers) - 1]))
    report_problems(problems)
    if not problems:
        _warn_unmatched_phrases(catalog, rules, corpus)
    raise typer.Exit(ExitCode.INPUT_ERROR if problems else ExitCode.OK)


def build_in_process(paths: list[Path], rules_dir: Path) -> tuple[Timeline, list[InputProblem]]:
    # In-process and uncached: a rule test must see the catalog and the texts as they are now.
    result = build(paths, rules_dir, RunOptions(jobs=1, cache_dir=None))
    return result.timeline, result.problems


@rules_app.command("test")
def test_command(
    rules_dir: Path | None = typer.Argument(None, help=RULES_DIR_HELP, show_default=False),
    corpus: list[Path] | None = typer.Option(None, "--corpus", help=CORPUS_HELP, show_default=False),
) -> None:
    """Run the rules' `tests:` through the whole pipeline; report failures and rules no test fires.

    A test passes when exactly the rules in its `expect` fire (built-in checks included), no more and no
    fewer. A rule counts as covered when a passing test, under any rule, expects it.

    A trigger or attribute phrase that no sentence of the corpus or of the tests matches gets a
    warning on stderr (it cannot make its rule fire).

    Exit codes: 0 every test passes, 1 a test fails, 2 the rule files have problems.

    Example: timeline rules test rules/
    """
    folder, rules, catalog, problems = _load_with_catalog(rules_dir)
    if problems or folder is None:
        report_problems(
            problems or [InputProblem(path="rules", message="no rules folder: pass one or add ./rules")]
        )
        raise typer.Exit(ExitCode.INPUT_ERROR)
    texts = [doc.text for rule in rules for test in rule.tests for doc in test.docs]
    _warn_unmatched_phrases(catalog, rules, corpus, texts)
    results = run_rule_tests(rules, folder, build_in_process)
    for result in results:
        label = f"{result.rule} #{result.number}" + (f" ({result.name})" if result.name else "")
        if result.passed:
            if not quiet():
                typer.echo(f"PASS {label}")
            continue
        typer.echo(
            f"FAIL {label}: expected {result.expected or 'no findings'}, fired {result.fired or 'nothing'}"
            + (f"; not expected: {', '.join(result.unexpected)}" if result.unexpected else "")
            + (f"; did not fire: {', '.join(result.missing)}" if result.missing else "")
        )
        for finding in result.findings:
            typer.echo(f"       {finding.rule}: {finding.message}")
        for problem in result.problems:
            typer.echo(f"       {problem}")
    failed = sum(1 for result in results if not result.passed)
    typer.echo(f"{len(results) - failed} passed, {failed} failed")
    silent = uncovered(rules, results)
    if silent:
        typer.echo(f"no passing test expects these rules to fire: {', '.join(silent)}")
    raise typer.Exit(ExitCode.FINDINGS if failed else ExitCode.OK)


@rules_app.command("docs")
def docs_command(
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here (default: stdout)."),
) -> None:
    """Print the rule-kind reference (Markdown): what each kind checks, its options, the placeholders its
    message may use, the built-in checks it switches off, and an example. Generated from the code, so it
    matches the installed version (docs/rule-kinds.md is the same text).

    Example: timeline rules docs -o rule-kinds.md
    """
    text = render_reference()
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_text_atomic(output, text)
