"""`exclusive`: terms that must not be claimed together of one event, across sources or within one.

- id: voluntary-or-mandatory
  kind: exclusive
  event: executive-order
  values: [voluntary, mandatory-review]   # attribute values (vocabulary) of the event
  scope: within                           # one article claims both; "across": any articles together
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, model_validator

from timeline.check.models import Evidence, Finding
from timeline.check.rulebase import CheckContext, EventId, RuleBase, catalog_from, evidence, suggest


class ExclusiveRule(RuleBase):
    PLACEHOLDERS: ClassVar[dict[str, str]] = {
        "values": "the terms claimed together, joined by 'and'",
        "docs": "the articles that claim them",
    }
    DEFAULT_MESSAGE: ClassVar[str] = "{event} is claimed to be both {values} ({docs})"

    kind: Literal["exclusive"]
    event: EventId
    values: list[str] = Field(min_length=2, description="Vocabulary values that exclude each other.")
    scope: Literal["across", "within"] = Field(
        "across", description="across: any articles together claim both; within: one article claims both."
    )

    @model_validator(mode="after")
    def _known_values(self, info: ValidationInfo) -> ExclusiveRule:
        catalog = catalog_from(info)
        spec = catalog.get(self.event) if catalog else None
        if spec is None:
            return self
        vocabulary = {value for values in spec.attributes.values() for value in values}
        for value in self.values:
            if value not in vocabulary:
                raise ValueError(
                    f"values: '{value}' is no attribute value of event '{self.event}'"
                    + suggest(value, vocabulary)
                )
        return self

    def evaluate(self, context: CheckContext) -> list[Finding]:
        wanted = set(self.values)
        findings = []
        for event in context.events(self.event):
            by_doc: dict[str, list[tuple[Evidence, set[str]]]] = {}
            for mention in event.mentions:
                claimed = wanted & (set(mention.terms) | set(mention.attributes.values()))
                if claimed:
                    item = evidence(mention, ", ".join(sorted(claimed)))
                    by_doc.setdefault(mention.doc, []).append((item, claimed))
            if self.scope == "within":
                groups = [
                    claims for claims in by_doc.values() if len(set().union(*(c for _, c in claims))) > 1
                ]
            else:
                every = [claim for claims in by_doc.values() for claim in claims]
                groups = [every] if len(set().union(*(c for _, c in every))) > 1 else []
            for claims in groups:
                together = sorted(set().union(*(c for _, c in claims)))
                docs = sorted({item.doc for item, _ in claims})
                findings.append(
                    self.finding(
                        event,
                        [item for item, _ in claims],
                        values=" and ".join(f"'{value}'" for value in together),
                        docs=", ".join(docs),
                    )
                )
        return findings
