"""README's worked example, through the real CLI: a story of three articles (tests/stories/ferry-terminal)
with a number one outlet changed, a number only one outlet gives, and an outlet that tells two events of
one day the other way round; its rules file (under 40 lines, shown verbatim in the README) flags all three
and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from timeline.cli import app

ROOT = Path(__file__).resolve().parents[2]
STORY = ROOT / "tests" / "stories" / "ferry-terminal"


def test_the_worked_example_flags_its_three_facts() -> None:
    rules = STORY / "rules" / "ferry.yaml"
    args = [
        "check",
        str(STORY / "articles"),
        "--rules",
        str(rules),
        "--format",
        "json",
        "--no-cache",
        "-j",
        "1",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output  # an error-level finding
    report = json.loads(result.stdout)
    found = [
        (finding["rule"], finding["severity"], sorted({item["doc"] for item in finding["evidence"]}))
        for finding in report["findings"]
    ]
    assert found == [
        ("contract-value", "error", ["bay-ledger", "harbor-courier", "island-post"]),
        ("repair-length", "warning", ["bay-ledger"]),
        ("walkout-after-vote", "warning", ["island-post"]),
    ]
    values = {item["doc"]: item["value"] for item in report["findings"][0]["evidence"]}
    assert values["island-post"] == '39,000,000 USD ("$39 million")'
    assert "according to island-post" in report["findings"][2]["message"]


def test_the_readme_shows_the_rules_file_as_tested() -> None:
    text = (STORY / "rules" / "ferry.yaml").read_text(encoding="utf-8")
    assert len(text.splitlines()) < 40
    body = text.split("\n", 1)[1]  # the file's first line points back at the README
    assert body in (ROOT / "README.md").read_text(encoding="utf-8")
