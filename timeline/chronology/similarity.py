"""How much two open statements say the same: the weight of the tokens they share.

A token weighs more the rarer it is among the sentences (a token only one sentence uses weighs 1), a name
half as much again. Tokens count at three levels: the statement's core (title, participants, predicate:
counted twice), its clause, and the rest of its sentence ("The San Francisco company, which builds the
Claude models, released a report": at half weight). What a pair needs depends on what its dates allow
(relations.py): the same day asks least, dates that cannot be compared yet or that disagree a little ask
more, and a name in both cores.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from timeline.chronology.features import is_name
from timeline.chronology.ingest import Entry
from timeline.chronology.relations import Relation

NAME_WEIGHT = 1.5  # a shared name says more than a shared common word of the same rarity
SENTENCE_WEIGHT = 0.5  # the other clauses of the sentence, at this share of the weight
# What a pair needs, by what their dates allow: the weight of the tokens they share, that weight as a share
# of all their tokens' weight (a Dice coefficient), and the weight they share in their cores alone.
THRESHOLDS: dict[Relation, tuple[float, float, float]] = {
    "same": (2.5, 0.15, 0.0),
    "overlap": (3.0, 0.2, 0.0),
    "unknown": (2.8, 0.2, 1.0),
    "near": (4.0, 0.35, 1.0),
}
# Dates that cannot be compared yet ask for a name in both cores. Dates a little apart ask for a name in
# both sentences and for the whole sentences to be alike: one happening told a little wrong is told in
# sentences that say the same around it; a happening that recurs (a leave in 2009, another in 2011) is
# told with other words around it.
NEAR_SENTENCE_DICE = 0.3
# Dates that cannot be compared also ask for words both clauses use besides names: "Apple CEO Steve Jobs
# announced" and "Apple CEO Steve Jobs introduced" share only who did something
UNKNOWN_SAID = 0.5


def token_weights(entries: Sequence[Entry], members: Iterable[int]) -> dict[str, float]:
    """A token's weight: the rarer among the sentences, the more it says (inverse sentence frequency,
    scaled so that a token only one sentence uses weighs 1 however many sentences there are)."""
    counts: Counter[str] = Counter()
    seen: set[int] = set()
    for index in members:
        sentence = entries[index].sentence
        if id(sentence) not in seen:  # the clauses of a sentence share its tuple: counted once
            seen.add(id(sentence))
            counts.update(sentence)
    total = max(len(seen), 1)
    scale = math.log(1 + total)
    return {
        token: math.log(1 + total / count) / scale * (NAME_WEIGHT if is_name(token) else 1.0)
        for token, count in counts.items()
    }


@dataclass(frozen=True, slots=True)
class Profile:
    """One statement's tokens as sets, and their weights: built once for the many pairs it is in."""

    features: frozenset[str]
    core: frozenset[str]
    sentence: frozenset[str]
    weight: Weights


@dataclass(frozen=True, slots=True)
class Weights:
    total: float  # its core twice, its clause, the rest of its sentence at SENTENCE_WEIGHT
    sentence: float  # its whole sentence


def profile(entry: Entry, weights: dict[str, float]) -> Profile:
    features, core, sentence = frozenset(entry.features), frozenset(entry.core), frozenset(entry.sentence)
    return Profile(features, core, sentence, weights_of(entry, weights))


def weights_of(entry: Entry, weights: dict[str, float]) -> Weights:
    weight_of = weights.__getitem__
    clause = sum(map(weight_of, entry.features))
    sentence = sum(map(weight_of, entry.sentence))
    own = clause + sum(map(weight_of, entry.core))
    return Weights(own + SENTENCE_WEIGHT * (sentence - clause), sentence)


@dataclass(frozen=True, slots=True)
class Similarity:
    weight: float
    dice: float
    core: float  # the weight shared by the cores
    named_core: bool  # a name in both cores
    named_sentence: bool  # a name in both sentences
    said: float  # the weight of the clauses' shared words that are not names: what both say happened
    sentence_dice: float  # how alike the whole sentences are
    shared: frozenset[str]  # the clauses' shared tokens
    shared_core: frozenset[str]  # ... and the cores'

    def ordered(self, weights: dict[str, float]) -> tuple[str, ...]:
        """The clauses' shared tokens, the cores' first, then by weight (sorted only for a pair that
        merges: most pairs scored do not)."""
        core = self.shared_core
        return tuple(sorted(self.shared, key=lambda token: (token not in core, -weights[token], token)))


def similarity(
    first: Profile, second: Entry, second_weight: Weights, weights: dict[str, float]
) -> Similarity:
    shared = first.features.intersection(second.features)
    shared_core = first.core.intersection(second.core)
    shared_sentence = first.sentence.intersection(second.sentence)
    weight_of = weights.__getitem__  # map(), not a generator: these sums run for every pair scored
    core = sum(map(weight_of, shared_core))
    clause = sum(map(weight_of, shared))
    sentence = sum(map(weight_of, shared_sentence))
    weight = clause + core + SENTENCE_WEIGHT * max(sentence - clause, 0.0)
    every = first.weight.total + second_weight.total
    sentences = first.weight.sentence + second_weight.sentence
    return Similarity(
        weight=weight,
        dice=2 * weight / every if every else 0.0,
        core=core,
        named_core=any(map(is_name, shared_core)),
        named_sentence=any(map(is_name, shared_sentence)),
        said=sum(weights[token] for token in shared if not is_name(token)),
        sentence_dice=2 * sentence / sentences if sentences else 0.0,
        shared=shared,
        shared_core=shared_core,
    )


def similar_enough(found: Similarity, relation: Relation) -> bool:
    if relation == "far":
        return False
    if relation == "unknown" and not (found.named_core and found.said >= UNKNOWN_SAID):
        return False
    if relation == "near" and not (found.named_sentence and found.sentence_dice >= NEAR_SENTENCE_DICE):
        return False
    needed, share, needed_core = THRESHOLDS[relation]
    return found.weight >= needed and found.core >= needed_core and found.dice >= share
