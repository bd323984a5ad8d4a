"""`agree`: every source must claim the same value of an event's attribute.

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
"""

from __future__ import annotations

from typing import ClassVar, Literal

from timeline.check.kinds.claims import ClaimsMixin
from timeline.check.models import Finding
from timeline.check.rulebase import CheckContext, EventId, EventRuleMixin, RuleBase, evidence, join_values


class AgreeRule(ClaimsMixin, EventRuleMixin, RuleBase):
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"attribute", "values", "count"})
    DEFAULT_MESSAGE: ClassVar[str] = "sources disagree on the {attribute} of {event}: {values}"

    kind: Literal["agree"]
    event: EventId
    attribute: str

    def evaluate(self, context: CheckContext) -> list[Finding]:
        findings = []
        for event in context.events(self.event):
            claims = [(mention, value) for mention in event.mentions for value in self.claims(mention)]
            values = sorted({value for _, value in claims})
            if len(values) > 1:
                findings.append(
                    self.finding(
                        event,
                        [evidence(mention, value) for mention, value in claims],
                        attribute=self.attribute,
                        values=join_values(values),
                        count=len(values),
                    )
                )
        return findings
