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

import pydantic_core  # pydantic's own JSON parser: twice as fast as json.loads, shares short strings

from timeline.chronology.dates import Interval
from timeline.events.models import Mention, Quantity, RoleValue
from timeline.temporal.models import Anchor, Timex

Spooled = tuple[int, int]  # where a mention's JSON is in the spool: offset and length

# Every field counts as given (the spool stores them all), so one shared set serves every mention and
# never grows; pydantic only adds to it, on assignment.
_MENTION_FIELDS = set(Mention.model_fields)
_TIMEX_FIELDS = set(Timex.model_fields)
_QUANTITY_FIELDS = set(Quantity.model_fields)
_ROLE_FIELDS = set(RoleValue.model_fields)
_ANCHOR_FIELDS = set(Anchor.model_fields)
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

        Built with model_construct from the JSON that `add` wrote from a validated Mention (plain JSON
        types only: strings, numbers, lists, string maps), so validating it again would only double the
        time; it also lets the mentions share one set of given fields instead of a 728-byte set each.
        """
        self._file.seek(where[0])
        values: dict[str, Any] = pydantic_core.from_json(self._file.read(where[1]))
        if days is not None:
            values["earliest"], values["latest"] = days[0].isoformat(), days[1].isoformat()
        _intern(values, _REPEATED_MENTION)
        if values["timex"] is not None:
            values["timex"] = self._compact_timex(values["timex"])
        # nested models are built too, or serialising the mention warns about plain dicts
        values["quantities"] = [Quantity.model_construct(_QUANTITY_FIELDS, **q) for q in values["quantities"]]
        values["roles"] = [RoleValue.model_construct(_ROLE_FIELDS, **r) for r in values["roles"]]
        return Mention.model_construct(_MENTION_FIELDS, **values)

    def _compact_timex(self, values: dict[str, Any]) -> Timex:
        _intern(values, _REPEATED_TIMEX)
        anchor = values["anchor"]
        if anchor is not None:  # anchors are few distinct values ("the publication date"): one object each
            key = (anchor["kind"], anchor["ref"], anchor["offset"], anchor["relation"])
            if key not in self._anchors:
                self._anchors[key] = Anchor.model_construct(_ANCHOR_FIELDS, **anchor)
            values["anchor"] = self._anchors[key]
        return Timex.model_construct(_TIMEX_FIELDS, **values)

    def close(self) -> None:
        self._file.close()


def _intern(values: dict[str, Any], names: tuple[str, ...]) -> None:
    for name in names:
        if isinstance(values[name], str):
            values[name] = sys.intern(values[name])
