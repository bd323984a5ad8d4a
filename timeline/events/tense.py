"""The tense a clause gives a mention: past, present, future, or None when the words do not say.

No parser: verb groups are found from the cue words of `data/language.yaml` ("will", "was", "is set
to", "won't") and lemminflect's inflection tables ("signed" is a past-tense form of "sign"). The
group nearest the mention's trigger (or time expression) in its own clause decides. The search is
bounded by `window_words` on each side, so the work per mention does not grow with the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from lemminflect import getAllLemmas, getInflection  # inflection tables: is "met" a past-tense form?

from timeline.events.language import TenseName, cues
from timeline.events.phrases import Token

Tense = Literal["past", "present", "future"]
APOSTROPHES = ("'", "\u2019")


@dataclass(frozen=True)
class VerbGroup:
    first: int  # token indices, inclusive
    last: int
    tense: TenseName


@cache
def _future_phrases() -> tuple[tuple[str, ...], ...]:
    phrases = (tuple(phrase.lower().split()) for phrase in cues().tense.future_phrases)
    return tuple(sorted(phrases, key=len, reverse=True))


@cache
def _auxiliary_tense(word: str) -> TenseName | None:
    """The tense an auxiliary or modal sets for its group ("will", "was", "could"), else None."""
    tense = cues().tense
    named: tuple[tuple[TenseName, list[str]], ...] = (
        ("future", tense.future),
        ("past", tense.past),
        ("present", tense.present),
    )
    for name, words in named:
        if word in words:
            return name
    return "unclear" if word in tense.unclear else None


@cache
def _verb_form_tense(word: str) -> TenseName | None:
    """The tense of an inflected verb used alone: "signed" past, "signs" present, "taken" none."""
    if not word.islower():
        return None
    lemmas = [lemma for lemma in getAllLemmas(word).get("VERB", ()) if lemma != word]
    if not lemmas:
        return None  # a base form ("sign", "set") or not a verb: says nothing on its own
    if any(word in getInflection(lemma, "VBD") for lemma in lemmas):
        return "past"
    if any(word in getInflection(lemma, "VBZ") for lemma in lemmas):
        return "present"
    return None  # a participle or gerund ("taken", "placing") is not a finite verb: the clause's verb decides


def _opener(tokens: Sequence[Token], text: str, offset: int, index: int) -> tuple[int, TenseName] | None:
    """A group's first word(s) at `index`: (index of its last token, tense), or None."""
    tense = cues().tense
    lowered = tokens[index].text.lower()
    for phrase in _future_phrases():
        words = tuple(token.text.lower() for token in tokens[index : index + len(phrase)])
        if words == phrase:
            return index + len(phrase) - 1, "future"
    after = tokens[index].end - offset
    before = tokens[index].start - offset
    negated = text[after : after + 1] in APOSTROPHES and text[after + 1 : after + 2] == "t"
    if lowered in tense.before_nt and negated:
        return index + 1, tense.before_nt[lowered]
    if lowered in tense.after_apostrophe and before > 0 and text[before - 1] in APOSTROPHES:
        return index, tense.after_apostrophe[lowered]
    named = _auxiliary_tense(lowered)
    return (index, named) if named is not None else None


def _groups(tokens: Sequence[Token], text: str, offset: int, low: int, high: int) -> list[VerbGroup]:
    """The verb groups that start within token indices [low, high)."""
    reach = cues().tense.group_words
    groups: list[VerbGroup] = []
    index = low
    while index < high:
        opened = _opener(tokens, text, offset, index)
        if opened is not None:
            last, tense = opened
            # take in the next few words up to the main verb ("will not be signed"), not past another opener
            stop = min(last + reach, len(tokens) - 1)
            follow = last + 1
            while follow <= stop:
                following = _opener(tokens, text, offset, follow)
                if following is not None:
                    if not (tense == "present" and following[1] == "future"):
                        break
                    # "is set to", "are going to": the present auxiliary of a future phrase
                    (last, tense), follow = following, following[0] + 1
                    stop = min(last + reach, len(tokens) - 1)
                    continue
                last = follow
                follow += 1
                if _verb_form_tense(tokens[last].text) is not None:
                    break
            groups.append(VerbGroup(index, last, tense))
            index = last + 1
            continue
        alone = _verb_form_tense(tokens[index].text)
        if alone is not None:
            groups.append(VerbGroup(index, index, alone))
        index += 1
    return groups


def clause_tense(
    clause_tokens: Sequence[Token], text: str, offset: int, focus: tuple[int, int]
) -> Tense | None:
    """The tense of the verb group nearest the focus: `clause_tokens[focus[0]..focus[1]]` (inclusive) in
    its clause's tokens; `text` is the sentence, starting at absolute offset `offset`."""
    settings = cues().tense
    first, last = focus
    low = max(first - settings.window_words, 0)
    # a few words more than the window, so a group starting in it can take in its main verb
    tokens = clause_tokens[low : last + settings.window_words + settings.group_words + 1]
    first, last = first - low, last - low
    groups = _groups(tokens, text, offset, 0, min(last + settings.window_words + 1, len(tokens)))
    if not groups:
        return None

    def distance(group: VerbGroup) -> tuple[int, int]:
        gap = max(group.first - last, first - group.last, 0)
        return gap, 0 if group.first <= last else 1  # a tie goes to the group before the focus

    nearest = min(groups, key=distance)
    return None if nearest.tense == "unclear" else nearest.tense
