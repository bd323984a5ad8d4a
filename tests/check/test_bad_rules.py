"""Bad rule files: each problem names file:line:column and the key, with a suggestion for typos.

One file per case in tests/check/bad_rules/; its first line says `# expect: LINE:COLUMN message`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.check import load_rules
from timeline.cli import app
from timeline.events import load_catalog, load_rule_files

CASES = sorted((Path(__file__).parent / "bad_rules").glob("*.yaml"))


def _expectation(case: Path) -> tuple[str, str]:
    first = case.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# expect: (\d+:\d+) (.+)", first)
    assert match, f"{case.name}: first line must be '# expect: LINE:COLUMN message'"
    return match.group(1), match.group(2)


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_bad_rule_file_is_located(case: Path) -> None:
    where, message = _expectation(case)
    files, problems = load_rule_files(case)
    catalog, catalog_problems = load_catalog(files)
    _, rule_problems = load_rules(files, catalog)
    reported = [str(problem) for problem in [*problems, *catalog_problems, *rule_problems]]
    assert any(line.startswith(f"{case}:{where}: ") and message in line for line in reported), reported


def test_bad_rules_exit_2_with_one_line_each(tmp_path: Path) -> None:
    case = Path(__file__).parent / "bad_rules" / "unknown-key.yaml"
    (tmp_path / "a.txt").write_text("An order was signed on June 1, 2026.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--rules", str(case), "--no-cache", "-j", "1"])
    assert result.exit_code == 2
    assert (
        f"{case}:10:5: rules.0.atribute: unknown key 'atribute'; did you mean 'attribute'?" in result.stderr
    )
    assert "Traceback" not in result.output + result.stderr
