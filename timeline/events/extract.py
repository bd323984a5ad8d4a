"""Event mentions in one document: catalog events found by their triggers, and open statements.

Sentence by sentence: the catalog's triggers give catalog mentions (`catalog_match.py`), and every other
clause with a real predicate becomes an open statement (`statements.py`), dated by its own time expression
or the date in view, so a corpus gets a useful chronology with no catalog at all.
"""

from __future__ import annotations

import bisect
import re
from functools import partial

from timeline.corpus.models import Document, Sentence
from timeline.events.catalog import Catalog
from timeline.events.catalog_match import anchor_event, catalog_mentions, compile_catalog
from timeline.events.models import Mention
from timeline.events.participants import capitalised_words
from timeline.events.sentence import SentenceView, index_sentence, make_view
from timeline.events.statements import sentence_statements
from timeline.events.timing import DateInView, can_date
from timeline.temporal.models import Timex

_FALLBACK_SENTENCE = re.compile(r"[^\n]*?(?:[.!?](?=\s)|\n|$)")


def extract_mentions(document: Document, timexes: list[Timex], catalog: Catalog) -> list[Mention]:
    """Every catalog mention and open statement in `document`, in text order."""
    compiled = compile_catalog(catalog)
    dating = sorted((timex for timex in timexes if can_date(timex)), key=lambda timex: timex.start)
    dating_starts = [timex.start for timex in dating]
    known_names = capitalised_words(document.text)
    in_view = DateInView(document.published)
    mentions: list[Mention] = []
    previous: SentenceView | None = None
    for sentence in _sentences(document):
        view = make_view(document.text, sentence.start, sentence.end, previous)
        previous = view
        in_sentence = dating[
            bisect.bisect_left(dating_starts, view.start) : bisect.bisect_left(dating_starts, view.end)
        ]
        index = index_sentence(view, in_sentence)
        found, claimed, accepted = catalog_mentions(document, index, compiled)
        mentions.extend(found)
        anchor = partial(anchor_event, accepted=accepted, view=view)
        mentions.extend(
            sentence_statements(document, index, in_sentence, claimed, in_view, known_names, anchor)
        )
    return sorted(mentions, key=lambda mention: (mention.start, mention.event_type or "", mention.title))


def _sentences(document: Document) -> list[Sentence]:
    if document.sentences:
        return document.sentences
    spans = [match.span() for match in _FALLBACK_SENTENCE.finditer(document.text)]
    return [Sentence(start=start, end=end) for start, end in spans if document.text[start:end].strip()]
