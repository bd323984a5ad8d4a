"""builtin/description-conflict: two articles describe the same person, place or thing in the same words
but with a different name or figure in them ("Steve Jobs, the chief executive officer of Apple Inc." and
"... chief executive officer of Harbor Bank, Steve Jobs"; "the Moscone West center in San Francisco" and
"the Moscone West Convention Center in Oakland").

Unlike the checks on one event's articles (role-conflict, quantity-conflict), this one compares
descriptions told in different events: a person's employer or a building's city is the same in every
event. Two values are one description's when
the words around them agree: at least `FRAME_WORDS` of the content words next to each value, one of them
not a name, and a name next to both ("Steve Jobs", "Moscone West"). Values come from the project's role
reader (a capitalised name in a role) and quantity reader (a figure of the same counted thing); they
differ when `roles.same_value` or `quantities.compatible` says they cannot be the same. An article that
gives both values takes no side.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from timeline.check.builtin.compare import NOT_CLAIMS, describe, side_evidence
from timeline.check.models import Finding, Severity
from timeline.check.rulebase import CheckContext
from timeline.chronology.features import calendar_words, merge_words
from timeline.events.models import Mention, Quantity, RoleValue
from timeline.events.quantities import comparable, compatible, read_quantities
from timeline.events.roles import read_role_values, same_value

ID = "builtin/description-conflict"
SEVERITY: Severity = "warning"
DESCRIPTION = "Articles describe the same person, place or thing with a different name or figure in it."
BEFORE, AFTER = 3, 2  # content words read on each side of a value
NAME_REACH = 8  # words on each side of a value in which the thing described must be named
FRAME_WORDS = 2  # content words next to the values that the two descriptions must share
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class _Described:
    mention: Mention
    event: str  # the event the mention is in
    kind: str  # "role:<role>" or "figure:<unit>:<counted>"
    value: RoleValue | Quantity
    frame: frozenset[str]  # content words next to the value, case-folded
    lowercase: frozenset[str]  # those written in lower case
    names: frozenset[str]  # capitalised words near the value, case-folded (the thing described)
    near: tuple[str, ...]  # those words as written, in order


def check(context: CheckContext, severity: Severity) -> list[Finding]:
    described: dict[str, list[_Described]] = defaultdict(list)
    for event in context.timeline.events:
        if not event.automatic:
            continue
        for mention in event.mentions:
            if mention.modality not in NOT_CLAIMS:
                for found in _descriptions(event.id, mention):
                    described[found.kind].append(found)
    findings: dict[tuple[str, ...], Finding] = {}
    for kind in sorted(described):
        for one, other in _conflicts(described[kind]):
            sides: dict[str, list[tuple[Mention, str]]] = {}
            for item in (one, other):
                sides.setdefault(_text(item.value).casefold(), []).append((item.mention, _text(item.value)))
            key = tuple(sorted(f"{item.mention.doc}:{item.value.start}" for item in (one, other)))
            findings.setdefault(
                key,
                Finding(
                    rule=ID,
                    severity=severity,
                    message=f"sources describe {_subject(one, other)} differently: {describe(sides)}",
                    evidence=side_evidence(sides),
                ),
            )
    return [findings[key] for key in sorted(findings)]


def _conflicts(items: list[_Described]) -> list[tuple[_Described, _Described]]:
    """Pairs of descriptions in different articles that describe one thing with values that differ,
    unless an article gives both values in such descriptions."""
    pairs = []
    for position, one in enumerate(items):
        for other in items[position + 1 :]:
            if one.mention.doc == other.mention.doc or one.event == other.event:
                continue  # in one event, role-conflict and quantity-conflict compare them
            if not _same_description(one, other):
                continue
            if not _differ(one.value, other.value) or _both_given(items, one, other):
                continue
            pairs.append((one, other))
    return pairs


def _same_description(one: _Described, other: _Described) -> bool:
    shared = one.frame & other.frame
    written_lower = shared & (one.lowercase | other.lowercase)
    values = _words(_text(one.value)) | _words(_text(other.value))
    return len(shared) >= FRAME_WORDS and bool(written_lower) and bool((one.names & other.names) - values)


def _differ(one: RoleValue | Quantity, other: RoleValue | Quantity) -> bool:
    if isinstance(one, RoleValue) and isinstance(other, RoleValue):
        return not same_value(one, other)
    if isinstance(one, Quantity) and isinstance(other, Quantity):
        return comparable(one, other) and not compatible(one, other)
    return False


def _both_given(items: list[_Described], one: _Described, other: _Described) -> bool:
    """An article describing the thing with both values: they are not alternatives."""
    for doc in {one.mention.doc, other.mention.doc}:
        given = [item.value for item in items if item.mention.doc == doc and _same_description(item, one)]
        if any(not _differ(value, one.value) for value in given) and any(
            not _differ(value, other.value) for value in given
        ):
            return True
    return False


def _descriptions(event: str, mention: Mention) -> list[_Described]:
    found: list[_Described] = []
    roles = mention.roles or read_role_values(mention.quote, mention.start)
    for value in roles:
        if value.text[:1].isupper():
            found.append(_described(event, mention, f"role:{value.role}", value, ()))
    figures = mention.quantities or read_quantities(mention.quote, mention.start)
    for figure in figures:
        counted = figure.counted or ""
        kind = f"figure:{figure.unit}:{figure.currency or ''}:{counted}"
        found.append(_described(event, mention, kind, figure, (counted,)))
    return found


def _described(
    event: str, mention: Mention, kind: str, value: RoleValue | Quantity, own: tuple[str, ...]
) -> _Described:
    quote, start, end = mention.quote, value.start - mention.start, value.end - mention.start
    before = [word for word in _WORD.findall(quote[: max(start, 0)])]
    after = [word for word in _WORD.findall(quote[end:])]
    function_words = merge_words().function_words | {word.casefold() for word in calendar_words()}
    skipped = {word.casefold() for word in own}

    def content(words: list[str]) -> list[str]:
        return [w for w in words if w.casefold() not in function_words and w.casefold() not in skipped]

    frame_words = content(before)[-BEFORE:] + content(after)[:AFTER]
    near = [
        word for word in before[-NAME_REACH:] + after[:NAME_REACH] if word.casefold() not in function_words
    ]
    return _Described(
        mention=mention,
        event=event,
        kind=kind,
        value=value,
        frame=frozenset(word.casefold() for word in frame_words),
        lowercase=frozenset(word for word in frame_words if word.islower()),
        names=frozenset(word.casefold() for word in near if word[:1].isupper()),
        near=tuple(word for word in near if word[:1].isupper()),
    )


def _text(value: RoleValue | Quantity) -> str:
    return value.text


def _words(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(text)}


def _subject(one: _Described, other: _Described) -> str:
    """The names both descriptions give, as the first article writes them, and the words they share."""
    values = _words(_text(one.value)) | _words(_text(other.value))
    names = dict.fromkeys(w for w in one.near if w.casefold() in other.names and w.casefold() not in values)
    shared = " ".join(sorted((one.frame & other.frame) - one.names - other.names))
    return " ".join(names) + f" ({shared})"
