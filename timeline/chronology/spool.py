"""Mentions kept out of memory while the merge decides, and read back compactly for the timeline.

At 100k articles the mentions as pydantic objects would be most of the merge's memory (about 3.5 KB
each, against some 650 bytes of JSON), so they wait in a temporary file. The ones read back for the
timeline share what repeats between mentions (paths, dates, link reasons, anchors, the set of fields
pydantic records as given), which brings one to about a third of that.
"""

from __future__ import annotations

import sys
import tempfile
from typing import Any

from timeline.chronology.dates import Interval
from timeline.events.models import Mention
from timeline.temporal.models import Anchor, Timex

Spooled = tuple[int, int]  # where a mention's JSON is in the spool: offset and length

# Every field counts as given (the spool stores them all), so one shared set serves every mention and
# never grows; pydantic only adds to it, on assignment.
_MENTION_FIELDS = set(Mention.model_fields)
_TIMEX_FIELDS = set(Timex.model_fields)
# Strings that repeat across mentions (one path per JSONL corpus, a few dates, link reasons, catalog ids).
_REPEATED_MENTION = (
    "doc",
    "path",
    "event_type",
    "title",
    "tense",
    "time_link",
    "anchor_event",
    "earliest",
    "latest",
)
_REPEATED_TIMEX = ("type", "value", "mod", "earliest", "latest", "granularity")


class MentionSpool:
    """Mentions as JSON in a temporary file, addressed by (offset, length); close() deletes it."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close(): it outlives this call)
        self._end = 0
        self._anchors: dict[tuple[str, str | None, str | None, str | None], Anchor] = {}

    def add(self, mention: Mention) -> Spooled:
        data = mention.model_dump_json().encode("utf-8")
        self._file.seek(self._end)
        self._file.write(data)
        where = (self._end, len(data))
        self._end += len(data)
        return where

    def read(self, where: Spooled) -> Mention:
        self._file.seek(where[0])
        return Mention.model_validate_json(self._file.read(where[1]))

    def read_compact(self, where: Spooled, days: Interval | None) -> Mention:
        """The mention (dated `days` if given), sharing what repeats with the mentions read before.

        model_construct: the values were validated by `read` a moment ago; it also lets the mentions
        share one set of given fields instead of a 728-byte set each.
        """
        mention = self.read(where)
        values: dict[str, Any] = {name: getattr(mention, name) for name in Mention.model_fields}
        if days is not None:
            values["earliest"], values["latest"] = days[0].isoformat(), days[1].isoformat()
        _intern(values, _REPEATED_MENTION)
        if mention.timex is not None:
            values["timex"] = self._compact_timex(mention.timex)
        return Mention.model_construct(_MENTION_FIELDS, **values)

    def _compact_timex(self, timex: Timex) -> Timex:
        values: dict[str, Any] = {name: getattr(timex, name) for name in Timex.model_fields}
        _intern(values, _REPEATED_TIMEX)
        anchor = timex.anchor
        if anchor is not None:  # anchors are few distinct values ("the publication date"): one object each
            key = (anchor.kind, anchor.ref, anchor.offset, anchor.relation)
            values["anchor"] = self._anchors.setdefault(key, anchor)
        return Timex.model_construct(_TIMEX_FIELDS, **values)

    def close(self) -> None:
        self._file.close()


def _intern(values: dict[str, Any], names: tuple[str, ...]) -> None:
    for name in names:
        if isinstance(values[name], str):
            values[name] = sys.intern(values[name])
