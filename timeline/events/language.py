"""The English cues of `data/language.yaml`, loaded once."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict


class LanguageCues(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    clause_separators: list[str]
    after_comma: list[str]
    relative_pronouns: list[str]
    comma_participle: bool
    participle_exceptions: list[str]
    relation_phrases: list[str]
    pronoun_starts: list[str]
    vague_values: list[str]
    auxiliaries: list[str]
    summary_drop_leading: list[str]
    summary_words: int
    time_prepositions: list[str]


@cache
def cues() -> LanguageCues:
    text = resources.files("timeline.events").joinpath("data/language.yaml").read_text(encoding="utf-8")
    return LanguageCues.model_validate(yaml.safe_load(text))
