"""What a mention claims about an attribute: the catalog's value, or a rule's own vocabulary.

A rule may define the values of an attribute itself (`values: {value: [phrases]}`), matched in each
mention's quote with the catalog's phrase syntax, so a check needs no change to the event catalog.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, PrivateAttr

from timeline.events.catalog import PhraseOrRegex
from timeline.events.models import Mention
from timeline.events.phrases import PhraseSet, tokenize


class ClaimsMixin(BaseModel):
    attribute: str | None = None
    values: dict[str, list[PhraseOrRegex]] | None = Field(
        None,
        description="This rule's own vocabulary for `attribute`: value -> phrases found in each mention's "
        "quote (lemma-aware words, '...' gaps, {regex: RE2}). Without it the catalog attribute is used.",
    )
    _phrases: dict[str, PhraseSet] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        # Compiled once per rule, not once per mention.
        self._phrases = {value: PhraseSet(phrases) for value, phrases in (self.values or {}).items()}

    def claims(self, mention: Mention) -> list[str]:
        """The values of `attribute` this mention claims (several when its quote names several)."""
        if self.attribute is None:
            return []
        if not self._phrases:
            if self.attribute in mention.attribute_values:
                return mention.attribute_values[self.attribute]
            value = mention.attributes.get(self.attribute)
            return [value] if value is not None else []
        tokens = tokenize(mention.quote)
        return [value for value, phrases in self._phrases.items() if phrases.find(mention.quote, tokens)]
