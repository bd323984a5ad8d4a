"""What every command does for the person at the terminal: --quiet/--verbose, the terminal's width,
FORCE_COLOR/NO_COLOR, shell completion, an empty corpus, options that cannot go together."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import typer.main
from typer.testing import CliRunner, Result

from timeline.cli import app

ROOT = Path(__file__).resolve().parents[2]
FAST = ["--no-cache", "--jobs", "1"]
SEEDS = [str(ROOT / "corpus"), "--rules", str(ROOT / "rules")]


def run(*args: str, **env: str) -> Result:
    return CliRunner().invoke(app, list(args), env={"GITHUB_ACTIONS": "", "COLUMNS": "", **env})


def _commands(command: object, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], object]]:
    found = [(path, command)]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        found += _commands(sub, (*path, name))
    return found


def test_every_command_takes_quiet_and_verbose() -> None:
    commands = [(path, command) for path, command in _commands(typer.main.get_command(app)) if path]
    commands = [(path, command) for path, command in commands if not getattr(command, "commands", None)]
    assert len(commands) > 8
    for path, _ in commands:
        shown = run(*path, "--help", COLUMNS="200")
        assert shown.exit_code == 0, (path, shown.output)
        assert "-q, --quiet" in shown.stdout and "-v, --verbose" in shown.stdout, path


def test_quiet_build_prints_nothing_but_writes_and_verbose_says_what_it_read(tmp_path: Path) -> None:
    output = tmp_path / "t.json"
    quiet = run("build", *SEEDS, "-o", str(output), "--quiet", *FAST)
    assert quiet.exit_code == 0 and output.is_file()
    assert quiet.stdout == "" and quiet.stderr == ""
    verbose = run("-v", "build", *SEEDS, "-o", str(output), *FAST)
    assert "read 5 document(s) from" in verbose.stderr and "timeline written to" in verbose.stdout
    assert run("rules", "test", str(ROOT / "rules"), "-q").stdout.splitlines()[0].endswith("passed, 0 failed")


def test_tables_fit_the_terminal_width(tmp_path: Path) -> None:
    check = run("check", *SEEDS, *FAST, COLUMNS="80")
    lines = check.stdout.splitlines()
    assert check.exit_code == 1 and lines
    assert max(len(line) for line in lines) <= 80
    assert "30 days to review" in check.stdout or "giving the government 30" in check.stdout
    build = run("build", *SEEDS, "-o", str(tmp_path / "t.json"), *FAST, COLUMNS="80")
    *summary, written = build.stdout.splitlines()
    assert written.startswith("timeline written to ") and max(len(line) for line in summary) <= 80
    wide = run("check", *SEEDS, *FAST)  # no terminal, no COLUMNS: full width, for logs and files
    assert max(len(line) for line in wide.stdout.splitlines()) > 80


def test_force_color_and_no_color() -> None:
    story = [str(ROOT / "tests/check/stories/riverside-ward/contradiction"), "--rules"]
    story.append(str(ROOT / "tests/check/stories/riverside-ward/rules"))
    assert "\x1b[" not in run("check", *story, *FAST).stdout  # not a terminal
    assert "\x1b[" in run("check", *story, *FAST, FORCE_COLOR="1").stdout
    assert "\x1b[" not in run("check", *story, *FAST, FORCE_COLOR="1", NO_COLOR="1").stdout


def test_an_empty_corpus_is_warned_about(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    for command in ("build", "check", "export"):
        result = run(command, str(tmp_path / "empty"), "--rules", str(tmp_path), *FAST)
        assert result.exit_code == 0, (command, result.output)
        assert f"warning: no articles in {tmp_path / 'empty'}" in result.stderr, command


def test_options_that_cannot_go_together_are_refused(tmp_path: Path) -> None:
    both = run(
        "check", *SEEDS, "--baseline", str(tmp_path / "b.json"), "--write-baseline", str(tmp_path / "b.json")
    )
    assert both.exit_code == 2
    assert "--baseline and --write-baseline cannot be used together" in both.stderr
    assert not (tmp_path / "b.json").exists()
    mixed = run("export", str(ROOT / "corpus"), "--from", str(tmp_path / "t.json"))
    assert mixed.exit_code == 2 and "either CORPUS or --from" in mixed.stderr


def test_shell_completion_completes_commands_and_choices() -> None:
    timeline = str(Path(sys.executable).with_name("timeline"))

    def complete(words: str) -> list[str]:
        env = {**os.environ, "_TIMELINE_COMPLETE": "complete_bash", "COMP_WORDS": words}
        env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
        done = subprocess.run([timeline], env=env, capture_output=True, text=True, check=False, timeout=60)
        return done.stdout.split()

    assert complete("timeline ex") == ["export"]
    assert set(complete("timeline export --format ")) >= {"markdown", "html", "csv", "timelinejs", "json"}
    script = subprocess.run(
        [timeline, "--show-completion", "bash"], capture_output=True, text=True, check=False
    )
    assert "_timeline_completion" in script.stdout
