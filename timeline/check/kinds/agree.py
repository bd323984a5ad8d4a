"""`agree`: every source must claim the same value of an event's attribute (or, with `expect`, the known one).

- id: order-terms
  kind: agree
  event: executive-order
  attribute: terms            # an attribute of the catalog event ...
  severity: error
  message: "Sources disagree on the terms of {event}: {values}"

- id: publication-form
  kind: agree
  event: anthropic-pause-post
  attribute: form             # ... or one the rule defines: value -> phrases found in each quote
  values:                     # (the catalog's phrase syntax: lemma-aware words, "...", {regex: RE2})
    blog-post: [blog post]
    report: [report]
  expect: blog-post           # optional: the value the desk knows; one source that differs is a finding

- id: which-court
  kind: agree
  event: bankruptcy-filing
  role: court                 # ... or an open value: the court each quote names, no vocabulary needed
  expect: Texas federal court # (compared by name: "federal court" agrees, "Delaware court" does not)
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, model_validator

from timeline.check.kinds.claims import ClaimsMixin
from timeline.check.models import Finding
from timeline.check.rulebase import (
    CheckContext,
    EventId,
    EventRuleMixin,
    RuleBase,
    catalog_from,
    evidence,
    join_values,
    suggest,
)
from timeline.events.models import Mention


class AgreeRule(ClaimsMixin, EventRuleMixin, RuleBase):
    PLACEHOLDERS: ClassVar[dict[str, str]] = {
        "attribute": "the attribute compared (its role for an open value)",
        "values": "the values claimed, quoted and joined by 'vs'",
        "expected": "the expected value (empty without `expect`)",
        "count": "how many different values",
    }
    DEFAULT_MESSAGE: ClassVar[str] = "sources disagree on the {attribute} of {event}: {values}"
    EXPECT_MESSAGE: ClassVar[str] = "{event}: the {attribute} should be '{expected}', sources say {values}"

    kind: Literal["agree"]
    event: EventId
    expect: str | None = Field(
        None,
        description="The known value (a value id, or a name for `role`): any source that differs is "
        "a finding, even a single one.",
    )

    @model_validator(mode="after")
    def _attribute_and_expect(self, info: ValidationInfo) -> AgreeRule:
        if self.attribute is None and self.role is None:
            raise ValueError("an agree rule needs 'attribute: <name>' (or 'role: <role>' for an open value)")
        if self.expect is None or self.role is not None:
            return self
        vocabulary = set(self.values or {})
        catalog = catalog_from(info)
        spec = catalog.get(self.event) if catalog is not None and not self.values else None
        if spec is not None and self.attribute in spec.attributes:
            vocabulary = set(spec.attributes[self.attribute])
        if vocabulary and self.expect not in vocabulary:
            raise ValueError(
                f"expect: '{self.expect}' is no value of '{self.attribute}'{suggest(self.expect, vocabulary)}"
            )
        return self

    def default_message(self) -> str:
        return self.EXPECT_MESSAGE if self.expect is not None else self.DEFAULT_MESSAGE

    def evaluate(self, context: CheckContext) -> list[Finding]:
        findings = []
        for event in context.events(self.event):
            claims = self._claims(event.mentions)
            if self.expect is not None:
                expected = self.expect
                claims = [claim for claim in claims if any(not self.same(v, expected) for v in claim[1])]
                conflict = bool(claims)
            else:
                values = [value for _, found in claims for value in found]
                conflict = any(not self.same(a, b) for a in values for b in values)
            if conflict:
                distinct = sorted({value for _, found in claims for value in found})
                findings.append(
                    self.finding(
                        event,
                        # a quote that names several values is one piece of evidence showing all of them
                        [evidence(mention, ", ".join(found)) for mention, found in claims],
                        attribute=self.attribute or self.role,
                        values=join_values(distinct),
                        expected=self.expect or "",
                        count=len(distinct),
                    )
                )
        return findings

    def _claims(self, mentions: list[Mention]) -> list[tuple[Mention, list[str]]]:
        return [(mention, found) for mention in mentions if (found := self.claims(mention))]
