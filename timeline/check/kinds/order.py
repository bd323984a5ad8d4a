"""`order`: one event must come before (or after) another, optionally by an exact gap.

Checked twice: on the merged timeline (the dates every source together gives each event), and as each
article tells it: an article whose own dates for the two events run the other way is a finding even when
the merged dates agree. Times of day order two events of the same day ("the vote at 10:00, the walkout
at 14:00"; "Tuesday morning" comes before "2 p.m. Tuesday").

- id: report-then-post
  kind: order
  event: openai-governance-report
  before: anthropic-pause-post
  gap: P1D            # exactly one day before (omit: any time before)
  tolerance: P0D      # slack on the gap
  per-source: true    # also each article's own telling (default)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from timeline.check.dates import (
    Interval,
    event_interval,
    mention_interval,
    mention_time_of_day,
    shift,
    time_of_day,
)
from timeline.check.models import Evidence, Finding
from timeline.check.rulebase import (
    CheckContext,
    Duration,
    EventId,
    RuleBase,
    dated_evidence,
    event_evidence,
    known_event,
)
from timeline.chronology.models import Event

Hours = tuple[float, float]


@dataclass(frozen=True)
class Told:
    """When an event happened, as the merged timeline or one article tells it: days, and hours if known."""

    days: Interval
    hours: Hours | None = None

    def __str__(self) -> str:
        if self.hours is None or self.days.earliest != self.days.latest:
            return str(self.days)
        start, end = (f"{int(hour):02d}:{round(hour % 1 * 60):02d}" for hour in self.hours)
        return f"{self.days} {start}" if start == end else f"{self.days} {start}-{end}"


class OrderRule(RuleBase):
    PLACEHOLDERS: ClassVar[dict[str, str]] = {
        "a": "the title of the rule's event",
        "b": "the title of the event it is ordered against",
        "relation": "'before' or 'after', with the gap if one is set ('P1D before')",
        "gap": "the gap, if set",
        "a_date": "the dates of the rule's event (as the merged timeline, or the article, tells them)",
        "b_date": "the dates of the other event",
        "told_by": "' according to <article>' when one article's own dates run the other way, else empty",
    }
    DEFAULT_MESSAGE: ClassVar[str] = "{a} ({a_date}) should come {relation} {b} ({b_date}){told_by}"

    kind: Literal["order"]
    event: EventId
    before: str | None = Field(None, description="The event this one must come before (an event id).")
    after: str | None = Field(None, description="The event this one must come after (an event id).")
    gap: Duration | None = Field(
        None, description="Exactly this long before/after (ISO 8601 duration); omit: any time."
    )
    tolerance: Duration = Field("P0D", description="Slack on the order or the gap (ISO 8601 duration).")
    per_source: bool = Field(
        True,
        alias="per-source",
        description="Also report an article whose own dates for the two events run the other way.",
    )

    @field_validator("before", "after")
    @classmethod
    def _known(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else known_event(value, info)

    @model_validator(mode="after")
    def _one_relation(self) -> OrderRule:
        if (self.before is None) == (self.after is None):
            raise ValueError("an order rule needs exactly one of 'before: <event>' or 'after: <event>'")
        return self

    def _violated(self, first: Told, second: Told) -> bool:
        """`first` must precede `second`: violated only when the intervals (and hours) rule it out."""
        if self.gap is not None:
            return not first.days.shifted(self.gap).widened(self.tolerance).overlaps(second.days)
        if first.days.earliest > shift(second.days.latest, self.tolerance):
            return True
        same_day = first.days == second.days and first.days.earliest == first.days.latest
        if same_day and self.tolerance == "P0D" and first.hours and second.hours:
            return first.hours[0] > second.hours[1]
        return False

    def evaluate(self, context: CheckContext) -> list[Finding]:
        other = self.before or self.after
        firsts = [(a, told) for a in context.events(self.event) if (told := _merged(a)) is not None]
        seconds = [(b, told) for b in context.events(other) if (told := _merged(b)) is not None]
        quoted: dict[str, list[Evidence]] = {}  # built once per event, only for events in a finding

        def quotes(event: Event) -> list[Evidence]:
            if event.id not in quoted:
                quoted[event.id] = event_evidence(event)
            return quoted[event.id]

        findings = []
        for a, a_told in firsts:
            for b, b_told in seconds:
                if self._runs_the_other_way(a_told, b_told):
                    findings.append(self._finding(a, b, quotes(a) + quotes(b), a_told, b_told, ""))
                elif self.per_source:
                    findings.extend(self._per_source(a, b))
        return findings

    def _runs_the_other_way(self, a_told: Told, b_told: Told) -> bool:
        first, second = (a_told, b_told) if self.before else (b_told, a_told)
        return self._violated(first, second)

    def _per_source(self, a: Event, b: Event) -> list[Finding]:
        """Each article that dates both events, on its own dates."""
        told_a, told_b = _by_article(a), _by_article(b)
        findings = []
        for doc in sorted(set(told_a) & set(told_b)):
            (a_told, a_quotes), (b_told, b_quotes) = told_a[doc], told_b[doc]
            if self._runs_the_other_way(a_told, b_told):
                findings.append(
                    self._finding(a, b, a_quotes + b_quotes, a_told, b_told, f" according to {doc}")
                )
        return findings

    def _finding(
        self, a: Event, b: Event, items: list[Evidence], a_told: Told, b_told: Told, told_by: str
    ) -> Finding:
        relation = "before" if self.before else "after"
        return self.finding(
            a,
            items,
            a=a.title,
            b=b.title,
            relation=f"{self.gap} {relation}" if self.gap else relation,
            gap=self.gap or "",
            a_date=str(a_told),
            b_date=str(b_told),
            told_by=told_by,
        )


def _merged(event: Event) -> Told | None:
    days = event_interval(event.date)
    return None if days is None else Told(days, time_of_day(event.date.value))


def _by_article(event: Event) -> dict[str, tuple[Told, list[Evidence]]]:
    """Per article: the days its mentions of the event share (and their hours), with its dated quotes.

    An article whose own mentions share no day contradicts itself; that is a date check's business."""
    mentions: dict[str, list[tuple[Interval, Hours | None, Evidence]]] = defaultdict(list)
    for mention in event.mentions:
        days = mention_interval(mention)
        if days is not None:
            mentions[mention.doc].append((days, mention_time_of_day(mention), dated_evidence(mention, days)))
    told = {}
    for doc, dated in mentions.items():
        earliest = max(days.earliest for days, _, _ in dated)
        latest = min(days.latest for days, _, _ in dated)
        if earliest > latest:
            continue
        hours = [hours for _, hours, _ in dated if hours is not None]
        low, high = max((h[0] for h in hours), default=0.0), min((h[1] for h in hours), default=24.0)
        shared = (low, high) if hours and low <= high else None
        told[doc] = (Told(Interval(earliest, latest), shared), [item for _, _, item in dated])
    return told
