"""`date-agree`: the days sources give for an event must overlap (or, with `match: same`, be the same);
with `expect`, they must fit the date the desk knows, and one source is enough for a finding.

- id: blacklist-timing
  kind: date-agree
  event: blacklist-takes-effect
  match: same          # "later in 2026" and "in 2026" overlap but are not the same claim
  tolerance: P1D       # slack added to both ends of every interval

- id: post-day
  kind: date-agree
  event: anthropic-pause-post
  expect: 2026-06-04   # a day, a period (2026-06, 2026-W23, 2026-Q2, 2026) or days A..B
"""

from __future__ import annotations

from datetime import date
from itertools import combinations
from typing import ClassVar, Literal

from pydantic import Field, PrivateAttr, field_validator

from timeline.check.dates import Interval, mention_interval, shift
from timeline.check.models import Finding
from timeline.check.rulebase import CheckContext, Duration, EventId, RuleBase, dated_evidence
from timeline.temporal.intervals import calendar_interval


class DateAgreeRule(RuleBase):
    PLACEHOLDERS: ClassVar[dict[str, str]] = {
        "dates": "the distinct dates the sources give (with `expect`: those that differ), joined by 'vs'",
        "expected": "the expected date as the rule writes it (empty without `expect`)",
        "tolerance": "the rule's tolerance",
    }
    SWITCHES_OFF: ClassVar[tuple[str, ...]] = ("builtin/date-conflict",)
    DEFAULT_MESSAGE: ClassVar[str] = "sources date {event} differently: {dates}"
    EXPECT_MESSAGE: ClassVar[str] = "{event} should be dated {expected}, sources say {dates}"

    kind: Literal["date-agree"]
    event: EventId
    tolerance: Duration = Field(
        "P0D", description="Slack added to both ends of every interval (ISO 8601 duration)."
    )
    match: Literal["overlap", "same"] = Field(
        "overlap", description="overlap: the days must share a day; same: they must be the same days."
    )
    expect: date | int | str | None = Field(  # int: YAML reads `expect: 2026` as a number
        None,
        description="The known date: a day (2026-06-04), a period (2026-06, 2026-W23, 2026-Q2, 2026) "
        "or days A..B. A source whose days do not overlap it (with match: same, equal it) is a finding.",
    )
    _expected: Interval | None = PrivateAttr(None)

    @field_validator("expect", mode="before")
    @classmethod
    def _a_date(cls, value: object) -> object:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # YAML reads `expect: 2026` as a number
        if isinstance(value, str):
            _parse_expected(value)
        return value

    def model_post_init(self, context: object, /) -> None:
        if isinstance(self.expect, date):
            self._expected = Interval(self.expect, self.expect)
        elif isinstance(self.expect, str):
            self._expected = _parse_expected(self.expect)

    def default_message(self) -> str:
        return self.EXPECT_MESSAGE if self.expect is not None else self.DEFAULT_MESSAGE

    def _close(self, a: date, b: date) -> bool:
        return shift(a, self.tolerance, -1) <= b <= shift(a, self.tolerance)

    def _differ(self, a: Interval, b: Interval) -> bool:
        if self.match == "same":
            return not (self._close(a.earliest, b.earliest) and self._close(a.latest, b.latest))
        return shift(a.earliest, self.tolerance, -1) > shift(b.latest, self.tolerance) or shift(
            b.earliest, self.tolerance, -1
        ) > shift(a.latest, self.tolerance)

    def _conflict(self, intervals: list[Interval]) -> bool:
        if self.match == "same":
            return any(self._differ(a, b) for a, b in combinations(sorted(set(intervals)), 2))
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
            if self._expected is not None:
                expected = self._expected
                dated = [
                    (mention, interval) for mention, interval in dated if self._differ(interval, expected)
                ]
                conflict = bool(dated)
            else:
                conflict = len(dated) > 1 and self._conflict([interval for _, interval in dated])
            if conflict:
                distinct = sorted({interval for _, interval in dated})
                findings.append(
                    self.finding(
                        event,
                        [dated_evidence(mention, interval) for mention, interval in dated],
                        dates=" vs ".join(str(interval) for interval in distinct),
                        expected="" if self.expect is None else str(self.expect),
                        tolerance=self.tolerance,
                    )
                )
        return findings


def _parse_expected(text: str) -> Interval:
    """ "2026-06-04", "2026-06", "2026-W23", "2026" or "A..B" as days; ValueError naming the forms."""
    first, _, last = text.strip().partition("..")
    start = calendar_interval(first.strip())
    end = calendar_interval(last.strip()) if last else start
    if start is None or end is None or end[1] < start[0]:
        raise ValueError(
            f"'{text}' is no date: write a day (2026-06-04), a period (2026-06, 2026-W23, 2026-Q2, 2026) "
            "or days A..B (2026-06-01..2026-06-30)"
        )
    return Interval(start[0], end[1])
