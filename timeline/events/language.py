"""The English cues of `data/language.yaml`, loaded once."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from timeline.english import TenseWords, english

TenseName = Literal["past", "present", "future", "unclear"]
# How a dependent clause's event lies in time against the clause it depends on.
Relation = Literal["same", "before", "after", "hypothetical"]


class TenseCues(TenseWords):
    before_nt: dict[str, TenseName]
    after_apostrophe: dict[str, TenseName]
    group_words: int
    window_words: int


class WordClasses(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    determiners: frozenset[str]
    pronouns: frozenset[str]
    prepositions: frozenset[str]


class NameCues(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    joiners: frozenset[str]
    titles: frozenset[str]


class ClauseKindCues(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    reporting_verbs: frozenset[str]
    complement_words: int
    subject_words: int
    subordinators: dict[str, Relation]
    bare_subordinators: frozenset[str]


class LanguageCues(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    clause_separators: list[str]
    after_comma: list[str]
    relative_pronouns: list[str]
    comma_participle: bool
    participle_exceptions: list[str]
    relation_phrases: list[str]
    pronoun_starts: list[str]
    continuations: list[str]
    comparison_words: frozenset[str]
    vague_values: list[str]
    auxiliaries: list[str]
    summary_drop_leading: list[str]
    summary_words: int
    time_prepositions: list[str]
    tense: TenseCues
    words: WordClasses
    clause_kinds: ClauseKindCues
    names: NameCues


@cache
def cues() -> LanguageCues:
    text = resources.files("timeline.events").joinpath("data/language.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    # the tense words shared with the tagger
    data["tense"] = {**english().tense.model_dump(), **data["tense"]}
    return LanguageCues.model_validate(data)
