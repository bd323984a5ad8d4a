"""The package's one interval and duration module: calendar periods, shifts, and the calendar's ends."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal.intervals import (
    Interval,
    OutOfCalendar,
    calendar_interval,
    parse_duration,
    shift,
    shift_by,
    shift_within,
)


def test_durations_move_months_by_the_calendar_then_days() -> None:
    assert shift_by(date(2026, 1, 31), "P1M") == date(2026, 2, 28)
    assert shift_by(date(2026, 6, 4), "P2W", -1) == date(2026, 5, 21)
    assert shift_by(date(2024, 2, 29), "P1Y") == date(2025, 2, 28)
    assert shift_by(date(2026, 6, 4), "PT12H") == date(2026, 6, 4)  # hours do not move a day


def test_a_bad_duration_says_what_a_good_one_looks_like() -> None:
    with pytest.raises(ValueError, match="is not an ISO 8601 duration such as P1D"):
        parse_duration("PXD")


def test_leaving_the_calendar_raises_or_stops_at_its_end() -> None:
    with pytest.raises(OutOfCalendar):
        shift(date(9999, 12, 31), 1, "day")
    with pytest.raises(OutOfCalendar):
        shift_by(date(2026, 6, 4), "P9999Y")
    assert shift_within(date(2026, 6, 4), "P9999Y") == date.max
    assert shift_within(date(2026, 6, 4), "P99999999D", -1) == date.min
    assert Interval(date(9999, 12, 30), date(9999, 12, 31)).widened("P1D") == (date(9999, 12, 29), date.max)


def test_an_interval_is_a_tuple_with_names() -> None:
    found = Interval(date(2026, 6, 1), date(2026, 6, 7)).shifted("P1W")
    start, end = found
    assert (found.earliest, found.latest) == (start, end) == (date(2026, 6, 8), date(2026, 6, 14))
    assert str(found) == "2026-06-08..2026-06-14"
    assert found.overlaps(Interval(date(2026, 6, 14), date(2026, 6, 20)))


@pytest.mark.parametrize(
    ("value", "first", "last", "granularity"),
    [
        ("2026-W23", "2026-06-01", "2026-06-07", "week"),
        ("2026-W23-WE", "2026-06-06", "2026-06-07", "day"),
        ("2025-WI", "2025-12-01", "2026-02-28", "season"),
        ("2026-Q3", "2026-07-01", "2026-09-30", "quarter"),
        ("199", "1990-01-01", "1999-12-31", "decade"),
        ("9999-Q4", "9999-10-01", "9999-12-31", "quarter"),
        ("99", "9900-01-01", "9999-12-31", "century"),
    ],
)
def test_calendar_values_name_their_days(value: str, first: str, last: str, granularity: str) -> None:
    assert calendar_interval(value) == (date.fromisoformat(first), date.fromisoformat(last), granularity)


def test_values_naming_no_real_period_have_no_days() -> None:
    for value in ("2026-13", "2026-02-30", "2026-W54", "0000", "XXXX-WXX-4", "P1D", "PRESENT_REF"):
        assert calendar_interval(value) is None, value
