"""Open values: the named entities a text puts in a role ("in a Texas federal court" -> court "Texas federal
court", "on board the Ever Given" -> vessel "Ever Given", "in Houston" -> place "Houston").

A rule can then ask whether sources agree on "which court" without listing every court in advance, and the
built-in checks can compare the places or organisations sources name. The role lexicon is data
(`data/roles.yaml`); names are found by capitalisation, so no model is needed and a text with no capital
letter costs nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import re2  # google-re2: linear-time DFA scanning
import yaml
from pydantic import BaseModel, ConfigDict, Field

from timeline.english import english
from timeline.events.models import RoleValue
from timeline.events.quantity_words import alternation

_CAPITAL = "A-ZÀ-ÖØ-Þ"
# a capitalised word, or initials ("U.S."); a period is otherwise the end of a sentence
_WORD = rf"(?:[{_CAPITAL}]\.(?:[{_CAPITAL}]\.)+|[{_CAPITAL}][\w'’&-]*)"
_POSSESSIVE = ("'s", "’s", "'", "’")
_NORMAL_DROP = re.compile(r"[.'’\"()]")


class RoleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    heads: list[str] = Field(default_factory=list)
    modifiers: list[str] = Field(default_factory=list)
    capitalised: bool = False
    cues: list[str] = Field(default_factory=list)
    cue_capitalised: bool = False
    place: bool = False  # "in Houston": a name that is a possessive ("in Anthropic's post") is no place
    connectors: list[str] | None = None  # lowercase words inside this role's names (default: name_connectors)


class RoleWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name_connectors: list[str]
    name_abbreviations: list[str]
    not_names: list[str]
    place_continues_before: list[str]
    articles: list[str]
    roles: dict[str, RoleSpec]


@dataclass(frozen=True)
class _RolePattern:
    role: str
    pattern: Any  # RE2: every pattern scans every text, and a DFA does it ~10x faster than `re`
    spec: RoleSpec


@dataclass(frozen=True)
class _Lexicon:
    words: RoleWords
    patterns: tuple[_RolePattern, ...]
    not_names: frozenset[str]
    articles: re.Pattern[str]
    probe: Any  # a capital letter, or a head read in lower case ("a federal court")
    place_tail: re.Pattern[str]  # ", New York" after "in Manhattan": where a place name goes on


@cache
def _lexicon() -> _Lexicon:
    text = resources.files("timeline.events").joinpath("data/roles.yaml").read_text(encoding="utf-8")
    words = RoleWords.model_validate(yaml.safe_load(text))
    calendar = english()
    word = rf"(?:{alternation(words.name_abbreviations)}|{_WORD})"

    def name_with(connectors: list[str]) -> str:
        return rf"{word}(?:[ \t]+(?:(?:{alternation(connectors)})[ \t]+)*{word})*"

    compiled = []
    lowercase_heads = [head for spec in words.roles.values() if not spec.capitalised for head in spec.heads]
    for role, spec in words.roles.items():
        name = name_with(words.name_connectors if spec.connectors is None else spec.connectors)
        # RE2 has no look-behind: the character before a value is matched (outside the value group)
        if spec.heads:
            heads = alternation(spec.heads) if spec.capitalised else f"(?i:{alternation(spec.heads)})"
            before = f"(?:{word}|(?i:{alternation(spec.modifiers)}))" if spec.modifiers else word
            pattern = (
                rf"(?:^|[^\w'’])(?P<value>(?:{before}[ \t]+){{0,5}}(?:{heads})\b"
                rf"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?{name})?)"
            )
        else:
            cues = alternation(spec.cues) if spec.cue_capitalised else f"(?i:{alternation(spec.cues)})"
            pattern = rf"(?:^|[^\w-])(?:{cues})[ \t]+(?:the[ \t]+)?(?P<value>{name})"
        compiled.append(_RolePattern(role, re2.compile(pattern), spec))
    follows = alternation(words.place_continues_before)
    return _Lexicon(
        words=words,
        patterns=tuple(compiled),
        not_names=frozenset(
            [*words.not_names, *(name.title() for name in (*calendar.months, *calendar.weekdays))]
        ),
        articles=re.compile(rf"^(?i:{alternation(words.articles)})[ \t]+"),
        probe=re2.compile(rf"[{_CAPITAL}]|(?i:\b(?:{alternation(lowercase_heads)})\b)"),
        place_tail=re.compile(
            rf",[ \t]{name_with(words.name_connectors)}(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:{follows})\b)"
        ),
    )


def read_role_values(text: str, offset: int = 0) -> list[RoleValue]:
    """Every named entity in a role in `text`, in text order; where two overlap the longer one wins."""
    lexicon = _lexicon()
    if not lexicon.probe.search(text):
        return []
    found: list[tuple[int, int, int, RoleValue]] = []
    for priority, role in enumerate(lexicon.patterns):
        for match in role.pattern.finditer(text):
            value = _value(text, match, role, lexicon)
            if value is not None:
                found.append((value.start, -(value.end - value.start), priority, value))
    kept: list[RoleValue] = []
    for _, _, _, value in sorted(found, key=lambda item: (item[1], item[2], item[0])):
        if not any(value.start < other.end and other.start < value.end for other in kept):
            kept.append(value)
    return [
        value.model_copy(update={"start": value.start + offset, "end": value.end + offset})
        for value in sorted(kept, key=lambda value: (value.start, value.end))
    ]


def _value(text: str, match: Any, role: _RolePattern, lexicon: _Lexicon) -> RoleValue | None:
    start, end = match.span(match.re.groupindex["value"])
    if role.spec.heads and text[end : end + 1] == "-":
        return None  # "court-appointed": the head word is part of another word
    if role.spec.place and (tail := lexicon.place_tail.match(text, end)) is not None:
        end = tail.end()  # "in Manhattan, New York"
    words = text[start:end]
    article = lexicon.articles.match(words)
    if article is not None:
        start, words = start + article.end(), words[article.end() :]
    if words.endswith(_POSSESSIVE):
        if role.spec.place:
            return None  # "in Anthropic's post": the name qualifies something else
        trimmed = words.removesuffix("'s").removesuffix("’s").rstrip("'’")
        end -= len(words) - len(trimmed)
        words = trimmed
    first = words.split()[0] if words.split() else ""
    if not words or first in lexicon.not_names:
        return None
    if role.spec.heads and len(words.split()) == 1:
        return None  # a bare head ("Court", "Bank") names nothing
    return RoleValue(role=role.role, text=words, start=start, end=end, normalized=normalize(words))


def normalize(name: str) -> str:
    """Casefolded, without abbreviation dots, quotes, a leading article or extra spaces: "The U.S. Court"
    -> "us court"."""
    folded = " ".join(_NORMAL_DROP.sub("", name).casefold().split())
    for article in _lexicon().words.articles:
        folded = folded.removeprefix(f"{article} ")
    return folded


def role_names() -> list[str]:
    """The roles of data/roles.yaml (court, airline, organisation, vessel, person, place, ...)."""
    return list(_lexicon().words.roles)


def same_value(a: RoleValue, b: RoleValue) -> bool:
    """Can two values name the same thing? See `same_name`."""
    return same_name(a.text, b.text)


def same_name(a: str, b: str) -> bool:
    """Can two names (as written) name the same thing? Equal once normalised; one is a comma-separated part
    of the other ("New York" in "Manhattan, New York"); or the shorter is a generic description, written
    in lower case, that the longer one narrows ("federal court" and "Texas federal court")."""
    short, long = sorted((a, b), key=lambda name: len(normalize(name)))
    short_normal, long_normal = normalize(short), normalize(long)
    if short_normal == long_normal:
        return True
    if short_normal in [part.strip() for part in long_normal.split(",")]:
        return True
    generic = short[:1].islower()
    return generic and long_normal.endswith(f" {short_normal}")
