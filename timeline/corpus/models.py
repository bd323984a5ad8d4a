"""The corpus stage's contract: a cleaned article that remembers where each character came from."""

from __future__ import annotations

import bisect
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from timeline.diagnostics import InputProblem

PublishedSource = Literal["manifest", "front_matter", "jsonl", "html_metadata", "dateline"]
SourceFormat = Literal["txt", "md", "html", "jsonl"]


class Sentence(BaseModel):
    """A sentence as a half-open character span [start, end) of `Document.text`."""

    start: int
    end: int


class OffsetMap(BaseModel):
    """Maps offsets of the cleaned text back to the original file.

    The cleaned text is made of runs; run i starts at `text_starts[i]` in the cleaned text and at
    `source_starts[i]` (a character offset into the decoded original). Inside a run, characters
    correspond one to one, except for runs produced by a repair, which all point at the start of what
    they replaced (`exact[i]` is False). `line_starts` are the offsets where each original line begins.
    """

    text_starts: list[int] = Field(default_factory=lambda: [0])
    source_starts: list[int] = Field(default_factory=lambda: [0])
    exact: list[bool] = Field(default_factory=lambda: [True])
    line_starts: list[int] = Field(default_factory=lambda: [0])
    first_line: int = 1  # line number of line_starts[0] in the file (a JSONL record's line)
    column_offset: int = 0  # added to columns (where the text starts inside a JSONL line, say)

    def source_offset(self, text_offset: int) -> int:
        run = bisect.bisect_right(self.text_starts, text_offset) - 1
        run = max(run, 0)
        if not self.exact[run]:
            return self.source_starts[run]
        return self.source_starts[run] + (text_offset - self.text_starts[run])

    def line_column(self, text_offset: int) -> tuple[int, int]:
        """1-based line and column in the original file of the cleaned text's character at `text_offset`."""
        source = self.source_offset(text_offset)
        line_index = bisect.bisect_right(self.line_starts, source) - 1
        line_index = max(line_index, 0)
        column = source - self.line_starts[line_index] + 1
        if line_index == 0:
            column += self.column_offset
        return self.first_line + line_index, column


class Document(BaseModel):
    """One article, cleaned, with its metadata and provenance."""

    id: str
    path: str
    format: SourceFormat = "txt"
    title: str | None = None
    source: str | None = None  # the outlet
    url: str | None = None
    published: date | None = None
    published_source: PublishedSource | None = None
    published_evidence: str | None = None  # why: the dateline text, the manifest key, or why unknown
    text: str
    sentences: list[Sentence] = Field(default_factory=list)
    offsets: OffsetMap = Field(default_factory=OffsetMap)
    repairs: int = 0  # encoding repairs made
    boilerplate_lines: int = 0  # site boilerplate lines dropped
    content_hash: str = ""  # hash of the original bytes (cache key)
    # What is wrong with the input but did not stop it being read (a dateline naming no real day):
    # reported like any other problem (exit 2), next to the document.
    problems: list[InputProblem] = Field(default_factory=list)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the original file for an offset into `text`."""
        return self.offsets.line_column(offset)
