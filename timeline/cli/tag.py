"""`timeline tag`: run the temporal tagger on JSONL documents or on one plain text file."""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import NoReturn

import typer

from timeline.atomic import write_text_atomic
from timeline.cli.app import app
from timeline.diagnostics import InputProblem
from timeline.exitcodes import ExitCode
from timeline.temporal import Timex, tag
from timeline.temporal.tagger import iter_tag


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
    stream: Iterable[str], path: str, default_dct: date | None
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
    return "".join(_record_parts(identifier, timexes))


def _record_parts(identifier: str, timexes: Iterable[Timex]) -> Iterator[str]:
    """The JSON line of a document in pieces, the same bytes as one json.dumps of {"id", "timexes"}, so a
    document with a hundred thousand expressions never sits in memory as one object."""
    yield '{"id": ' + _JSON.encode(identifier) + ', "timexes": ['
    for number, timex in enumerate(timexes):
        yield (", " if number else "") + _timex_json(timex)
    yield "]}"


_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps with options builds one per call


def _timex_json(timex: Timex) -> str:
    """`json.dumps(timex.model_dump(mode="json"), ensure_ascii=False)`, from the model's fields directly
    (its fields are JSON types already; a test holds the two equal): twice as fast on every expression."""
    fields = dict(timex.__dict__)
    if timex.anchor is not None:
        fields["anchor"] = timex.anchor.__dict__
    return _JSON.encode(fields)


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
    # imported here: start-up of the default JSONL output (tabulate and wcwidth take ~20 ms)
    from tabulate import tabulate  # readable plain-text table of the found expressions

    return tabulate(rows, headers=headers, tablefmt="simple")


def to_timeml(identifier: str, text: str, dct: date | None, timexes: list[Timex]) -> str:
    """TimeML: the text with inline TIMEX3 tags, the DCT as the CREATION_TIME expression."""
    from xml.sax.saxutils import escape, quoteattr  # imported here: it imports urllib (start-up)

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
    source: str | None = typer.Argument(
        None,
        help="A .jsonl file of {id, dct, text} lines ('-': JSONL on stdin), a .txt file, or a .md/.html "
        "article (read like the corpus: its dateline is the publication date, markup is not tagged). "
        "With no argument, standard input (JSONL when it starts with '{', else plain text).",
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
      cat docs.jsonl | timeline tag
      echo "The vote is on Friday." | timeline tag --dct 2026-06-06
      timeline tag article.txt --dct 2026-06-06
      timeline tag article.md --format timeml -o article.tml
    """
    try:
        default_dct = _parse_dct(dct) if dct is not None else None
    except ValueError as exc:
        typer.echo(f"--dct: {exc}", err=True)
        raise typer.Exit(ExitCode.INPUT_ERROR) from None
    if source is None:
        if sys.stdin is None or sys.stdin.isatty():
            typer.echo("timeline tag: give a file, or pipe JSONL or text on standard input", err=True)
            raise typer.Exit(ExitCode.INPUT_ERROR)
        first = sys.stdin.readline()
        if not first.lstrip().startswith("{"):  # plain text: one document
            _emit_text("-", first + sys.stdin.read(), default_dct, output_format, output)
        _check_jsonl_format(output_format)
        raise typer.Exit(_tag_jsonl(itertools.chain([first], sys.stdin), "-", default_dct, output_format))
    if source == "-" or source.endswith(".jsonl"):
        _check_jsonl_format(output_format)
        try:
            stream = sys.stdin if source == "-" else open(source, encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            typer.echo(f"{source}: cannot open ({exc.strerror})", err=True)
            raise typer.Exit(ExitCode.INPUT_ERROR) from None
        with stream:
            raise typer.Exit(_tag_jsonl(stream, source, default_dct, output_format))
    if Path(source).suffix.lower() in _ARTICLE_SUFFIXES:
        identifier, text, published = _read_article(Path(source))
        _emit_text(identifier, text, default_dct or published, output_format, output)
    _emit_text(Path(source).name, _read_text(source), default_dct, output_format, output)


# Articles with markup: read as the corpus reads them (markup out, dateline as publication date).
_ARTICLE_SUFFIXES = (".md", ".markdown", ".html", ".htm")


def _check_jsonl_format(output_format: OutputFormat | None) -> None:
    if output_format == OutputFormat.timeml:
        typer.echo("--format timeml takes one text file, not JSONL", err=True)
        raise typer.Exit(ExitCode.INPUT_ERROR)


def _read_text(source: str) -> str:
    try:
        return Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        typer.echo(f"{source}: cannot read ({exc.strerror})", err=True)
    except UnicodeDecodeError as exc:
        typer.echo(f"{source}: not UTF-8 text (byte {exc.start}); convert it to UTF-8", err=True)
    raise typer.Exit(ExitCode.INPUT_ERROR)


def _read_article(path: Path) -> tuple[str, str, date | None]:
    """The article's id, cleaned text and publication date, through the corpus reader."""
    from timeline.corpus import read_corpus  # the reader's libraries load only for articles

    documents, problems = read_corpus([path])
    for problem in problems:
        _report(problem)
    if not documents:
        raise typer.Exit(ExitCode.INPUT_ERROR)
    document = documents[0]
    return document.id, document.text, document.published


def _emit_text(
    identifier: str, text: str, dct: date | None, output_format: OutputFormat | None, output: Path | None
) -> NoReturn:
    """Tag one document and write it in the chosen format (a table by default); exits."""
    timexes = tag(text, dct)
    chosen = output_format or OutputFormat.table
    if chosen == OutputFormat.jsonl:
        rendered = _record(identifier, timexes) + "\n"
    elif chosen == OutputFormat.timeml:
        rendered = to_timeml(identifier, text, dct, timexes)
    else:
        rendered = _table(timexes) + "\n"
    if output is not None:
        write_text_atomic(output, rendered)
    else:
        sys.stdout.write(rendered)
    raise typer.Exit(ExitCode.OK)


def _tag_jsonl(
    stream: Iterable[str], source: str, default_dct: date | None, output_format: OutputFormat | None
) -> int:
    bad = False
    write = sys.stdout.write
    for item in _read_jsonl(stream, source, default_dct):
        if isinstance(item, InputProblem):
            _report(item)
            bad = True
            continue
        identifier, text, dct = item
        if output_format == OutputFormat.table:
            write(f"# {identifier}\n{_table(tag(text, dct))}\n\n")
        else:
            for part in _record_parts(identifier, iter_tag(text, dct)):
                write(part)
            write("\n")
    return ExitCode.INPUT_ERROR if bad else ExitCode.OK
