"""builtin/past-after-publication: an article reports as past something it dates after its own publication.

Only a plain past claim counts. The clause's tense is read by the events stage, and a verb group can be
misread, so the words just before the time expression are read again: a future or hedging cue there ("to
be held on October 12", "expected in late 2006", "forthcoming ... mid-2011", "would"), a statement the
events stage marked negated, hedged, hypothetical or generic, a date inherited from the narrative, or a
date derived from another event ("one year after ...") is not a past claim about that day.
"""

from __future__ import annotations

import re
from functools import cache

from timeline.check.builtin.compare import NOT_CLAIMS
from timeline.check.dates import mention_interval, publication_interval
from timeline.check.models import Finding, Severity
from timeline.check.rulebase import CheckContext, dated_evidence
from timeline.english import english
from timeline.events.models import Mention

ID = "builtin/past-after-publication"
SEVERITY: Severity = "warning"
DESCRIPTION = "A past-tense event dated after the publication of the article that reports it."
CUE_REACH = 80  # characters before the time expression read for a future or hedging cue
# besides the shared future words and phrases (timeline/english.yaml): words that look ahead or hedge
# and words that put a date on a deadline or a term rather than on the past verb ("declared a dividend
# payable Dec. 1", "extended the offer until Nov. 20")
LOOKING_AHEAD = (
    "to be", "expected", "forthcoming", "upcoming", "scheduled", "planned", "due", "next", "payable",
    "effective", "until", "till", "through", "expire", "expires", "expiring", "deadline", "extended to",
    "postponed to", "delayed to", "moved to", "set for",
)  # fmt: skip


@cache
def _cues() -> re.Pattern[str]:
    tense = english().tense
    words = [*tense.future, *tense.future_phrases, *tense.unclear, *LOOKING_AHEAD]
    alternation = "|".join(r"\s+".join(map(re.escape, cue.split())) for cue in words)
    return re.compile(rf"(?<![\w'’])(?:{alternation})(?![\w'’])|['’]ll\b", re.IGNORECASE)


def _plain_past(mention: Mention) -> bool:
    if mention.tense != "past" or mention.modality in NOT_CLAIMS or mention.time_inherited:
        return False  # a date in view the clause inherits is the narrative's, not this past claim's
    timex = mention.timex
    if timex is None:
        return True
    if timex.anchor is not None and timex.anchor.kind == "event":
        return False
    end = timex.end - mention.start
    before = mention.quote[max(timex.start - mention.start - CUE_REACH, 0) : max(end, 0)]
    return _cues().search(before) is None


def check(context: CheckContext, severity: Severity) -> list[Finding]:
    findings = []
    for event in context.timeline.events:
        for mention in event.mentions:
            claim = mention_interval(mention)
            document = context.documents.get(mention.doc)
            published = publication_interval(document) if document else None
            if claim is None or published is None or not _plain_past(mention):
                continue
            if claim.earliest > published.latest:  # even the latest possible publication day is earlier
                findings.append(
                    Finding(
                        rule=ID,
                        severity=severity,
                        message=f"{mention.doc} reports {event.title} as past but dates it {claim}, "
                        f"after its publication ({published})",
                        event=event.id,
                        evidence=[dated_evidence(mention, claim)],
                    )
                )
    return findings
