"""`timeline rules test` and `timeline rules list` through the real CLI."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from timeline.cli import app

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent


def test_seed_rule_tests_pass_and_every_rule_fires_in_some_test() -> None:
    result = CliRunner().invoke(app, ["rules", "test", str(ROOT / "rules")])
    assert result.exit_code == 0, result.stdout
    assert "FAIL" not in result.stdout
    assert "no passing test expects" not in result.stdout
    assert "PASS executive-order-terms #1 (voluntary against a 30-day review)" in result.stdout


def test_second_story_rule_tests_pass() -> None:
    result = CliRunner().invoke(app, ["rules", "test", str(HERE / "stories" / "riverside-ward" / "rules")])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "5 passed, 0 failed"


def test_failing_rule_test_exits_1_and_names_silent_rules() -> None:
    result = CliRunner().invoke(app, ["rules", "test", str(HERE / "rule_tests" / "failing.yaml")])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        "FAIL terms #1 (wrongly expects a finding): expected ['terms'], fired nothing; did not fire: terms"
        in lines
    )
    assert "PASS order-date #1" in lines
    assert "1 passed, 1 failed" in lines
    assert lines[-1] == "no passing test expects these rules to fire: order-date, terms"


def test_rules_test_on_bad_rules_exits_2() -> None:
    case = HERE / "bad_rules" / "undefined-event.yaml"
    result = CliRunner().invoke(app, ["rules", "test", str(case)])
    assert result.exit_code == 2
    assert f"{case}:9:12: rules.0.event: undefined event 'oder'; did you mean 'order'?" in result.stderr


def test_rules_list_shows_rules_and_builtins() -> None:
    result = CliRunner().invoke(app, ["rules", "list", str(ROOT / "rules")])
    assert result.exit_code == 0, result.stderr
    rows = {line.split()[0]: line.split()[1:4] for line in result.stdout.splitlines()[2:]}
    assert rows["executive-order-terms"] == ["agree", "error", "executive-order"]
    assert rows["blacklist-after-refusal"] == ["order", "error", "blacklist-takes-effect"]
    assert rows["builtin/weekday-mismatch"] == ["builtin", "warning", "(all)"]
    switched = {line.split()[0]: line.split()[4] for line in result.stdout.splitlines()[2:]}
    assert switched["post-date"] == "builtin/date-conflict"  # a date-agree rule says what it replaces
    assert switched["executive-order-terms"] == "-"


def test_a_rule_that_fires_unexpectedly_fails_the_test_and_coverage_counts_any_passing_test() -> None:
    result = CliRunner().invoke(app, ["rules", "test", str(HERE / "rule_tests" / "exact.yaml")])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "PASS terms #1 (two outlets disagree)" in lines
    assert (
        "FAIL terms #2 (forgets the other rule): expected ['terms'], fired ['mixed', 'terms']; "
        "not expected: mixed"
    ) in lines
    assert "PASS terms #3 (one article says both)" in lines
    # `mixed` has no test of its own, but a passing test under `terms` expects it: it is covered.
    assert not [line for line in lines if line.startswith("no passing test expects")]
