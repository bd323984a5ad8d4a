"""export stage: the timeline as Markdown, JSON, CSV or TimelineJS."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Literal

from pydantic import BaseModel

from timeline.chronology.models import Timeline
from timeline.export.markdown import render_markdown
from timeline.export.tables import render_csv, render_timelinejs

ExportFormat = Literal["markdown", "json", "csv", "timelinejs"]


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


def render_json(timeline: Timeline) -> str:
    return "".join(iter_json(timeline))


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
    "iter_json",
    "render",
    "render_csv",
    "render_json",
    "render_markdown",
    "render_timelinejs",
]
