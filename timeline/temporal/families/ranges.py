"""The second end of a range written once: the "16" of "June 15-16", the "25" of "April 24 and 25", the
"88" of "1987-88"."""

from __future__ import annotations

import re

from timeline.temporal.context import Document
from timeline.temporal.intervals import calendar_interval
from timeline.temporal.models import Anchor
from timeline.temporal.readings import Group, Reading
from timeline.temporal.registry import normaliser

_RANGE_JOIN = re.compile(r"\s*(?:-|–|and|to|or|through)\s*", re.IGNORECASE)


@normaliser("range_end")
def range_end(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    ref = doc.reference
    if ref is not None and ref.granularity == "year":
        return _range_end_year(doc, g, start)
    return _range_end_day(doc, g, start, end)


def _range_end_day(doc: Document, g: Group, start: int, end: int) -> Reading | None:
    """Only right after a day-precise date, and later in its month."""
    ref = doc.view_of("day")
    if ref is None or ref.end < 0 or start - ref.end > len(" through "):
        return None
    first = calendar_interval(ref.value)
    if first is None or not _RANGE_JOIN.fullmatch(doc.text, ref.end, start):
        return None
    if doc.lex.counted_noun_after.match(doc.text, end):
        return None  # "on June 15 and 20 people died"
    try:
        day = first[0].replace(day=int(g("day") or 0))
    except ValueError:
        return None
    if day <= first[0]:
        return None
    return Reading("DATE", day.isoformat(), anchor=Anchor(kind="timex", ref=str(ref.start)), in_view=False)


def _range_end_year(doc: Document, g: Group, start: int) -> Reading | None:
    """Only right after a year and a dash, two digits, at most ten years later: "1987-88", "1999-00"."""
    ref = doc.reference
    if ref is None or ref.end != start - 1 or len(g("day") or "") != 2 or doc.text[ref.end] not in "-–":
        return None
    first = int(ref.value)
    later = first - first % 100 + int(g("day") or 0)
    if later <= first:
        later += 100  # "1999-00"
    if later - first > 10 or later > 9999:
        return None
    return Reading("DATE", f"{later:04d}", anchor=Anchor(kind="timex", ref=str(ref.start)), in_view=False)
