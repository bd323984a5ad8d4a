"""Phrases that match nothing: a trigger or attribute phrase that no sentence of the corpus contains is
most often a typo or a wording the articles do not use, and a rule that relies on it cannot fire there.
`timeline rules list` and `rules test` print one located warning for each.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from timeline.check.kinds.claims import ClaimsMixin
from timeline.check.rulebase import RuleBase
from timeline.events.catalog import Catalog, PhraseOrRegex, RegexPattern
from timeline.events.phrases import PhraseSet, tokenize


@dataclass(frozen=True)
class PhraseUse:
    where: str  # file:line(:column) of the phrase, or of what defines it
    label: str  # "event 'contract' trigger 'sign ... contract'"
    phrases: PhraseSet


def _shown(phrase: PhraseOrRegex) -> str:
    return f"regex '{phrase.regex}'" if isinstance(phrase, RegexPattern) else f"'{phrase}'"


def phrase_uses(catalog: Catalog, rules: Sequence[RuleBase]) -> list[PhraseUse]:
    """Every trigger and attribute phrase of the catalog and of the rules' own vocabularies, each with
    where it is written."""
    uses = []
    for event in catalog.events:
        named: list[tuple[str, str, PhraseOrRegex]] = [
            (f"triggers.{index}", "trigger", phrase) for index, phrase in enumerate(event.triggers)
        ]
        for attribute, values in event.attributes.items():
            for value, phrases in values.items():
                named += [
                    (f"attributes.{attribute}.{value}.{i}", f"{attribute} '{value}' phrase", phrase)
                    for i, phrase in enumerate(phrases)
                ]
        for key, what, phrase in named:
            where = event.phrase_at.get(key, event.defined_at)
            label = f"event '{event.id}': {what} {_shown(phrase)}"
            uses.append(PhraseUse(where, label, PhraseSet([phrase], event.word_gap)))
    for rule in rules:
        if isinstance(rule, ClaimsMixin) and rule.values:
            for value, phrases in rule.values.items():
                for index, phrase in enumerate(phrases):
                    where = rule.phrase_at.get(f"values.{value}.{index}", rule.defined_at)
                    label = f"rule '{rule.id}': '{value}' phrase {_shown(phrase)}"
                    uses.append(PhraseUse(where, label, PhraseSet([phrase])))
    return uses


def unmatched_phrases(catalog: Catalog, rules: Sequence[RuleBase], sentences: Iterable[str]) -> list[str]:
    """A warning line for each phrase that no sentence matches (stops reading once every phrase matched)."""
    pending = phrase_uses(catalog, rules)
    for sentence in sentences:
        if not pending:
            break
        tokens = tokenize(sentence)
        pending = [use for use in pending if not use.phrases.find(sentence, tokens)]
    return [f"{use.where}: warning: {use.label} matches no sentence of the corpus" for use in pending]
