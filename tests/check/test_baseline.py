"""Baselines hold while articles are edited elsewhere: fingerprints come from claims, never from positions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner, Result

from timeline.check.engine import fingerprint, make_report
from timeline.check.models import Evidence, Finding
from timeline.cli import app

STORY = Path(__file__).parent / "stories" / "riverside-ward"
RULES = ["--rules", str(STORY / "rules")]
FAST = ["--no-cache", "--jobs", "1"]
# An open statement (no catalog event): its event id is generated from the text around it.
TREATY = (
    "---\ntitle: Treaty news\npublished: 2026-06-06\n---\n"
    "The treaty was signed on June 9, 2026, officials said.\n\n"
    "Leaders will meet again on June 12, 2026 to review it.\n"
)


def check(*args: str) -> Result:
    return CliRunner().invoke(app, ["check", *args, *RULES, *FAST], env={"GITHUB_ACTIONS": ""})


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_baseline_still_suppresses_the_same_findings_after_unrelated_edits(tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    shutil.copytree(STORY / "contradiction", corpus)
    (corpus / "treaty.md").write_text(TREATY, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert check(str(corpus), "--write-baseline", str(baseline)).exit_code == 0
    accepted = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    rules = sorted(entry["rule"] for entry in accepted)
    assert rules == ["builtin/past-after-publication", "closure-permanence", "vote-date"]
    before = json.loads(check(str(corpus), "--format", "json").stdout)["findings"]

    # A paragraph inserted above each finding's quotes, a sentence edited elsewhere, a quoted
    # sentence re-wrapped over two lines: every quote moves, the open statement gets a new event id.
    edit(
        corpus / "treaty.md",
        "---\nThe treaty",
        "---\nA storm hit the coast overnight, officials said.\n\nThe treaty",
    )
    edit(
        corpus / "valley-post.md",
        "---\nRiverside",
        "---\nAn editor's note: corrected on Friday.\n\nRiverside",
    )
    edit(corpus / "courier.md", "About 200 residents", "About 250 angry residents")
    edit(corpus / "metro-daily.md", "close temporarily on April 30", "close temporarily\non April 30")

    after = json.loads(check(str(corpus), "--format", "json").stdout)["findings"]
    assert [item["line"] for f in after for item in f["evidence"]] != [
        item["line"] for f in before for item in f["evidence"]
    ]
    assert {f["fingerprint"] for f in after} == {f["fingerprint"] for f in before}
    held = check(str(corpus), "--baseline", str(baseline), "--format", "json")
    assert held.exit_code == 0, held.stdout + held.stderr
    assert json.loads(held.stdout)["findings"] == []
    assert json.loads(held.stdout)["summary"]["baselined"] == 3


def _finding(rule: str = "r", event: str | None = "e-1", line: int = 3, **claim: str) -> Finding:
    side = Evidence(
        doc=claim.get("doc", "a"), path="a.txt", line=line, column=7, quote=claim.get("quote", "Q")
    )
    other = Evidence(doc="b", path="b.txt", line=1, column=1, quote="It closes for good.", value="permanent")
    return Finding(rule=rule, severity="warning", message="m", event=event, evidence=[side, other])


def test_fingerprint_ignores_positions_and_event_ids_but_not_rule_document_or_claim() -> None:
    base = fingerprint(_finding(quote="It closes, for now."), "closure")
    assert fingerprint(_finding(quote="It  closes for\nnow", line=40, event="e-9"), "closure") == base
    assert fingerprint(_finding(quote="It closes, for now.", rule="other"), "closure") != base
    assert fingerprint(_finding(quote="It closes, for now.", doc="c"), "closure") != base
    assert fingerprint(_finding(quote="It closes for a year."), "closure") != base
    assert fingerprint(_finding(quote="It closes, for now."), "vote") != base


def test_findings_that_claim_the_same_get_distinct_fingerprints() -> None:
    report = make_report([_finding(event="e-1"), _finding(event="e-2")])
    first, second = (finding.fingerprint for finding in report.findings)
    assert second == first + ".2"
