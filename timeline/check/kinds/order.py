"""`order`: one event must come before (or after) another, optionally by an exact gap.

- id: report-then-post
  kind: order
  event: openai-governance-report
  before: anthropic-pause-post
  gap: P1D            # exactly one day before (omit: any time before)
  tolerance: P0D      # slack on the gap
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import ValidationInfo, field_validator, model_validator

from timeline.check.dates import Interval, event_interval, shift
from timeline.check.models import Evidence, Finding
from timeline.check.rulebase import CheckContext, Duration, EventId, RuleBase, event_evidence, known_event
from timeline.chronology.models import Event


class OrderRule(RuleBase):
    PLACEHOLDERS: ClassVar[dict[str, str]] = {
        "a": "the title of the rule's event",
        "b": "the title of the event it is ordered against",
        "relation": "'before' or 'after', with the gap if one is set ('P1D before')",
        "gap": "the gap, if set",
        "a_date": "the dates of the rule's event",
        "b_date": "the dates of the other event",
    }
    DEFAULT_MESSAGE: ClassVar[str] = "{a} ({a_date}) should come {relation} {b} ({b_date})"

    kind: Literal["order"]
    event: EventId
    before: str | None = None
    after: str | None = None
    gap: Duration | None = None
    tolerance: Duration = "P0D"

    @field_validator("before", "after")
    @classmethod
    def _known(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else known_event(value, info)

    @model_validator(mode="after")
    def _one_relation(self) -> OrderRule:
        if (self.before is None) == (self.after is None):
            raise ValueError("an order rule needs exactly one of 'before: <event>' or 'after: <event>'")
        return self

    def _violated(self, first: Interval, second: Interval) -> bool:
        """`first` must precede `second`: violated only when the intervals rule it out."""
        if self.gap is not None:
            return not first.shifted(self.gap).widened(self.tolerance).overlaps(second)
        return first.earliest > shift(second.latest, self.tolerance)

    def evaluate(self, context: CheckContext) -> list[Finding]:
        other = self.before or self.after
        relation = "before" if self.before else "after"
        if self.gap:
            relation = f"{self.gap} {relation}"
        firsts = [
            (a, date) for a in context.events(self.event) if (date := event_interval(a.date)) is not None
        ]
        seconds = [(b, date) for b in context.events(other) if (date := event_interval(b.date)) is not None]
        quoted: dict[str, list[Evidence]] = {}  # built once per event, only for events in a finding

        def quotes(event: Event) -> list[Evidence]:
            if event.id not in quoted:
                quoted[event.id] = event_evidence(event)
            return quoted[event.id]

        findings = []
        for a, a_date in firsts:
            for b, b_date in seconds:
                first, second = (a_date, b_date) if self.before else (b_date, a_date)
                if self._violated(first, second):
                    findings.append(
                        self.finding(
                            a,
                            quotes(a) + quotes(b),
                            a=a.title,
                            b=b.title,
                            relation=relation,
                            gap=self.gap or "",
                            a_date=str(a_date),
                            b_date=str(b_date),
                        )
                    )
        return findings
