"""How an event's date reads to a person: as precise as the sources support, and no more."""

from __future__ import annotations

from timeline.chronology.dates import is_whole_unit
from timeline.chronology.models import EventDate


def date_label(date: EventDate) -> str:
    """ "2026-06-04", "2026-06", "2026-06-01 – 2026-06-07", "2026 (after 2026-06-06)", or "undated"."""
    if date.earliest is None or date.latest is None:
        return "undated"
    if date.value is not None and is_whole_unit(date) and date.granularity != "week":
        return date.value
    if date.granularity in ("year", "decade") and date.value is not None:
        year_start = date.earliest.endswith("-01-01")
        year_end = date.latest.endswith("-12-31")
        if year_end and not year_start:
            return f"{date.value} (after {date.earliest})"
        if year_start and not year_end:
            return f"{date.value} (by {date.latest})"
    return f"{date.earliest} – {date.latest}"


def short_quote(quote: str, around: str | None, limit: int = 160) -> str:
    """A window of the quote, centred on the time expression when there is one, whitespace collapsed."""
    text = " ".join(quote.split())
    if len(text) <= limit:
        return text
    centre = text.find(around) if around else -1
    start = 0 if centre < 0 else max(0, min(centre - limit // 2, len(text) - limit))
    end = start + limit
    # whole words only: move the cut points out to the nearest spaces
    if start > 0:
        start = text.rfind(" ", 0, start) + 1
    if end < len(text):
        space = text.find(" ", end)
        end = space if space != -1 else len(text)
    cut = text[start:end]
    return ("… " if start > 0 else "") + cut.strip() + (" …" if end < len(text) else "")
