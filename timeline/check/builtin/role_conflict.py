"""builtin/role-conflict: the articles that tell one event name different values in the same role (two
courts, two places, two companies, two people), read by the project's one role reader (`events.roles`).

Names are compared with `roles.same_value` ("New York" is part of "Manhattan, New York"; "federal court"
can be "Texas federal court"). An article that names several values of a role, or only a description
("federal court"), takes no side; one that names every side's value shows they are not alternatives.
"""

from __future__ import annotations

from collections import defaultdict

from timeline.check.builtin.compare import compared_events, describe, side_evidence
from timeline.check.models import Finding, Severity
from timeline.check.rulebase import CheckContext
from timeline.events.models import Mention, RoleValue
from timeline.events.roles import read_role_values, same_value

ID = "builtin/role-conflict"
SEVERITY: Severity = "warning"
DESCRIPTION = "Articles telling the same event name different places, courts, organisations or people."


def _values(mention: Mention) -> list[RoleValue]:
    """The role values the mention states: those the events stage read in its clause, else its quote's."""
    stated: list[RoleValue] | None = getattr(mention, "roles", None)
    return stated if stated else read_role_values(mention.quote, mention.start)


def _by_role(mentions: list[Mention]) -> dict[str, list[tuple[Mention, RoleValue]]]:
    found: dict[str, list[tuple[Mention, RoleValue]]] = defaultdict(list)
    for mention in mentions:
        for value in _values(mention):
            found[value.role].append((mention, value))
    return found


def check(context: CheckContext, severity: Severity) -> list[Finding]:
    findings = []
    for event, by_doc in compared_events(context):
        roles = {doc: _by_role(mentions) for doc, mentions in by_doc.items()}
        for role in sorted({role for found in roles.values() for role in found}):
            named = {doc: found[role] for doc, found in roles.items() if role in found}
            shown: list[RoleValue] = []  # one value per side
            sides: dict[str, list[tuple[Mention, str]]] = {}
            for claims in named.values():
                if not all(same_value(claims[0][1], value) for _, value in claims):
                    continue  # several values in one article: it takes no side
                if claims[0][1].text[:1].islower():
                    continue  # "federal court" names no court in particular: it takes no side either
                side = next((known for known in shown if same_value(known, claims[0][1])), claims[0][1])
                if side not in shown:
                    shown.append(side)
                sides.setdefault(side.normalized, []).extend(
                    (mention, value.text) for mention, value in claims
                )
            if len(sides) > 1 and not _named_together(named, shown):
                findings.append(
                    Finding(
                        rule=ID,
                        severity=severity,
                        message=f"sources name different {role}s for {event.title}: {describe(sides)}",
                        event=event.id,
                        evidence=side_evidence(sides),
                    )
                )
    return findings


def _named_together(named: dict[str, list[tuple[Mention, RoleValue]]], sides: list[RoleValue]) -> bool:
    """Some article names several values, every side's among them: then they are not alternatives."""
    return any(
        len({value.normalized for _, value in claims}) > 1
        and all(any(same_value(side, value) for _, value in claims) for side in sides)
        for claims in named.values()
    )
