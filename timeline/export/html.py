"""HTML export: one self-contained page for a fact-checker in a browser.

The timeline in date order; each event with its sources side by side (each source's own date, claim and
quote); disagreements highlighted with the quotes of every side; the findings, each linked to its evidence;
filters by source and by finding; readable on a phone.

The page loads nothing: its style and script are inline, allowed by a Content-Security-Policy that names
their hashes and forbids every other load, so opening it makes no request. All article and document text
is HTML-escaped; the script only shows and hides elements and never writes markup.
"""

from __future__ import annotations

import base64
import hashlib
import html
from dataclasses import dataclass, field
from importlib.resources import files

from timeline.check.models import Evidence, Finding, Report
from timeline.chronology.models import Event, Timeline, TimelineDocument
from timeline.events.models import Mention
from timeline.export.disputes import Disputes, mention_date, mention_key, outlet_names
from timeline.export.labels import date_label

STYLE = files("timeline.export").joinpath("page.css").read_text(encoding="utf-8")
SCRIPT = files("timeline.export").joinpath("page.js").read_text(encoding="utf-8")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


CSP = (
    f"default-src 'none'; style-src {_csp_hash(STYLE)}; script-src {_csp_hash(SCRIPT)}; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


@dataclass
class _Page:
    """Ids the page's elements link by: events, mentions, findings, documents, sources and rules."""

    timeline: Timeline
    disputes: Disputes
    outlets: dict[str, str]
    documents: dict[str, int] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)  # outlet (else document id) -> filter index
    mentions: dict[tuple[str, str, int, int], str] = field(default_factory=dict)
    events: dict[str, int] = field(default_factory=dict)
    rules: dict[str, int] = field(default_factory=dict)
    findings: dict[int, str] = field(default_factory=dict)  # id(finding) -> element id

    @classmethod
    def of(cls, timeline: Timeline, report: Report | None) -> _Page:
        page = cls(timeline, Disputes.of(report), outlet_names(timeline))
        page.documents = {document.id: index for index, document in enumerate(timeline.documents)}
        for document in timeline.documents:
            page.sources.setdefault(page.outlets.get(document.id, document.id), len(page.sources))
        for index, event in enumerate(timeline.events):
            page.events[event.id] = index
            for number, mention in enumerate(event.mentions):
                key = mention_key(event.id, mention.doc, mention.line, mention.column)
                page.mentions.setdefault(key, f"m-{index}-{number}")
        for number, finding in enumerate(page.disputes.findings):
            page.rules.setdefault(finding.rule, len(page.rules))
            page.findings[id(finding)] = f"f-{number}"
        return page

    def source(self, doc: str) -> str:
        """The filter value of a document's source: its outlet, else the document itself."""
        return f"s{self.sources.get(self.outlets.get(doc, doc), len(self.sources))}"

    def evidence_link(self, finding: Finding, item: Evidence) -> str:
        """Where a finding's side is shown: the mention it quotes, else its document."""
        target = self.mentions.get(mention_key(finding.event or "", item.doc, item.line, item.column))
        if target is None:
            target = f"d-{self.documents.get(item.doc, 0)}"
        return f"#{target}"


def render_html(timeline: Timeline, report: Report | None = None) -> str:
    page = _Page.of(timeline, report)
    disputed = sum(1 for event in timeline.events if page.disputes.is_disputed(event))
    summary = (
        f"{len(timeline.events)} events from {len(timeline.documents)} documents; {disputed} disputed; "
        f"{len(page.disputes.findings)} findings"
    )
    parts = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<link rel="icon" href="data:,">',
        f"<title>Timeline: {_e(summary)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        '<header class="top">',
        "<h1>Timeline</h1>",
        f'<p class="summary">{_e(summary)}.</p>',
        _filters(page),
        "</header>",
        "<main>",
        _findings(page),
        _events(page),
        _documents(page),
        "</main>",
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def _filters(page: _Page) -> str:
    articles: dict[str, list[TimelineDocument]] = {}
    for document in page.timeline.documents:
        articles.setdefault(page.source(document.id), []).append(document)
    sources = "".join(
        f'<label><input type="checkbox" class="source-filter" value="{value}" checked> '
        + _e(
            _document_name(group[0], page.outlets)
            if len(group) == 1
            else f"{page.outlets[group[0].id]} ({len(group)} articles)"
        )
        + "</label>"
        for value, group in articles.items()
    )
    counts: dict[str, int] = {}
    for finding in page.disputes.findings:
        counts[finding.rule] = counts.get(finding.rule, 0) + 1
    rules = "".join(
        f'<option value="r{index}">{_e(rule)} ({counts[rule]})</option>' for rule, index in page.rules.items()
    )
    return (
        '<nav class="filters" id="filters" aria-label="Filters" hidden>'
        '<fieldset><legend>Sources</legend><div class="checks">'
        f"{sources}</div>"
        '<button type="button" id="all-sources">All</button> '
        '<button type="button" id="no-sources">None</button>'
        "</fieldset>"
        '<fieldset><legend>Findings</legend><label for="finding-filter">Show</label> '
        '<select id="finding-filter"><option value="">every event</option>'
        '<option value="disputed">disputed events</option><option value="any">events with a finding</option>'
        f"{rules}</select></fieldset>"
        '<p id="shown" aria-live="polite"></p>'
        "</nav>"
    )


def _document_name(document: TimelineDocument, outlets: dict[str, str]) -> str:
    outlet = outlets.get(document.id, document.id)
    title = document.title or ""
    name = f"{outlet}: {title}" if outlet != document.id and title else title or outlet
    return name if name == document.id else f"{name} ({document.id})"


def _who(page: _Page, doc: str) -> str:
    outlet = page.outlets.get(doc, doc)
    named = f' <span class="doc">{_e(doc)}</span>' if outlet != doc else ""
    return f'<p class="who">{_e(outlet)}{named}</p>'


def _side(page: _Page, finding: Finding, item: Evidence) -> str:
    claims = f'<p class="claims">claims <b>{_e(item.value)}</b></p>' if item.value else ""
    quote = f"<blockquote>{_e(item.quote)}</blockquote>" if item.quote else ""
    where = _e(f"{item.path}:{item.line}:{item.column}")
    return (
        f'<div class="side" data-source="{page.source(item.doc)}">'
        f"{_who(page, item.doc)}"
        f'{claims}{quote}<p class="loc"><a href="{page.evidence_link(finding, item)}">{where}</a></p></div>'
    )


def _finding(page: _Page, finding: Finding, with_sides: bool) -> str:
    about = ""
    if finding.event is not None and finding.event in page.events:
        event = page.timeline.events[page.events[finding.event]]
        about = f'<p class="about">About <a href="#e-{page.events[finding.event]}">{_e(event.title)}</a></p>'
    head = (
        f'<p><span class="sev sev-{finding.severity}">{finding.severity}</span> '
        f"<code>{_e(finding.rule)}</code> {_e(finding.message)}</p>"
    )
    if with_sides:
        sides = "".join(_side(page, finding, item) for item in finding.evidence)
        return f'<div class="conflict">{head}<div class="sides">{sides}</div></div>'
    links = " ".join(
        f'<a href="{page.evidence_link(finding, item)}">{_e(item.doc)}</a>' for item in finding.evidence
    )
    evidence = f'<p class="evidence">Evidence: {links}</p>' if links else ""
    element_id = page.findings[id(finding)]
    return (
        f'<li class="finding" id="{element_id}" data-rule="r{page.rules[finding.rule]}" '
        f'data-sources="{" ".join(sorted({page.source(item.doc) for item in finding.evidence}))}">'
        f"{head}{about}{evidence}</li>"
    )


def _findings(page: _Page) -> str:
    if not page.disputes.findings:
        return '<section id="findings"><h2>Findings</h2><p>No findings.</p></section>'
    items = "".join(_finding(page, finding, with_sides=False) for finding in page.disputes.findings)
    return f'<section id="findings"><h2>Findings</h2><ol class="findings">{items}</ol></section>'


def _quote(mention: Mention) -> str:
    """The quote, escaped, with the time expression that dates it marked."""
    text = " ".join(mention.quote.split())
    needle = " ".join((mention.time_text or "").split())
    at = text.find(needle) if needle else -1
    if at < 0:
        return _e(text)
    return f"{_e(text[:at])}<mark>{_e(needle)}</mark>{_e(text[at + len(needle) :])}"


def _mention(page: _Page, event_index: int, number: int, mention: Mention) -> str:
    event = page.timeline.events[event_index]
    claims = page.disputes.claims_of(event, mention)
    claimed = f'<p class="claims">claims <b>{_e("; ".join(claims))}</b></p>' if claims else ""
    side = " side" if claims and page.disputes.is_disputed(event) else ""
    return (
        f'<article class="mention{side}" id="m-{event_index}-{number}" '
        f'data-source="{page.source(mention.doc)}">{_who(page, mention.doc)}'
        f'<p class="date">dates it <b>{_e(mention_date(mention))}</b></p>{claimed}'
        f"<blockquote>{_quote(mention)}</blockquote>"
        f'<p class="loc"><a href="#d-{page.documents.get(mention.doc, 0)}">'
        f"{_e(f'{mention.path}:{mention.line}:{mention.column}')}</a></p></article>"
    )


def _event(page: _Page, index: int, event: Event) -> str:
    findings = page.disputes.about(event)
    disputed = page.disputes.is_disputed(event)
    rules = " ".join(sorted({f"r{page.rules[finding.rule]}" for finding in findings}))
    sources = " ".join(sorted({page.source(mention.doc) for mention in event.mentions}))
    badge = '<span class="badge">⚠ Disputed</span> ' if disputed else ""
    conflicts = "".join(_finding(page, finding, with_sides=True) for finding in findings)
    if event.date_conflict:
        conflicts = (
            '<div class="conflict"><p>The sources date it by intervals that share no day.</p></div>'
            + conflicts
        )
    mentions = "".join(
        _mention(page, index, number, mention) for number, mention in enumerate(event.mentions)
    )
    return (
        f'<li class="event{" disputed" if disputed else ""}" id="e-{index}" data-sources="{sources}" '
        f'data-rules="{rules}" data-disputed="{"1" if disputed else ""}">'
        f'<p class="when"><time>{_e(date_label(event.date))}</time></p>'
        f'<div class="what"><h3>{badge}{_e(event.title)}</h3>{conflicts}'
        f'<div class="sources">{mentions}</div></div></li>'
    )


def _events(page: _Page) -> str:
    items = "".join(_event(page, index, event) for index, event in enumerate(page.timeline.events))
    body = f'<ol class="events">{items}</ol>' if items else "<p>No events.</p>"
    return f'<section id="timeline"><h2>Events</h2>{body}</section>'


def _documents(page: _Page) -> str:
    rows = []
    for index, document in enumerate(page.timeline.documents):
        if document.published:
            when = f"{document.published} (stated: {document.published_source or 'metadata'})"
        elif document.published_window:
            window = document.published_window
            when = f"{window.earliest} – {window.latest} (inferred)"
        else:
            when = "unknown"
        rows.append(
            f'<li id="d-{index}" data-source="{page.source(document.id)}">'
            f"<b>{_e(_document_name(document, page.outlets))}</b> "
            f'<span class="loc">{_e(document.path)}</span> '
            f'<span class="published">published {_e(when)}</span></li>'
        )
    return f'<section id="documents"><h2>Documents</h2><ul class="documents">{"".join(rows)}</ul></section>'
