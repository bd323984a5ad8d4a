"""Site boilerplate: lines that belong to the web page around the article, not to the article.

A general heuristic, driven by the cue list in resources/boilerplate.yaml:
* a line with a strong cue (copyright notice, membership pitch, cookie banner) is dropped wherever it is;
* a short line with a weak cue ("Subscribe", "Advertisement") is dropped wherever it is;
* the trailing block of the article (short lines that are no sentence, blank lines, cue lines, read
  back from the end up to the last line of prose) is dropped when it contains at least one cue line:
  a marketing list after the last paragraph goes, an article that simply ends on a short line stays.
Prose is never dropped for a weak cue: a sentence mentioning a newsletter is news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import re2
from pydantic import BaseModel, ConfigDict

from timeline.yamlsource import load_yaml

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")


class _BoilerplateCues(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    strong: list[str]
    weak: list[str]
    strong_max_words: int
    weak_max_words: int
    short_line_words: int


@dataclass(frozen=True)
class _Compiled:
    strong: Any  # compiled re2 patterns
    weak: Any
    strong_max_words: int
    weak_max_words: int
    short_line_words: int


def _alternation(patterns: list[str]) -> Any:
    # google-re2: one pass over the line for the whole alternation, several times faster than `re` here.
    # RE2 has no lookbehind, so the word edges are matched as characters (or the line's ends).
    return re2.compile(r"(?i)(?:^|\W)(?:" + "|".join(patterns) + r")(?:\W|$)")


@cache
def _cues() -> _Compiled:
    path = "resources/boilerplate.yaml"
    text = resources.files("timeline.corpus").joinpath(path).read_text(encoding="utf-8")
    cues = _BoilerplateCues.model_validate(load_yaml(text, path).data)
    return _Compiled(
        strong=_alternation(cues.strong),
        weak=_alternation(cues.weak),
        strong_max_words=cues.strong_max_words,
        weak_max_words=cues.weak_max_words,
        short_line_words=cues.short_line_words,
    )


def boilerplate_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines (already stripped) to drop. Blank lines are never reported."""
    cues = _cues()
    dropped: set[int] = set()
    cue_lines: set[int] = set()
    for index, line in enumerate(lines):
        if not line:
            continue
        words = len(line.split())
        if (words <= cues.strong_max_words and cues.strong.search(line)) or (
            words <= cues.weak_max_words and not _SENTENCE_END.search(line) and cues.weak.search(line)
        ):
            cue_lines.add(index)
            dropped.add(index)
    trailing: list[int] = []
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line:
            continue
        is_short = len(line.split()) <= cues.short_line_words and not _SENTENCE_END.search(line)
        if not (is_short or index in cue_lines or cues.weak.search(line)):
            break
        trailing.append(index)
    if any(index in cue_lines or cues.weak.search(lines[index]) for index in trailing):
        dropped.update(trailing)
    return dropped
