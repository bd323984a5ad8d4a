"""The tagger's word lists, typed: resources/lexicon.yaml and resources/negatives.yaml, plus the month and
day names of the shared timeline/english.yaml. A typo'd key or a wrong shape fails at load with its place."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict

from timeline.english import english


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Unit(_Strict):
    code: str  # the TIMEX3 duration letter
    granularity: str
    count: int = 1  # "fortnight": two weeks


class Deictic(_Strict):
    type: Literal["DATE", "TIME"]
    offset_days: int = 0
    ref: Literal["PRESENT_REF", "PAST_REF", "FUTURE_REF"] | None = None
    part: str | None = None  # a part of the day: "tonight" is TNI


class TenseCues(_Strict):
    future: list[str]
    either: list[str]
    past: list[str]
    past_suffix: str
    not_cues: list[str]
    reporting: list[str]
    report_complements: list[str]
    passive_auxiliaries: list[str]
    determiners: list[str]
    future_modal: list[str]
    deadline_before: list[str]
    moved_to_before: list[str]
    past_before: list[str]
    scheduling_verbs: list[str]
    noun_before: list[str]
    manner_participles: list[str]
    manner_before: list[str]
    modal_before: list[str]


class Negatives(_Strict):
    """Words that alone make a number or a phrase no time expression (resources/negatives.yaml)."""

    counted_nouns: list[str]
    age_after: list[str]
    negations: list[str]
    level_prepositions: list[str]
    a_unit_that_is_no_time: list[str]
    occasion_after: list[str]


class Words(_Strict):
    months: dict[str, int]
    ambiguous_months: list[str]
    weekdays: dict[str, int]
    ambiguous_weekdays: list[str]
    day_parts: dict[str, str]
    number_words: dict[str, int]
    vague_quantities: list[str]
    vague_references: dict[str, str]
    vague_stretches: list[str]
    ordinals: dict[str, int]
    units: dict[str, Unit]
    seasons: dict[str, str]
    stretch_shifts: list[str]
    stretch_units: list[str]
    relative_shift: dict[str, int]
    position_mods: dict[str, str]
    quantity_mods: dict[str, str]
    counted_bounds: dict[str, Literal["within", "beyond"]]
    deictic: dict[str, Deictic]
    frequencies: dict[str, str]
    fixed_holidays: dict[str, tuple[int, int]]
    weekday_holidays: dict[str, list[int]]
    easter_holidays: dict[str, int]
    tense_cues: TenseCues
    abbreviations: list[str]
    personal_titles: list[str]
    head_words: list[str]
    date_prepositions: list[str]
    season_prepositions: list[str]
    rate_words: list[str]
    time_zones: list[str]
    decade_words: dict[str, int]
    title_words: list[str]
    generic_present_after: list[str]
    negatives: Negatives


def read_resource(name: str) -> Any:
    """A resource file's data. These files are ours, not users': libyaml's C parser reads them (several
    times faster than the located pure-Python reading user files get), pydantic checks their shape."""
    text = resources.files("timeline.temporal").joinpath("resources", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def words() -> Words:
    """The word lists, with the shared month names, day names and tense words merged in."""
    data = read_resource("lexicon.yaml")
    shared = english()
    data["months"], data["weekdays"] = dict(shared.months), dict(shared.weekdays)
    cues = data["tense_cues"]
    cues["future"] = [*shared.tense.future, *cues["future"]]
    cues["past"] = [*shared.tense.past, *cues["past"]]
    data["negatives"] = read_resource("negatives.yaml")
    return Words.model_validate(data)
