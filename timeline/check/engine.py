"""Run the rules and the built-in checks over a timeline: one deterministic Report."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence

from timeline.check.builtin import BUILTIN_CHECKS
from timeline.check.models import SEVERITY_RANK, Evidence, Finding, Report, Severity, Summary
from timeline.check.rulebase import CheckContext, RuleBase
from timeline.chronology.models import Timeline

OFF = "off"
FINGERPRINT_VERSION = 2  # bump when what goes into a fingerprint changes: baselines must be rewritten
_WORD = re.compile(r"\w+")


def run_checks(
    timeline: Timeline, rules: Sequence[RuleBase], overrides: dict[str, str] | None = None
) -> Report:
    """Findings of every rule and built-in check, with `overrides` (rule id -> off/error/warning/info)."""
    overrides = overrides or {}
    context = CheckContext.of(timeline)
    # A catalogued event's type names it for good; a generated event id may change with any edit.
    subjects = {event.id: event.type for event in timeline.events}
    findings: list[Finding] = []
    for rule in rules:
        severity = overrides.get(rule.id, rule.severity)
        if severity != OFF:
            findings.extend(_with_severity(rule.evaluate(context), severity))
    # An event a rule watches would be reported twice by the built-in check the rule replaces (a date-agree
    # rule and builtin/date-conflict); a rule turned off means those findings are not wanted, not that the
    # built-in should step in.
    switched_off = {
        (builtin_id, event.id)
        for rule in rules
        for builtin_id in rule.SWITCHES_OFF
        for event in context.events(rule.event_ref)
    }
    for builtin in BUILTIN_CHECKS:
        severity = overrides.get(builtin.id, builtin.severity)
        if severity == OFF:
            continue
        found = [
            finding
            for finding in builtin.check(context, builtin.severity)
            if (builtin.id, finding.event) not in switched_off
        ]
        findings.extend(_with_severity(found, severity))
    return make_report(
        finding.model_copy(update={"fingerprint": fingerprint(finding, subjects.get(finding.event or ""))})
        for finding in findings
    )


def _with_severity(findings: Iterable[Finding], severity: str) -> list[Finding]:
    level: Severity = "error" if severity == "error" else "warning" if severity == "warning" else "info"
    return [finding.model_copy(update={"severity": level}) for finding in findings]


def _evidence_key(item: Evidence) -> tuple[str, str, int, int, str, str]:
    return (item.doc, item.path, item.line, item.column, item.quote, item.value or "")


def _claim(item: Evidence) -> str:
    """What one side says, as words: its quote (else its value), casefolded, punctuation and spacing dropped,
    so a repaired quote mark or a re-wrapped line is the same claim."""
    return " ".join(_WORD.findall((item.quote or item.value or "").casefold()))


def fingerprint(finding: Finding, subject: str | None = None) -> str:
    """A finding's identity across runs: its rule, the catalogued event it is about (`subject`, if any) and
    what each document claims. Never a line, a column, a resolved date or a generated event id, so
    inserting or editing text elsewhere in an article does not make an accepted finding look new. Any
    check's findings get one from their evidence alone."""
    claims = sorted({(item.doc, _claim(item)) for item in finding.evidence})
    said = claims if claims else [("", " ".join(_WORD.findall(finding.message.casefold())))]
    payload = json.dumps([FINGERPRINT_VERSION, finding.rule, subject, said], separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()[:20]


def _unique_fingerprints(findings: list[Finding]) -> None:
    """Findings that claim the same (one rule over the same sentences) get ".2", ".3" … in report order."""
    seen: dict[str, int] = {}
    for finding in findings:
        seen[finding.fingerprint] = count = seen.get(finding.fingerprint, 0) + 1
        if count > 1:
            finding.fingerprint = f"{finding.fingerprint}.{count}"


def make_report(findings: Iterable[Finding], baselined: int = 0) -> Report:
    """Sorted (severity, rule, event, evidence), evidence sorted and deduplicated, fingerprints set (those
    `run_checks` gave are kept) and unique."""
    finished = []
    for finding in findings:
        unique = {_evidence_key(item): item for item in finding.evidence}
        evidence = [unique[key] for key in sorted(unique)]
        finished.append(finding.model_copy(update={"evidence": evidence}))
        finished[-1].fingerprint = finished[-1].fingerprint or fingerprint(finished[-1])
    finished.sort(
        key=lambda f: (
            -SEVERITY_RANK[f.severity],
            f.rule,
            f.event or "",
            [_evidence_key(item) for item in f.evidence],
            f.message,
        )
    )
    _unique_fingerprints(finished)
    counts = {level: sum(1 for f in finished if f.severity == level) for level in SEVERITY_RANK}
    summary = Summary(
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
        total=len(finished),
        baselined=baselined,
    )
    return Report(findings=finished, summary=summary)


def without_baseline(report: Report, known: set[str]) -> Report:
    """The report minus the findings whose fingerprints a baseline lists."""
    kept = [finding for finding in report.findings if finding.fingerprint not in known]
    return make_report(kept, baselined=len(report.findings) - len(kept) + report.summary.baselined)


def at_or_above(report: Report, level: str) -> bool:
    return any(SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[level] for finding in report.findings)
