"""Knight Lab TimelineJS JSON: for each event, one slide per outlet and date that outlet gives, grouped per
event, disputed events marked in the headline.

TimelineJS puts `headline`, `text`, `display_date`, `group` and `unique_id` into the page with innerHTML,
so every piece of article or document text is HTML-escaped, and `unique_id` is a slug of [a-z0-9-].
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from typing import Any

from timeline.check.models import Report
from timeline.chronology.models import Event, Timeline
from timeline.events.models import Mention
from timeline.export.disputes import Disputes, mention_date, outlet_names
from timeline.export.labels import date_label, short_quote

DISPUTED = "⚠ Disputed: "
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _date_object(iso: str) -> dict[str, int]:
    day = date.fromisoformat(iso)
    return {"year": day.year, "month": day.month, "day": day.day}


def _slug(text: str, limit: int = 48) -> str:
    return _NOT_SLUG.sub("-", text.casefold()).strip("-")[:limit].strip("-") or "x"


def render_timelinejs(timeline: Timeline, report: Report | None = None) -> str:
    disputes = Disputes.of(report)
    outlets = outlet_names(timeline)
    slides: list[dict[str, Any]] = []
    used: set[str] = set()
    for event in timeline.events:
        if event.date.earliest is None or event.date.latest is None:
            continue  # TimelineJS needs a date to place a slide; the other exports list undated events
        claims: dict[tuple[str, str, str], list[Mention]] = {}
        for mention in event.mentions:
            # a source that gives no date of its own is shown at the event's date
            earliest, latest = mention.earliest or event.date.earliest, mention.latest or event.date.latest
            claims.setdefault((outlets.get(mention.doc, mention.doc), earliest, latest), []).append(mention)
        for (outlet, earliest, latest), mentions in sorted(
            claims.items(), key=lambda item: (item[0][1], item[0][2], item[0][0])
        ):
            slide = _slide(event, outlet, mentions, disputes, (earliest, latest))
            slide["unique_id"] = _unique(f"{_slug(event.id)}--{_slug(outlet, 24)}", used)
            slides.append(slide)
    disputed = sum(1 for event in timeline.events if disputes.is_disputed(event))
    summary = f"{len(timeline.events)} events from {len(timeline.documents)} documents; {disputed} disputed."
    document = {
        "title": {"text": {"headline": "Timeline", "text": f"<p>{html.escape(summary)}</p>"}},
        "events": slides,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _unique(base: str, used: set[str]) -> str:
    candidate, number = base, 1
    while candidate in used:
        number += 1
        candidate = f"{base}-{number}"
    used.add(candidate)
    return candidate


def _slide(
    event: Event, outlet: str, mentions: list[Mention], disputes: Disputes, days: tuple[str, str]
) -> dict[str, Any]:
    earliest, latest = days
    own = [mention_date(mention) for mention in mentions if mention.earliest is not None]
    when = own[0] if own else f"{date_label(event.date)} (the event's date; this source gives none)"
    paragraphs = [f"<p><strong>{html.escape(outlet)}</strong> dates it {html.escape(when)}.</p>"]
    for mention in mentions:
        claims = disputes.claims_of(event, mention)
        claimed = f" Claims: {html.escape('; '.join(claims))}." if claims else ""
        quote = html.escape(short_quote(mention.quote, mention.time_text))
        where = html.escape(f"{mention.path}:{mention.line}")
        paragraphs.append(f"<p>“{quote}” ({where}).{claimed}</p>")
    headline = html.escape(event.title)
    if disputes.is_disputed(event):
        headline = html.escape(DISPUTED) + headline
        reasons = "".join(f"<li>{html.escape(reason)}</li>" for reason in disputes.reasons(event))
        paragraphs.append(f"<p>Why it is disputed:</p><ul>{reasons}</ul>")
    slide: dict[str, Any] = {
        "start_date": _date_object(earliest),
        "text": {"headline": headline, "text": "".join(paragraphs)},
        "group": html.escape(event.title),
        "display_date": html.escape(when),
    }
    if latest != earliest:
        slide["end_date"] = _date_object(latest)
    return slide
