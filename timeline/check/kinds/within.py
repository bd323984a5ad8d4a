"""`within`: an event's date must lie in a window, relative to each mentioning article's publication
date, to another event, or between absolute dates.

    - id: effect-after-publication       # "set to take effect" must not be dated before the article
      kind: within
      event: blacklist-takes-effect
      relative-to: publication           # or another event id; omit for absolute dates
      after: P0D                         # on or after the reference (+ duration)
      tense: [future]                    # only mentions in this tense (optional)

    - id: in-2026
      kind: within
      event: blacklist-takes-effect
      after: 2026-01-01                  # absolute: dates
      before: 2026-12-31
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from timeline.check.dates import Interval, event_interval, mention_interval, publication_interval, shift
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

PUBLICATION = "publication"
Tense = Literal["past", "present", "future"]


class WithinRule(RuleBase):
    PLACEHOLDERS: ClassVar[dict[str, str]] = {
        "reference": "'publication', the reference event's id, or 'dates'",
        "window": "the window the dates should lie in, and what it is relative to",
        "dates": "the dates found outside it",
    }
    DEFAULT_MESSAGE: ClassVar[str] = "{event} is dated {dates}, outside {window}"

    kind: Literal["within"]
    event: EventId
    relative_to: str | None = Field(
        None, alias="relative-to", description="'publication', another event id, or absent (absolute dates)."
    )
    after: date | Duration | None = Field(None, description="On or after: a duration, or a date if absolute.")
    before: date | Duration | None = Field(
        None, description="On or before: a duration, or a date if absolute."
    )
    tense: list[Tense] | None = Field(None, description="Only mentions in these tenses.")

    @field_validator("relative_to")
    @classmethod
    def _known_reference(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None or value == PUBLICATION:
            return value
        return known_event(value, info)

    @model_validator(mode="after")
    def _bounds_match_reference(self) -> WithinRule:
        if self.after is None and self.before is None:
            raise ValueError("a within rule needs 'after:' and/or 'before:'")
        relative = self.relative_to is not None
        for name, bound in (("after", self.after), ("before", self.before)):
            if bound is not None and isinstance(bound, date) == relative:
                want = "a duration such as P0D or P30D" if relative else "a date such as 2026-01-01"
                raise ValueError(
                    f"{name}: with relative-to {'set' if relative else 'absent'} it must be {want}"
                )
        return self

    def _window(self, reference: Interval | None) -> tuple[date | None, date | None]:
        """The loosest bounds the claim may reach: reference start + after, reference end + before."""
        if reference is None:
            low = self.after if isinstance(self.after, date) else None
            high = self.before if isinstance(self.before, date) else None
            return low, high
        low = shift(reference.earliest, self.after) if isinstance(self.after, str) else None
        high = shift(reference.latest, self.before) if isinstance(self.before, str) else None
        return low, high

    def _outside(self, claim: Interval, reference: Interval | None) -> bool:
        low, high = self._window(reference)
        return (low is not None and claim.latest < low) or (high is not None and claim.earliest > high)

    def _describe(self, reference: Interval | None, name: str) -> str:
        low, high = self._window(reference)
        parts = [f"on or after {low}" if low else "", f"on or before {high}" if high else ""]
        where = " and ".join(part for part in parts if part)
        return f"{where} ({name})" if name else where

    def evaluate(self, context: CheckContext) -> list[Finding]:
        findings = []
        references: list[Event | None] = [None]
        if self.relative_to not in (None, PUBLICATION):
            references = list(context.events(self.relative_to))
        for event in context.events(self.event):
            for reference_event in references:
                outside: list[Evidence] = []
                windows: set[str] = set()
                claimed: set[str] = set()
                for mention in event.mentions:
                    claim = mention_interval(mention)
                    if claim is None or (self.tense is not None and mention.tense not in self.tense):
                        continue
                    reference, name = None, ""
                    if self.relative_to == PUBLICATION:
                        document = context.documents.get(mention.doc)
                        reference = publication_interval(document) if document else None
                        if reference is None:  # an undated article: builtin/undated-article says so
                            continue
                        name = f"{mention.doc} published {reference}"
                    elif reference_event is not None:
                        reference = event_interval(reference_event.date)
                        if reference is None:
                            continue
                        name = f"{reference_event.title}: {reference}"
                    if self._outside(claim, reference):
                        outside.append(dated_evidence(mention, claim))
                        claimed.add(str(claim))
                        windows.add(self._describe(reference, name))
                if outside:
                    items = outside + (event_evidence(reference_event) if reference_event else [])
                    findings.append(
                        self.finding(
                            event,
                            items,
                            reference=self.relative_to or "dates",
                            window="; ".join(sorted(windows)),
                            dates=", ".join(sorted(claimed)),
                        )
                    )
        return findings
