"""export stage: the timeline as Markdown, JSON, CSV, TimelineJS or a self-contained HTML page.

Every export but JSON shows the check findings with the events they are about (disputes.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Literal

from pydantic import BaseModel

from timeline.check.models import Report
from timeline.chronology.models import Timeline
from timeline.export.html import render_html
from timeline.export.markdown import render_markdown
from timeline.export.tables import render_csv
from timeline.export.timelinejs import render_timelinejs

ExportFormat = Literal["markdown", "json", "csv", "timelinejs", "html"]


def iter_json(timeline: Timeline) -> Iterator[str]:
    """The timeline's JSON (`model_dump_json(indent=2)` and a newline, byte for byte) in pieces: one per
    document and event, so a 100k-article timeline is never one string in memory."""
    lists: dict[str, list[BaseModel]] = {"documents": [*timeline.documents], "events": [*timeline.events]}
    rest = timeline.model_copy(update={name: [] for name in lists}).model_dump_json(indent=2) + "\n"
    for name, items in lists.items():
        empty = f'"{name}": []'
        before, rest = rest.split(empty, 1)
        yield before
        if not items:
            yield empty
            continue
        yield f'"{name}": [\n'
        for index, item in enumerate(items):
            # a list item sits two levels deep: four more spaces on every line
            indented = "    " + item.model_dump_json(indent=2).replace("\n", "\n    ")
            yield indented if index == 0 else ",\n" + indented
        yield "\n  ]"
    yield rest


def render_json(timeline: Timeline, report: Report | None = None) -> str:
    """The timeline as `timeline build` writes it (findings are `timeline check --format json`'s business)."""
    return "".join(iter_json(timeline))


RENDERERS: dict[str, Callable[[Timeline, Report | None], str]] = {
    "markdown": render_markdown,
    "json": render_json,
    "csv": render_csv,
    "timelinejs": render_timelinejs,
    "html": render_html,
}


def render(timeline: Timeline, export_format: ExportFormat, report: Report | None = None) -> str:
    """The export; `report` (the check findings) marks the disputed events."""
    return RENDERERS[export_format](timeline, report)


__all__ = [
    "RENDERERS",
    "ExportFormat",
    "iter_json",
    "render",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
    "render_timelinejs",
]
