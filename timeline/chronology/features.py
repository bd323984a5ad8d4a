"""What an open statement is about, as a few tokens the merge can compare: names and content words.

A name keeps its capital ("Claude", "Pentagon"); a content word is lowercased to its lemma ("published"
-> "publish", "orders" -> "order"), and a verb adds its family ("~publish" for publish, release, issue);
function words and reporting verbs ("said", "told") are left out
(data/merge.yaml), as are month and day names (a date is compared as a date, not as a word). The
statement's predicate and participants, where the events stage found them, count too.
"""

from __future__ import annotations

import re
import sys
from functools import cache, lru_cache
from importlib import resources

from lemminflect import (
    getAllLemmas,
)  # lemmas by part of speech: "orders" -> "order", "published" -> "publish"
from pydantic import BaseModel, ConfigDict

from timeline.english import english
from timeline.events.models import Mention
from timeline.yamlsource import load_yaml

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_POSSESSIVE = ("'s", "’s", "'", "’")
MIN_WORD = 3  # shorter lowercase words ("ai", "us") say little on their own
NAME_CONNECTORS = frozenset({"of", "for", "de", "du", "von", "van"})  # inside a name


class MergeWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    function_words: frozenset[str]
    reporting_verbs: frozenset[str]
    families: dict[str, list[str]]

    def family_of(self) -> dict[str, str]:
        return {verb: f"~{family}" for family, verbs in sorted(self.families.items()) for verb in verbs}


@cache
def merge_words() -> MergeWords:
    text = resources.files("timeline.chronology").joinpath("data/merge.yaml").read_text(encoding="utf-8")
    return MergeWords.model_validate(load_yaml(text, "timeline/chronology/data/merge.yaml").data)


@cache
def _families() -> dict[str, str]:
    return merge_words().family_of()


@cache
def calendar_words() -> frozenset[str]:
    return frozenset([*english().months, *english().weekdays])


@cache
def lemma(word: str) -> str:
    """A lowercase word's lemma: a noun reading first ("posts" -> "post"), else a verb, else itself."""
    lemmas = getAllLemmas(word)
    for part in ("NOUN", "VERB", "ADJ"):
        if lemmas.get(part):
            return str(lemmas[part][0])
    return word


@cache
def is_common_word(word: str) -> bool:
    """A capitalised word that is an ordinary English word ("Researchers", "The") at a sentence start."""
    lowered = word.lower()
    return lowered in merge_words().function_words or bool(getAllLemmas(lowered))


@lru_cache(maxsize=1 << 18)
def _token(word: str, first: bool) -> str | None:
    for ending in _POSSESSIVE:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            word = word[: -len(ending)]
            break
    lowered = word.lower()
    words = merge_words()
    if lowered in words.function_words or lowered in calendar_words():
        return None
    if word[0].isupper() and not (first and is_common_word(word)):
        return sys.intern(word) if len(word) > 1 else None  # a name ("U" of "U.S." says nothing)
    found = lemma(lowered)
    if len(found) < MIN_WORD or found in words.function_words or found in words.reporting_verbs:
        return None
    return sys.intern(found)


def text_features(text: str) -> set[str]:
    """The names and content-word lemmas of a text, and the verb families those lemmas belong to.
    Capitalised words next to each other are one name ("San Francisco", not "San" and "Francisco"; "Bank
    of England")."""
    tokens = set()
    families = _families()
    run: list[str] = []
    previous_end = -1
    matches = list(_WORD.finditer(text))
    # a capitalised first word is an ordinary word ("Researchers said") unless a name goes on after it
    # ("Harbor Bank said")
    opens_name = (
        len(matches) > 1
        and matches[1].group()[:1].isupper()
        and text[matches[0].end() : matches[1].start()] == " "
    )
    for position, match in enumerate(matches):
        word = match.group()
        adjacent = bool(run) and text[previous_end : match.start()] == " "
        following = matches[position + 1] if position + 1 < len(matches) else None
        if adjacent and word in NAME_CONNECTORS and following is not None and following.group()[:1].isupper():
            run = [*run, word]  # "Bank of England", "Future of Life Institute"
            previous_end = match.end()
            continue
        token = _token(word, position == 0 and not opens_name)
        previous_end = match.end()
        if token is not None and is_name(token):
            run = [*run, token] if adjacent else [token]
            continue
        if run:
            tokens.add(sys.intern(" ".join(run)))
            run = []
        if token is not None:
            tokens.add(token)
            if token in families:
                tokens.add(families[token])
    if run:
        tokens.add(sys.intern(" ".join(run)))
    return tokens


def statement_features(mention: Mention) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Sorted, interned tokens of what the statement says: those of its title, participants and
    predicate (as the events stage found them), and those together with its quote's."""
    core = text_features(mention.title)
    for participant in mention.participants:
        core |= text_features(participant)
    if mention.predicate:
        core |= text_features(mention.predicate)
    return tuple(sorted(core)), tuple(sorted(core | text_features(mention.quote)))


def is_name(token: str) -> bool:
    return token[:1].isupper()


_RUN = re.compile(r"(?:[A-Z][\w'’&.-]*\s+)*[A-Z][\w'’&.-]*")


def title_subject(title: str) -> str | None:
    """The name a title opens with, its subject ("Intelogic shares rose ..." -> "intelogic", "General Motors
    said" -> "general motors"); None when it opens with an ordinary word ("The San Francisco company ...",
    "Researchers said")."""
    found = _RUN.match(title)
    if found is None:
        return None
    words = [word.strip("'’.") for word in found.group().split()]
    if words[0].casefold() in merge_words().function_words or (len(words) == 1 and is_common_word(words[0])):
        return None
    return sys.intern(" ".join(words).casefold())
