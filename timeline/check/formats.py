"""Renderings of a Report: text (people), json (scripts), sarif (code-scanning UIs), github (annotations)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from itertools import groupby
from typing import Literal

from pydantic_core import to_json
from rich.style import Style  # ANSI colour for terminals; the core stays free of CLI libraries

from timeline.check.models import Evidence, Finding, Report
from timeline.check.rulebase import RuleBase
from timeline.check.sarif import SourceRoot, to_sarif
from timeline.diagnostics import no_command_lines, printable
from timeline.texttable import cut, fit_table

OutputFormat = Literal["text", "json", "sarif", "github"]
GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}
QUOTE_WIDTH = 100


def render(
    report: Report,
    output_format: str,
    rules: Sequence[RuleBase],
    colour: bool = False,
    root: SourceRoot | None = None,
    width: int | None = None,
) -> str:
    """`root`: the folder SARIF URIs and annotation paths are relative to (default: the working folder);
    `width`: the text format's tables are cut to it (None: full width)."""
    if output_format == "json":
        return report.model_dump_json(indent=2) + "\n"
    if output_format == "sarif":
        # pydantic-core's JSON writer: the standard library's falls back to pure Python when indenting.
        return to_json(to_sarif(report, rules, root), indent=2).decode() + "\n"
    if output_format == "github":
        return "".join(github_annotation(finding, root) + "\n" for finding in report.findings)
    return to_text(report, colour, width)


def _short(text: str, width: int = QUOTE_WIDTH, claim: str | None = None) -> str:
    """The quote on one line, cut to `width`; a long quote is cut around the words it claims, if the
    start would leave them out ("…head of Anthropic's independent research institute, the firm…")."""
    flat = printable(" ".join(text.split()))
    if len(flat) <= width:
        return flat
    claimed = claim or ""
    at = flat.lower().find(claimed.lower()) if claimed else -1
    if at + len(claimed) <= width - 1:
        return flat[: width - 1] + "…"
    room = width - 2  # an ellipsis each side
    start = max(at - (room - len(claimed)) // 2, 1)
    if len(flat) - start <= width - 1:
        return "…" + flat[len(flat) - (width - 1) :]
    return "…" + flat[start : start + room] + "…"


def _location(item: Evidence) -> str:
    return f"{printable(item.path)}:{item.line}:{item.column}"


def _sides(evidence: list[Evidence], width: int | None) -> list[str]:
    """The sides of a finding in one table, read side by side; in a terminal too narrow for the table, one
    line of where and what, and one of the quote, per side."""
    rows = [
        [
            printable(item.doc),
            _location(item),
            printable(item.value or ""),
            f'"{_short(item.quote, claim=item.value)}"' if item.quote else "",
        ]
        for item in evidence
    ]
    table = fit_table(rows, ["doc", "where", "claims", "quote"], None, flexible=[], indent=4)
    if width is None or max(len(line) for line in table.splitlines()) <= width:
        return [table]
    lines = []
    for doc, where, claims, quote in rows:
        said = ("" if doc in where else f"  {doc}") + (f"  claims {claims}" if claims else "")
        lines.append("    " + cut(where + said, width - 4))
        if quote:
            lines.append("      " + cut(quote, width - 6))
    return lines


def to_text(report: Report, colour: bool, width: int | None = None) -> str:
    """Findings grouped by rule; each finding's sides in one table so they can be read side by side."""
    lines: list[str] = []
    for (rule, severity), group in groupby(report.findings, key=lambda f: (f.rule, f.severity)):
        findings = list(group)
        heading = f"{severity.upper()} {rule} ({len(findings)})"
        lines.append(Style(color=COLOUR[severity], bold=True).render(heading) if colour else heading)
        for finding in findings:
            message = f"  {printable(finding.message)}"
            wrapped = textwrap.wrap(message, width, subsequent_indent="  ") if width else [message]
            lines += [no_command_lines(line) for line in wrapped]  # an inner " ::" may now begin a line
            if finding.evidence:
                lines += _sides(finding.evidence, width)
            if finding.link:
                lines.append(f"    see {printable(finding.link)}")
            lines.append("")
    summary = report.summary
    total = (
        f"{summary.errors} error(s), {summary.warnings} warning(s), {summary.infos} info "
        f"({summary.total} finding(s)"
        + (f", {summary.baselined} in the baseline)" if summary.baselined else ")")
    )
    lines.append(total if report.findings else f"No findings. {total}")
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    # GitHub workflow commands: the message is "data", where %, CR and LF must be percent-encoded.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # Property values additionally must not contain the separators ":" and ",".
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(finding: Finding, root: SourceRoot | None = None) -> str:
    """`::error file=…,line=…,col=…,title=…::message`, at the first quote; the other sides in the message.
    GitHub places annotations by paths relative to the repository: `root`."""
    root = root or SourceRoot.of(".")
    properties: list[tuple[str, str]] = []
    if finding.evidence:
        first = finding.evidence[0]
        path = root.display(first.path)
        properties += [("file", path), ("line", str(first.line)), ("col", str(first.column))]
    properties.append(("title", f"{finding.rule} ({finding.severity})"))
    joined = ",".join(f"{name}={_escape_property(value)}" for name, value in properties)
    sides = [
        f'{_location(item)} {item.doc} ({item.value}): "{_short(item.quote)}"' for item in finding.evidence
    ]
    message = "\n".join([finding.message, *sides])
    return f"::{GITHUB_COMMAND[finding.severity]} {joined}::{_escape_data(message)}"
