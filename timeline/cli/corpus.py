"""`timeline corpus`: list the documents the reader finds, with what cleaning did to each."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from timeline.cli.app import app
from timeline.cli.common import FOLLOW_SYMLINKS_OPTION, MAX_DOCUMENT_SIZE_OPTION
from timeline.cli.output import terminal_width
from timeline.corpus import Document, iter_documents
from timeline.corpus.files import read_policy
from timeline.corpus.reader import NOT_STATED
from timeline.diagnostics import InputProblem, printable
from timeline.exitcodes import ExitCode
from timeline.texttable import fit_table

# Table cells are cut to this many characters; --format json has everything (and the full evidence).
TITLE_WIDTH = 48


class CorpusFormat(StrEnum):
    table = "table"
    json = "json"


@app.command("corpus")
def corpus_command(
    paths: list[Path] = typer.Argument(
        None, help="Files or folders to read (.txt .md .html .jsonl; a folder's corpus.yaml is applied)."
    ),
    output_format: CorpusFormat = typer.Option(
        CorpusFormat.table, "--format", "-f", help="table for people, json for scripts."
    ),
    follow_symlinks: bool = FOLLOW_SYMLINKS_OPTION,
    max_document_size: str | None = MAX_DOCUMENT_SIZE_OPTION,
) -> None:
    """List the documents of a corpus: id, title, source, publication date (or why it is unknown), words,
    sentences, encoding repairs and boilerplate lines dropped.

    Problems are printed to stderr as path:line:column: message; the exit code is then 2 (the good
    documents are still listed).

    Example: timeline corpus corpus/ --format json
    """
    policy = read_policy(follow_symlinks, max_document_size)  # InputError: reported by the app (exit 2)
    documents: list[Document] = []
    problems: list[InputProblem] = []
    for entry in iter_documents(paths or [Path("corpus")], policy):
        if isinstance(entry, InputProblem):
            problems.append(entry)
            typer.echo(str(entry), err=True)
        else:
            documents.append(entry)
    if output_format is CorpusFormat.json:
        typer.echo(json.dumps([_record(document) for document in documents], ensure_ascii=False, indent=2))
    else:
        typer.echo(_table(documents, terminal_width()))
    raise typer.Exit(ExitCode.INPUT_ERROR if problems else ExitCode.OK)


def _record(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "path": document.path,
        "format": document.format,
        "title": document.title,
        "source": document.source,
        "url": document.url,
        "published": document.published.isoformat() if document.published else None,
        "published_source": document.published_source,
        "published_evidence": document.published_evidence,
        "words": document.words,
        "sentences": len(document.sentences),
        "repairs": document.repairs,
        "boilerplate_lines": document.boilerplate_lines,
    }


def _cut(text: str | None, width: int) -> str:
    if not text:
        return ""
    text = printable(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _published(document: Document) -> str:
    if document.published is not None:
        return f"{document.published.isoformat()} ({document.published_source})"
    # The reader never guesses; the evidence starts with the short reason (the rest is in --format json).
    reason = (document.published_evidence or NOT_STATED).split(":", 1)[0]
    return f"unknown: {reason}"


def _table(documents: list[Document], width: int | None) -> str:
    if not documents:
        return "no documents"
    rows = [
        [
            printable(document.id),
            _cut(document.title, TITLE_WIDTH),
            printable(document.source or ""),
            printable(_published(document)),
            document.words,
            len(document.sentences),
            document.repairs,
            document.boilerplate_lines,
        ]
        for document in documents
    ]
    headers = ["id", "title", "source", "published", "words", "sentences", "repairs", "boilerplate"]
    # No number parsing: an id such as "007" must stay as written; counts are right-aligned instead.
    align = ("left",) * 4 + ("right",) * 4
    return fit_table(rows, headers, width, flexible=[1, 2], disable_numparse=True, colalign=align)
