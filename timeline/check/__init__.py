"""check stage: rules (the `rules:` sections of the rule files) and built-in checks over a timeline."""

from timeline.check.engine import run_checks
from timeline.check.models import Evidence, Finding, Report, Summary
from timeline.check.rulebase import RuleBase as Rule
from timeline.check.rules import load_rules, rule_file_json_schema

__all__ = [
    "Evidence",
    "Finding",
    "Report",
    "Rule",
    "Summary",
    "load_rules",
    "rule_file_json_schema",
    "run_checks",
]
