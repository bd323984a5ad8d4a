"""The English words several stages share (english.yaml): month and day names, tense cues.

Kept at the top of the package because the corpus reader, the tagger and the event extractor all read
it and none of them may import a later stage.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from timeline.yamlsource import load_yaml


class TenseWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    future: list[str]
    future_phrases: list[str]
    past: list[str]
    present: list[str]
    unclear: list[str]


class English(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    months: dict[str, int]
    weekdays: dict[str, int]
    tense: TenseWords


@cache
def english() -> English:
    text = resources.files("timeline").joinpath("english.yaml").read_text(encoding="utf-8")
    return English.model_validate(load_yaml(text, "timeline/english.yaml").data)
