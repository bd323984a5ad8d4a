"""Properties of the date rules against a brute-force reading of what they promise."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.check.kinds.date_agree import DateAgreeRule
from timeline.check.rulebase import CheckContext
from timeline.chronology.models import Event, Timeline
from timeline.events.models import Mention

START = date(2026, 1, 1)
SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), min_size=2, max_size=6)


def _timeline(spans: list[tuple[int, int]]) -> Timeline:
    mentions = [
        Mention(
            doc=f"d{index}",
            path=f"d{index}.txt",
            line=1,
            column=1,
            start=0,
            end=1,
            quote="x",
            title="t",
            earliest=(START + timedelta(days=offset)).isoformat(),
            latest=(START + timedelta(days=offset + length)).isoformat(),
        )
        for index, (offset, length) in enumerate(spans)
    ]
    return Timeline(events=[Event(id="e", title="E", type="e", mentions=mentions)])


@settings(max_examples=60, deadline=None)
@given(spans=SPANS, tolerance=st.integers(0, 3))
def test_overlap_fires_exactly_when_two_sources_share_no_day(
    spans: list[tuple[int, int]], tolerance: int
) -> None:
    rule = DateAgreeRule(id="r", kind="date-agree", event="e", tolerance=f"P{tolerance}D")
    fired = bool(rule.evaluate(CheckContext.of(_timeline(spans))))
    # Pairwise: two intervals, each widened by the tolerance on both ends, that do not touch.
    apart = any(
        a_start - tolerance > b_start + b_len + tolerance for a_start, _ in spans for b_start, b_len in spans
    )
    assert fired == apart


@settings(max_examples=60, deadline=None)
@given(spans=SPANS)
def test_same_fires_exactly_when_two_sources_give_different_days(spans: list[tuple[int, int]]) -> None:
    rule = DateAgreeRule(id="r", kind="date-agree", event="e", match="same")
    fired = bool(rule.evaluate(CheckContext.of(_timeline(spans))))
    assert fired == (len(set(spans)) > 1)
