"""`timeline rules suggest` through the real CLI: starter rule files that `rules test` passes and
`check` uses, on invented stories."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from timeline.cli import app

STORY = Path(__file__).parent.parent / "chronology" / "stories" / "northwind-filing"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_suggested_rules_name_the_event_and_pass_their_tests(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    code, output = run("rules", "suggest", str(STORY), "-o", str(rules))
    assert code == 0, output
    events = yaml.safe_load((rules / "events.yaml").read_text(encoding="utf-8"))["events"]
    ((event_id, entry),) = [(key, e) for key, e in events.items() if "bankruptcy protection" in e["triggers"]]
    assert "Northwind Freight" in entry["participants"]["named"]
    checks = yaml.safe_load((rules / "checks.yaml").read_text(encoding="utf-8"))["rules"]
    (date_rule,) = [rule for rule in checks if rule["kind"] == "date-agree" and rule["event"] == event_id]
    assert date_rule["event"] == event_id
    # one test where the articles agree, one where a moved weekday makes the rule fire
    assert [test["expect"] for test in date_rule["tests"]] == [[], [date_rule["id"]]]

    code, output = run("rules", "test", str(rules))
    assert code == 0, output
    assert ", 0 failed" in output and f"PASS {date_rule['id']} #2" in output

    # the suggested catalog event now takes the three articles' mentions
    code, output = run(
        "build", str(STORY), "--rules", str(rules), "-o", str(tmp_path / "t.json"), "--no-cache"
    )
    assert code == 0, output
    assert entry["title"][:40] in output and " *" not in output.split(entry["title"][:40])[1].split("\n")[0]

    # written once; replacing needs --force
    code, output = run("rules", "suggest", str(STORY), "-o", str(rules))
    assert code == 2 and "already exists; pass --force" in output
    assert run("rules", "suggest", str(STORY), "-o", str(rules), "--force")[0] == 0


def test_opposed_terms_become_an_attribute_with_an_agree_rule(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = {
        "a": "The Harbor Ministry asked Coastal Bank to voluntarily submit its loan books on Monday.",
        "b": "The Harbor Ministry on Monday required Coastal Bank to submit its loan books.",
    }
    for name, text in texts.items():
        (corpus / f"{name}.md").write_text(f"---\npublished: 2026-03-05\n---\n{text}\n", encoding="utf-8")
    rules = tmp_path / "rules"
    code, output = run("rules", "suggest", str(corpus), "-o", str(rules))
    assert code == 0, output
    (entry,) = yaml.safe_load((rules / "events.yaml").read_text(encoding="utf-8"))["events"].values()
    assert entry["attributes"]["voluntary-or-mandatory"] == {
        "voluntary": ["voluntarily"],
        "mandatory": ["required"],
    }
    checks = yaml.safe_load((rules / "checks.yaml").read_text(encoding="utf-8"))["rules"]
    (agree,) = [rule for rule in checks if rule["kind"] == "agree"]
    assert agree["tests"][0]["expect"] == [agree["id"]]
    code, output = run("rules", "test", str(rules))
    assert code == 0 and "0 failed" in output, output
    code, output = run("check", str(corpus), "--rules", str(rules), "--format", "json")
    assert code == 0 and agree["id"] in output, output
