"""The rule-kind reference is generated from the kinds' code: the committed page and README table are
current, every option and placeholder is described, every example is a valid rule, and `timeline rules
docs` prints it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import TypeAdapter
from typer.testing import CliRunner

from timeline.check.kinddocs import (
    KindDoc,
    kind_docs,
    render_readme_table,
    render_reference,
    with_readme_table,
)
from timeline.check.rules import Rule
from timeline.cli import app

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = "out of date: run `python -m timeline.check.kinddocs` from the repository root"


def test_the_reference_page_and_readme_table_are_current() -> None:
    assert (ROOT / "docs" / "rule-kinds.md").read_text(encoding="utf-8") == render_reference(), REGENERATE
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert render_readme_table() in readme, REGENERATE
    assert with_readme_table(readme) == readme


@pytest.mark.parametrize("doc", kind_docs(), ids=lambda doc: doc.name)
def test_each_kind_is_documented_with_a_valid_example(doc: KindDoc) -> None:
    assert doc.summary and doc.placeholders
    assert all(meaning for _, _, _, meaning in doc.options), doc.options
    assert all(doc.placeholders.values())
    examples = yaml.safe_load(doc.example)
    assert examples, "the docstring needs an example"
    for example in examples:
        rule = TypeAdapter(Rule).validate_python(example)
        assert rule.kind_name == doc.name


def test_rules_docs_prints_the_reference(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["rules", "docs"])
    assert result.exit_code == 0
    assert result.stdout == render_reference()
    assert "## `numeric`" in result.stdout and "`{told_by}`" in result.stdout
    written = tmp_path / "kinds.md"
    assert CliRunner().invoke(app, ["rules", "docs", "-o", str(written)]).exit_code == 0
    assert written.read_text(encoding="utf-8") == render_reference()
