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
    PLACEHOLDERS: ClassVar[dict[str, str]] = {
        "attribute": "the attribute compared",
        "values": "the values claimed, quoted and joined by 'vs'",
        "count": "how many different values",
    }
    DEFAULT_MESSAGE: ClassVar[str] = "sources disagree on the {attribute} of {event}: {values}"

    kind: Literal["agree"]
    event: EventId
    attribute: str

    def evaluate(self, context: CheckContext) -> list[Finding]:
        findings = []
        for event in context.events(self.event):
            claims = [(mention, found) for mention in event.mentions if (found := self.claims(mention))]
            values = sorted({value for _, found in claims for value in found})
            if len(values) > 1:
                findings.append(
                    self.finding(
                        event,
                        # a quote that names several values is one piece of evidence showing all of them
                        [evidence(mention, ", ".join(found)) for mention, found in claims],
                        attribute=self.attribute,
                        values=join_values(values),
                        count=len(values),
                    )
                )
        return findings
