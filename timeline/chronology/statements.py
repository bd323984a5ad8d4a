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

from timeline.chronology.dates import Interval, intersect
from timeline.chronology.features import is_name
from timeline.chronology.ingest import Entry, MergeState

BLOCK_LIMIT = 200  # a token shared by more statements than this is too common to tell them apart
NAME_WEIGHT = 1.5  # a shared name says more than a shared common word of the same rarity
MAX_STATEMENT_DAYS = 366  # a statement dated only to a decade or century gives no date to compare
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
    "overlap": (3.0, 0.2, 0.5),
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
    documents = {index: {state.entries[index].doc} for index in members}
    reasons: dict[int, list[str]] = defaultdict(list)

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for pair in sorted(_scored_pairs(state, members, weights)):
        first, second = root(pair.a), root(pair.b)
        if first == second or documents[first] & documents[second]:
            continue
        kept, joined = min(first, second), max(first, second)
        parent[joined] = kept
        documents[kept] |= documents.pop(joined)
        reasons[kept].extend(reasons.pop(joined, []))
        reasons[kept].append(_reason(state, pair))
    state.groups = {index: root(index) for index in members}
    state.reasons = dict(reasons)


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


def _scored_pairs(state: MergeState, members: list[int], weights: dict[str, float]) -> list[_Pair]:
    """Pairs of statements of different articles that share a rare token and are similar enough."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index in members:
        for token in state.entries[index].features:
            blocks[token].append(index)
    compared: set[tuple[int, int]] = set()
    pairs = []
    for token in sorted(blocks):
        block = blocks[token]
        if len(block) > BLOCK_LIMIT or len(block) < 2:
            continue
        for position, a in enumerate(block):
            for b in block[position + 1 :]:
                if (a, b) in compared or state.entries[a].doc == state.entries[b].doc:
                    continue
                compared.add((a, b))
                pair = _pair(state, a, b, weights)
                if pair is not None:
                    pairs.append(pair)
    return pairs


def _pair(state: MergeState, a: int, b: int, weights: dict[str, float]) -> _Pair | None:
    relation = date_relation(state, a, b)
    if relation == "far":
        return None
    first, second = state.entries[a], state.entries[b]
    shared = tuple(sorted(set(first.features) & set(second.features)))
    shared_core = set(first.core) & set(second.core)
    if relation in ("unknown", "near") and not any(is_name(token) for token in shared_core):
        return None
    core = sum(weights[token] for token in shared_core)
    weight = sum(weights[token] for token in shared) + core
    total = sum(weights[token] for entry in (first, second) for token in (*entry.features, *entry.core))
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
    if first is not None and second is not None:
        if intersect([first, second]) is None:
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
