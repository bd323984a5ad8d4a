"""Combining what sources say about a date: intersection, conflicts, labels."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.chronology.dates import combine, event_date, shift
from timeline.export.labels import date_label


def d(text: str) -> date:
    return date.fromisoformat(text)


def test_agreeing_sources_narrow_the_date_to_their_intersection() -> None:
    week, day = (d("2026-06-01"), d("2026-06-07")), (d("2026-06-04"), d("2026-06-04"))
    assert combine([week, day]) == (day, False)


def test_disagreeing_sources_are_flagged_and_the_majority_dates_the_event() -> None:
    majority = [(d("2026-06-03"), d("2026-06-05")), (d("2026-06-04"), d("2026-06-04"))]
    outlier = (d("2026-05-01"), d("2026-05-02"))
    assert combine([outlier, *majority]) == ((d("2026-06-04"), d("2026-06-04")), True)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.dates(date(2020, 1, 1), date(2030, 1, 1)), st.integers(0, 40)), min_size=1, max_size=6
    ),
    st.randoms(use_true_random=False),
)
def test_combining_does_not_depend_on_source_order(spans: list[tuple[date, int]], rng: random.Random) -> None:
    intervals = [(start, start + timedelta(days=length)) for start, length in spans]
    shuffled = list(intervals)
    rng.shuffle(shuffled)
    assert combine(intervals) == combine(shuffled)
    interval, conflict = combine(intervals)
    assert interval is not None
    assert conflict == (max(s for s, _ in intervals) > min(e for _, e in intervals))


def test_anchor_shift_by_timex_duration() -> None:
    post = (d("2026-06-04"), d("2026-06-04"))
    assert shift(post, "P1D", "before") == (d("2026-06-03"), d("2026-06-03"))
    assert shift(post, "P1M", "after") == (d("2026-07-04"), d("2026-07-04"))
    assert shift(post, "PXD", "before") is None


def test_labels_say_no_more_than_the_sources_support() -> None:
    assert date_label(event_date((d("2026-06-04"), d("2026-06-04")))) == "2026-06-04"
    assert date_label(event_date((d("2026-06-01"), d("2026-06-07")))) == "2026-06-01 – 2026-06-07"
    assert date_label(event_date((d("2026-06-01"), d("2026-06-30")))) == "2026-06"
    assert date_label(event_date((d("2026-06-06"), d("2026-12-31")))) == "2026 (after 2026-06-06)"
    assert date_label(event_date((d("2026-01-01"), d("2026-06-06")))) == "2026 (by 2026-06-06)"
    assert date_label(event_date((d("2023-01-01"), d("2023-12-31")))) == "2023"
    assert date_label(event_date(None)) == "undated"
    assert event_date((d("2026-06-01"), d("2026-06-07"))).value == "2026-W23"
