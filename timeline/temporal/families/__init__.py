"""One module per family of time expressions; importing this package registers every normaliser."""

from timeline.temporal.families import (  # noqa: F401  (imported for their @normaliser registrations)
    clock,
    deixis,
    durations,
    explicit,
    holidays,
    months,
    periods,
    quarters,
    ranges,
    sets,
    weekdays,
    years,
)
