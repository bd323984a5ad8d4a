"""`tests:` blocks of rules, run through the real pipeline (corpus → tag → events → merge → check).

Each test's texts become a JSONL corpus in a temporary folder, so a rule is tested exactly as a user's
articles would be: if the catalog's triggers or the tagger miss the wording, the test fails. The caller
passes the pipeline's build (`BuildTimeline`), so the check stage does not import the orchestrator above it.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.check.engine import run_checks
from timeline.check.models import Finding
from timeline.check.rulebase import RuleBase, RuleTest
from timeline.chronology.models import Timeline
from timeline.diagnostics import InputProblem

# (corpus files, rules folder) -> the merged timeline and the input problems met on the way
BuildTimeline = Callable[[list[Path], Path], tuple[Timeline, list[InputProblem]]]


@dataclass
class RuleTestResult:
    rule: str
    number: int  # 1-based position in the rule's tests
    name: str
    expected: list[str]
    fired: list[str]
    findings: list[Finding] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Exactly the expected rules fire (the folder's rules and the built-in checks alike: a rule that
        fires unexpectedly fails the test as surely as one that stays silent), and the texts were readable."""
        return not self.problems and set(self.expected) == set(self.fired)

    @property
    def unexpected(self) -> list[str]:
        return sorted(set(self.fired) - set(self.expected))

    @property
    def missing(self) -> list[str]:
        return sorted(set(self.expected) - set(self.fired))


def _corpus_lines(test: RuleTest) -> str:
    records = []
    for doc in test.docs:
        record: dict[str, str] = {"id": doc.id, "text": doc.text}
        dct = test.doc_dct(doc)
        if dct is not None:
            record["published"] = dct.isoformat()
        if doc.source:
            record["source"] = doc.source
        records.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(records) + "\n"


def run_rule_test(
    rule: RuleBase, number: int, rules: list[RuleBase], rules_dir: Path, build: BuildTimeline
) -> RuleTestResult:
    test = rule.tests[number - 1]
    with tempfile.TemporaryDirectory(prefix="timeline-rule-test-") as folder:
        corpus = Path(folder) / f"{rule.id}-{number}.jsonl"
        corpus.write_text(_corpus_lines(test), encoding="utf-8")
        timeline, problems = build([corpus], rules_dir)
    report = run_checks(timeline, rules)
    return RuleTestResult(
        rule=rule.id,
        number=number,
        name=test.name or "",
        expected=sorted(test.expect),
        fired=sorted({finding.rule for finding in report.findings}),
        findings=report.findings,
        problems=problems,
    )


def run_rule_tests(rules: list[RuleBase], rules_dir: Path, build: BuildTimeline) -> list[RuleTestResult]:
    return [
        run_rule_test(rule, number, rules, rules_dir, build)
        for rule in sorted(rules, key=lambda r: r.id)
        for number in range(1, len(rule.tests) + 1)
    ]


def uncovered(rules: list[RuleBase], results: list[RuleTestResult]) -> list[str]:
    """Rules that no passing test expects to fire (whichever rule the test sits under): a rule nobody has
    seen fire may never fire."""
    covered = {rule_id for result in results if result.passed for rule_id in result.expected}
    return sorted(rule.id for rule in rules if rule.id not in covered)
