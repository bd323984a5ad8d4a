"""Reading documents: one source item in, one cleaned `Document` out.

`read_document` is a pure function of its `SourceItem` (it runs in worker processes and on Dask
workers): load the body in its format, repair each line, drop boilerplate lines, find sentences, the
title and the publication date. Publication date, first found wins: the manifest, the front matter or
JSONL field, the HTML metadata, a dateline near the top of the text; otherwise unknown, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from timeline.corpus.boilerplate import boilerplate_lines
from timeline.corpus.dateline import Dateline, find_dateline, search_lines
from timeline.corpus.formats import Body, load_body
from timeline.corpus.models import Document
from timeline.corpus.offsets import OffsetMapBuilder
from timeline.corpus.repair import RepairedLine, repair_line
from timeline.corpus.sentences import split_sentences
from timeline.corpus.files import ReadPolicy, describe_size
from timeline.corpus.sources import DEFAULT_POLICY, SourceItem, iter_sources
from timeline.diagnostics import InputError, InputProblem

# Why a publication date is unknown: the first words of `published_evidence` then.
NOT_STATED = "not stated"
NO_SUCH_DAY = "no such day"
# A first line is taken for the title only when it is clearly one: short, and no sentence.
TITLE_MAX_WORDS = 20
TITLE_MAX_CHARS = 200
_NOT_A_TITLE_END = re.compile(r"[.,;:]\s*$")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")


@dataclass
class _Line:
    body_start: int  # body offset where the line's content (stripped) begins
    body_end: int  # and ends
    repaired: RepairedLine
    heading: bool = False  # a Markdown heading (its marker is stripped)


def read_document(item: SourceItem) -> Document:
    """The cleaned document. Raises InputError (naming file, line and column) for unusable input."""
    body = load_body(item)
    lines = _repaired_lines(body)
    dropped = boilerplate_lines([line.repaired.text for line in lines])
    builder = OffsetMapBuilder(body.space)
    text, kept = _assemble(body.text, lines, dropped, builder)
    if not text.strip():
        raise InputError(
            InputProblem(
                path=item.path, line=item.line_number, message="has no article text left after cleaning"
            )
        )
    offsets = builder.build(body.source_line_starts, first_line=body.first_line)
    dateline = find_dateline([line.text for line in kept])
    document = Document(
        id=body.id,
        path=item.path,
        format=item.format,
        title=_title(item, body, kept, dateline),
        source=_pick(item, item.metadata.source if item.metadata else None, body.source),
        url=_pick(item, item.metadata.url if item.metadata else None, body.url),
        text=text,
        sentences=split_sentences(text),
        offsets=offsets,
        repairs=sum(line.repaired.repairs for index, line in enumerate(lines) if index not in dropped),
        boilerplate_lines=len(dropped),
        content_hash=item.content_hash(),
    )
    _date(item, body, kept, dateline, document)
    return document


def _repaired_lines(body: Body) -> list[_Line]:
    lines: list[_Line] = []
    start = 0
    for raw in body.text.split("\n"):
        content = raw.rstrip()  # also drops the "\r" of a CRLF line end
        lead = len(content) - len(content.lstrip())
        content = content[lead:]
        heading = False
        if body.markdown:
            marker = _MARKDOWN_HEADING.match(content)
            if marker:
                lead += marker.end()
                content = content[marker.end() :]
                heading = True
        lines.append(_Line(start + lead, start + lead + len(content), repair_line(content), heading))
        start += len(raw) + 1
    return lines


@dataclass
class _KeptLine:
    text: str
    start: int  # offset in the cleaned text
    heading: bool


def _assemble(
    body: str, lines: list[_Line], dropped: set[int], builder: OffsetMapBuilder
) -> tuple[str, list[_KeptLine]]:
    """Kept lines joined by "\\n", one blank line between paragraphs at most, mapped into `builder`."""
    pieces: list[str] = []
    kept: list[_KeptLine] = []
    blank_before = False
    previous_end = 0
    for index, line in enumerate(lines):
        text = line.repaired.text
        if index in dropped:
            continue
        if not text:
            blank_before = bool(kept)
            continue
        if kept:
            separator = "\n\n" if blank_before else "\n"
            pieces.append(separator)
            # Exact where the file has the very same line break(s) there, so clean text is one run.
            exact = body.startswith(separator, previous_end)
            builder.add(len(separator), previous_end, exact=exact)
        kept.append(_KeptLine(text, builder.length, line.heading))
        pieces.append(text)
        _add_line(line, builder)
        blank_before = False
        previous_end = line.body_end
    return "".join(pieces), kept


def _add_line(line: _Line, builder: OffsetMapBuilder) -> None:
    repaired = line.repaired
    if repaired.columns is None or repaired.exact is None:
        builder.add(len(repaired.text), line.body_start)
        return
    # Consecutive exact characters from consecutive columns go in as one piece.
    columns, exact = repaired.columns, repaired.exact
    start = 0
    for index in range(1, len(columns) + 1):
        continues = (
            index < len(columns)
            and exact[index]
            and exact[start]
            and columns[index] == columns[index - 1] + 1
        )
        if not continues:
            builder.add(index - start, line.body_start + columns[start], exact[start])
            start = index


def _pick(item: SourceItem, from_manifest: str | None, from_document: str | None) -> str | None:
    """A manifest entry describes one file and wins over it; for a JSONL file it only fills in what a
    record leaves out (one entry cannot describe every record)."""
    if item.format == "jsonl":
        return from_document or from_manifest
    return from_manifest or from_document


def _title(item: SourceItem, body: Body, kept: list[_KeptLine], dateline: Dateline | None) -> str | None:
    stated = _pick(item, item.metadata.title if item.metadata else None, body.title)
    if stated:
        return stated
    if body.markdown:
        return next((line.text for line in kept if line.heading), None)
    if len(kept) < 2 or (dateline is not None and dateline.index == 0):
        return None
    first = kept[0].text
    if len(first) > TITLE_MAX_CHARS or len(first.split()) > TITLE_MAX_WORDS or _NOT_A_TITLE_END.search(first):
        return None
    return first


def _date(
    item: SourceItem, body: Body, kept: list[_KeptLine], dateline: Dateline | None, document: Document
) -> None:
    manifest = item.metadata
    from_manifest = manifest is not None and manifest.published is not None
    if from_manifest and (item.format != "jsonl" or body.published is None):
        assert manifest is not None
        document.published = manifest.published
        document.published_source = "manifest"
        document.published_evidence = f"{manifest.where}: published: {manifest.published}"
        return
    if body.published is not None:
        document.published = body.published
        document.published_source = body.published_source
        document.published_evidence = body.published_evidence
        return
    places = " or ".join(["manifest", *body.date_places])
    if body.unreadable_date is not None:
        document.problems.append(body.unreadable_date)
        if dateline is None or dateline.published is None:
            document.published_evidence = f"{NO_SUCH_DAY}: {body.unreadable_date.message}"
            return
    if dateline is not None:
        line_number, _ = document.locate(kept[dateline.index].start)
        if dateline.published is not None:
            document.published = dateline.published
            document.published_source = "dateline"
            document.published_evidence = f'line {line_number}: "{dateline.line}"'
            return
        document.published_evidence = (
            f'{NO_SUCH_DAY}: the dateline on line {line_number}, "{dateline.line}", is not a real '
            f"calendar date, and there is no date in the {places}"
        )
        document.problems.append(
            InputProblem(
                path=item.path,
                line=line_number,
                message=f'the dateline "{dateline.line}" names no real day; the article is read as undated '
                "(correct the date, or give one in the manifest)",
            )
        )
        return
    document.published_evidence = (
        f"{NOT_STATED}: no date in the {places}, and no dateline in the first {search_lines()} lines "
        "of the text"
    )


def unexpected_problem(item: SourceItem, exc: Exception, doing: str = "read") -> InputProblem:
    """The one line for an exception no input should cause: this document is lost, the others are not."""
    if isinstance(exc, MemoryError):
        message = (
            f"could not be {doing}: ran out of memory; split it, or lower the limit with --max-document-size "
            f"(now {describe_size(item.max_bytes)})"
        )
    else:
        message = (
            f"could not be {doing} ({type(exc).__name__}: {exc}); please report this as a bug with the file "
            "attached"
        )
    return InputProblem(path=item.path, line=item.line_number, message=message)


def iter_documents(
    paths: Sequence[Path], policy: ReadPolicy = DEFAULT_POLICY
) -> Iterator[Document | InputProblem]:
    """Documents and problems in discovery order; a repeated id is a problem (the first one is kept)."""
    first_use: dict[str, str] = {}
    for item in iter_sources(paths, policy):
        if isinstance(item, InputProblem):
            yield item
            continue
        try:
            document = read_document(item)
        except InputError as exc:
            yield exc.problem
            continue
        except Exception as exc:  # a bug on one odd document must not lose the others, nor print a traceback
            yield unexpected_problem(item, exc)
            continue
        yield from document.problems
        if document.id in first_use:
            yield InputProblem(
                path=item.path,
                line=item.line_number,
                message=f"duplicate id '{document.id}' (already used by {first_use[document.id]}); "
                "give each document its own id or file name",
            )
            continue
        first_use[document.id] = item.key
        yield document


def read_corpus(
    paths: Sequence[Path], policy: ReadPolicy = DEFAULT_POLICY
) -> tuple[list[Document], list[InputProblem]]:
    documents: list[Document] = []
    problems: list[InputProblem] = []
    for entry in iter_documents(paths, policy):
        if isinstance(entry, InputProblem):
            problems.append(entry)
        else:
            documents.append(entry)
    return documents, problems
