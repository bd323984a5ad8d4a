"""`timeline rules suggest`: a starter event catalog and checks from what a corpus tells with no rules.

Every automatic event told by two or more articles becomes a catalog entry: an id from its words, its
title, triggers (the phrases of up to three words its articles' sentences share), the names they share as
participants, and an attribute for each group of opposed terms its articles use
(check/builtin/data/opposed_terms.yaml). Each entry gets a `date-agree` rule and each attribute an `agree`
rule, with tests made of the articles' own sentences. The caller runs the tests and keeps only those
that pass, so `timeline rules test` passes on what is written; the user edits from there.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import Any

from timeline.check.builtin.contrasting_claims import opposed_groups, sides_of
from timeline.chronology.features import calendar_words, is_common_word, merge_words
from timeline.chronology.models import Event, Timeline
from timeline.english import english
from timeline.events.models import Mention

MAX_TRIGGERS = 3
MAX_WORDS = 3  # words in a suggested trigger
MAX_EVENTS = 50  # entries suggested at most (the events told by most articles first)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def suggest(timeline: Timeline) -> tuple[dict[str, Any], dict[str, Any]]:
    """(events.yaml, checks.yaml) as data, for the automatic events several articles tell."""
    published = {document.id: document.published for document in timeline.documents}
    told = [event for event in timeline.events if event.automatic and len(_documents(event)) > 1]
    told.sort(key=lambda event: (-len(_documents(event)), event.id))
    events: dict[str, Any] = {}
    rules: list[dict[str, Any]] = []
    for event in told[:MAX_EVENTS]:
        triggers = _triggers(event)
        if not triggers:
            continue
        event_id = _unique(_slug(triggers[0]), events)
        entry: dict[str, Any] = {"title": event.title.rstrip(" …"), "triggers": triggers}
        names = _shared_names(event)
        if names:
            entry["participants"] = {"named": names}
        attributes = _attributes(event)
        if attributes:
            entry["attributes"] = {name: sides for name, (sides, _) in attributes.items()}
        events[event_id] = entry
        rules.append(_date_rule(event_id, event, published))
        for name, (_, split) in attributes.items():
            rules.append(_agree_rule(event_id, name, split, published))
    header = {"events": events}
    return header, {"rules": rules}


def _documents(event: Event) -> set[str]:
    return {mention.doc for mention in event.mentions}


def _words(text: str) -> list[str]:
    return [match.group() for match in _WORD.finditer(text)]


def _triggers(event: Event) -> list[str]:
    """Phrases of one to three words, each found in the sentences of at least two of the event's
    articles: those most articles share first, longer ones first, then alphabetically."""
    function_words = merge_words().function_words
    calendar = calendar_words()
    found: dict[str, set[str]] = defaultdict(set)
    spelled: dict[str, str] = {}
    for mention in event.mentions:
        words = _words(mention.quote)
        for size in range(1, MAX_WORDS + 1):
            for start in range(len(words) - size + 1):
                gram = words[start : start + size]
                lowered = [word.lower() for word in gram]
                if lowered[0] in function_words or lowered[-1] in function_words:
                    continue
                if any(word in calendar for word in lowered):
                    continue
                if size == 1 and len(lowered[0]) < 5:
                    continue
                key = " ".join(lowered)
                found[key].add(mention.doc)
                spelled.setdefault(key, " ".join(gram))
    ranked = sorted(
        (key for key, docs in found.items() if len(docs) > 1),
        key=lambda key: (-len(found[key]), -len(key.split()), key),
    )
    chosen: list[str] = []
    for key in ranked:
        if not any(key in other or other in key for other in chosen):
            chosen.append(key)
        if len(chosen) == MAX_TRIGGERS:
            break
    return [spelled[key] for key in chosen]


_NAME = re.compile(r"[A-Z][\w'’&-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’&-]*)*")


def _shared_names(event: Event) -> list[str]:
    """Runs of capitalised words ("Northwind Freight", "Bank of England") that at least two of the
    event's articles use; not a lone common word at a sentence's start, a month or a weekday."""
    calendar = calendar_words()
    docs: dict[str, set[str]] = defaultdict(set)
    for mention in event.mentions:
        for match in _NAME.finditer(mention.quote):
            words = match.group().removesuffix("'s").removesuffix("’s").split()
            while len(words) > 1 and words[0].lower() in merge_words().function_words:
                words = words[1:]  # "A Trump", "The Pentagon": the article is not the name
            name = " ".join(words)
            if any(word.lower() in calendar for word in words):
                continue
            if len(words) == 1 and (len(name) < 2 or is_common_word(name)):
                continue
            docs[name].add(mention.doc)
    return sorted(name for name, found in docs.items() if len(found) > 1)


Split = dict[str, list[Mention]]  # side -> mentions taking only that side


def _attributes(event: Event) -> dict[str, tuple[dict[str, list[str]], Split]]:
    """Per group of opposed terms the event's articles use: its vocabulary (side -> the phrases found, or
    the group's first phrase) and which mentions take one side only."""
    attributes: dict[str, tuple[dict[str, list[str]], Split]] = {}
    for number, group in enumerate(opposed_groups()):
        phrases: dict[str, list[str]] = {side: [] for side in group}
        split: Split = defaultdict(list)
        for mention in event.mentions:
            sides = sides_of(mention.quote, number)
            for side, words in sides.items():
                if words.lower() not in phrases[side]:
                    phrases[side].append(words.lower())
            if len(sides) == 1:
                split[next(iter(sides))].append(mention)
        if sum(1 for found in phrases.values() if found) > 1:  # two sides said: something to agree on
            name = "-or-".join(group)
            attributes[name] = ({side: found or [group[side][0]] for side, found in phrases.items()}, split)
    return attributes


def _test_doc(mention: Mention, name: str, published: dict[str, str | None]) -> dict[str, Any]:
    doc: dict[str, Any] = {"id": name, "text": " ".join(mention.quote.split())}
    when = published.get(mention.doc)
    doc["dct"] = date.fromisoformat(when) if when else None
    return doc


def _date_rule(event_id: str, event: Event, published: dict[str, str | None]) -> dict[str, Any]:
    dated = [mention for mention in event.mentions if mention.earliest and published.get(mention.doc)]
    rule: dict[str, Any] = {
        "id": f"{event_id}-date",
        "kind": "date-agree",
        "event": event_id,
        "severity": "warning",
        "description": f"The articles that tell '{event.title.rstrip(' …')}' give it one date.",
    }
    first = dated[0] if dated else None
    second = next((m for m in dated if first is not None and m.doc != first.doc), None)
    if first is not None and second is not None:
        docs = [_test_doc(first, "a", published), _test_doc(second, "b", published)]
        rule["tests"] = [{"name": "the articles as they are", "docs": docs, "expect": []}]
        changed = _other_date(second)
        if changed is not None:
            wrong = {**docs[1], "text": changed}
            rule["tests"].append(
                {"name": "one article dates it otherwise", "docs": [docs[0], wrong], "expect": [rule["id"]]}
            )
    return rule


def _other_date(mention: Mention) -> str | None:
    """The mention's sentence with its time expression's weekday moved three days, or its year two years
    back (a test that the date rule fires); None when the expression names neither."""
    words = mention.time_text
    if not words or words not in mention.quote:
        return None
    names: dict[int, str] = {}
    for day, number in english().weekdays.items():  # each weekday's full name: its longest spelling
        if len(day) > len(names.get(number, "")):
            names[number] = day
    weekdays = [names[number] for number in sorted(names)]
    for day in weekdays:
        if re.search(rf"\b{day}\b", words, re.IGNORECASE):
            moved = weekdays[(weekdays.index(day) + 3) % len(weekdays)]
            return " ".join(
                mention.quote.replace(words, re.sub(day, moved.capitalize(), words, flags=re.I)).split()
            )
    year = re.search(r"\b(1[89]|20)\d\d\b", words)
    if year is not None:
        other = words[: year.start()] + str(int(year.group()) - 2) + words[year.end() :]
        return " ".join(mention.quote.replace(words, other).split())
    return None


def _agree_rule(
    event_id: str, attribute: str, split: Split, published: dict[str, str | None]
) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": f"{event_id}-{attribute}",
        "kind": "agree",
        "event": event_id,
        "attribute": attribute,
        "severity": "warning",
        "description": f"The articles describe the event as {attribute.replace('-or-', ' or ')}.",
    }
    sides = [mentions for mentions in split.values() if mentions]
    if len(sides) > 1 and sides[0][0].doc != sides[1][0].doc:
        docs = [_test_doc(sides[0][0], "a", published), _test_doc(sides[1][0], "b", published)]
        rule["tests"] = [{"name": "the articles disagree", "docs": docs, "expect": [rule["id"]]}]
    return rule


def _slug(words: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", words.lower())) or "event"


def _unique(slug: str, taken: dict[str, Any]) -> str:
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate
