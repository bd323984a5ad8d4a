"""Clause segmentation by punctuation and cue words, so a time expression dates only its own clause.

No parser: boundaries are the separators and cue words of `data/language.yaml`. Asides between a
pair of dashes, or from ", which" to the next comma, get their own clause, and the clause they
interrupt resumes after them ("OpenAI — Anthropic's main rival — published a report").
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from timeline.events.language import cues


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    language = cues()
    words = "|".join(re.escape(word) for word in language.after_comma)
    phrases = "|".join(re.escape(phrase) for phrase in language.relation_phrases)
    exceptions = "".join(f"(?!{re.escape(word)}\\b)" for word in language.participle_exceptions)
    participle = rf"|{exceptions}[a-z]+ing" if language.comma_participle else ""
    split = re.compile(
        rf",\s+(?=(?:{words}{participle})\b)|\b(?={phrases}\b)|;",
        re.IGNORECASE,
    )
    dashes = "|".join(re.escape(dash) for dash in language.clause_separators if dash.strip() != ";")
    dash = re.compile(dashes)
    relative = re.compile(
        rf",\s+(?:{'|'.join(re.escape(word) for word in language.relative_pronouns)})\b", re.IGNORECASE
    )
    return split, dash, relative


class Clauses:
    """Clause ids over one sentence: `clause_at(offset)` for an absolute text offset."""

    def __init__(self, sentence: str, offset: int) -> None:
        split, dash, relative = _patterns()
        # (position, kind): "split" starts a new clause, "open" an aside, "close" ends the aside
        marks: list[tuple[int, str]] = [(match.start(), "split") for match in split.finditer(sentence)]
        dash_positions = [match.start() for match in dash.finditer(sentence)]
        for index, position in enumerate(dash_positions):
            paired = index % 2 == 0 and index + 1 < len(dash_positions)
            closing = index % 2 == 1
            marks.append((position, "open" if paired else "close" if closing else "split"))
        for match in relative.finditer(sentence):
            end_comma = sentence.find(",", match.end())
            marks.append((match.start(), "open" if end_comma != -1 else "split"))
            if end_comma != -1:
                marks.append((end_comma, "close"))
        self.starts: list[int] = [offset]
        self.ids: list[int] = [0]
        stack: list[int] = []
        current = 0
        next_id = 1
        for position, kind in sorted(marks):
            if kind == "close" and stack:
                current = stack.pop()
            elif kind == "open":
                stack.append(current)
                current, next_id = next_id, next_id + 1
            else:
                current, next_id = next_id, next_id + 1
            self.starts.append(offset + position)
            self.ids.append(current)

    def clause_at(self, offset: int) -> int:
        return self.ids[max(bisect.bisect_right(self.starts, offset) - 1, 0)]
