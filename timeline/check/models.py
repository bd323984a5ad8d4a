"""The check stage's contract: findings, as `timeline check --format json` writes them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Evidence(BaseModel):
    """One side of a contradiction: a located quote and what it asserts."""

    doc: str
    path: str
    line: int
    column: int
    quote: str
    value: str | None = None  # the attribute value, term or date the quote asserts


class Finding(BaseModel):
    rule: str
    severity: Severity
    message: str
    event: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    # Extensions: the rule's documentation link, and a stable id for baselines (rule, catalogued event and
    # each document's claim; never positions or generated ids: edits elsewhere in an article keep it).
    link: str | None = None
    fingerprint: str = ""


class Summary(BaseModel):
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    total: int = 0
    # Extension: findings left out because the --baseline file already lists them.
    baselined: int = 0


class Report(BaseModel):
    findings: list[Finding] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
