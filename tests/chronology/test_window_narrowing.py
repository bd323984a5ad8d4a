"""An undated article's DCT-dependent dates are narrowed by its inferred publication window."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from timeline.cli import app

CATALOG = """\
events:
  launch:
    title: The agency launches the probe
    triggers: [launch]
  review:
    title: The review concludes
    triggers: [review]
"""


def test_later_in_year_of_an_undated_article_starts_at_its_window(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "dated.md").write_text(
        "---\npublished: 2025-03-15\n---\nThe agency said it launched the probe on Tuesday.\n",
        encoding="utf-8",
    )
    (corpus / "undated.txt").write_text(
        "The agency launched the probe on Tuesday. The review will conclude later in 2025.\n",
        encoding="utf-8",
    )
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "events.yaml").write_text(CATALOG, encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(corpus), "--rules", str(rules), "--no-cache"])
    assert result.exit_code == 0, result.output
    timeline = json.loads(result.stdout)
    window = next(d for d in timeline["documents"] if d["id"] == "undated")["published_window"]
    assert window is not None and window["earliest"] == "2025-03-11"
    review = next(event for event in timeline["events"] if event["type"] == "review")
    # Without a DCT "later in 2025" is all of 2025; written no earlier than 2025-03-11, it starts there.
    assert (review["date"]["earliest"], review["date"]["latest"]) == ("2025-03-11", "2025-12-31")
