"""Catalog events take precedence over automatic ones that tell the same happening.

Where the user wrote a catalog event, the statements its articles make about that happening in other
words ("Anthropic is proposing that the leading labs establish a coordinated pause" beside the catalog's
"Anthropic publishes its call for a coordinated pause") are that event's, not a second row. An automatic
event is taken by a catalog event when every article telling it also tells the catalog event, and its
statements resemble the catalog event's mentions in those articles as much as two groups of statements
must resemble each other to join (statements.py), with dates that do not keep them apart. The catalog
event keeps its own mentions and dates; it counts what it took (`MergeState.absorbed`).
"""

from __future__ import annotations

from collections import defaultdict

from timeline.chronology.assemble import emitted
from timeline.chronology.ingest import MergeState
from timeline.chronology.relations import date_relation, other_protagonists
from timeline.chronology.similarity import (
    THRESHOLDS,
    Profile,
    Weights,
    profile,
    similarity,
    token_weights,
    weights_of,
)
from timeline.chronology.statements import LINKAGE


def absorb_into_catalog(state: MergeState) -> None:
    """Hand each automatic event that tells a catalog event's happening over to that catalog event."""
    catalog: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))  # type -> doc -> ...
    for index, entry in enumerate(state.entries):
        if entry.event_type is not None:
            catalog[entry.event_type][entry.doc].append(index)
    if not catalog:
        return
    groups = {
        group: members for group, members in state.automatic_groups().items() if emitted(state, members)
    }
    compared = [index for members in groups.values() for index in members]
    compared += [index for by_doc in catalog.values() for indices in by_doc.values() for index in indices]
    weights = token_weights(state.entries, compared)
    mention_weights = {
        index: weights_of(state.entries[index], weights)
        for by_doc in catalog.values()
        for indices in by_doc.values()
        for index in indices
    }
    taken: dict[int, str] = {}
    for group, members in groups.items():
        docs = {state.entries[index].doc for index in members}
        told = [event_type for event_type, by_doc in sorted(catalog.items()) if docs <= by_doc.keys()]
        if not told:
            continue
        profiles = [(index, profile(state.entries[index], weights)) for index in members]
        scores = {
            event_type: _mean_weight(
                state,
                profiles,
                [i for doc in docs for i in catalog[event_type][doc]],
                weights,
                mention_weights,
            )
            for event_type in told
        }
        best = max(told, key=lambda event_type: scores[event_type])
        # as much as two groups of statements whose dates cannot be compared must share to join
        if scores[best] >= LINKAGE * THRESHOLDS["unknown"][0]:
            taken[group] = best
    for group, event_type in taken.items():
        state.absorbed[event_type] = state.absorbed.get(event_type, 0) + len(groups[group])
    state.regroup(
        {index: group for index, group in state.groups.items() if group not in taken},
        {group: reasons for group, reasons in state.reasons.items() if group not in taken},
    )


def _mean_weight(
    state: MergeState,
    statements: list[tuple[int, Profile]],
    mentions: list[int],
    weights: dict[str, float],
    mention_weights: dict[int, Weights],
) -> float:
    """The mean weight the statements share with the mentions, pair by pair; nothing when a pair's dates
    keep them apart (a date the clause only inherits from the narrative is no claim) or a statement names
    someone the mention never does."""
    entries = state.entries
    total = 0.0
    for statement, first in statements:
        for mention in mentions:
            apart = date_relation(state, statement, mention) in ("near", "far")
            if (apart and not entries[statement].inherited) or other_protagonists(
                entries[statement], entries[mention]
            ):
                return 0.0
            total += similarity(first, entries[mention], mention_weights[mention], weights).weight
    return total / (len(statements) * len(mentions))
