"""builtin/description-conflict: two articles describe the same person or thing in the same words but name
a different place, organisation or court in it ("Dana Whitfield, the chief executive of Harbor Bank" and
"the chief executive of Northwind Bank, Dana Whitfield"; "the Larkin Hall arena in Dayton" and "the Larkin
Hall arena in Toledo").

The checks on one event's articles (role-conflict) compare what one happening's articles name; this one
compares descriptions told in different events: a person's employer or a building's city is the same in
every event. Two values are one description's when the words around them agree: at least `FRAME_WORDS`
of the content words next to each value, one of them written in lower case, and a name next to both (who
or what is described). Values come from the project's role reader, one name each (a list, "in Ohio and
Texas", says no single value); they differ when `roles.same_value` says they cannot name the same thing.
An article that gives both values in such descriptions takes no side, and articles published more than a
year apart, or telling things more than a year apart, are not compared (the chief executive may have
changed). Figures are left to
quantity-conflict within one event: across events, "closed at 37.5 cents" describes many things.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from timeline.check.builtin.compare import NOT_CLAIMS, describe, side_evidence
from timeline.check.dates import Interval, mention_interval, publication_interval
from timeline.check.models import Finding, Severity
from timeline.check.rulebase import CheckContext
from timeline.chronology.features import calendar_words, is_common_word, merge_words
from timeline.events.models import Mention, RoleValue
from timeline.events.roles import read_role_values, same_value

ID = "builtin/description-conflict"
SEVERITY: Severity = "warning"
DESCRIPTION = (
    "Articles describe the same person or thing in the same words with another place or organisation."
)
BEFORE, AFTER = 3, 2  # content words read on each side of a value
FRAME_WORDS = 2  # of those, the two descriptions must share this many
NAME_REACH = 8  # words on each side of a value in which who or what is described must be named
MIN_NAME = 3  # letters of a word that names it ("U" and "S" of "U.S." name nothing)
SAME_TIME = 366  # days between two articles' publication within which a description cannot have changed
NAME_BLOCK = 50  # descriptions compared through one name, at most (a story's main actor is everywhere)
# roles whose value describes someone or something else (a person's employer, a building's city); a person
# named is who is described
DESCRIBED_ROLES = frozenset({"place", "organisation", "court"})
_LIST = re.compile(r"\b(?:and|or)\b|&|/")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class _Described:
    mention: Mention
    event: str  # the event the mention is in
    published: Interval | None  # when its article appeared
    dated: Interval | None  # when the statement says it happened
    value: RoleValue
    frame: frozenset[str]  # content words next to the value, case-folded
    lowercase: frozenset[str]  # those written in lower case
    # capitalised words near the value, case-folded, that are no ordinary English word ("Whitfield", not
    # "Authority" or "West"): who or what is described
    names: frozenset[str]
    near: tuple[str, ...]  # the capitalised words near it as written, in order


def check(context: CheckContext, severity: Severity) -> list[Finding]:
    described: dict[str, list[_Described]] = defaultdict(list)
    for event in context.timeline.events:
        if not event.automatic:
            continue
        for mention in event.mentions:
            if mention.modality not in NOT_CLAIMS:
                published = _published(context, mention.doc)
                for found in _descriptions(event.id, published, mention):
                    described[found.value.role].append(found)
    findings: dict[tuple[str, ...], Finding] = {}
    for role in sorted(described):
        for one, other in _conflicts(described[role]):
            sides: dict[str, list[tuple[Mention, str]]] = {}
            for item in (one, other):
                sides.setdefault(item.value.normalized, []).append((item.mention, item.value.text))
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
    """Pairs of descriptions in different articles and events that describe one thing with values that
    differ, unless an article gives both values in such descriptions. Only descriptions naming someone
    in common are compared (a name more than `NAME_BLOCK` descriptions use singles nothing out)."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for position, item in enumerate(items):
        for name in item.names:
            by_name[name].append(position)
    candidates = sorted(
        {
            (first, second)
            for positions in by_name.values()
            if len(positions) <= NAME_BLOCK
            for index, first in enumerate(positions)
            for second in positions[index + 1 :]
        }
    )
    by_doc: dict[str, list[_Described]] = defaultdict(list)
    for item in items:
        by_doc[item.mention.doc].append(item)
    pairs = []
    for first, second in candidates:
        one, other = items[first], items[second]
        if one.mention.doc == other.mention.doc or one.event == other.event or _years_apart(one, other):
            continue  # within one event, role-conflict compares them
        differ = _same_description(one, other) and not same_value(one.value, other.value)
        if differ and not _both_given(by_doc, one, other):
            pairs.append((one, other))
    return pairs


def _same_description(one: _Described, other: _Described) -> bool:
    shared = one.frame & other.frame
    written_lower = shared & (one.lowercase | other.lowercase)
    described = (one.names & other.names) - _words(one.value.text) - _words(other.value.text)
    return len(shared) >= FRAME_WORDS and bool(written_lower) and bool(described)


def _years_apart(one: _Described, other: _Described) -> bool:
    """Articles published, or statements dated, more than `SAME_TIME` apart: a description may have
    changed between them (a chief executive leaves, a company moves)."""
    for first, second in ((one.published, other.published), (one.dated, other.dated)):
        if first is not None and second is not None:
            early, late = sorted((first, second))
            if (late.earliest - early.latest).days > SAME_TIME:
                return True
    return False


def _both_given(by_doc: dict[str, list[_Described]], one: _Described, other: _Described) -> bool:
    """An article describing the thing with both values: they are not alternatives."""
    for doc in {one.mention.doc, other.mention.doc}:
        given = [item.value for item in by_doc[doc] if _same_description(item, one)]
        if any(same_value(value, one.value) for value in given) and any(
            same_value(value, other.value) for value in given
        ):
            return True
    return False


def _published(context: CheckContext, doc: str) -> Interval | None:
    document = context.documents.get(doc)
    return publication_interval(document) if document is not None else None


def _descriptions(event: str, published: Interval | None, mention: Mention) -> list[_Described]:
    roles = mention.roles or read_role_values(mention.quote, mention.start)
    return [
        _described(event, published, mention, value)
        for value in roles
        if value.role in DESCRIBED_ROLES and value.text[:1].isupper() and not _in_list(mention, value)
    ]


def _described(event: str, published: Interval | None, mention: Mention, value: RoleValue) -> _Described:
    quote, start, end = mention.quote, value.start - mention.start, value.end - mention.start
    before, after = _WORD.findall(quote[: max(start, 0)]), _WORD.findall(quote[end:])
    skipped = merge_words().function_words | {word.casefold() for word in calendar_words()}
    content_before = [word for word in before if word.casefold() not in skipped]
    content_after = [word for word in after if word.casefold() not in skipped]
    frame = content_before[-BEFORE:] + content_after[:AFTER]
    near = [
        word
        for word in before[-NAME_REACH:] + after[:NAME_REACH]
        if word[:1].isupper() and len(word) >= MIN_NAME and word.casefold() not in skipped
    ]
    return _Described(
        mention=mention,
        event=event,
        published=published,
        dated=mention_interval(mention),
        value=value,
        frame=frozenset(word.casefold() for word in frame),
        lowercase=frozenset(word for word in frame if word.islower()),
        names=frozenset(word.casefold() for word in near if not is_common_word(word)),
        near=tuple(near),
    )


def _in_list(mention: Mention, value: RoleValue) -> bool:
    """A value that is, or is part of, a list ("in Canada and western New York"): one of several."""
    start, end = value.start - mention.start, value.end - mention.start
    around = mention.quote[max(start - 5, 0) : start] + " " + mention.quote[end : end + 5]
    return bool(_LIST.search(value.text) or _LIST.search(around))


def _words(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(text)}


def _subject(one: _Described, other: _Described) -> str:
    """Who or what both describe, as the first article writes it, and the other words they share."""
    values = _words(one.value.text) | _words(other.value.text)
    others = {word.casefold() for word in other.near}
    names = dict.fromkeys(w for w in one.near if w.casefold() in others and w.casefold() not in values)
    shared = " ".join(sorted((one.frame & other.frame) - one.names - other.names))
    return " ".join(names) + (f" ({shared})" if shared else "")
