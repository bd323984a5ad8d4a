"""The temporal stage's contract: TIMEX3-style time expressions with an interval we can reason with."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal[
    "time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century", "unknown"
]


class Anchor(BaseModel):
    """What a relative expression was resolved against.

    kind "dct": the document's publication date; "timex": another time expression (its start offset
    in `ref`); "event": an event named in the text ("one day before Anthropic published its post"),
    with `ref` the event phrase, `offset` a TIMEX3 duration and `relation` before/after, left for the
    timeline stage to resolve once that event is dated. "none": absolute, needs no anchor.
    """

    kind: Literal["dct", "timex", "event", "none"]
    ref: str | None = None
    offset: str | None = None
    relation: Literal["before", "after"] | None = None


class Timex(BaseModel):
    """One time expression: `timeline tag` writes exactly these fields."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    earliest: str | None = None  # ISO date, inclusive; None when the expression has no position in time
    latest: str | None = None  # ISO date, inclusive
    granularity: Granularity = "unknown"
    anchor: Anchor | None = None
    # Extension: a written weekday that disagrees with the date it accompanies ("Friday, June 6, 2026").
    weekday_mismatch: bool = False
