"""temporal stage: find time expressions and normalise them TIMEX3 style (see tagger.py)."""

from timeline.temporal.models import Anchor, Timex
from timeline.temporal.tagger import tag

__all__ = ["Anchor", "Timex", "tag"]
