"""Which open statements are compared: blocks of statements sharing one of their rarest tokens.

A statement is looked for under its rarest keys (a token in a time bucket), as many as a budget of
comparisons allows, so the work grows with the number of statements, not its square: statements that
say the same share many tokens, so they share several of those keys (prefix filtering). Only pairs of
different articles sharing `MIN_KEYS` tokens are scored (similarity.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import timedelta

from timeline.chronology.ingest import MergeState
from timeline.chronology.relations import (
    MAX_STATEMENT_DAYS,
    Relation,
    date_relation,
    days,
    facts_agree,
    other_protagonists,
)
from timeline.chronology.similarity import profile, similar_enough, similarity, weights_of

BLOCK_LIMIT = 60  # a token shared by more statements than this is too common to tell them apart
COMPARISON_BUDGET = 200  # statements one statement's rarest keys may reach (for its time, and for any)
MIN_KEYS = 2  # of those keys two statements must share to be compared
MONTH_BUCKET_DAYS = 62  # a statement dated this precisely is also looked for in its months
NEIGHBOURING = timedelta(days=15)  # ... and in the next or previous month when this close to it


@dataclass(frozen=True, order=True, slots=True)
class Pair:
    order: float  # -weight, so sorting puts the most similar first
    a: int
    b: int
    relation: Relation
    shared: tuple[str, ...]  # the clauses' shared tokens, the cores' first, then by weight


def scored_pairs(state: MergeState, members: list[int], weights: dict[str, float]) -> list[Pair]:
    """The pairs similar enough: all of them the first time, then only those of statements whose days
    changed (an undated article's "Thursday" dated by its window), the others kept from the last time."""
    days_now = {index: state.intervals[index] for index in members if index in state.intervals}
    if state.scored is None:
        pairs = _scored(state, members, weights, None)
    else:
        before, kept = state.scored
        changed = {index for index in members if days_now.get(index) != before.get(index)}
        pairs = [pair for pair in kept if pair.a not in changed and pair.b not in changed]
        if changed:
            pairs += _scored(state, members, weights, changed)
    state.scored = (days_now, pairs)
    return pairs


def _scored(
    state: MergeState, members: list[int], weights: dict[str, float], only: set[int] | None
) -> list[Pair]:
    """Pairs of statements of different articles that share rare tokens and are similar enough (only
    those involving a statement of `only`, when given)."""
    chosen, blocks = _blocks(state, members)
    totals = {index: weights_of(state.entries[index], weights) for index in members}
    pairs = []
    for a in members if only is None else sorted(only):
        by_token: dict[str, set[int]] = defaultdict(set)
        for key in chosen[a]:
            by_token[key[0]].update(blocks[key])
        common: Counter[int] = Counter()  # b -> tokens shared (in any time bucket)
        for reached in by_token.values():
            # each pair once: from its first statement, or from its only statement in `only`
            common.update(b for b in reached if (b > a if only is None or b in only else b != a))
        entry = state.entries[a]
        first = profile(entry, weights)
        for b in sorted(b for b, count in common.items() if count >= MIN_KEYS):
            second = state.entries[b]
            if second.doc == entry.doc:
                continue
            relation = date_relation(state, a, b)
            if relation == "far":
                continue
            found = similarity(first, second, totals[b], weights)
            if not similar_enough(found, relation) or other_protagonists(entry, second):
                continue
            if relation != "near" or facts_agree(state, a, b):
                low, high = min(a, b), max(a, b)  # in index order, as the first grouping finds them
                pairs.append(Pair(-found.weight, low, high, relation, found.ordered(weights)))
    return pairs


def _blocks(
    state: MergeState, members: list[int]
) -> tuple[dict[int, list[tuple[str, str]]], dict[tuple[str, str], list[int]]]:
    """Each statement's chosen keys, and the statements under each key: the rarest keys first, within a
    budget for the keys of any time ("*": where a statement with no date yet is found) and one for those
    of its own time."""
    sizes: Counter[tuple[str, str]] = Counter()
    for index in members:
        sizes.update(_keys(state, index))
    chosen: dict[int, list[tuple[str, str]]] = {}
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index in members:
        usable = sorted(
            (sizes[key], key) for key in set(_keys(state, index)) if 1 < sizes[key] <= BLOCK_LIMIT
        )
        budgets = {True: 0, False: 0}
        keys = []
        for size, key in usable:
            everywhere = key[1] == "*"
            if budgets[everywhere] < COMPARISON_BUDGET:
                budgets[everywhere] += size
                keys.append(key)
        chosen[index] = keys
        for key in keys:
            blocks[key].append(index)
    return chosen, blocks


def _keys(state: MergeState, index: int) -> list[tuple[str, str]]:
    buckets = _buckets(state, index)
    return [(token, bucket) for token in state.entries[index].sentence for bucket in buckets]


def _buckets(state: MergeState, index: int) -> list[str]:
    """Where in time a statement is looked for: everywhere ("*": enough in a corpus of one story, where a
    rare token is rare), and in its year, its months (and the neighbouring ones, for a day told a little
    wrong) and its weekday, so that in an archive of many stories a token common across the archive is
    still rare within a month."""
    buckets = ["*"]
    interval = state.intervals.get(index)
    if interval is not None and days(interval) <= MAX_STATEMENT_DAYS:
        buckets.extend(str(year) for year in range(interval[0].year, interval[1].year + 1))
        if days(interval) <= MONTH_BUCKET_DAYS:
            first, last = interval[0] - NEIGHBOURING, interval[1] + NEIGHBOURING
            months = {
                (first.year, first.month),
                (last.year, last.month),
                (interval[0].year, interval[0].month),
            }
            buckets.extend(f"{year}-{month:02d}" for year, month in sorted(months))
        if interval[0] == interval[1]:
            buckets.append(f"weekday {interval[0].isoweekday()}")
    pattern = state.entries[index].pattern
    if pattern is not None and pattern.startswith("XXXX-WXX-") and pattern[-1].isdigit():
        buckets.append(f"weekday {pattern[-1]}")
    return buckets
