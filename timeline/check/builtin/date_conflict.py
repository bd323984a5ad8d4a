"""builtin/date-conflict: the sources date one event by intervals that share no day."""

from __future__ import annotations

from timeline.check.dates import mention_interval
from timeline.check.models import Finding, Severity
from timeline.check.rulebase import CheckContext, event_evidence

ID = "builtin/date-conflict"
SEVERITY: Severity = "warning"
DESCRIPTION = "The sources date the same event by intervals that do not overlap."


def check(context: CheckContext, severity: Severity) -> list[Finding]:
    findings = []
    for event in context.timeline.events:
        if not event.date_conflict:
            continue
        items = event_evidence(event)
        dates = " vs ".join(
            sorted({str(interval) for m in event.mentions if (interval := mention_interval(m)) is not None})
        )
        findings.append(
            Finding(
                rule=ID,
                severity=severity,
                message=f"sources date {event.title} differently: {dates}",
                event=event.id,
                evidence=items,
            )
        )
    return findings
