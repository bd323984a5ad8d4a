"""What a single word can be: a verb form (with its lemma), a function word, a capitalised name part.

No tagger: lemminflect's inflection tables say whether "signed" is a past-tense form of "sign", and the
closed word classes (determiners, pronouns, prepositions) are lists in `data/language.yaml`. Every answer
is cached per word form, so the cost per token is a dictionary lookup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from lemminflect import getAllLemmas, getInflection, getLemma  # inflection tables, and OOV lemma rules

from timeline.events.language import cues
from timeline.events.phrases import Token

# adverbs that sit inside a verb group or between a subject and its verb ("it now uses", "has also said")
FILLERS = frozenset(
    {"also", "still", "already", "yet", "just", "only", "even", "then", "now", "first", "long"}
)
VerbFormName = Literal["past", "present", "participle", "gerund", "base"]


@dataclass(frozen=True)
class VerbForm:
    lemma: str
    form: VerbFormName
    ambiguous: bool  # the word is also a noun or adjective ("plans", "left", "report")
    participle: bool = False  # the word is (also) a past participle ("reached", "held"; not "came")


@cache
def verb_form(word: str) -> VerbForm | None:
    """The verb reading of a lowercase word ("signed" -> sign, past), or None when it is no verb form.

    "signed" is past (a past-tense form is also read as one when it doubles as the participle); a word the
    tables do not know but that ends in -ed after a consonant ("demoed", "livestreamed") is a past form too.
    """
    if not word.isalpha() or not word.islower():
        return None
    lemmas = getAllLemmas(word)
    verbs = lemmas.get("VERB", ())
    if not verbs:
        if lemmas or not word.endswith("ed") or len(word) < 5:
            return None
        verbs = getLemma(word, "VERB", lemmatize_oov=True)
        if not verbs or verbs[0] == word:
            return None
    lemma = verbs[0]
    ambiguous = bool(lemmas.keys() - {"VERB", "AUX"})
    participle = word in getInflection(lemma, "VBN") or (word.endswith("ed") and word != lemma)
    for tag, name in (("VBD", "past"), ("VBZ", "present"), ("VBN", "participle"), ("VBG", "gerund")):
        if word in getInflection(lemma, tag) or (tag == "VBD" and word.endswith("ed") and word != lemma):
            return VerbForm(lemma, name, ambiguous, participle)  # type: ignore[arg-type]
    return VerbForm(lemma, "base", ambiguous, participle)


@cache
def is_auxiliary(word: str) -> bool:
    return word.lower() in cues().auxiliaries


@cache
def is_function_word(word: str) -> bool:
    """A determiner, pronoun, preposition or conjunction: never a verb or a name by itself."""
    lowered = word.lower()
    words = cues().words
    return lowered in words.determiners or lowered in words.pronouns or lowered in words.prepositions


@cache
def is_determiner(word: str) -> bool:
    return word.lower() in cues().words.determiners


@cache
def is_preposition(word: str) -> bool:
    return word.lower() in cues().words.prepositions


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def verb_in_context(tokens: Sequence[Token], index: int) -> bool:
    """A form that is also a noun ("plans", "reports", "left") is a verb after a name, a pronoun or a
    relative word, or before an object or "to"."""
    if index == 0:
        return False
    if index + 1 < len(tokens) and is_auxiliary(tokens[index + 1].text):
        return False  # "AI tools can create": the subject of the next verb
    before = index - 1
    while before > 0 and tokens[before].text in FILLERS:  # "it now uses": the subject before the adverb
        before -= 1
    previous = tokens[before].text
    # a capitalised first word may be no name ("Previous calls for ...")
    name = is_capitalised(previous) and not (before == 0 and getAllLemmas(previous.lower()))
    if name or previous.lower() in ("he", "she", "it", "they", "who", "which", "that"):
        return not is_determiner(previous) and not is_preposition(previous)
    following = tokens[index + 1].text.lower() if index + 1 < len(tokens) else ""
    objects = ("that", "to", "the", "a", "an", "its", "his", "her", "their", "it", "them", "him")
    return not (
        is_determiner(tokens[index - 1].text)
        or is_preposition(tokens[index - 1].text)
        or tokens[index - 1].text.lower() == "to"
    ) and (following in objects or is_preposition(following))
