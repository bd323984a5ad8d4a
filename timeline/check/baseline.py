"""Baselines: the findings a team has accepted, so CI fails only on new contradictions.

A baseline lists finding fingerprints (the rule, the catalogued event and what each document claims; see
`engine.fingerprint`), not positions, so editing an article elsewhere does not turn an accepted finding
into a "new" one. Version 2: fingerprints from claims (version 1 hashed generated event ids).
"""

from __future__ import annotations

import json
from pathlib import Path

from timeline.atomic import write_text_atomic
from timeline.check.models import Report
from timeline.diagnostics import InputProblem
from timeline.jsonsource import read_json

BASELINE_VERSION = 2


def write_baseline(path: Path, report: Report) -> None:
    entries = sorted(
        (
            {
                "fingerprint": finding.fingerprint,
                "rule": finding.rule,
                "event": finding.event,
                "message": finding.message,
            }
            for finding in report.findings
        ),
        key=lambda entry: (str(entry["rule"]), str(entry["fingerprint"])),
    )
    document = {"version": BASELINE_VERSION, "findings": entries}
    write_text_atomic(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def read_baseline(path: Path) -> tuple[set[str], list[InputProblem]]:
    """The fingerprints a baseline file lists, or a problem saying why it cannot be used."""

    def problem(message: str) -> tuple[set[str], list[InputProblem]]:
        return set(), [InputProblem(path=str(path), message=message)]

    data, unreadable = read_json(path, "baseline file not found; create it with --write-baseline")
    if unreadable is not None:
        return set(), [unreadable]
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or data.get("version") != BASELINE_VERSION:
        return problem(
            f"not a timeline baseline (version {BASELINE_VERSION}); rewrite it with --write-baseline"
        )
    fingerprints = {entry.get("fingerprint") for entry in entries if isinstance(entry, dict)}
    return {value for value in fingerprints if isinstance(value, str)}, []
