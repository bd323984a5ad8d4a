"""Markdown export: one chronological table of every event, disputed ones marked in place with each source's
own date, claim and quote; the check findings; the documents; a Mermaid timeline.

Article text is untrusted: every character Markdown or HTML could act on is backslash-escaped, so a
quote can never become a link, a table cell border, an emphasis or a <script> tag; text in the
Mermaid diagram keeps only characters Mermaid has no use for.
"""

from __future__ import annotations

import re

from timeline.check.models import Report
from timeline.chronology.models import Event, Timeline
from timeline.export.disputes import Disputes, mention_date
from timeline.export.labels import date_label, short_quote

# Characters CommonMark/GFM give a meaning anywhere in a line (emphasis, code, links, HTML, table cells,
# strikethrough, entities, math, mentions); backslash-escaping any ASCII punctuation shows it literally.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~&$@!])")
# GFM turns bare URLs into links: break the patterns it looks for.
_AUTOLINK = re.compile(r"(?i)(://|www\.)")
_MERMAID_UNSAFE = re.compile(r"[^\w ,.'()/?–-]")
SOURCES_PER_EVENT = 4  # an undisputed event shows this many sources; a disputed one shows them all
DISPUTED = "**⚠ Disputed**"
MERMAID_PERIODS = 8  # more columns than this and the diagram groups events by month, then by year


def escape(text: str) -> str:
    """Text that Markdown (and inline HTML) shows literally, on one line."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _AUTOLINK.sub(lambda match: match.group(1).replace("/", "\\/").replace(".", "\\."), escaped)


def mermaid_text(text: str) -> str:
    return " ".join(_MERMAID_UNSAFE.sub(" ", text).split())


def render_markdown(timeline: Timeline, report: Report | None = None) -> str:
    disputes = Disputes.of(report)
    disputed = sum(1 for event in timeline.events if disputes.is_disputed(event))
    lines = ["# Timeline", ""]
    if timeline.events:
        lines += [
            f"{len(timeline.events)} events from {len(timeline.documents)} documents; {disputed} disputed "
            f"(marked {DISPUTED}: the sources disagree, each source's own date, claim and quote are shown).",
            "",
        ]
        lines += _event_table(timeline.events, disputes)
    else:
        lines += ["No events.", ""]
    lines += _findings(timeline, disputes)
    lines += _documents(timeline)
    lines += _mermaid(timeline.events, disputes)
    return "\n".join(lines) + "\n"


def _event_table(events: list[Event], disputes: Disputes) -> list[str]:
    lines = ["| Date | Event | Sources |", "| --- | --- | --- |"]
    for event in events:
        title = escape(event.title)
        if disputes.is_disputed(event):
            title = "<br>".join(
                [f"{DISPUTED} {title}", *(escape(reason) for reason in disputes.reasons(event))]
            )
        lines.append(f"| {escape(date_label(event.date))} | {title} | {_sources(event, disputes)} |")
    lines.append("")
    return lines


def _sources(event: Event, disputes: Disputes) -> str:
    shown = len(event.mentions) if disputes.is_disputed(event) else SOURCES_PER_EVENT
    cells = []
    for mention in event.mentions[:shown]:
        said = "; ".join([mention_date(mention), *disputes.claims_of(event, mention)])
        quote = escape(short_quote(mention.quote, mention.time_text))
        where = escape(f"{mention.path}:{mention.line}")
        cells.append(f"{escape(mention.doc)} ({escape(said)}): “{quote}” ({where})")
    if len(event.mentions) > shown:
        cells.append(f"and {len(event.mentions) - shown} more")
    return "<br>".join(cells)


def _findings(timeline: Timeline, disputes: Disputes) -> list[str]:
    if not disputes.findings:
        return []
    titles = {event.id: event.title for event in timeline.events}
    lines = ["## Findings", ""]
    for finding in disputes.findings:
        about = f" (event: {escape(titles.get(finding.event, finding.event))})" if finding.event else ""
        lines.append(f"- **{finding.severity}** {escape(finding.rule)}: {escape(finding.message)}{about}")
    return [*lines, ""]


def _documents(timeline: Timeline) -> list[str]:
    lines = ["## Documents", "", "| Document | Published | How we know |", "| --- | --- | --- |"]
    for document in timeline.documents:
        name = escape(document.title or document.id) + f" ({escape(document.path)})"
        if document.published:
            when = escape(document.published)
            how = escape(f"stated ({document.published_source})" if document.published_source else "stated")
        elif document.published_window:
            window = document.published_window
            when = escape(f"{window.earliest} – {window.latest} (inferred)")
            how = "<br>".join(escape(line) for line in window.evidence)
        else:
            when, how = "unknown", "no date stated and none could be inferred"
        lines.append(f"| {name} | {when} | {how} |")
    return [*lines, ""]


def _period(event: Event, unit: str) -> str:
    """The diagram column an event goes in: its own date label, or the month or year holding it."""
    label = date_label(event.date)
    earliest, latest = event.date.earliest or "", event.date.latest or ""
    width = {"month": 7, "year": 4}.get(unit)
    if width is None or earliest[:width] != latest[:width]:
        return label  # a day label, or an event wider than the month (year) keeps its own
    return earliest[:width]


def _mermaid(events: list[Event], disputes: Disputes) -> list[str]:
    """A Mermaid `timeline` diagram (GitHub renders ```mermaid blocks) of every dated event, disputed ones
    marked; past MERMAID_PERIODS columns, events grouped by month, then by year. Mermaid wraps each event's
    text to its column itself (line breaks of ours would cut its lines again at other places)."""
    dated = [event for event in events if event.date.earliest is not None]
    if not dated:
        return []
    for unit in ("day", "month", "year"):
        periods = [_period(event, unit) for event in dated]
        columns = sum(1 for i, period in enumerate(periods) if i == 0 or period != periods[i - 1])
        if columns <= MERMAID_PERIODS:
            break
    lines = ["## Diagram", "", "```mermaid", "timeline", "    title Chronology"]
    previous = None
    for event, period in zip(dated, periods, strict=True):
        label = date_label(event.date)
        text = mermaid_text(event.title) or "event"
        if period != label:
            text = f"{mermaid_text(label)}, {text}"
        if disputes.is_disputed(event):
            text = f"⚠ disputed, {text}"
        lines.append(f"        : {text}" if period == previous else f"    {mermaid_text(period)} : {text}")
        previous = period
    return [*lines, "```", ""]
