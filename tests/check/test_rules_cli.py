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


def test_a_phrase_no_sentence_matches_gets_a_located_warning(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "events:\n"
        "  contract:\n"
        "    title: The repair contract\n"
        "    triggers: [sign ... contract, sigend the deal]\n"
        "    attributes:\n"
        "      kind: {repair: [repair contract], demolition: [demolition contract]}\n"
        "rules:\n"
        "  - id: kind\n"
        "    kind: agree\n"
        "    event: contract\n"
        "    attribute: kind\n",
        encoding="utf-8",
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "The council signed the $38 million repair contract on Monday.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["rules", "list", str(rules), "--corpus", str(corpus)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{rules}:4:35: warning: event 'contract': trigger 'sigend the deal' matches no sentence of the "
        "corpus",
        f"{rules}:6:54: warning: event 'contract': kind 'demolition' phrase 'demolition contract' matches no "
        "sentence of the corpus",
    ]
    # rules test reads the tests' texts too: here the corpus has none of the phrases, the test has one
    (corpus / "a.txt").write_text("Nothing to see.\n", encoding="utf-8")
    rules.write_text(
        rules.read_text(encoding="utf-8")
        + "    tests:\n      - docs: [{id: a, text: The council sigend the deal on Monday.}]\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["rules", "test", str(rules), "--corpus", str(corpus)])
    warned = [line.split(": warning: ")[1] for line in result.stderr.splitlines()]
    assert "event 'contract': trigger 'sign ... contract' matches no sentence of the corpus" in warned
    assert not any("sigend" in line for line in warned)
