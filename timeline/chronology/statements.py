"""Automatic events: open statements of several articles that tell the same happening become one event.

No catalog is needed. Candidate pairs come from blocks of statements sharing rare tokens (candidates.py),
scored by what they say (similarity.py) against what their dates allow (relations.py): dates that
disagree a little may still merge, and the date check then reports the disagreement. The pairs are
joined most similar first, into groups that stay one happening:
- an article tells a happening once, in one sentence (a clause and the relative clause on its object:
  "placed Anthropic on a blacklist | that is set to take effect in 2026"): two groups holding other
  sentences of one article stay apart;
- the groups' dates must still meet (no chain through statements with no date);
- every statement of one group must resemble those of the other on average (average linkage), and none
  may name someone in its core whom the other's sentence never names, so that two happenings are not
  chained through one statement that resembles both.
Every merge says why, in the event's `merge_reasons`.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from timeline.chronology.candidates import Pair, scored_pairs
from timeline.chronology.dates import Interval
from timeline.chronology.features import is_name
from timeline.chronology.ingest import MergeState
from timeline.chronology.relations import near_gap, other_protagonists
from timeline.chronology.similarity import THRESHOLDS, Profile, profile, similarity, token_weights

SHOWN_TOKENS = 6  # shared tokens a merge reason names
# two groups join when the mean weight their statements share, pair by pair, is at least this share of
# what the joining pair's dates ask of one pair
LINKAGE = 0.75


class _Groups:
    """Union-find over statements, with each group's articles, members and the span its dates leave."""

    def __init__(self, state: MergeState, members: list[int], weights: dict[str, float]) -> None:
        self.state, self.weights = state, weights
        self.parent = {index: index for index in members}
        self.members: dict[int, list[int]] = {}  # a group's statements, once it has more than one
        self.sentences: dict[int, dict[str, int]] = {}  # a group's articles, each with its sentence
        self.spans: dict[int, tuple[date, date]] = {}  # a group's latest start and earliest end
        self.reasons: dict[int, list[str]] = defaultdict(list)
        self._profiles: dict[int, Profile] = {}

    def root(self, index: int) -> int:
        parent = self.parent
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def articles(self, group: int) -> dict[str, int]:
        entry = self.state.entries[group]
        return self.sentences.get(group) or {entry.doc: entry.sentence_at}

    def other_sentences(self, first: int, second: int) -> bool:
        """Whether the groups hold different sentences of one article."""
        ones, others = self.articles(first), self.articles(second)
        return any(others.get(doc, sentence) != sentence for doc, sentence in ones.items())

    def statements(self, group: int) -> list[int]:
        return self.members.get(group) or [group]

    def span(self, group: int) -> tuple[date, date] | None:
        if group in self.spans:
            return self.spans[group]
        interval = self.state.intervals.get(group)
        return (interval[0], interval[1]) if interval is not None else None

    def try_join(self, pair: Pair) -> None:
        first, second = self.root(pair.a), self.root(pair.b)
        if first == second or self.other_sentences(first, second):
            return
        joint = _joint_span(self.span(first), self.span(second), pair.relation == "near")
        if joint is False:
            return  # the groups' dates could not be one happening's
        if not self._linked(first, second, THRESHOLDS[pair.relation][0]):
            return
        kept, joined = min(first, second), max(first, second)
        if isinstance(joint, tuple):
            self.spans[kept] = joint
        self.parent[joined] = kept
        self.members[kept] = sorted(self.statements(kept) + self.statements(joined))
        self.members.pop(joined, None)
        self.sentences[kept] = self.articles(kept) | self.articles(joined)
        self.sentences.pop(joined, None)
        self.reasons[kept].extend(self.reasons.pop(joined, []))
        self.reasons[kept].append(_reason(self.state, pair))

    def _linked(self, first: int, second: int, needed: float) -> bool:
        ones, others = self.statements(first), self.statements(second)
        if len(ones) == 1 and len(others) == 1:
            return True  # the pair itself
        entries = self.state.entries
        if any(other_protagonists(entries[a], entries[b]) for a in ones for b in others):
            return False  # a statement naming no one must not bridge two companies' stock prices
        weight = sum(
            similarity(self._profile(a), self.state.entries[b], self._profile(b).weight, self.weights).weight
            for a in ones
            for b in others
        )
        return weight >= LINKAGE * needed * len(ones) * len(others)

    def _profile(self, index: int) -> Profile:
        if index not in self._profiles:
            self._profiles[index] = profile(self.state.entries[index], self.weights)
        return self._profiles[index]


def group_statements(state: MergeState) -> None:
    """Group the open statements into automatic events (state.groups) and say why (state.reasons)."""
    members = [index for index, entry in enumerate(state.entries) if entry.event_type is None]
    weights = token_weights(state.entries, members)
    groups = _Groups(state, members, weights)
    for pair in sorted(scored_pairs(state, members, weights)):
        groups.try_join(pair)
    state.regroup({index: groups.root(index) for index in members}, dict(groups.reasons))


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
    longest = max((span[1] - span[0]).days + 1 for span in (first, second))
    if near and (start - end).days <= near_gap(longest):
        return min(first[0], second[0]), max(first[1], second[1])
    return False


def _reason(state: MergeState, pair: Pair) -> str:
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


def _dates(state: MergeState, pair: Pair) -> str:
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
