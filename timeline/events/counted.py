"""What a figure counts: the head noun after it ("twelve miners", "a $38 million repair contract"), or, with
none there, the noun linked to it before ("a pause of six months", "the death toll rose to 12")."""

from __future__ import annotations

import re
from functools import cache

from lemminflect import getAllLemmas  # noun lemmas: "miners" counts "miner"

from timeline.events.quantity_words import QuantityPatterns

_DETERMINER = re.compile(r"[ \t]+(?:the|its|their|his|her|those|these|\d[\d,.]*)\b", re.IGNORECASE)


@cache
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    return dict(getAllLemmas(word))


def counted_after(
    text: str, position: int, found: QuantityPatterns, *, allow_of: bool
) -> tuple[str | None, bool]:
    """The head noun after a figure ("12 trapped miners" -> miner) and whether it is plural."""
    words = found.words
    head: str | None = None
    plural = False
    for _ in range(words.counted_words):
        match = found.word_after.match(text, position)
        if match is None:
            break
        word = match.group("word")
        lowered = word.lower()
        if head is None and lowered in found.number_words:  # "three of the five judges"
            position = match.end()
            continue
        if lowered in words.counted_stop:
            if lowered == "of" and head is None and allow_of:  # "35% of the shares", "12 of the 33 miners"
                allow_of = False
                position = _skip_determiner(text, match.end())
                continue
            break
        lemmas = _lemmas(lowered)
        if head is not None and lemmas.get("VERB", (lowered,))[0] != lowered:
            break  # an inflected verb ends the noun phrase: "12 people died", "a 40-tonne truck drove"
        if "NOUN" in lemmas and (word[0].islower() or lowered != lemmas["NOUN"][0]):
            head = lemmas["NOUN"][0]
            if lowered != head or lowered in words.collective_nouns:  # a plural ends the noun phrase
                plural = True
                break
        elif not ("ADJ" in lemmas or lowered.endswith(("ed", "ing")) or word[0].isupper()):
            break
        position = match.end()
    return head, plural


def _skip_determiner(text: str, position: int) -> int:
    """Past "the", "its" and a figure after "of": "12 of the 33 miners" counts miners."""
    for _ in range(2):
        match = _DETERMINER.match(text, position)
        if match is None:
            break
        position = match.end()
    return position


def counted_before(text: str, start: int, found: QuantityPatterns, look_behind: int) -> str | None:
    """With no noun after the figure: "a pause of six months", "the death toll rose to 12"."""
    link = found.link_before.search(text, max(start - look_behind, 0), start)
    if link is None:
        return None
    nouns = _lemmas(link.group("noun")).get("NOUN")
    return nouns[0] if nouns else None


def noun_lemma(word: str) -> str:
    """The lemma a quantity's `counted` would hold for this noun ("miners" -> "miner")."""
    lowered = word.lower()
    return _lemmas(lowered).get("NOUN", (lowered,))[0]
