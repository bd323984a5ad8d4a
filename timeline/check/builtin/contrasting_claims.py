"""builtin/contrasting-claims: the articles that tell one event use opposed words about it ("voluntarily
submit" in one, "mandatory review" in another), from the opposed terms of data/opposed_terms.yaml.

An article that uses words of both sides takes no side; a disagreement needs one article on one side only
and another on another side only. A word right after a negation ("rather than mandating") does not count.
Asserted statements are compared with asserted ones, hedged with hedged ("might increase the risks").
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from itertools import chain

from lemminflect import getAllLemmas  # is the word after a term a noun (a thing it describes)?
from pydantic import BaseModel, ConfigDict

from timeline.check.builtin.compare import compared_events, describe, side_evidence
from timeline.check.models import Finding, Severity
from timeline.check.rulebase import CheckContext
from timeline.chronology.features import merge_words
from timeline.events.models import Mention
from timeline.yamlsource import load_yaml

ID = "builtin/contrasting-claims"
SEVERITY: Severity = "warning"
DESCRIPTION = "Articles telling the same event use opposed words about it (voluntary / mandatory, ...)."
NEGATION_REACH = 60  # characters before a phrase searched for a negation


class OpposedTerms(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    negations: list[str]
    negation_words: int
    groups: list[dict[str, list[str]]]


@cache
def _terms() -> OpposedTerms:
    path = "data/opposed_terms.yaml"
    text = resources.files("timeline.check.builtin").joinpath(path).read_text(encoding="utf-8")
    return OpposedTerms.model_validate(load_yaml(text, f"timeline/check/builtin/{path}").data)


def _phrase(phrase: str) -> str:
    words = [r"\d[\d,.]*" if word == "#" else re.escape(word) for word in phrase.split()]
    return r"\s+".join(words)


@cache
def _patterns() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], ...]:
    """Per group, per side: one case-insensitive whole-word pattern."""
    return tuple(
        tuple(
            (
                side,
                re.compile(r"(?<![\w-])(?:" + "|".join(map(_phrase, phrases)) + r")(?![\w-])", re.IGNORECASE),
            )
            for side, phrases in group.items()
        )
        for group in _terms().groups
    )


@cache
def _any_term() -> re.Pattern[str]:
    """Every phrase of every group in one pattern: most statements use none and are passed over in one
    search, not one per side of every group."""
    phrases = [phrase for group in _terms().groups for side in group.values() for phrase in side]
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(_phrase, phrases)) + r")(?![\w-])", re.IGNORECASE)


def uses_a_term(text: str) -> bool:
    return _any_term().search(text) is not None


@cache
def _negation() -> re.Pattern[str]:
    terms = _terms()
    negations = "|".join(_phrase(negation) for negation in terms.negations)
    words = terms.negation_words
    return re.compile(rf"(?:(?<![\w])(?:{negations})|n't)(?:\W+\w+){{0,{words - 1}}}\W*$", re.IGNORECASE)


def opposed_groups() -> list[dict[str, list[str]]]:
    """The groups of opposed terms: side -> phrases."""
    return _terms().groups


def sides_of(text: str, group: int) -> dict[str, str]:
    """The sides of group number `group` a text takes, with the words it takes each with (the first).
    A term that describes a thing ("internal memo") is left to builtin/contrasting-descriptions: an
    internal memo and an independent audit are not opposed claims."""
    found: dict[str, str] = {}
    for side, pattern in _patterns()[group]:
        for match in pattern.finditer(text):
            if not _negated(text, match.start()) and _thing_after(text, match.end()) is None:
                found.setdefault(side, match.group())
    return found


_FOLLOWING = re.compile(r"\s+([a-z][a-z-]+)(?:\s+([a-z][a-z-]+))?")


def _negated(text: str, start: int) -> bool:
    return _negation().search(text[max(start - NEGATION_REACH, 0) : start]) is not None


def _thing_after(text: str, end: int) -> str | None:
    """The one or two lowercase words after a term that name what it describes, ending in a noun
    ("research institute", "memo"); None when a verb or a function word follows ("voluntarily submit")."""
    following = _FOLLOWING.match(text, end)
    function_words = merge_words().function_words
    if following is None or following.group(1) in function_words:
        return None
    second = following.group(2)
    words = (
        [following.group(1)] if second is None or second in function_words else [following.group(1), second]
    )
    while words and not _is_noun(words[-1]):
        words.pop()
    return " ".join(words) if words else None


def _is_noun(word: str) -> bool:
    return "NOUN" in getAllLemmas(word)


def described_things(text: str) -> list[tuple[int, str, str, str]]:
    """(group, side, words, thing) for each opposed term right before the thing it describes: "internal
    research institute" is side internal of the thing "research institute". Negated terms do not count."""
    found: list[tuple[int, str, str, str]] = []
    if not uses_a_term(text):
        return found
    for group, sides in enumerate(_patterns()):
        for side, pattern in sides:
            for match in pattern.finditer(text):
                thing = _thing_after(text, match.end())
                if thing is not None and not _negated(text, match.start()):
                    found.append((group, side, f"{match.group()} {thing}", thing))
    return found


def check(context: CheckContext, severity: Severity) -> list[Finding]:
    findings = []
    compared = chain(compared_events(context), compared_events(context, hedged=True))
    for event, told in compared:
        by_doc = {doc: [m for m in mentions if uses_a_term(m.quote)] for doc, mentions in told.items()}
        if sum(1 for mentions in by_doc.values() if mentions) < 2:
            continue  # no two articles use an opposed term about it
        for group in range(len(_patterns())):
            sides: dict[str, list[tuple[Mention, str]]] = {}
            only: dict[str, set[str]] = {}  # side -> articles taking that side only
            for doc, mentions in by_doc.items():
                taken: dict[str, list[tuple[Mention, str]]] = {}
                for mention in mentions:
                    for side, words in sides_of(mention.quote, group).items():
                        taken.setdefault(side, []).append((mention, words))
                for side, claims in taken.items():
                    sides.setdefault(side, []).extend(claims)
                    if len(taken) == 1:
                        only.setdefault(side, set()).add(doc)
            if len(only) > 1:
                findings.append(
                    Finding(
                        rule=ID,
                        severity=severity,
                        message=f"sources describe {event.title} in opposed terms: {describe(sides)}",
                        event=event.id,
                        evidence=side_evidence(sides),
                    )
                )
    return findings
