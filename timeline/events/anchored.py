"""The event a clause is timed from: "Five years after its launch, the service in February passed Wal-Mart".

The tagger reads "five years after its launch" as an offset from an event ("its launch"). When the clause
itself is dated by another expression ("in February"), that event lies the offset before (or after) the
clause's date, at the offset's precision: the launch is in the year five years before February 2008. It
becomes a statement of its own, quoting "Five years after its launch", so it is not dated like the clause.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from timeline.corpus.models import Document
from timeline.events.models import Mention
from timeline.events.participants import names
from timeline.events.phrases import Span
from timeline.events.predicates import verb_of_noun
from timeline.events.quoting import build_mention
from timeline.events.sentence import SentenceIndex
from timeline.events.timing import Dating
from timeline.temporal.intervals import shift_within
from timeline.temporal.models import Timex

# the precision a date keeps when it is moved by an offset in these units
_PRECISION = {"Y": "year", "M": "month"}


def anchored_statements(
    document: Document,
    index: SentenceIndex,
    timexes: list[Timex],
    datings: dict[int, Dating],
    known_names: frozenset[str],
) -> list[Mention]:
    view = index.view
    found = []
    for timex in timexes:
        anchor = timex.anchor
        if anchor is None or anchor.kind != "event" or not anchor.ref or not anchor.offset:
            continue
        clause = index.clauses.clause_at(timex.start)
        dating = datings.get(clause)
        if dating is None or dating.earliest is None or dating.latest is None or dating.timex is timex:
            continue
        ref_at = view.text.find(anchor.ref, timex.end - view.start)
        noun = anchor.ref.split()[-1]
        verb = verb_of_noun(noun)
        if ref_at < 0 or verb is None or not anchor.offset[1:-1].isdigit():
            continue  # "years after", no number: no date to move
        sign = -1 if anchor.relation == "after" else 1  # the clause is after the event: the event is earlier
        earliest = shift_within(date.fromisoformat(dating.earliest[:10]), anchor.offset, sign)
        latest = shift_within(date.fromisoformat(dating.latest[:10]), anchor.offset, sign)
        precision = _PRECISION.get(anchor.offset[-1])
        if precision == "year":
            earliest, latest = earliest.replace(month=1, day=1), latest.replace(month=12, day=31)
        elif anchor.offset[-1] == "W":  # "two weeks": give or take half a week
            earliest, latest = earliest - timedelta(days=3), latest + timedelta(days=3)
        elif precision == "month":
            last_day = calendar.monthrange(latest.year, latest.month)[1]
            earliest, latest = earliest.replace(day=1), latest.replace(day=last_day)
        span = Span(timex.start, view.start + ref_at + len(anchor.ref))
        tokens = [token for token in view.tokens if span.start <= token.start < span.end]
        relation = "before" if anchor.relation == "after" else "after"
        when = dating.timex.text if dating.timex is not None else "the clause's date"
        title = f"{anchor.ref} ({timex.text.lower()} {relation} {when})"
        fields: dict[str, object] = {
            "title": title,
            "participants": names(view.text, view.start, tokens, [], known_names),
            "predicate": verb,
            "clause": "subordinate",
            "time_link": f'"{timex.text} {anchor.relation} {anchor.ref}": {relation} the clause\'s date',
            "time_inherited": True,
            "earliest": earliest.isoformat(),
            "latest": latest.isoformat(),
            "sentence_start": view.start,
            "sentence_end": view.end,
        }
        focus = Span(span.end - len(noun), span.end)
        found.append(build_mention(document, span, focus, dating.timex, **fields))
    return found
