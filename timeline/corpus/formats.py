"""Turning one source item into a *body*: the article text before cleaning, plus what the format says.

Each format knows where its text sits in the original file (`space`, see offsets.py):
* .txt: the whole file; offsets map one to one.
* .md: the text after the YAML front matter (shifted by the front matter's length).
* .jsonl: the decoded `text` string of one record. Its characters are mapped to columns of the raw JSON
  line by walking the string literal, so escapes (\\n, \\", \\u00e9) are accounted for exactly.
* .html: the text trafilatura extracts. Limits: extraction rebuilds paragraphs from the DOM, so each
  extracted line is located in the page by searching for it verbatim after the previous one; a line
  whose markup is interleaved (<b>, entities) is found by its first words and all of it points at the
  start of the match; a line that is not found at all points at the previous match. Lines are right
  for prose paragraphs, columns inside a paragraph are exact only where the paragraph has no markup.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from timeline.corpus.dateline import parse_date
from timeline.corpus.models import OffsetMap, PublishedSource
from timeline.corpus.offsets import line_starts, shifted_space
from timeline.corpus.sources import BINARY_SNIFF_BYTES, SourceItem
from timeline.diagnostics import InputError, InputProblem
from timeline.yamlsource import LocatedYaml, load_yaml

FRONT_MATTER_FENCE = "---"
FRONT_MATTER_MAX_CHARS = 64 * 1024
_LONE_CR = re.compile(r"\r(?!\n)")
# The longest prefix of an HTML paragraph searched for when it is not found verbatim.
HTML_PREFIX_CHARS = 32


@dataclass
class Body:
    """The text to clean and where it came from."""

    id: str
    text: str
    space: OffsetMap | None  # body offsets -> offsets in `source`; None when one to one
    source_line_starts: list[int]
    first_line: int = 1
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: PublishedSource | None = None
    published_evidence: str | None = None
    # Where a date was looked for before the text ("the manifest", "the front matter"): for the evidence.
    date_places: list[str] = field(default_factory=list)
    # A stated publication date that names no real day: the article is still read, as undated.
    unreadable_date: InputProblem | None = None
    markdown: bool = False


def load_body(item: SourceItem) -> Body:
    """Raises InputError for input that cannot be read."""
    if item.format == "jsonl":
        return _jsonl_body(item)
    text = _decode_file(item)
    if item.format == "md":
        return _markdown_body(item, text)
    if item.format == "html":
        return _html_body(item, text)
    return Body(id=item.name, text=text, space=None, source_line_starts=line_starts(text))


def _problem(
    item: SourceItem, message: str, line: int | None = None, column: int | None = None
) -> InputError:
    return InputError(InputProblem(path=item.path, line=line, column=column, message=message))


def _decode_file(item: SourceItem) -> str:
    """The file's text; a lone "\r" (old Mac line ends) becomes "\n", which keeps every offset."""
    path = item.path
    raw = item.raw_bytes()  # a regular file within the size limit, else InputError
    if not raw.strip():
        raise InputError(InputProblem(path=path, message="is empty; remove it or add the article text"))
    if b"\0" in raw[:BINARY_SNIFF_BYTES]:
        raise InputError(
            InputProblem(path=path, message="is a binary file, not text; only .txt .md .html .jsonl are read")
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # editors show no column for a byte-order mark, so neither do we
    try:
        return _LONE_CR.sub("\n", raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        raise InputError(
            InputProblem(
                path=path,
                line=line,
                column=column,
                message=f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            )
        ) from None


# --- Markdown -------------------------------------------------------------------------------------


def _markdown_body(item: SourceItem, text: str) -> Body:
    starts = line_starts(text)
    body = Body(id=item.name, text=text, space=None, source_line_starts=starts, markdown=True)
    first_line = text[: starts[1] - 1] if len(starts) > 1 else text
    if first_line.rstrip() != FRONT_MATTER_FENCE:
        return body
    for index in range(1, len(starts)):
        end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
        if text[starts[index] : end].rstrip() in (FRONT_MATTER_FENCE, "..."):
            break
    else:
        raise _problem(item, "front matter opened with '---' is never closed; end it with a '---' line", 1, 1)
    yaml_text = text[starts[1] : starts[index]]
    if len(yaml_text) > FRONT_MATTER_MAX_CHARS:  # metadata, not a place for megabytes of YAML to parse
        raise _problem(item, f"front matter is over {FRONT_MATTER_MAX_CHARS // 1024} KB; keep it to metadata", 1, 1)
    # raises InputError with the file's line; an impossible date is judged below, keeping the article
    located = load_yaml(yaml_text, item.path, line_offset=1, keep_unreadable=True)
    body_start = starts[index + 1] if index + 1 < len(starts) else len(text)
    body.text = text[body_start:]
    body.space = shifted_space(body_start)
    _apply_front_matter(item, located, body)
    return body


def _apply_front_matter(item: SourceItem, located: LocatedYaml, body: Body) -> None:
    data = located.data
    if data is None:
        return
    if not isinstance(data, dict):
        raise InputError(located.problem((), "front matter must be a mapping such as 'title: ...'"))
    for key in ("title", "source", "url"):
        value = data.get(key)
        if value is not None and not isinstance(value, dict | list):
            setattr(body, key, str(value).strip() or None)
    body.date_places.append("front matter")
    for key in ("published", "date"):
        if data.get(key) is None:
            continue
        published = _as_date(data[key])
        if published is None:
            body.unreadable_date = located.problem((key,), _undated_because(data[key]))
            return
        line, _ = located.where((key,))
        body.published = published
        body.published_source = "front_matter"
        body.published_evidence = f"front matter line {line}: {key}: {data[key]}"
        return


def _undated_because(value: Any) -> str:
    shown = json.dumps(value, default=str)
    return f"{shown} is not a real calendar date, so the article is not dated by it; write it as YYYY-MM-DD"


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_date(value) if isinstance(value, str) else None


# --- JSON Lines -----------------------------------------------------------------------------------

JSONL_TEXT_FIELDS = ("title", "source", "url")
_KEY_PATTERN = '"{}"\\s*:\\s*'


def _jsonl_body(item: SourceItem) -> Body:
    line = item.line_text or ""
    number = item.line_number or 1
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        message = f"not valid JSON ({exc.msg}); write one JSON object per line"
        raise _problem(item, message, number, exc.colno) from None
    except RecursionError:
        raise _problem(item, "JSON is nested too deeply to be an article", number, 1) from None
    if not isinstance(record, dict):
        raise _problem(item, 'each line must be a JSON object with at least a "text" field', number, 1)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _problem(item, 'record has no "text" (the article as a string); add it', number, 1)
    record_id = record.get("id")
    if record_id is None:
        record_id = f"{item.name}-{number}"
    elif isinstance(record_id, bool) or not isinstance(record_id, str | int) or not str(record_id).strip():
        message = f'"id" must be a non-empty string or a whole number, not {json.dumps(record_id)}'
        raise _problem(item, message, number, _value_column(line, "id"))
    body = Body(
        id=str(record_id).strip(),
        text=_LONE_CR.sub("\n", text),
        space=_json_string_space(line, text),
        source_line_starts=[0],
        first_line=number,
    )
    for key in JSONL_TEXT_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, dict | list):
            setattr(body, key, str(value).strip() or None)
    body.date_places.append("JSONL record")
    published = record.get("published")
    if published is not None:
        parsed = parse_date(published) if isinstance(published, str) else None
        if parsed is None:
            body.unreadable_date = InputProblem(
                path=item.path,
                line=number,
                column=_value_column(line, "published"),
                message=f'"published" {_undated_because(published)}',
            )
            return body
        body.published = parsed
        body.published_source = "jsonl"
        body.published_evidence = f'line {number}: "published": {json.dumps(published)}'
    return body


def _value_column(line: str, key: str) -> int:
    """1-based column of a top-level key's value in a raw JSON line (of the key itself at worst)."""
    match = re.search(_KEY_PATTERN.format(re.escape(key)), line)
    return match.end() + 1 if match else 1


def _json_string_space(line: str, text: str) -> OffsetMap:
    """Maps characters of the decoded `text` value to columns of the raw JSON line.

    The literal is the `"text": "..."` whose decoding equals the record's text (a nested object may have
    its own "text" key). Escape sequences become one-character runs pointing at their backslash.
    """
    decoder = json.JSONDecoder()
    for match in re.finditer(_KEY_PATTERN.format("text") + '"', line):
        start = match.end() - 1
        try:
            value, end = decoder.raw_decode(line, start)
        except json.JSONDecodeError:
            continue
        if value == text:
            return _escape_runs(line, start + 1, end - 1)
    return shifted_space(0)  # not found (cannot happen for valid JSON): the record's line, column 1


def _escape_runs(line: str, start: int, end: int) -> OffsetMap:
    text_starts: list[int] = []
    source_starts: list[int] = []
    exact: list[bool] = []
    decoded = 0
    position = start
    while position < end:
        escape = line.find("\\", position, end)
        plain_end = end if escape == -1 else escape
        if plain_end > position:  # a run of characters written as themselves
            text_starts.append(decoded)
            source_starts.append(position)
            exact.append(True)
            decoded += plain_end - position
        if escape == -1:
            break
        width = 2
        if line[escape + 1] == "u":
            width = 6
            code = int(line[escape + 2 : escape + 6], 16)
            if 0xD800 <= code < 0xDC00 and line.startswith("\\u", escape + 6):
                width = 12  # a surrogate pair is one character
        text_starts.append(decoded)
        source_starts.append(escape)
        exact.append(False)
        decoded += 1
        position = escape + width
    if not text_starts:
        return shifted_space(start)
    return OffsetMap(text_starts=text_starts, source_starts=source_starts, exact=exact)


# --- HTML -----------------------------------------------------------------------------------------


def _html_body(item: SourceItem, html: str) -> Body:
    # trafilatura: maintained main-text and metadata extraction; a hand-written tag stripper would keep
    # menus and footers. Only dates the page states are taken (no "extensive" guessing from the text).
    # Imported here: it costs a quarter of a second and most corpora have no HTML.
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken pages
        raise _problem(item, f"could not be parsed as HTML ({type(exc).__name__}: {exc})") from None
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise _problem(item, "no article text found in this HTML page")
    body = Body(
        id=item.name,
        text=text,
        space=_align_lines(html, text),
        source_line_starts=line_starts(html),
        title=getattr(extracted, "title", None) or None,
        source=getattr(extracted, "sitename", None) or None,
        url=getattr(extracted, "url", None) or None,
    )
    body.date_places.append("HTML metadata")
    found = getattr(extracted, "date", None)
    published = parse_date(found) if isinstance(found, str) else None
    if published is not None:
        body.published = published
        body.published_source = "html_metadata"
        body.published_evidence = f"HTML metadata date {found}"
    return body


def _align_lines(html: str, text: str) -> OffsetMap:
    text_starts: list[int] = []
    source_starts: list[int] = []
    exact: list[bool] = []
    cursor = 0
    offset = 0
    for line in text.split("\n"):
        content = line.strip()
        lead = len(line) - len(line.lstrip())
        found = html.find(content, cursor) if content else -1
        is_exact = found != -1
        if not is_exact and content:
            found = html.find(content[:HTML_PREFIX_CHARS], cursor)
        if found == -1:
            found = cursor
        text_starts.append(offset + lead)
        source_starts.append(found)
        exact.append(is_exact)
        cursor = found + (len(content) if is_exact else 0)
        offset += len(line) + 1
    return OffsetMap(text_starts=text_starts, source_starts=source_starts, exact=exact)
