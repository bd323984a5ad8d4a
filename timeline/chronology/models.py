"""The chronology stage's contract: the merged timeline, as `timeline build` writes it."""

from __future__ import annotations

from pydantic import BaseModel, Field

from timeline.events.models import Mention
from timeline.temporal.models import Granularity

SCHEMA_VERSION = "1.1"  # 1.1: Event.automatic, Event.merge_reasons


class EventDate(BaseModel):
    """An interval of days (ISO, inclusive) at the coarsest granularity the sources support."""

    value: str | None = None  # TIMEX3 value, e.g. 2026-06-04, 2026-W23, 2026
    earliest: str | None = None
    latest: str | None = None
    granularity: Granularity = "unknown"


class PublishedWindow(BaseModel):
    """Where an undated article's publication must lie, and why we think so."""

    earliest: str
    latest: str
    evidence: list[str] = Field(default_factory=list)


class TimelineDocument(BaseModel):
    id: str
    path: str
    title: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date, only when the article or its metadata states it
    published_source: str | None = None
    published_window: PublishedWindow | None = None


class Event(BaseModel):
    id: str
    title: str
    type: str | None = None  # catalog event id, or None for an open statement
    date: EventDate = Field(default_factory=EventDate)
    date_conflict: bool = False  # the mentions' intervals do not intersect
    attributes: dict[str, list[str]] = Field(default_factory=dict)  # every value any source claims
    # made by the merge from open statements (no catalog event), and why its mentions are one event
    automatic: bool = False
    merge_reasons: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Timeline(BaseModel):
    schema_version: str = SCHEMA_VERSION
    generator: str = "timeline"
    documents: list[TimelineDocument] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
