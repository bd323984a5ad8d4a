"""The events stage's contract: a claim, in one article, that something happened (at some time)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from timeline.corpus.models import Document
from timeline.temporal.models import Timex


class Mention(BaseModel):
    """One article's mention of an event, quoted and located in the original file."""

    doc: str
    path: str
    line: int  # 1-based, in the original file, of `start`
    column: int
    start: int  # span of the quote in Document.text
    end: int
    quote: str
    event_type: str | None = None  # catalog event id; None for an open (uncatalogued) statement
    title: str  # the catalog event's title, or a short who-did-what summary
    participants: list[str] = Field(default_factory=list)
    attributes: dict[str, str] = Field(default_factory=dict)  # attribute -> vocabulary value claimed
    # attribute -> every vocabulary value the quote names, in text order (the first is in `attributes`):
    # "requiring that companies voluntarily submit" names two, and a check should see both
    attribute_values: dict[str, list[str]] = Field(default_factory=dict)
    terms: list[str] = Field(default_factory=list)  # catalog terms found in the quote (for `exclusive`)
    tense: Literal["past", "present", "future"] | None = None
    time_text: str | None = None
    timex: Timex | None = None  # the time expression that dates this mention
    time_link: str | None = None  # why that time expression dates this mention
    # the catalog event that time expression is anchored to ("one day before Anthropic published its post")
    anchor_event: str | None = None
    # the days (ISO, inclusive) this mention places its event in: from the time expression, or set by the
    # chronology once an anchor event or an undated article's publication window is known
    earliest: str | None = None
    latest: str | None = None


class DocumentAnalysis(BaseModel):
    """Everything the per-document stages learn about one article (what the pipeline caches)."""

    document: Document
    timexes: list[Timex] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
