"""`timeline schema`: the published JSON Schemas of what timeline writes and reads."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

import typer

from timeline.check import rule_file_json_schema
from timeline.check.models import Report
from timeline.chronology.models import Timeline
from timeline.cli.app import app

DRAFT = "https://json-schema.org/draft/2020-12/schema"


class SchemaName(StrEnum):
    timeline = "timeline"
    findings = "findings"
    rules = "rules"


def json_schema(name: SchemaName) -> dict[str, Any]:
    if name is SchemaName.timeline:
        schema = Timeline.model_json_schema()
    elif name is SchemaName.findings:
        schema = Report.model_json_schema()
    else:
        schema = rule_file_json_schema()
    return {"$schema": DRAFT, **schema}


@app.command("schema")
def schema_command(
    name: SchemaName = typer.Argument(
        SchemaName.timeline,
        help="timeline (`timeline build` output), findings (`timeline check --format json`) or rules.",
    ),
) -> None:
    """Print a JSON Schema: of the timeline JSON, of the check findings, or of the rule files.

    Example: timeline schema > timeline.schema.json
    """
    typer.echo(json.dumps(json_schema(name), indent=2, sort_keys=True))
