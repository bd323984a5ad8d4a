"""What the built-in comparisons share: the events they compare and each article's mentions of one.

They compare automatic events (made by the merge with no catalog event) told by two or more articles. A
catalog event is the user's: the rules they write for it (agree, numeric, date-agree) say what to compare.
Statements that are negated, hedged, hypothetical or generic claim nothing to compare.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from timeline.check.models import Evidence
from timeline.check.rulebase import CheckContext, evidence
from timeline.chronology.models import Event
from timeline.events.models import Mention

NOT_CLAIMS = frozenset({"negated", "hedged", "hypothetical", "generic"})


def compared_events(
    context: CheckContext, hedged: bool = False
) -> Iterator[tuple[Event, dict[str, list[Mention]]]]:
    """Automatic events told by several articles, with each article's asserted mentions of them (or, with
    `hedged`, its hedged ones: "it might increase the risks" and "it might decrease them" disagree on what
    was said might happen, though neither says it happened)."""
    for event in context.timeline.events:
        if not event.automatic:
            continue
        by_doc: dict[str, list[Mention]] = defaultdict(list)
        for mention in event.mentions:
            modality = getattr(mention, "modality", None)
            if modality == "hedged" if hedged else modality not in NOT_CLAIMS:
                by_doc[mention.doc].append(mention)
        if len(by_doc) > 1:
            yield event, dict(sorted(by_doc.items()))


def side_evidence(sides: dict[str, list[tuple[Mention, str]]]) -> list[Evidence]:
    """Evidence for every side of a disagreement: each quote with the words it claims."""
    return [evidence(mention, said) for claims in sides.values() for mention, said in claims]


def describe(sides: dict[str, list[tuple[Mention, str]]]) -> str:
    """ "'voluntarily' (a, b) vs '30 days to review' (c)": each side's words and the articles saying them."""
    parts = []
    for claims in sides.values():
        words = sorted({said for _, said in claims})
        docs = sorted({mention.doc for mention, _ in claims})
        parts.append(f"{' / '.join(repr(word) for word in words)} ({', '.join(docs)})")
    return " vs ".join(parts)
