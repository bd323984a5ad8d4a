"""CSV export: one row per mention, with the event's dispute and what the findings say that mention claims.

Cells are neutralised against spreadsheet formula injection: a cell that starts with = + - @ (or a tab or
carriage return, which some spreadsheets skip before looking) gets a leading apostrophe, so Excel,
LibreOffice and Google Sheets show it as text instead of running it (the OWASP recommendation).
"""

from __future__ import annotations

import csv
import io

from timeline.check.models import Report
from timeline.chronology.models import Timeline
from timeline.export.disputes import Disputes, mention_date
from timeline.export.labels import date_label

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
    "mention_date",
    "disputed",
    "claims",
    "findings",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str | int) -> str | int:
    """A value a spreadsheet shows as it is, never as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def render_csv(timeline: Timeline, report: Report | None = None) -> str:
    disputes = Disputes.of(report)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in timeline.events:
        rules = "; ".join(sorted({finding.rule for finding in disputes.about(event)}))
        disputed = "yes" if disputes.is_disputed(event) else ""
        for mention in event.mentions:
            row: list[str | int] = [
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
                mention_date(mention),
                disputed,
                "; ".join(disputes.claims_of(event, mention)),
                rules,
            ]
            writer.writerow([cell(value) for value in row])
    return buffer.getvalue()
