"""The quantities and role values a sentence states, read once and handed to the mentions that quote them."""

from __future__ import annotations

from dataclasses import dataclass

from timeline.events.models import Mention, Quantity, RoleValue
from timeline.events.quantities import read_quantities
from timeline.events.roles import read_role_values
from timeline.events.sentence import SentenceView
from timeline.temporal.models import Timex


@dataclass(frozen=True)
class SentenceFacts:
    quantities: list[Quantity]
    roles: list[RoleValue]

    @classmethod
    def read(cls, view: SentenceView, timexes: list[Timex]) -> SentenceFacts:
        """The shared readers on the sentence; a figure inside a date or clock time is no quantity."""
        dates = [(timex.start, timex.end) for timex in timexes]
        return cls(
            read_quantities(view.text, view.start, exclude=dates), read_role_values(view.text, view.start)
        )

    def attach(self, mention: Mention) -> Mention:
        """The mention with the quantities and role values inside its quote."""
        quantities = [q for q in self.quantities if mention.start <= q.start and q.end <= mention.end]
        roles = [r for r in self.roles if mention.start <= r.start and r.end <= mention.end]
        if not quantities and not roles:
            return mention
        return mention.model_copy(update={"quantities": quantities, "roles": roles})
