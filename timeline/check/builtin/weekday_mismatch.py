"""builtin/weekday-mismatch: a written weekday that is not the weekday of the date beside it
("Thursday, June 6, 2026": June 6, 2026 is a Saturday). The tagger marks these on the time expression.

Only time expressions that date an event mention reach the timeline, so a mismatch elsewhere in an
article is not seen here.
"""

from __future__ import annotations

from datetime import date

from timeline.check.models import Evidence, Finding, Severity
from timeline.check.rulebase import CheckContext

ID = "builtin/weekday-mismatch"
SEVERITY: Severity = "warning"
DESCRIPTION = "A weekday that disagrees with the date it is written with."


def check(context: CheckContext, severity: Severity) -> list[Finding]:
    seen: set[tuple[str, int]] = set()
    findings = []
    for event in context.timeline.events:
        for mention in event.mentions:
            timex = mention.timex
            if timex is None or not timex.weekday_mismatch or (mention.doc, timex.start) in seen:
                continue
            seen.add((mention.doc, timex.start))
            actual = ""
            if timex.earliest and timex.earliest == timex.latest:
                actual = f" ({timex.earliest} is a {date.fromisoformat(timex.earliest):%A})"
            findings.append(
                Finding(
                    rule=ID,
                    severity=severity,
                    message=f"'{timex.text}': the weekday does not match the date{actual}",
                    event=event.id,
                    evidence=[
                        Evidence(
                            doc=mention.doc,
                            path=mention.path,
                            line=mention.line,
                            column=mention.column,
                            quote=mention.quote,
                            value=timex.value,
                        )
                    ],
                )
            )
    return findings
