"""builtin/contrasting-descriptions: two articles describe the same thing with opposed words ("its internal
research institute" in one, "Anthropic's independent research institute" in another).

The thing is the one or two words right after the opposed term (data/opposed_terms.yaml), the same in
both articles, and the two sentences name someone in common, so that they speak of one institute, memo
or review, not of any. It looks at the statements of automatic events; a catalogued event is compared by
the rules its author writes. An article using both sides for the thing takes no side.
"""

from __future__ import annotations

from collections import defaultdict

from timeline.check.builtin.compare import NOT_CLAIMS, describe, side_evidence
from timeline.check.builtin.contrasting_claims import described_things
from timeline.check.models import Finding, Severity
from timeline.check.rulebase import CheckContext
from timeline.chronology.features import is_name, text_features
from timeline.events.models import Mention

ID = "builtin/contrasting-descriptions"
SEVERITY: Severity = "warning"
DESCRIPTION = "Articles describe the same thing with opposed words (an internal / an independent institute)."

Claim = tuple[Mention, str, frozenset[str]]  # the mention, its words, the names its sentence uses


def check(context: CheckContext, severity: Severity) -> list[Finding]:
    # (group, thing) -> side -> doc -> claims
    said: dict[tuple[int, str], dict[str, dict[str, list[Claim]]]] = defaultdict(lambda: defaultdict(dict))
    for event in context.timeline.events:
        if not event.automatic:
            continue
        for mention in event.mentions:
            if mention.modality in NOT_CLAIMS:
                continue
            things = described_things(mention.quote)
            if not things:
                continue
            names = frozenset(token for token in text_features(mention.quote) if is_name(token))
            for group, side, words, thing in things:
                said[(group, thing)][side].setdefault(mention.doc, []).append((mention, words, names))
    findings = []
    for (_, thing), sides in sorted(said.items()):
        only = {
            side: {doc: claims for doc, claims in docs.items() if _one_side(doc, side, sides)}
            for side, docs in sides.items()
        }
        only = {side: docs for side, docs in only.items() if docs}
        if len(only) < 2 or not _share_a_name(only):
            continue
        shown = {
            side: [(m, words) for claims in docs.values() for m, words, _ in claims]
            for side, docs in only.items()
        }
        findings.append(
            Finding(
                rule=ID,
                severity=severity,
                message=f"sources describe the {thing} in opposed terms: {describe(shown)}",
                evidence=side_evidence(shown),
            )
        )
    return findings


def _one_side(doc: str, side: str, sides: dict[str, dict[str, list[Claim]]]) -> bool:
    return all(doc not in docs for other, docs in sides.items() if other != side)


def _share_a_name(only: dict[str, dict[str, list[Claim]]]) -> bool:
    """Articles on different sides name someone in common (in the sentences that describe the thing)."""
    names = [
        frozenset().union(*(names for claims in docs.values() for _, _, names in claims))
        for docs in only.values()
    ]
    return any(names[i] & names[j] for i in range(len(names)) for j in range(i + 1, len(names)))
