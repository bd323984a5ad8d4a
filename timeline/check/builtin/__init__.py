"""Checks that need no rule: each module has ID, SEVERITY, DESCRIPTION and `check(context)`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from timeline.check.builtin import (
    contrasting_claims,
    contrasting_descriptions,
    date_conflict,
    description_conflict,
    past_after_publication,
    quantity_conflict,
    role_conflict,
    undated_article,
    weekday_mismatch,
)
from timeline.check.models import Finding, Severity
from timeline.check.rulebase import CheckContext


@dataclass(frozen=True)
class BuiltinCheck:
    id: str
    severity: Severity
    description: str
    check: Callable[[CheckContext, Severity], list[Finding]]


BUILTIN_CHECKS: tuple[BuiltinCheck, ...] = tuple(
    BuiltinCheck(module.ID, module.SEVERITY, module.DESCRIPTION, module.check)
    for module in (
        date_conflict,
        contrasting_claims,
        contrasting_descriptions,
        description_conflict,
        quantity_conflict,
        role_conflict,
        past_after_publication,
        undated_article,
        weekday_mismatch,
    )
)
BUILTIN_IDS = frozenset(check.id for check in BUILTIN_CHECKS)
