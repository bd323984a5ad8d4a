"""builtin/past-after-publication: an article reports as past something it dates after its own publication."""

from __future__ import annotations

from timeline.check.dates import mention_interval, publication_interval
from timeline.check.models import Finding, Severity
from timeline.check.rulebase import CheckContext, dated_evidence

ID = "builtin/past-after-publication"
SEVERITY: Severity = "warning"
DESCRIPTION = "A past-tense event dated after the publication of the article that reports it."


def check(context: CheckContext, severity: Severity) -> list[Finding]:
    findings = []
    for event in context.timeline.events:
        for mention in event.mentions:
            claim = mention_interval(mention)
            document = context.documents.get(mention.doc)
            published = publication_interval(document) if document else None
            if mention.tense != "past" or claim is None or published is None:
                continue
            if claim.earliest > published.latest:  # even the latest possible publication day is earlier
                findings.append(
                    Finding(
                        rule=ID,
                        severity=severity,
                        message=f"{mention.doc} reports {event.title} as past but dates it {claim}, "
                        f"after its publication ({published})",
                        event=event.id,
                        evidence=[dated_evidence(mention, claim)],
                    )
                )
    return findings
