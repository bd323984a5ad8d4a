"""`date-agree`: the days sources give for an event must overlap (or, with `match: same`, be the same).

- id: blacklist-timing
  kind: date-agree
  event: blacklist-takes-effect
  match: same          # "later in 2026" and "in 2026" overlap but are not the same claim
  tolerance: P1D       # slack added to both ends of every interval
"""

from __future__ import annotations

from datetime import date
from itertools import combinations
from typing import ClassVar, Literal

from timeline.check.dates import Interval, mention_interval, shift
from timeline.check.models import Finding
from timeline.check.rulebase import CheckContext, Duration, EventId, RuleBase, dated_evidence


class DateAgreeRule(RuleBase):
    PLACEHOLDERS: ClassVar[dict[str, str]] = {
        "dates": "the distinct dates the sources give, joined by 'vs'",
        "tolerance": "the rule's tolerance",
    }
    SWITCHES_OFF: ClassVar[tuple[str, ...]] = ("builtin/date-conflict",)
    DEFAULT_MESSAGE: ClassVar[str] = "sources date {event} differently: {dates}"

    kind: Literal["date-agree"]
    event: EventId
    tolerance: Duration = "P0D"
    match: Literal["overlap", "same"] = "overlap"

    def _close(self, a: date, b: date) -> bool:
        return shift(a, self.tolerance, -1) <= b <= shift(a, self.tolerance)

    def _conflict(self, intervals: list[Interval]) -> bool:
        if self.match == "same":
            return any(
                not (self._close(a.earliest, b.earliest) and self._close(a.latest, b.latest))
                for a, b in combinations(sorted(set(intervals)), 2)
            )
        # Intervals on a line overlap pairwise exactly when they share a day (Helly), so one comparison
        # of the latest start with the earliest end decides it.
        latest_start = max(interval.earliest for interval in intervals)
        earliest_end = min(interval.latest for interval in intervals)
        return shift(latest_start, self.tolerance, -1) > shift(earliest_end, self.tolerance)

    def evaluate(self, context: CheckContext) -> list[Finding]:
        findings = []
        for event in context.events(self.event):
            dated = [
                (mention, interval)
                for mention in event.mentions
                if (interval := mention_interval(mention)) is not None
            ]
            if len(dated) > 1 and self._conflict([interval for _, interval in dated]):
                distinct = sorted({interval for _, interval in dated})
                findings.append(
                    self.finding(
                        event,
                        [dated_evidence(mention, interval) for mention, interval in dated],
                        dates=" vs ".join(str(interval) for interval in distinct),
                        tolerance=self.tolerance,
                    )
                )
        return findings
