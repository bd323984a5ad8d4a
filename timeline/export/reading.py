"""Reading a timeline JSON back (`timeline export --from`): only what `timeline build` could have written.

The file must say which schema it follows: `schema_version` "1.x" (a newer minor version only adds fields,
which are ignored); any other major version, a missing version, a shape the model refuses or a date that
is not an ISO day is one located problem, never a rendered export of garbage.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from timeline.chronology.models import SCHEMA_VERSION, Timeline
from timeline.diagnostics import InputProblem
from timeline.jsonsource import read_json

MAJOR = SCHEMA_VERSION.split(".", 1)[0]
_VERSION = re.compile(r"^(\d+)\.(\d+)$")


def read_timeline(path: Path) -> tuple[Timeline | None, InputProblem | None]:
    def problem(message: str) -> tuple[None, InputProblem]:
        return None, InputProblem(path=str(path), message=message)

    data, unreadable = read_json(path, "not found: write one with `timeline build -o FILE`")
    if unreadable is not None:
        return None, unreadable
    version = data.get("schema_version") if isinstance(data, dict) else None
    if not isinstance(version, str):
        return problem("not a timeline JSON written by `timeline build`: no schema_version")
    found = _VERSION.match(version)
    if found is None or found.group(1) != MAJOR:
        return problem(
            f"schema_version {version!r}: this version of timeline reads timelines of schema {MAJOR}.x; "
            "build the timeline again with it"
        )
    try:
        timeline = Timeline.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        return problem(f"not a timeline JSON written by `timeline build` ({where}: {first['msg']})")
    for where, value in _dates(timeline):
        try:
            date.fromisoformat(value)
        except ValueError:
            return problem(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)")
    return timeline, None


def _dates(timeline: Timeline) -> Iterator[tuple[str, str]]:
    """Every day the exports place something by, with its JSON path."""
    for number, document in enumerate(timeline.documents):
        if document.published is not None:
            yield f"documents.{number}.published", document.published
        if document.published_window is not None:
            yield f"documents.{number}.published_window.earliest", document.published_window.earliest
            yield f"documents.{number}.published_window.latest", document.published_window.latest
    for number, event in enumerate(timeline.events):
        for name in ("earliest", "latest"):
            value = getattr(event.date, name)
            if value is not None:
                yield f"events.{number}.date.{name}", value
        for index, mention in enumerate(event.mentions):
            for name in ("earliest", "latest"):
                value = getattr(mention, name)
                if value is not None:
                    yield f"events.{number}.mentions.{index}.{name}", value
