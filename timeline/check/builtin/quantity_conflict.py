"""builtin/quantity-conflict: the articles that tell one event give different numbers for the same counted
thing ("$412 million in debts" against "$512 million in debts"), beyond what their wording allows.

Figures come from the project's one quantity reader (`events.quantities`), which turns "about", "more
than" and rounding into an interval; two figures disagree only when `compatible` says their intervals
cannot meet. Two figures are about the same thing when they count the same noun, or, counting nothing
named, when each article states only one figure of that unit (one duration, one sum of money).
"""

from __future__ import annotations

from collections import defaultdict

from timeline.check.builtin.compare import compared_events, describe, side_evidence
from timeline.check.models import Finding, Severity
from timeline.check.rulebase import CheckContext
from timeline.events.models import Mention, Quantity
from timeline.events.quantities import comparable, compatible, read_quantities

ID = "builtin/quantity-conflict"
SEVERITY: Severity = "warning"
DESCRIPTION = "Articles telling the same event give different numbers for the same counted thing."

Key = tuple[str, str | None, str | None]  # unit (and currency), measure, counted noun


def _quantities(mention: Mention) -> list[Quantity]:
    """The figures the mention states: those the events stage read in its clause, else its quote's."""
    stated: list[Quantity] | None = getattr(mention, "quantities", None)
    if stated:
        return stated
    exclude = [(mention.timex.start, mention.timex.end)] if mention.timex is not None else []
    return read_quantities(mention.quote, mention.start, exclude=exclude)


def _key(quantity: Quantity) -> Key:
    unit = f"{quantity.unit}:{quantity.currency}" if quantity.currency else quantity.unit
    return unit, None if quantity.unit == "duration" else quantity.measure, quantity.counted


def _figures(mentions: list[Mention]) -> dict[Key, list[tuple[Mention, Quantity]]]:
    """One article's figures by what they count; an unnamed count is kept only when it is the only one of
    its unit in the article (else nothing says which of them the other article's figure is about)."""
    by_key: dict[Key, list[tuple[Mention, Quantity]]] = defaultdict(list)
    for mention in mentions:
        for quantity in _quantities(mention):
            by_key[_key(quantity)].append((mention, quantity))
    units: dict[str, int] = defaultdict(int)
    for key, found in by_key.items():
        units[key[0]] += len(found)
    return {key: found for key, found in by_key.items() if key[2] is not None or units[key[0]] == 1}


def check(context: CheckContext, severity: Severity) -> list[Finding]:
    findings = []
    for event, by_doc in compared_events(context):
        figures = {doc: _figures(mentions) for doc, mentions in by_doc.items()}
        keys = sorted({key for found in figures.values() for key in found}, key=str)
        for key in keys:
            stating = {doc: found[key] for doc, found in figures.items() if key in found}
            if len(stating) < 2 or _reconcilable(list(stating.values())):
                continue
            sides: dict[str, list[tuple[Mention, str]]] = {}
            for claims in stating.values():
                for mention, quantity in claims:
                    sides.setdefault(quantity.text.lower(), []).append((mention, quantity.text))
            findings.append(
                Finding(
                    rule=ID,
                    severity=severity,
                    message=f"sources give different figures for {event.title}: {describe(sides)}",
                    event=event.id,
                    evidence=side_evidence(sides),
                )
            )
    return findings


def _reconcilable(stated: list[list[tuple[Mention, Quantity]]]) -> bool:
    """Some figure of each article is compatible with some figure of every other article."""
    for position, first in enumerate(stated):
        for second in stated[position + 1 :]:
            if not any(comparable(a, b) and compatible(a, b) for _, a in first for _, b in second):
                return False
    return True
