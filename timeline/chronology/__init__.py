"""chronology stage: one timeline from every article's mentions (cross-document merge)."""

from timeline.chronology.merge import merge
from timeline.chronology.models import Event, EventDate, PublishedWindow, Timeline, TimelineDocument

__all__ = ["Event", "EventDate", "PublishedWindow", "Timeline", "TimelineDocument", "merge"]
