"""`timeline tag`: run the temporal tagger on JSONL documents or on one plain text file."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

import typer
from tabulate import tabulate  # readable plain-text table of the found expressions

from timeline.atomic import write_text_atomic
from timeline.cli.app import app
from timeline.diagnostics import InputProblem
from timeline.exitcodes import ExitCode
from timeline.temporal import Timex, tag


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"
    timeml = "timeml"


def _parse_dct(raw: object) -> date:
    if not isinstance(raw, str):
        raise ValueError(f"dct must be an ISO date string like 2026-06-06 or null, not {raw!r}")
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        raise ValueError(f"dct {raw!r} is not an ISO date like 2026-06-06") from None


def _read_jsonl(
    stream: TextIO, path: str, default_dct: date | None
) -> Iterator[tuple[str, str, date | None] | InputProblem]:
    """Documents of a JSONL stream, one per line, or the problem with a line (streamed: memory stays flat)."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("each line must be a JSON object with id, dct and text")
            text, identifier = record.get("text"), record.get("id")
            if not isinstance(text, str):
                raise ValueError('missing "text" (a string)')
            if not isinstance(identifier, str | int):
                raise ValueError('missing "id" (a string)')
            raw_dct = record.get("dct")
            dct = _parse_dct(raw_dct) if raw_dct is not None else default_dct
        except json.JSONDecodeError as exc:
            yield InputProblem(path=path, line=number, column=exc.colno, message=f"invalid JSON: {exc.msg}")
            continue
        except ValueError as exc:
            yield InputProblem(path=path, line=number, column=None, message=str(exc))
            continue
        yield str(identifier), text, dct


def _record(identifier: str, timexes: list[Timex]) -> str:
    return json.dumps(
        {"id": identifier, "timexes": [t.model_dump(mode="json") for t in timexes]}, ensure_ascii=False
    )


def _table(timexes: list[Timex]) -> str:
    rows = [
        [
            t.start,
            t.end,
            t.text,
            t.type,
            t.value,
            t.mod or "",
            t.earliest or "",
            t.latest or "",
            t.anchor.kind if t.anchor else "",
        ]
        for t in timexes
    ]
    headers = ["start", "end", "text", "type", "value", "mod", "earliest", "latest", "anchor"]
    return tabulate(rows, headers=headers, tablefmt="simple")


def to_timeml(identifier: str, text: str, dct: date | None, timexes: list[Timex]) -> str:
    """TimeML: the text with inline TIMEX3 tags, the DCT as the CREATION_TIME expression."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>", f"<DOCID>{escape(identifier)}</DOCID>"]
    if dct is not None:
        parts.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{dct.isoformat()}</TIMEX3></DCT>'
        )
    body: list[str] = []
    position = 0
    for number, timex in enumerate(timexes, 1):
        body.append(escape(text[position : timex.start]))
        attributes = f'tid="t{number}" type="{timex.type}" value={quoteattr(timex.value)}'
        if timex.mod:
            attributes += f" mod={quoteattr(timex.mod)}"
        if timex.anchor is not None and timex.anchor.kind in ("dct", "timex"):
            attributes += ' temporalFunction="true"'
            attributes += ' anchorTimeID="t0"' if timex.anchor.kind == "dct" and dct is not None else ""
        body.append(f"<TIMEX3 {attributes}>{escape(text[timex.start : timex.end])}</TIMEX3>")
        position = timex.end
    body.append(escape(text[position:]))
    parts.append("<TEXT>" + "".join(body) + "</TEXT>")
    parts.append("</TimeML>")
    return "\n".join(parts) + "\n"


def _report(problem: InputProblem) -> None:
    typer.echo(str(problem), err=True)


@app.command("tag")
def tag_command(
    source: str = typer.Argument(
        ..., help="A .jsonl file of {id, dct, text} lines, '-' for stdin, or a .txt file."
    ),
    dct: str | None = typer.Option(
        None, "--dct", help="Publication date (YYYY-MM-DD) for a text file, or for JSONL lines without one."
    ),
    output_format: OutputFormat | None = typer.Option(
        None, "--format", help="jsonl (default for JSONL input), table (default for a text file) or timeml."
    ),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write a text file's table/TimeML here."),
) -> None:
    """Find time expressions and normalise them (TIMEX3 values plus an earliest/latest interval).

    JSONL in, JSONL out ({"id", "timexes": [...]}, character offsets into "text"); a bad line is
    reported with its line number, the others are still tagged, and the exit code is then 2.

    \b
    Examples:
      timeline tag docs.jsonl > tagged.jsonl
      cat docs.jsonl | timeline tag -
      timeline tag article.txt --dct 2026-06-06
      timeline tag article.txt --dct 2026-06-06 --format timeml -o article.tml
    """
    try:
        default_dct = _parse_dct(dct) if dct is not None else None
    except ValueError as exc:
        typer.echo(f"--dct: {exc}", err=True)
        raise typer.Exit(ExitCode.INPUT_ERROR) from None
    is_jsonl = source == "-" or source.endswith(".jsonl")
    if is_jsonl:
        if output_format == OutputFormat.timeml:
            typer.echo("--format timeml takes one text file, not JSONL", err=True)
            raise typer.Exit(ExitCode.INPUT_ERROR)
        raise typer.Exit(_tag_jsonl(source, default_dct, output_format or OutputFormat.jsonl))
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        typer.echo(f"{source}: cannot read ({exc.strerror})", err=True)
        raise typer.Exit(ExitCode.INPUT_ERROR) from None
    except UnicodeDecodeError as exc:
        typer.echo(f"{source}: not UTF-8 text (byte {exc.start}); convert it to UTF-8", err=True)
        raise typer.Exit(ExitCode.INPUT_ERROR) from None
    timexes = tag(text, default_dct)
    chosen = output_format or OutputFormat.table
    if chosen == OutputFormat.jsonl:
        rendered = _record(path.name, timexes) + "\n"
    elif chosen == OutputFormat.timeml:
        rendered = to_timeml(path.name, text, default_dct, timexes)
    else:
        rendered = _table(timexes) + "\n"
    if output is not None:
        write_text_atomic(output, rendered)
    else:
        sys.stdout.write(rendered)
    raise typer.Exit(ExitCode.OK)


def _tag_jsonl(source: str, default_dct: date | None, output_format: OutputFormat) -> int:
    bad = False
    try:
        stream = sys.stdin if source == "-" else open(source, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        typer.echo(f"{source}: cannot open ({exc.strerror})", err=True)
        return ExitCode.INPUT_ERROR
    write = sys.stdout.write
    with stream:
        for item in _read_jsonl(stream, source, default_dct):
            if isinstance(item, InputProblem):
                _report(item)
                bad = True
                continue
            identifier, text, dct = item
            timexes = tag(text, dct)
            if output_format == OutputFormat.table:
                write(f"# {identifier}\n{_table(timexes)}\n\n")
            else:
                write(_record(identifier, timexes) + "\n")
    return ExitCode.INPUT_ERROR if bad else ExitCode.OK
