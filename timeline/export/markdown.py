"""Markdown export: a chronological table, the uncertain events, the documents, a Mermaid timeline.

Article text is untrusted: every character Markdown or HTML could act on is backslash-escaped, so a
quote can never become a link, a table cell border, an emphasis or a <script> tag; text in the
Mermaid diagram keeps only characters Mermaid has no use for.
"""

from __future__ import annotations

import re

from timeline.chronology.models import Event, Timeline
from timeline.export.labels import date_label, is_settled, short_quote

# Characters CommonMark/GFM give a meaning anywhere in a line (emphasis, code, links, HTML, table cells,
# strikethrough, entities, math, mentions); backslash-escaping any ASCII punctuation shows it literally.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~&$@!])")
# GFM turns bare URLs into links: break the patterns it looks for.
_AUTOLINK = re.compile(r"(?i)(://|www\.)")
_MERMAID_UNSAFE = re.compile(r"[^\w ,.'()/?–-]")
SOURCES_PER_EVENT = 4


def escape(text: str) -> str:
    """Text that Markdown (and inline HTML) shows literally, on one line."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _AUTOLINK.sub(lambda match: match.group(1).replace("/", "\\/").replace(".", "\\."), escaped)


def mermaid_text(text: str) -> str:
    return " ".join(_MERMAID_UNSAFE.sub(" ", text).split())


def render_markdown(timeline: Timeline) -> str:
    settled = [event for event in timeline.events if is_settled(event)]
    uncertain = [event for event in timeline.events if not is_settled(event)]
    lines = ["# Timeline", ""]
    lines += _event_table(settled) if settled else ["No dated events.", ""]
    if uncertain:
        lines += ["## Undated or uncertain events", ""]
        lines += _event_table(uncertain)
    lines += ["## Documents", "", "| Document | Published | How we know |", "| --- | --- | --- |"]
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
    lines += ["", *_mermaid(settled)]
    return "\n".join(lines) + "\n"


def _event_table(events: list[Event]) -> list[str]:
    lines = ["| Date | Event | Sources |", "| --- | --- | --- |"]
    for event in events:
        label = date_label(event.date)
        if event.date_conflict:
            label += " (sources conflict)"
        lines.append(f"| {escape(label)} | {escape(event.title)} | {_sources(event)} |")
    lines.append("")
    return lines


def _sources(event: Event) -> str:
    cells = []
    for mention in event.mentions[:SOURCES_PER_EVENT]:
        quote = escape(short_quote(mention.quote, mention.time_text))
        cells.append(f"{escape(mention.doc)}: “{quote}” ({escape(f'{mention.path}:{mention.line}')})")
    if len(event.mentions) > SOURCES_PER_EVENT:
        cells.append(f"and {len(event.mentions) - SOURCES_PER_EVENT} more")
    return "<br>".join(cells)


def _mermaid(events: list[Event]) -> list[str]:
    """A Mermaid `timeline` diagram (GitHub renders ```mermaid blocks) of the settled events."""
    if not events:
        return []
    lines = ["## Diagram", "", "```mermaid", "timeline", "    title Chronology"]
    previous = None
    for event in events:
        period = mermaid_text(date_label(event.date))
        text = mermaid_text(event.title) or "event"
        if period == previous:
            lines.append(f"        : {text}")
        else:
            lines.append(f"    {period} : {text}")
        previous = period
    return [*lines, "```", ""]
