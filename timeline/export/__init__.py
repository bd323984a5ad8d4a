"""export stage: the timeline as Markdown, JSON, CSV or TimelineJS."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from timeline.chronology.models import Timeline
from timeline.export.markdown import render_markdown
from timeline.export.tables import render_csv, render_timelinejs

ExportFormat = Literal["markdown", "json", "csv", "timelinejs"]


def render_json(timeline: Timeline) -> str:
    return timeline.model_dump_json(indent=2) + "\n"


RENDERERS: dict[str, Callable[[Timeline], str]] = {
    "markdown": render_markdown,
    "json": render_json,
    "csv": render_csv,
    "timelinejs": render_timelinejs,
}


def render(timeline: Timeline, export_format: ExportFormat) -> str:
    return RENDERERS[export_format](timeline)


__all__ = [
    "RENDERERS",
    "ExportFormat",
    "render",
    "render_csv",
    "render_json",
    "render_markdown",
    "render_timelinejs",
]
