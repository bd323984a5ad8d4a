"""What a mention claims about an attribute: the catalog's value, a rule's own vocabulary, or an open value.

A rule may define the values of an attribute itself (`values: {value: [phrases]}`), matched in each
mention's quote with the catalog's phrase syntax, so a check needs no change to the event catalog. Or it
may read an open value (`role: court`): the named entity the quote puts in that role ("in a Texas federal
court"), read by the project's one role reader, so no vocabulary is needed at all; such values are
compared by `roles.same_name` ("federal court" can be "Texas federal court", "York" is not "New York").
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, PrivateAttr, field_validator, model_validator

from timeline.check.rulebase import suggest
from timeline.events.catalog import PhraseOrRegex
from timeline.events.models import Mention
from timeline.events.phrases import PhraseSet, tokenize
from timeline.events.roles import read_role_values, role_names, same_name


class ClaimsMixin(BaseModel):
    attribute: str | None = Field(
        None,
        description="The attribute compared: one of the catalog event's attributes, or a name for the rule's "
        "own `values` or `role`.",
    )
    values: dict[str, list[PhraseOrRegex]] | None = Field(
        None,
        description="This rule's own vocabulary for `attribute`: value -> phrases found in each mention's "
        "quote (lemma-aware words, '...' gaps, {regex: RE2}). Without it the catalog attribute is used.",
    )
    role: str | None = Field(
        None,
        description="An open value instead of a vocabulary: the named entity each quote puts in this role "
        "(court, place, vessel, organisation, airline, person), compared by name.",
    )
    _phrases: dict[str, PhraseSet] = PrivateAttr(default_factory=dict)

    @field_validator("role")
    @classmethod
    def _known_role(cls, role: str | None) -> str | None:
        if role is not None and role not in role_names():
            raise ValueError(f"unknown role '{role}'{suggest(role, role_names())}")
        return role

    @model_validator(mode="after")
    def _values_or_role(self) -> ClaimsMixin:
        if self.values is not None and self.role is not None:
            raise ValueError("role: a rule reads either its own `values` or an open `role`, not both")
        return self

    def model_post_init(self, context: Any, /) -> None:
        # Compiled once per rule, not once per mention.
        self._phrases = {value: PhraseSet(phrases) for value, phrases in (self.values or {}).items()}

    def claims(self, mention: Mention) -> list[str]:
        """The values of `attribute` this mention claims (several when its quote names several)."""
        if self.role is not None:
            found = [value.text for value in read_role_values(mention.quote) if value.role == self.role]
            return list(dict.fromkeys(found))
        if self.attribute is None:
            return []
        if not self._phrases:
            if self.attribute in mention.attribute_values:
                return mention.attribute_values[self.attribute]
            value = mention.attributes.get(self.attribute)
            return [value] if value is not None else []
        tokens = tokenize(mention.quote)
        return [value for value, phrases in self._phrases.items() if phrases.find(mention.quote, tokens)]

    def same(self, a: str, b: str) -> bool:
        """Do two claimed values say the same? Vocabulary values are ids; open values are names."""
        return same_name(a, b) if self.role is not None else a == b
