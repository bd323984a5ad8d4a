"""Automatic events: open statements of several articles that tell the same happening become one event.

No catalog is needed. Statements are compared only within blocks that share one of their rarest tokens
(a name or a content word no more than `BLOCK_LIMIT` statements use), so the work grows with the number
of statements, not its square. Two statements of different articles are one event when what they say is
similar enough (a weighted Dice coefficient of their tokens, rare tokens and names weighing more) for
what their dates allow: the same day asks least, dates that cannot be compared yet ask more, and dates
that disagree within `near_tolerance` ask most (such a merge is kept, and the date check then reports
the disagreement). An article tells a happening once: two groups holding the same article stay apart.
Every merge says why, in the event's `merge_reasons`.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from timeline.chronology.dates import Interval
from timeline.chronology.features import is_name
from timeline.chronology.ingest import Entry, MergeState

BLOCK_LIMIT = 60  # a token shared by more statements than this is too common to tell them apart
COMPARISON_BUDGET = 200  # statements one statement's rarest keys may reach
MIN_KEYS = 2  # of those keys two statements must share to be compared
NAME_WEIGHT = 1.5  # a shared name says more than a shared common word of the same rarity
MAX_STATEMENT_DAYS = 366  # a statement dated only to a decade or century gives no date to compare
MONTH_BUCKET_DAYS = 62  # a statement dated this precisely is also looked for in its months
NEIGHBOURING = timedelta(days=15)  # ... and in the next or previous month when this close to it
NEAR_DAYS = 31  # dates of like precision that disagree by this (or three times their length) may merge
SHOWN_TOKENS = 6  # shared tokens a merge reason names
Relation = Literal["same", "overlap", "unknown", "near", "far"]
# the similarity a pair needs, by what their dates allow
# What a pair needs, by what their dates allow: the weight of the tokens they share (a rare token weighs
# about 1; a token of the statements' clauses counts twice), that weight as a share of all their tokens'
# weight (a Dice coefficient), and the weight they share in their clauses alone. "unknown" and "near"
# also ask for a name in both clauses: sentences share context, the clauses say what happened.
THRESHOLDS: dict[Relation, tuple[float, float, float]] = {
    "same": (2.5, 0.15, 0.0),
    "overlap": (3.0, 0.2, 0.0),
    "unknown": (2.8, 0.2, 1.0),
    "near": (4.0, 0.35, 2.0),
}


@dataclass(frozen=True, order=True)
class _Pair:
    order: float  # -score, so sorting puts the most similar first
    a: int
    b: int
    relation: Relation
    shared: tuple[str, ...]  # the clauses' shared tokens first, then by weight


def group_statements(state: MergeState) -> None:
    """Group the open statements into automatic events (state.groups) and say why (state.reasons)."""
    members = [index for index, entry in enumerate(state.entries) if entry.event_type is None]
    weights = _weights(state.entries, members)
    parent = {index: index for index in members}
    documents: dict[int, set[str]] = {}  # a group's articles, once it has more than one statement
    reasons: dict[int, list[str]] = defaultdict(list)

    spans: dict[int, tuple[date, date]] = {}  # a group's latest start and earliest end among its dates

    def articles(group: int) -> set[str]:
        return documents.get(group) or {state.entries[group].doc}

    def span(group: int) -> tuple[date, date] | None:
        if group in spans:
            return spans[group]
        interval = state.intervals.get(group)
        return (interval[0], interval[1]) if interval is not None else None

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for pair in sorted(_pairs(state, members, weights)):
        first, second = root(pair.a), root(pair.b)
        if first == second or articles(first) & articles(second):
            continue
        joint = _joint_span(span(first), span(second), pair.relation == "near")
        if joint is False:
            continue  # the groups' dates could not be one happening's (statements with no date chain them)
        kept, joined = min(first, second), max(first, second)
        if isinstance(joint, tuple):
            spans[kept] = joint
        parent[joined] = kept
        documents[kept] = articles(kept) | articles(joined)
        documents.pop(joined, None)
        reasons[kept].extend(reasons.pop(joined, []))
        reasons[kept].append(_reason(state, pair))
    state.regroup({index: root(index) for index in members}, dict(reasons))


def _joint_span(
    first: tuple[date, date] | None, second: tuple[date, date] | None, near: bool
) -> tuple[date, date] | bool | None:
    """The span two groups' dates leave (latest start, earliest end), None when either has no date, or
    False when they leave none: only a pair told a little wrong ("near") may join groups whose dates do
    not meet, and only by as much as such a pair may differ."""
    if first is None or second is None:
        return first or second
    start, end = max(first[0], second[0]), min(first[1], second[1])
    if start <= end:
        return start, end
    if near and (start - end).days <= NEAR_DAYS:
        return min(first[0], second[0]), max(first[1], second[1])
    return False


def _pairs(state: MergeState, members: list[int], weights: dict[str, float]) -> list[_Pair]:
    """The scored pairs: all of them the first time, then only those of statements whose days changed
    (an undated article's "Thursday" dated by its window), the others kept from the last time."""
    days = {index: state.intervals[index] for index in members if index in state.intervals}
    if state.scored is None:
        pairs = _scored_pairs(state, members, weights, None)
    else:
        before, kept = state.scored
        changed = {index for index in members if days.get(index) != before.get(index)}
        pairs = [pair for pair in kept if pair.a not in changed and pair.b not in changed]
        if changed:
            pairs += _scored_pairs(state, members, weights, changed)
    state.scored = (days, pairs)
    return pairs


def _weights(entries: Sequence[Entry], members: list[int]) -> dict[str, float]:
    """A token's weight: the rarer among the statements, the more it says (inverse statement frequency,
    scaled so that a token only one statement uses weighs 1 however many statements there are)."""
    counts: Counter[str] = Counter()
    for index in members:
        counts.update(entries[index].features)
    total = max(len(members), 1)
    scale = math.log(1 + total)
    return {
        token: math.log(1 + total / count) / scale * (NAME_WEIGHT if is_name(token) else 1.0)
        for token, count in counts.items()
    }


def _scored_pairs(
    state: MergeState, members: list[int], weights: dict[str, float], only: set[int] | None
) -> list[_Pair]:
    """Pairs of statements of different articles that share rare tokens and are similar enough (only
    those involving a statement of `only`, when given).

    A statement is looked for under its rarest keys (a token in a time bucket), as many as a budget of
    comparisons allows: statements that say the same share many tokens, so they share several of those
    keys (prefix filtering). Only pairs that share `MIN_KEYS` of them are scored.
    """
    sizes: Counter[tuple[str, str]] = Counter()
    for index in members:
        sizes.update(_keys(state, index))
    chosen: dict[int, list[tuple[str, str]]] = {}
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index in members:
        usable = sorted(
            (sizes[key], key) for key in set(_keys(state, index)) if 1 < sizes[key] <= BLOCK_LIMIT
        )
        budget, keys = 0, []
        for size, key in usable:  # the rarest first
            if budget >= COMPARISON_BUDGET:
                break
            budget += size
            keys.append(key)
        chosen[index] = keys
        for key in keys:
            blocks[key].append(index)
    totals = {index: _total(state.entries[index], weights) for index in members}
    pairs = []
    for a in members if only is None else sorted(only):
        by_token: dict[str, set[int]] = defaultdict(set)
        for key in chosen[a]:
            by_token[key[0]].update(blocks[key])
        common: Counter[int] = Counter()  # b -> tokens shared (in any time bucket)
        for found in by_token.values():
            # each pair once: from its first statement, or from its only statement in `only`
            common.update(b for b in found if (b > a if only is None or b in only else b != a))
        candidates = sorted(b for b, count in common.items() if count >= MIN_KEYS)
        entry = state.entries[a]
        profile = (frozenset(entry.features), frozenset(entry.core), totals[a])
        for b in candidates:
            if state.entries[b].doc != entry.doc:
                pair = _pair(state, a, b, weights, profile, totals[b])
                if pair is not None:
                    pairs.append(pair if a < b else _swapped(pair))
    return pairs


def _swapped(pair: _Pair) -> _Pair:
    """The same pair with its statements in index order (as the first grouping finds it)."""
    return _Pair(pair.order, pair.b, pair.a, pair.relation, pair.shared)


def _total(entry: Entry, weights: dict[str, float]) -> float:
    return sum(weights[token] for token in entry.features) + sum(weights[token] for token in entry.core)


def _keys(state: MergeState, index: int) -> list[tuple[str, str]]:
    buckets = _buckets(state, index)
    return [(token, bucket) for token in state.entries[index].features for bucket in buckets]


def _buckets(state: MergeState, index: int) -> list[str]:
    """Where in time a statement is looked for: everywhere ("*": enough in a corpus of one story, where a
    rare token is rare), and in its year, its months (and the neighbouring ones, for a day told a little
    wrong) and its weekday, so that in an archive of many stories a token common across the archive is
    still rare within a month."""
    buckets = ["*"]
    interval = state.intervals.get(index)
    if interval is not None and _days(interval) <= MAX_STATEMENT_DAYS:
        buckets.extend(str(year) for year in range(interval[0].year, interval[1].year + 1))
        if _days(interval) <= MONTH_BUCKET_DAYS:
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


def _pair(
    state: MergeState,
    a: int,
    b: int,
    weights: dict[str, float],
    profile: tuple[frozenset[str], frozenset[str], float],
    total_b: float,
) -> _Pair | None:
    """The pair, if statement `a` (its tokens, clause tokens and their weight in `profile`) and `b` are
    similar enough for what their dates allow."""
    relation = date_relation(state, a, b)
    if relation == "far":
        return None
    features, core_tokens, total_a = profile
    second = state.entries[b]
    shared = features.intersection(second.features)
    shared_core = core_tokens.intersection(second.core)
    if relation in ("unknown", "near") and not any(is_name(token) for token in shared_core):
        return None
    core = sum(weights[token] for token in shared_core)
    weight = sum(weights[token] for token in shared) + core
    total = total_a + total_b
    needed, share, needed_core = THRESHOLDS[relation]
    if weight < needed or core < needed_core or (total and 2 * weight / total < share):
        return None
    by_weight = tuple(sorted(shared, key=lambda token: (token not in shared_core, -weights[token], token)))
    return _Pair(-weight, a, b, relation, by_weight)


def statement_interval(state: MergeState, index: int) -> Interval | None:
    """The days a statement gives, unless they are too many to compare (a decade, a century)."""
    interval = state.intervals.get(index)
    if interval is None or (interval[1] - interval[0]).days > MAX_STATEMENT_DAYS:
        return None
    return interval


def date_relation(state: MergeState, a: int, b: int) -> Relation:
    """What two statements' dates allow: the same days, overlapping ones, no comparison (one has no date
    yet, or one as wide as a decade), dates that disagree by a little (a contradiction to report) or by
    too much, or with unlike precision (another happening)."""
    first, second = state.intervals.get(a), state.intervals.get(b)
    # an undated article's weekday says more than the week its window allows: "Sunday" is no Thursday
    for pattern, other in ((state.entries[a].pattern, second), (state.entries[b].pattern, first)):
        if pattern is not None and other is not None and _days(other) == 1:
            fits = pattern_fits(pattern, other)
            if fits is not None:
                return "same" if fits else "near"
    if first is not None and second is not None:
        if first[0] > second[1] or second[0] > first[1]:
            # a date a clause only inherits from the narrative is no claim to hold against another
            if state.entries[a].inherited or state.entries[b].inherited:
                return "far"
            return _apart(first, second)
        if statement_interval(state, a) is None or statement_interval(state, b) is None:
            return "unknown"
        return "same" if max(_days(first), _days(second)) <= 7 else "overlap"
    dated, pattern = (
        (first, state.entries[b].pattern) if first is not None else (second, state.entries[a].pattern)
    )
    if dated is not None and pattern is not None and _days(dated) <= MAX_STATEMENT_DAYS:
        fits = pattern_fits(pattern, dated)
        if fits is not None:
            return "same" if fits else "near"
    return "unknown"


def _apart(first: Interval, second: Interval) -> Relation:
    """Dates that do not meet: a changed date keeps its precision ("Thursday" for "Sunday", 2021 for
    2023), so dates of like precision a little apart may be one happening told wrong; others are not."""
    lengths = sorted((_days(first), _days(second)))
    gap = max(first[0], second[0]) - min(first[1], second[1])
    alike = lengths[1] <= 1.5 * lengths[0] and lengths[1] <= MAX_STATEMENT_DAYS
    return "near" if alike and gap.days <= max(NEAR_DAYS, 3 * lengths[1]) else "far"


def pattern_fits(pattern: str, interval: Interval) -> bool | None:
    """Whether a date with unknown parts can be one of the interval's days: "XXXX-WXX-4" (a Thursday) or
    "XXXX-06-04" (June 4 of some year) against a dated event. None: the pattern does not say."""
    days = [interval[0] + timedelta(days=offset) for offset in range(min(_days(interval), 31))]
    if pattern.startswith("XXXX-WXX-") and pattern[-1].isdigit():
        weekday = int(pattern[-1])
        return any(day.isoweekday() == weekday for day in days)
    parts = pattern.split("-")
    if len(parts) == 3 and parts[0] == "XXXX" and parts[1].isdigit() and parts[2].isdigit():
        return any((day.month, day.day) == (int(parts[1]), int(parts[2])) for day in days)
    if len(parts) == 2 and parts[0] == "XXXX" and parts[1].isdigit():
        return any(day.month == int(parts[1]) for day in days)
    return None


def _days(interval: Interval) -> int:
    return (interval[1] - interval[0]).days + 1


def _reason(state: MergeState, pair: _Pair) -> str:
    a, b = state.entries[pair.a], state.entries[pair.b]
    shown = pair.shared[:SHOWN_TOKENS]
    names = [token for token in shown if is_name(token)]
    words = [_word(token) for token in shown if not is_name(token)]
    more = len(pair.shared) - len(shown)
    said = "; ".join(
        part
        for part in (
            f"shared {', '.join(repr(name) for name in names)}" if names else "",
            f"both say {', '.join(words)}" if words else "",
            f"{more} more word(s) in common" if more > 0 else "",
            _dates(state, pair),
        )
        if part
    )
    return f"{a.doc} ({a.path}:{a.line}) and {b.doc} ({b.path}:{b.line}): {said}"


def _word(token: str) -> str:
    return f"a verb like '{token[1:]}'" if token.startswith("~") else repr(token)


def _dates(state: MergeState, pair: _Pair) -> str:
    shown = [_date_words(state, index) for index in (pair.a, pair.b)]
    verdict = {
        "same": "agree",
        "overlap": "overlap",
        "unknown": "cannot be compared yet",
        "near": "disagree (reported by the date check)",
    }.get(pair.relation, "")
    return f"dates {shown[0]} and {shown[1]} {verdict}"


def _date_words(state: MergeState, index: int) -> str:
    interval = state.intervals.get(index)
    if interval is not None:
        return _show(interval)
    pattern = state.entries[index].pattern
    return f"'{pattern}'" if pattern else "none"


def _show(interval: Interval) -> str:
    start: date = interval[0]
    end: date = interval[1]
    return start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"
