"""CSV (one row per mention) and Knight Lab TimelineJS exports."""

from __future__ import annotations

import csv
import html
import io
import json
from datetime import date
from typing import Any

from timeline.chronology.models import Event, Timeline
from timeline.export.labels import date_label, short_quote

CSV_COLUMNS = [
    "event_id",
    "event_title",
    "event_type",
    "event_date",
    "event_earliest",
    "event_latest",
    "date_conflict",
    "doc",
    "path",
    "line",
    "column",
    "time_text",
    "mention_earliest",
    "mention_latest",
    "quote",
]


def render_csv(timeline: Timeline) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in timeline.events:
        for mention in event.mentions:
            writer.writerow(
                [
                    event.id,
                    event.title,
                    event.type or "",
                    date_label(event.date),
                    event.date.earliest or "",
                    event.date.latest or "",
                    "yes" if event.date_conflict else "",
                    mention.doc,
                    mention.path,
                    mention.line,
                    mention.column,
                    mention.time_text or "",
                    mention.earliest or "",
                    mention.latest or "",
                    " ".join(mention.quote.split()),
                ]
            )
    return buffer.getvalue()


def _date_object(iso: str) -> dict[str, int]:
    day = date.fromisoformat(iso)
    return {"year": day.year, "month": day.month, "day": day.day}


def render_timelinejs(timeline: Timeline) -> str:
    """TimelineJS JSON: one slide per dated event and outlet, grouped by outlet (undated events left out)."""
    outlets = {document.id: document.source or document.id for document in timeline.documents}
    slides: list[dict[str, Any]] = []
    for event in timeline.events:
        if event.date.earliest is None or event.date.latest is None:
            continue
        by_outlet: dict[str, list[int]] = {}
        for index, mention in enumerate(event.mentions):
            by_outlet.setdefault(outlets.get(mention.doc, mention.doc), []).append(index)
        for outlet, indices in sorted(by_outlet.items()):
            slides.append(_slide(event, outlet, indices))
    document = {"title": {"text": {"headline": "Timeline", "text": ""}}, "events": slides}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _slide(event: Event, outlet: str, indices: list[int]) -> dict[str, Any]:
    assert event.date.earliest is not None and event.date.latest is not None
    quotes = "".join(
        f"<p>“{html.escape(short_quote(event.mentions[i].quote, event.mentions[i].time_text))}” "
        f"({html.escape(event.mentions[i].path)}:{event.mentions[i].line})</p>"
        for i in indices
    )
    slide: dict[str, Any] = {
        "unique_id": f"{event.id}--{outlet}",
        "start_date": _date_object(event.date.earliest),
        "text": {"headline": html.escape(event.title), "text": quotes},
        "group": outlet,
        "display_date": date_label(event.date),
    }
    if event.date.latest != event.date.earliest:
        slide["end_date"] = _date_object(event.date.latest)
    return slide
