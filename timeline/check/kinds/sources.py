"""`sources`: a claim carried by fewer than `min` independent sources (outlets; an article without an
outlet counts as its own source). Info by default: a thin claim is worth a look, not an error.

    - id: single-source-imposer
      kind: sources
      event: blacklist-takes-effect     # omit: every catalogued event
      attribute: imposer                # omit: the event itself; `values:` as in `agree`
      values: {pentagon: [Pentagon], white-house: [White House]}
      min: 2
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, field_validator

from timeline.check.kinds.claims import ClaimsMixin
from timeline.check.models import Finding, Severity
from timeline.check.rulebase import CheckContext, EventRuleMixin, RuleBase, evidence, known_event
from timeline.events.models import Mention


class SourcesRule(ClaimsMixin, EventRuleMixin, RuleBase):
    PLACEHOLDERS: ClassVar[dict[str, str]] = {
        "count": "how many independent sources carry the claim",
        "min": "the minimum the rule asks for",
        "value": "' (attribute: value)' for an attribute's value, empty for the event itself",
        "attribute": "the attribute, if any",
        "sources": "the outlets (or articles) that carry it",
    }
    DEFAULT_MESSAGE: ClassVar[str] = "{event}{value} rests on {count} source(s), fewer than {min}: {sources}"

    kind: Literal["sources"]
    severity: Severity = "info"
    event: str | None = Field(None, description="The catalog event (omit: every catalogued event).")
    min: int = Field(2, ge=2, description="How many independent sources a claim needs.")

    @field_validator("event")
    @classmethod
    def _known(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else known_event(value, info)

    def evaluate(self, context: CheckContext) -> list[Finding]:
        findings = []
        for event in context.events(self.event):
            claims: dict[str, list[Mention]] = {}
            for mention in event.mentions:
                for value in self.claims(mention) if self.attribute or self.role else [""]:
                    claims.setdefault(value, []).append(mention)
            for value, mentions in sorted(claims.items()):
                sources = sorted({context.source_of(mention.doc) for mention in mentions})
                if len(sources) < self.min:
                    findings.append(
                        self.finding(
                            event,
                            [evidence(mention, value or None) for mention in mentions],
                            count=len(sources),
                            min=self.min,
                            value=f" ({self.attribute or self.role}: {value})" if value else "",
                            attribute=self.attribute or self.role or "",
                            sources=", ".join(sources),
                        )
                    )
        return findings
