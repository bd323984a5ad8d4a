"""A mention quoting the words it is about, located in the original file."""

from __future__ import annotations

from timeline.corpus.models import Document
from timeline.events.models import Mention
from timeline.events.phrases import Span
from timeline.temporal.models import Timex

QUOTE_CHARS = 600  # a longer span is quoted around the mention (a run-on "sentence" can be megabytes)


def build_mention(
    document: Document, span: Span, focus: Span, timex: Timex | None, **fields: object
) -> Mention:
    """A mention quoting `span` (or, for a very long one, the part of it around `focus` and its time
    expression when that lies in the span), located in the file; `earliest`/`latest` default to the time
    expression's."""
    start, end = span.start, span.end
    if end - start > QUOTE_CHARS:
        covered = focus
        if timex is not None and span.start <= timex.start and timex.end <= span.end:
            covered = Span(min(focus.start, timex.start), max(focus.end, timex.end))
        margin = max((QUOTE_CHARS - (covered.end - covered.start)) // 2, 0)
        start = max(span.start, covered.start - margin)
        end = min(span.end, covered.end + margin)
        # whole words at the edges
        while start > span.start and document.text[start - 1].isalnum():
            start -= 1
        while end < span.end and document.text[end].isalnum():
            end += 1
    line, column = document.locate(start)
    values: dict[str, object] = {
        "time_text": timex.text if timex is not None else None,
        "earliest": timex.earliest if timex is not None else None,
        "latest": timex.latest if timex is not None else None,
        **fields,
    }
    return Mention.model_validate(
        {
            "doc": document.id,
            "path": document.path,
            "line": line,
            "column": column,
            "start": start,
            "end": end,
            "quote": document.text[start:end],
            "timex": timex,
            **values,
        }
    )
