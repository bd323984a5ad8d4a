"""What every export shows first: where the sources disagree.

An event is disputed when its sources date it by intervals that share no day (`date_conflict`) or when a
check finding at warning level or above is about it (a rule such as "the sources disagree on the terms", a
built-in check). Findings come from `timeline check`'s report; each of their sides (evidence) is matched to
the mention it quotes, so an export can show, per source, what it claims.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from timeline.check.models import SEVERITY_RANK, Finding, Report
from timeline.chronology.dates import event_date, parse_interval
from timeline.chronology.models import Event, Timeline
from timeline.events.models import Mention
from timeline.export.labels import date_label

DATE_CONFLICT = "the sources date it by intervals that share no day"


def mention_key(event: str, doc: str, line: int, column: int) -> tuple[str, str, int, int]:
    """A mention of an event, by where its quote starts: evidence points at mentions this way (a sentence
    can mention two events, so the event is part of the key)."""
    return (event, doc, line, column)


@dataclass
class Disputes:
    """The findings of a check report, indexed by event and by the mention each side quotes."""

    by_event: dict[str, list[Finding]] = field(default_factory=dict)
    claims: dict[tuple[str, str, int, int], list[str]] = field(default_factory=dict)
    unplaced: list[Finding] = field(default_factory=list)  # findings about no event (a document, say)
    findings: list[Finding] = field(default_factory=list)

    @classmethod
    def of(cls, report: Report | None) -> Disputes:
        disputes = cls(findings=list(report.findings) if report else [])
        by_event: dict[str, list[Finding]] = defaultdict(list)
        claims: dict[tuple[str, str, int, int], list[str]] = defaultdict(list)
        for finding in disputes.findings:
            if finding.event is None:
                disputes.unplaced.append(finding)
                continue
            by_event[finding.event].append(finding)
            for item in finding.evidence:
                said = claims[mention_key(finding.event, item.doc, item.line, item.column)]
                if item.value and item.value not in said:
                    said.append(item.value)
        disputes.by_event, disputes.claims = dict(by_event), dict(claims)
        return disputes

    def about(self, event: Event) -> list[Finding]:
        return self.by_event.get(event.id, [])

    def is_disputed(self, event: Event) -> bool:
        return event.date_conflict or any(
            SEVERITY_RANK[f.severity] >= SEVERITY_RANK["warning"] for f in self.about(event)
        )

    def reasons(self, event: Event) -> list[str]:
        """One line per reason: the date conflict, then each finding as 'rule: message'."""
        lines = [DATE_CONFLICT] if event.date_conflict else []
        return lines + [
            f"{finding.rule} ({finding.severity}): {finding.message}" for finding in self.about(event)
        ]

    def claims_of(self, event: Event, mention: Mention) -> list[str]:
        """What the findings say this mention claims ('voluntary', a date with the words that give it)."""
        return self.claims.get(mention_key(event.id, mention.doc, mention.line, mention.column), [])


def mention_date(mention: Mention) -> str:
    """The date this one source gives, labelled like an event's ('2026-06-04', '2026-05', 'no date')."""
    interval = parse_interval(mention.earliest, mention.latest)
    return date_label(event_date(interval)) if interval is not None else "no date"


def outlet_names(timeline: Timeline) -> dict[str, str]:
    """Document id -> who published it (the outlet when known, else the document id)."""
    return {document.id: document.source or document.id for document in timeline.documents}
