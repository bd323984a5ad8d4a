"""What the commands share: where the corpus and rules are, the pipeline options, reporting problems."""

from __future__ import annotations

from pathlib import Path

import typer

from timeline.check import load_rules
from timeline.check.rulebase import RuleBase
from timeline.check.sarif import SourceRoot
from timeline.cli.output import detail
from timeline.config import Config
from timeline.diagnostics import InputProblem
from timeline.events import load_catalog, load_rule_files
from timeline.pipeline import BuildResult

DEFAULT_CORPUS = Path("corpus")
DEFAULT_RULES = Path("rules")

CORPUS_ARGUMENT = typer.Argument(
    None,
    help="Files or folders of articles (default: `corpus` from the config file, else ./corpus).",
    show_default=False,
)
RULES_OPTION = typer.Option(
    None,
    "--rules",
    "-r",
    help="Folder (or file) of rule files with the event catalog (default: config `rules`, else ./rules).",
)
JOBS_OPTION = typer.Option(None, "--jobs", "-j", help="Worker processes (default: every core).")
NO_CACHE_OPTION = typer.Option(False, "--no-cache", help="Analyse every document again, ignoring the cache.")
CACHE_DIR_OPTION = typer.Option(None, "--cache-dir", help="Where per-document results are cached.")
EXECUTOR_OPTION = typer.Option("local", "--executor", help="local (processes on this machine) or dask.")
SCHEDULER_OPTION = typer.Option(None, "--scheduler", help="Dask scheduler address, with --executor dask.")
FOLLOW_SYMLINKS_OPTION = typer.Option(
    False,
    "--follow-symlinks",
    help="Also read symlinks that point outside the corpus folder (by default: skipped, with a warning).",
)
MAX_DOCUMENT_SIZE_OPTION = typer.Option(
    None,
    "--max-document-size",
    help="Refuse documents (files, JSONL records) larger than this, e.g. 50MB. Default: 10MB.",
    show_default=False,
)


def report_problems(problems: list[InputProblem]) -> None:
    for problem in problems:
        typer.echo(str(problem), err=True)


def corpus_paths(given: list[Path] | None, config: Config) -> list[Path]:
    """The CORPUS arguments, else the config's `corpus`, else ./corpus."""
    return list(given) if given else [config.corpus or DEFAULT_CORPUS]


def rules_folder(given: Path | None, config: Config) -> Path | None:
    """--rules, else the config's `rules`, else ./rules when it exists (a missing default is no error)."""
    if given is not None:
        return given
    if config.rules is not None:
        return config.rules
    return DEFAULT_RULES if DEFAULT_RULES.is_dir() else None


def source_root(config: Config, start: Path | None = None) -> SourceRoot:
    """What SARIF URIs and GitHub annotation paths are relative to, wherever timeline runs from: the
    repository around the working folder (the nearest folder with `.git`), else the config file's folder,
    else the working folder."""
    here = start or Path.cwd()
    for folder in [here, *here.parents]:
        if (folder / ".git").exists():
            return SourceRoot.of(folder)
    return SourceRoot.of(config.source.parent if config.source else here)


def load_rule_folder(folder: Path | None) -> tuple[list[RuleBase], list[InputProblem]]:
    """The rules of a folder (or file) of rule YAML, checked against its event catalog."""
    files, file_problems = load_rule_files(folder)
    catalog, catalog_problems = load_catalog(files)
    rules, rule_problems = load_rules(files, catalog)
    return rules, [*file_problems, *catalog_problems, *rule_problems]


def warn_if_empty(paths: list[Path], result: BuildResult) -> None:
    """Say what was read (--verbose); warn when a corpus holds no article at all, which is rarely meant."""
    timeline = result.timeline
    detail(
        f"read {len(timeline.documents)} document(s) from {', '.join(str(path) for path in paths)}: "
        f"{len(timeline.events)} event(s), {len(result.problems)} problem(s)"
    )
    if not timeline.documents and not result.problems:
        shown = ", ".join(str(path) for path in paths)
        typer.echo(
            f"warning: no articles in {shown} (timeline reads .txt, .md, .html and .jsonl files)", err=True
        )
