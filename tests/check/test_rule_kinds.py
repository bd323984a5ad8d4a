"""Each rule kind and built-in check, one fixture file per case (tests/check/cases/*.yaml).

A case holds a catalog (`events:`), `rules:`, a hand-built `timeline:` (the chronology's real models;
mentions abbreviated to what matters) and the findings `expect:`ed: rule, severity, the documents
quoted and, optionally, the exact message.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from timeline.check import load_rules, run_checks
from timeline.chronology.models import Timeline
from timeline.events import load_catalog
from timeline.yamlsource import load_yaml

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))


def _timeline(raw: dict[str, Any]) -> Timeline:
    """Fill in what a fixture leaves out of each mention: path, location, span, title."""
    for event in raw.get("events", []):
        for mention in event.get("mentions", []):
            mention.setdefault("path", f"{mention['doc']}.txt")
            mention.setdefault("line", 1)
            mention.setdefault("column", 1)
            mention.setdefault("start", 0)
            mention.setdefault("end", len(mention["quote"]))
            mention.setdefault("title", event["title"])
    # YAML reads 2026-06-06 as a date; the timeline JSON holds ISO strings.
    return Timeline.model_validate_json(json.dumps(raw, default=str))


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_rule_case(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    located = load_yaml(text, str(case))
    catalog, catalog_problems = load_catalog([located])
    rules, rule_problems = load_rules([located], catalog)
    assert catalog_problems == [] and rule_problems == []
    raw = yaml.safe_load(text)
    timeline = _timeline(raw["timeline"])

    report = run_checks(timeline, rules, raw.get("overrides"))

    got = [
        {"rule": f.rule, "severity": f.severity, "docs": sorted({e.doc for e in f.evidence})}
        for f in report.findings
    ]
    want = [{key: item[key] for key in ("rule", "severity", "docs")} for item in raw["expect"]]
    assert got == want
    for finding, item in zip(report.findings, raw["expect"], strict=True):
        if "message" in item:
            assert finding.message == item["message"]
        if "values" in item:  # doc -> the value its evidence shows
            assert {e.doc: e.value for e in finding.evidence} == item["values"]
        assert finding.evidence, "a finding must show the quotes it rests on"
