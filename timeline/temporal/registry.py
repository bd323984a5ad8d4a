"""The one place families are registered: which rules exist, in which order the scanner tries them, and
the normaliser each rule's match is handed to.

A rule's pattern lives in resources/patterns/<family>.yaml; its normaliser is a function of the family's
module decorated with `@normaliser("rule_name")`. RULE_ORDER is the order the scanner tries the rules at a
position (the first that matches wins), so longer and more specific forms come first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.temporal.context import Document
    from timeline.temporal.readings import Group, Reading

Normaliser = Callable[["Document", "Group", int, int], "Reading | None"]

# (rule, family): the family names the resource file and the module.
RULE_ORDER: tuple[tuple[str, str], ...] = (
    ("iso_date", "explicit"),
    ("numeric_date", "explicit"),
    ("clock_time", "clock"),
    ("month_day", "explicit"),
    ("day_month", "explicit"),
    ("quarter", "quarters"),
    ("year_ago_adjective", "quarters"),
    ("week_of_month", "months"),
    ("month_period", "months"),
    ("season", "months"),
    ("weekday_part", "weekdays"),
    ("period_years_apart", "periods"),
    ("deictic_part", "deixis"),
    ("earlier_later", "periods"),
    ("reference_day", "deixis"),
    ("part_of_period", "periods"),
    ("relative_period", "periods"),
    ("period_before_after", "periods"),
    ("decade", "years"),
    ("century_turn", "years"),
    ("century", "years"),
    ("set_every", "sets"),
    ("set_plural_weekday", "sets"),
    ("frequency", "sets"),
    ("duration", "durations"),
    ("vague_span", "durations"),
    ("elapsed", "durations"),
    ("long_compound", "durations"),
    ("year_end", "years"),
    ("holiday", "holidays"),
    ("weekday", "weekdays"),
    ("weekend", "weekdays"),
    ("year", "years"),
    ("short_year", "years"),
    ("the_year", "years"),
    ("range_end", "ranges"),
    ("day_in_view", "deixis"),
    ("deictic", "deixis"),
    ("vague_adjective", "deixis"),
)
FAMILIES = tuple(dict.fromkeys(family for _rule, family in RULE_ORDER))

NORMALISERS: dict[str, Normaliser] = {}


def normaliser(*rules: str) -> Callable[[Normaliser], Normaliser]:
    """Register a function as the normaliser of these rules."""

    def register(function: Normaliser) -> Normaliser:
        for rule in rules:
            NORMALISERS[rule] = function
        return function

    return register
