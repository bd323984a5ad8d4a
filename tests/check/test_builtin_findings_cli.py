"""Built-in findings as a fact-checker reads them, through the real CLI with no rules: the words each side
claims are visible in the text report, and a finding keeps its fingerprint when the articles change
elsewhere (a baseline accepts it once).

The story is invented: two outlets describe one bank's audit unit in opposed words, late in a long clause.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from timeline.cli import app

SENTENCE = (
    "On Tuesday Harbor Bank, the largest lender in the northern counties with branches in every town along"
    " the river valley, asked its {word} audit unit to examine every loan."
)


def write_story(folder: Path) -> Path:
    folder.mkdir()
    for name, word, outlet in (
        ("courier", "internal", "The Courier"),
        ("ledger", "independent", "The Ledger"),
    ):
        text = f"---\npublished: 2026-03-05\nsource: {outlet}\n---\n{SENTENCE.format(word=word)}\n"
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return folder


def check(corpus: Path, rules: Path, *flags: str) -> str:
    args = ["check", str(corpus), "--rules", str(rules), "--no-cache", "--jobs", "1", *flags]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    return result.output


def descriptions(output: str) -> list[dict[str, Any]]:
    findings: list[dict[str, Any]] = json.loads(output)["findings"]
    return [finding for finding in findings if finding["rule"] == "builtin/contrasting-descriptions"]


def test_the_text_report_shows_the_claimed_words_of_a_long_quote(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    output = check(write_story(tmp_path / "corpus"), rules)
    assert "builtin/contrasting-descriptions" in output
    # the quotes are longer than the table's column: cut around what each side claims, not after it
    assert "…" in output and "asked its internal audit unit" in output
    assert "asked its independent audit unit" in output


def test_a_description_finding_keeps_its_fingerprint_when_an_article_changes_elsewhere(
    tmp_path: Path,
) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    corpus = write_story(tmp_path / "corpus")
    (before,) = descriptions(check(corpus, rules, "--format", "json"))
    assert before["fingerprint"] and before["event"] is None
    assert {item["value"] for item in before["evidence"]} == {"internal audit unit", "independent audit unit"}
    ledger = corpus / "ledger.md"
    text = ledger.read_text(encoding="utf-8").replace("---\nOn", "---\nThe weather was mild.\n\nOn")
    ledger.write_text(text, encoding="utf-8")
    (after,) = descriptions(check(corpus, rules, "--format", "json"))
    assert after["fingerprint"] == before["fingerprint"]
    assert [item["line"] for item in after["evidence"]] != [item["line"] for item in before["evidence"]]
