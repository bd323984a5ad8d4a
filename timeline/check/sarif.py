"""SARIF 2.1.0 for code-scanning services (GitHub code scanning among them).

What GitHub and the SARIF multitool's GitHub rules ask for, and where it comes from here:
- artifact URIs relative to the repository, with `uriBaseId` %SRCROOT% declared in `originalUriBaseIds`,
  whatever folder timeline ran from (`SourceRoot`);
- each rule with a Pascal-case `name`, `shortDescription`, `fullDescription`, `help` (text and Markdown)
  and an absolute `helpUri`; the tool with `informationUri` and `version`;
- each result with a message of whole sentences, at least one location, and `partialFingerprints`.
"""

from __future__ import annotations

import inspect
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote as url_quote

from timeline import HOMEPAGE, __version__
from timeline.check.builtin import BUILTIN_CHECKS, BuiltinCheck
from timeline.check.engine import FINGERPRINT_VERSION
from timeline.check.models import Evidence, Finding, Report
from timeline.check.rulebase import RuleBase

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
ROOT_ID = "%SRCROOT%"
RULES_HELP = f"{HOMEPAGE}#rules-and-timeline-check"
QUOTE_WIDTH = 200
WHAT_TO_DO = (
    "Read the quoted sources side by side. Correct the article that is wrong, or, when the disagreement is "
    "known and accepted, record it with `timeline check --write-baseline FILE` and run later checks with "
    "`--baseline FILE`. A rule can be re-levelled or switched off under [severity] in timeline.toml."
)


@dataclass(frozen=True)
class SourceRoot:
    """The folder artifact URIs are relative to (the repository, see `cli.common.source_root`)."""

    path: Path

    @classmethod
    def of(cls, folder: str | os.PathLike[str]) -> SourceRoot:
        return cls(Path(os.path.abspath(folder)))

    def relative(self, path: str) -> str | None:
        """`path` (absolute, or relative to the working folder) as a POSIX path under the root, else None."""
        absolute = Path(os.path.abspath(path))
        try:
            return PurePosixPath(absolute.relative_to(self.path)).as_posix()
        except ValueError:
            return None

    def display(self, path: str) -> str:
        """The path as a repository-relative path when it is inside the root, else as given."""
        return self.relative(path) or path


def _artifact(path: str, root: SourceRoot) -> dict[str, Any]:
    relative = root.relative(path)
    if relative is None:  # outside the repository: an absolute file URI is all that can be said
        return {"uri": Path(os.path.abspath(path)).as_uri()}
    # A URI reference: forward slashes, spaces and other specials percent-encoded.
    return {"uri": url_quote(relative, safe="/"), "uriBaseId": ROOT_ID}


def _physical(item: Evidence, root: SourceRoot) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(item.line, 1), "startColumn": max(item.column, 1)}
    if item.quote:
        region["snippet"] = {"text": item.quote}
    return {"artifactLocation": _artifact(item.path, root), "region": region}


def pascal_name(rule_id: str) -> str:
    """The rule's friendly name: 'executive-order-terms' -> 'ExecutiveOrderTerms'."""
    words = re.findall(r"[A-Za-z0-9]+", rule_id)
    name = "".join(word[:1].upper() + word[1:] for word in words) or "Rule"
    return name if name[0].isalpha() else "Rule" + name


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


def _kind_summary(rule: RuleBase) -> str:
    """The first paragraph of the rule kind's module docstring: what every rule of that kind checks."""
    module = inspect.getmodule(type(rule))
    doc = inspect.cleandoc(module.__doc__ or "") if module else ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def _rule_descriptor(rule: RuleBase, root: SourceRoot) -> dict[str, Any]:
    kind = _kind_summary(rule) or f"`{rule.kind_name}` rule."
    short = rule.description or f"{rule.kind_name} rule on {rule.event_ref or 'every catalogued event'}"
    where = ""
    if rule.defined_at:
        path, _, line = rule.defined_at.rpartition(":")
        where = f"Defined in {root.display(path)}:{line}."
    full = " ".join(part for part in (_sentence(short), _sentence(kind), where) if part)
    markdown = "\n\n".join(
        part
        for part in (
            f"**{_sentence(short)}**",
            f"Rule kind: {_sentence(kind)}",
            where and f"{where[:-1]} (its `tests:` show texts that make it fire).",
            WHAT_TO_DO,
        )
        if part
    )
    return {
        "id": rule.id,
        "name": pascal_name(rule.id),
        "shortDescription": {"text": _sentence(short)},
        "fullDescription": {"text": full},
        "help": {"text": f"{full} {WHAT_TO_DO}", "markdown": markdown},
        "helpUri": rule.link or RULES_HELP,
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
        "properties": {"tags": ["timeline", rule.kind_name]},
    }


def _builtin_descriptor(check: BuiltinCheck) -> dict[str, Any]:
    description = _sentence(check.description)
    full = f"{description} A built-in check: it needs no rule file."
    return {
        "id": check.id,
        "name": pascal_name(check.id),
        "shortDescription": {"text": description},
        "fullDescription": {"text": full},
        "help": {"text": f"{full} {WHAT_TO_DO}", "markdown": f"**{description}**\n\n{full}\n\n{WHAT_TO_DO}"},
        "helpUri": RULES_HELP,
        "defaultConfiguration": {"level": SARIF_LEVEL[check.severity]},
        "properties": {"tags": ["timeline", "builtin"]},
    }


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_WIDTH else flat[: QUOTE_WIDTH - 1] + "…"


def _side(item: Evidence) -> str:
    claims = f" ({item.value})" if item.value else ""
    return f'{item.doc}{claims}: "{_short(item.quote)}".' if item.quote else f"{item.doc}{claims}."


def _message(finding: Finding) -> str:
    """Whole sentences: the finding, then one line per side with what it claims and its quote."""
    return "\n".join([_sentence(finding.message), *(_side(item) for item in finding.evidence)])


def _fallback_location(rule: RuleBase | None, root: SourceRoot) -> list[dict[str, Any]]:
    """A finding with no evidence is shown at the rule that made it (code scanning needs a location)."""
    if rule is None or not rule.defined_at:
        return []
    path, _, line = rule.defined_at.rpartition(":")
    region = {"startLine": int(line) if line.isdigit() else 1}
    return [{"physicalLocation": {"artifactLocation": _artifact(path, root), "region": region}}]


def _result(
    finding: Finding, index: dict[str, int], rule: RuleBase | None, root: SourceRoot
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": SARIF_LEVEL[finding.severity],
        "message": {"text": _message(finding)},
        "partialFingerprints": {f"timelineFinding/v{FINGERPRINT_VERSION}": finding.fingerprint},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if finding.evidence:
        result["locations"] = [{"physicalLocation": _physical(finding.evidence[0], root)}]
        result["relatedLocations"] = [
            {"id": position, "physicalLocation": _physical(item, root), "message": {"text": _side(item)}}
            for position, item in enumerate(finding.evidence[1:], start=1)
        ]
    elif locations := _fallback_location(rule, root):
        result["locations"] = locations
    if finding.event:
        result["properties"] = {"event": finding.event}
    return result


def to_sarif(report: Report, rules: Sequence[RuleBase], root: SourceRoot | None = None) -> dict[str, Any]:
    """One run; one result per finding at its first quote, the other sides as related locations."""
    root = root or SourceRoot.of(".")
    by_id = {rule.id: rule for rule in rules}
    descriptors = [_rule_descriptor(rule, root) for rule in sorted(rules, key=lambda r: r.id)]
    descriptors += [_builtin_descriptor(check) for check in BUILTIN_CHECKS]
    index = {descriptor["id"]: position for position, descriptor in enumerate(descriptors)}
    results = [_result(finding, index, by_id.get(finding.rule), root) for finding in report.findings]
    driver = {
        "name": "timeline",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": HOMEPAGE,
        "rules": descriptors,
    }
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {ROOT_ID: {"uri": root.path.as_uri().rstrip("/") + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
