"""Building an `OffsetMap` while the cleaned text is assembled piece by piece.

The reader first turns a file into a *body* (the text of a .txt, the part of a .md after its front matter,
the decoded `text` of a JSONL record, the text trafilatura extracted from an HTML page). A *space* maps
body offsets to offsets in the original file's decoded characters; it is itself an `OffsetMap` (runs) or
None when the body is a plain slice of the file. Cleaning then emits pieces of the final text, each
pointing at a body offset; the builder translates them through the space so the finished map goes
straight from cleaned text to the original file.
"""

from __future__ import annotations

import bisect

from timeline.corpus.models import OffsetMap


def shifted_space(shift: int) -> OffsetMap:
    """A space for a body that is the file's text from character `shift` on (a .md after front matter)."""
    return OffsetMap(text_starts=[0], source_starts=[shift], exact=[True])


def line_starts(text: str) -> list[int]:
    """Offsets where each line of `text` begins (lines end at "\\n"; a "\\r" before it stays in the line)."""
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


class OffsetMapBuilder:
    """Accumulates runs of the cleaned text: each added piece is `length` characters from `body_offset`."""

    def __init__(self, space: OffsetMap | None = None) -> None:
        self._space = space
        self._text_starts: list[int] = []
        self._source_starts: list[int] = []
        self._exact: list[bool] = []
        self.length = 0

    def add(self, length: int, body_offset: int, exact: bool = True) -> None:
        """Append `length` characters from `body_offset` (one to one if `exact`, else all from it)."""
        if length <= 0:
            return
        space = self._space
        if space is None:
            self._emit(length, body_offset, exact)
            return
        if not exact:
            self._emit(length, space.source_offset(body_offset), False)
            return
        # An exact piece may straddle several runs of the space (a JSONL escape sequence, say): split it.
        run = max(bisect.bisect_right(space.text_starts, body_offset) - 1, 0)
        while length > 0:
            next_start = space.text_starts[run + 1] if run + 1 < len(space.text_starts) else None
            take = length if next_start is None else min(length, next_start - body_offset)
            if take > 0:
                self._emit(take, space.source_offset(body_offset), space.exact[run])
                length -= take
                body_offset += take
            run += 1

    def _emit(self, length: int, source: int, exact: bool) -> None:
        if self._exact and exact and self._exact[-1]:
            continued = self._source_starts[-1] + (self.length - self._text_starts[-1])
            if continued == source:  # carries straight on from the previous exact run
                self.length += length
                return
        self._text_starts.append(self.length)
        self._source_starts.append(source)
        self._exact.append(exact)
        self.length += length

    def build(self, starts: list[int], first_line: int = 1, column_offset: int = 0) -> OffsetMap:
        if not self._text_starts:
            return OffsetMap(line_starts=starts, first_line=first_line, column_offset=column_offset)
        return OffsetMap(
            text_starts=self._text_starts,
            source_starts=self._source_starts,
            exact=self._exact,
            line_starts=starts,
            first_line=first_line,
            column_offset=column_offset,
        )
