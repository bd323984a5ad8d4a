"""The predicate of a clause: its main verb's lemma, with event nouns linked to their verb.

No parser: the first verb group of the clause (auxiliaries, then the main verb within a few words) or its
first finite verb decides; a participle clause (", saying ...", "while introducing ...") has its participle.
"is set to take effect" is about "take effect"'s verb, "was introduced" about "introduce". A light verb
whose object is an event noun takes that noun's verb from `data/predicates.yaml` ("filed a lawsuit": sue),
which also links the nouns to verbs for whoever compares statements ("acquisition" ~ "acquire").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict

from timeline.events.language import cues
from timeline.events.phrases import Token
from timeline.events.words import (
    FILLERS,
    VerbForm,
    is_auxiliary,
    is_capitalised,
    is_determiner,
    is_preposition,
    verb_form,
    verb_in_context,
)

NEGATIONS = frozenset({"not", "never", "t"})  # "t": the tokenizer splits "didn't" into "didn", "t"
INFINITIVE_HEADS = frozenset(
    {"set", "expect", "plan", "schedule", "slate", "go", "intend", "aim", "poise", "due"}
)
GROUP_VERBS = frozenset({"be", "been", "being", "have", "having"})  # inside a group: "will be", "could have"
SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "they"})
MODALS = frozenset({"would", "could", "might", "may", "should", "must", "can", "cannot", "ought"})


class PredicateData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    nominalisations: dict[str, str]
    light_verbs: frozenset[str]
    stative: frozenset[str]


@cache
def predicate_data() -> PredicateData:
    text = resources.files("timeline.events").joinpath("data/predicates.yaml").read_text(encoding="utf-8")
    return PredicateData.model_validate(yaml.safe_load(text))


def verb_of_noun(noun: str) -> str | None:
    """The verb an event noun names ("acquisition" -> "acquire"), if the table knows it."""
    return predicate_data().nominalisations.get(noun.lower())


@dataclass(frozen=True)
class Predicate:
    lemma: str
    head: int  # index of the main verb in the clause's tokens
    first: int  # index of the verb group's first word
    stative: bool  # a verb of being ("is", "remains") with nothing else
    negated: bool
    modal: str | None  # "would", "could", ... when a modal opens the group


def find_predicate(tokens: Sequence[Token], text: str = "", offset: int = 0) -> Predicate | None:
    """The clause's predicate, from its word tokens in order (`text`, starting at `offset`, is the sentence
    they are in: "pre-orders" is one word); None when it has no verb."""
    doubtful: list[int] = []  # forms that are also nouns, in no context that makes them verbs
    return (
        _first_verb(tokens, text, offset, doubtful)
        or _doubtful_verb(tokens, doubtful)
        or _opening_nonfinite(tokens)
        or _headline_infinitive(tokens)
    )


def _first_verb(tokens: Sequence[Token], text: str, offset: int, doubtful: list[int]) -> Predicate | None:
    """The first auxiliary or finite verb; forms that are also nouns out of a verb's context are put in
    `doubtful` instead."""
    for index, token in enumerate(tokens):
        if index > 0 and text[tokens[index - 1].end - offset : token.start - offset] == "-":
            continue  # "pre-orders", "long-awaited"
        if is_auxiliary(token.text) and (index == 0 or not token.text[:1].isupper()):  # not "in May"
            return _group(tokens, index)
        form = _finite_form(tokens, index)
        if form is None:
            continue
        light = verb_form(tokens[index - 1].text.lower()) if form.form == "base" else None
        if light is not None and light.lemma in predicate_data().light_verbs:  # "takes effect": no subject
            return _complete(
                tokens, index - 1, index - 1, light.lemma, None, _negated(tokens, index - 1, index)
            )
        if form.ambiguous and not verb_in_context(tokens, index):
            doubtful.append(index)  # "the reports", "free cases": a noun, unless nothing else is a verb
            continue
        if form.ambiguous and doubtful and doubtful[-1] == index - 1 and _after_subject(tokens, index - 1):
            index -= 1  # "the bank cut jobs": the verb is the one after the subject, its object a noun
        return _single_verb(tokens, index)
    return None


def _finite_form(tokens: Sequence[Token], index: int) -> VerbForm | None:
    """The verb form of a word that may be the clause's finite verb: no participle, gerund or filler
    ("still"), and a base form only after a plural subject."""
    token = tokens[index]
    form = verb_form(token.text)
    if form is None or form.form in ("participle", "gerund") or token.text.lower() in FILLERS:
        return None
    if form.form == "base" and not (index > 0 and _plural_subject(tokens[index - 1], index == 1)):
        return None
    return form


def _single_verb(tokens: Sequence[Token], index: int) -> Predicate:
    form = verb_form(tokens[index].text)
    assert form is not None
    return _complete(tokens, index, index, form.lemma, None, _negated(tokens, index, index))


def _doubtful_verb(tokens: Sequence[Token], doubtful: list[int]) -> Predicate | None:
    """ "the bank holds enough capital": a form that is also a noun, after a determiner and a noun."""
    for index in doubtful:
        if _after_subject(tokens, index):
            return _single_verb(tokens, index)
    return None


def _opening_nonfinite(tokens: Sequence[Token]) -> Predicate | None:
    """ ", saying ...", "while introducing ...", "reached in 1991": a clause opened by a non-finite verb."""
    for index, token in enumerate(tokens[:3]):
        form = verb_form(token.text)
        if form is not None and form.form in ("gerund", "participle", "past"):
            return _complete(tokens, index, index, form.lemma, None, False)
    return None


def _headline_infinitive(tokens: Sequence[Token]) -> Predicate | None:
    """A headline's "Apple to give free cases"."""
    for index, token in enumerate(tokens[:-1]):
        form = verb_form(tokens[index + 1].text)
        if token.text.lower() == "to" and form is not None and form.form == "base" and index > 0:
            return _complete(tokens, index, index + 1, form.lemma, None, False)
    return None


def _after_subject(tokens: Sequence[Token], index: int) -> bool:
    """Right after a noun phrase: a determiner or a possessive and up to three nouns ("the bank holds",
    "Apple's online music store passes")?"""
    for back in range(2, min(index, 4) + 1):
        opener = tokens[index - back].text
        nouns = [token.text for token in tokens[index - back + 1 : index]]
        if any(is_determiner(word) or is_preposition(word) for word in nouns[:-1]):
            return False
        if is_determiner(opener) or opener == "s":  # "Apple's" is "Apple", "s"
            return not is_determiner(nouns[-1])
    return False


def _plural_subject(previous: Token, opens: bool) -> bool:
    """ "they say", "the reports say", a headline's "Labs propose" (`opens`: the clause's first word): a
    base form after a plural subject is a present verb."""
    word = previous.text
    if word.lower() in SUBJECT_PRONOUNS:
        return True
    form = verb_form(word)
    return (
        word.endswith("s")
        and (word.islower() or (opens and word[1:].islower()))
        and not is_preposition(word)
        and (form is None or form.ambiguous)
    )


def _group(tokens: Sequence[Token], first: int) -> Predicate:
    """A verb group opened by an auxiliary: "will not be signed", "has been", "is set to take"."""
    opener = tokens[first].text.lower()
    modal = opener if opener in MODALS else None
    reach = cues().tense.group_words + 1
    index = first + 1
    while index < min(first + 1 + reach, len(tokens)):
        word = tokens[index].text.lower()
        if (
            is_auxiliary(word)
            or word in GROUP_VERBS
            or word in NEGATIONS
            or word in FILLERS
            or word.endswith("ly")
        ):
            index += 1
            continue
        form = verb_form(word)
        if (form is None or word == "last") and _participle_at(tokens, index + 1):
            index += 1  # "was later found", "was last seen": an adverb inside the group
            continue
        if form is None or form.form == "present":
            break
        return _complete(tokens, first, index, form.lemma, modal, _negated(tokens, first, index))
    head = first
    for at in range(first, min(index, len(tokens))):  # the last auxiliary: "has been" -> been
        if is_auxiliary(tokens[at].text) or tokens[at].text.lower() in GROUP_VERBS:
            head = at
    lemma = verb_form(tokens[head].text.lower())
    name = lemma.lemma if lemma is not None else tokens[head].text.lower()
    return _complete(tokens, first, head, name, modal, _negated(tokens, first, index))


def _participle_at(tokens: Sequence[Token], index: int) -> bool:
    form = verb_form(tokens[index].text.lower()) if index < len(tokens) else None
    return form is not None and form.participle and form.form != "base"


def _negated(tokens: Sequence[Token], first: int, head: int) -> bool:
    return any(tokens[at].text.lower() in NEGATIONS for at in range(first, min(head + 2, len(tokens))))


def _complete(
    tokens: Sequence[Token], first: int, head: int, lemma: str, modal: str | None, negated: bool
) -> Predicate:
    """Follow "set to take" to "take", and a light verb to its event noun."""
    data = predicate_data()
    if lemma in INFINITIVE_HEADS and head + 2 < len(tokens) and tokens[head + 1].text.lower() == "to":
        form = verb_form(tokens[head + 2].text.lower())
        if form is not None and form.form == "base":
            head, lemma = head + 2, form.lemma
    if lemma in data.light_verbs:
        for token in tokens[head + 1 : head + 5]:
            noun = verb_of_noun(token.text)
            if noun is not None and not is_capitalised(token.text):
                lemma = noun
                break
            if is_preposition(token.text):
                break
    stative = lemma in data.stative and verb_form(tokens[head].text.lower()) is not None
    if stative and tokens[head].text.lower() in ("been", "be", "is", "are", "was", "were", "am"):
        stative = not _passive_after(tokens, head)
    return Predicate(lemma, head, first, stative, negated, modal)


def _passive_after(tokens: Sequence[Token], head: int) -> bool:
    """Is a be-form followed by a past participle (then it was already taken as the head)?"""
    following = tokens[head + 1] if head + 1 < len(tokens) else None
    form = verb_form(following.text.lower()) if following is not None else None
    return form is not None and form.form in ("past", "participle")
