"""Dates relative to another event: "one day before <event>" once that event is dated.

The event is the catalog event whose trigger the expression names (the events stage found it), else the
catalog event whose title the words resemble, else the automatic event whose statements say most of
what the words say ("one day before Anthropic published its post").
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz, process  # fast fuzzy string similarity for matching anchor words to titles

from timeline.chronology.dates import Interval, shift
from timeline.chronology.features import text_features
from timeline.chronology.ingest import MergeState

TITLE_SIMILARITY = 85  # rapidfuzz token_set_ratio (0-100) above which anchor words name a catalog title
ANCHOR_PASSES = 3  # anchors may chain ("a day before the report that came a week after ...")
MIN_SHARED = 2  # tokens anchor words must share with a statement to name its event
BLOCK_LIMIT = 200  # a token more statements use than this does not single one out


def resolve_anchors(state: MergeState) -> None:
    """Date "one day before <event>" through that event's date, once it is known."""
    titles = {e.event_type: e.title for e in state.entries if e.event_type is not None}
    statements = _StatementLookup(state)
    automatic = state.automatic_groups()
    for _ in range(ANCHOR_PASSES):
        groups = state.catalog_groups()
        changed = False
        for index, entry in enumerate(state.entries):
            anchor = entry.anchor
            if index in state.intervals or anchor is None:
                continue
            assert anchor.offset is not None and anchor.relation is not None  # kept only with both
            target_interval = _target_interval(state, index, titles, groups, automatic, statements)
            if target_interval is None:
                continue
            shifted = shift(target_interval, anchor.offset, anchor.relation)
            if shifted is not None:
                state.intervals[index] = shifted
                changed = True
        if not changed:
            return


def _target_interval(
    state: MergeState,
    index: int,
    titles: dict[str, str],
    groups: dict[str, list[int]],
    automatic: dict[int, list[int]],
    statements: _StatementLookup,
) -> Interval | None:
    entry = state.entries[index]
    assert entry.anchor is not None
    target = entry.anchor_event or _event_named(entry.anchor.ref, titles)
    if target is not None:
        return None if target == entry.event_type else state.group_interval(groups.get(target, []))
    statement = statements.named(entry.anchor.ref, index)
    if statement is None:
        return None
    return state.group_interval(automatic.get(state.groups.get(statement, statement), [statement]))


def _event_named(reference: str | None, titles: dict[str, str]) -> str | None:
    """Without a catalog trigger inside the anchor, the catalog event whose title the anchor resembles."""
    if not reference or not titles:
        return None
    keys = sorted(titles)
    found = process.extractOne(
        reference,
        [titles[key] for key in keys],
        scorer=fuzz.token_set_ratio,
        score_cutoff=TITLE_SIMILARITY,
    )
    return keys[found[2]] if found is not None else None


class _StatementLookup:
    """Dated open statements by token, to find the one anchor words name."""

    def __init__(self, state: MergeState) -> None:
        self.state = state
        self.by_token: dict[str, list[int]] = defaultdict(list)
        for index, entry in enumerate(state.entries):
            if entry.event_type is None:
                for token in entry.features:
                    self.by_token[token].append(index)

    def named(self, reference: str | None, asking: int) -> int | None:
        """The dated statement (of another sentence) sharing most tokens with the anchor words."""
        if not reference:
            return None
        wanted = text_features(reference)
        shared: dict[int, int] = defaultdict(int)
        for token in wanted:
            found = self.by_token.get(token, [])
            if len(found) <= BLOCK_LIMIT:
                for index in found:
                    shared[index] += 1
        asking_entry = self.state.entries[asking]
        candidates = [
            (-count, index)
            for index, count in shared.items()
            if count >= MIN_SHARED
            and index in self.state.intervals
            and (self.state.entries[index].doc, self.state.entries[index].start)
            != (asking_entry.doc, asking_entry.start)
        ]
        return min(candidates)[1] if candidates else None
