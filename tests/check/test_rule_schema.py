"""The JSON Schema editors use for rule files accepts the real rule files and rejects typos."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from timeline.check import rule_file_json_schema

ROOT = Path(__file__).resolve().parents[2]
RULE_FILES = [
    *sorted((ROOT / "rules").glob("*.yaml")),
    *sorted((Path(__file__).parent / "stories").glob("*/rules/*.yaml")),
]


def _as_json(path: Path) -> object:
    # YAML reads 2026-06-06 as a date; editors validate the JSON view, where it is a string.
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


@pytest.mark.parametrize("path", RULE_FILES, ids=[str(path.relative_to(ROOT)) for path in RULE_FILES])
def test_schema_accepts_the_rule_files(path: Path) -> None:
    jsonschema.Draft202012Validator(rule_file_json_schema()).validate(_as_json(path))


def test_schema_rejects_an_unknown_key() -> None:
    data = {
        "rules": [
            {"id": "x", "kind": "agree", "event": "e", "attribute": "a", "severity": "warning", "sevrity": 1}
        ]
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(rule_file_json_schema()).validate(data)


@pytest.mark.parametrize(
    "events",
    [
        {"summit": {"title": "Leaders meet", "trigers": ["meet"]}},  # a typo'd key
        {"summit": {"title": "Leaders meet", "triggers": "meet"}},  # a string where a list belongs
        {"Summit Day": {"title": "Leaders meet", "triggers": ["meet"]}},  # not an event id
    ],
)
def test_schema_checks_the_event_catalog(events: dict[str, object]) -> None:
    validator = jsonschema.Draft202012Validator(rule_file_json_schema())
    validator.validate({"events": {"summit": {"title": "Leaders meet", "triggers": ["meet"]}}})
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"events": events})
