"""builtin/undated-article: no publication date and no window to infer one, so relative dates float."""

from __future__ import annotations

from timeline.check.models import Evidence, Finding, Severity
from timeline.check.rulebase import CheckContext

ID = "builtin/undated-article"
SEVERITY: Severity = "info"
DESCRIPTION = "An article with no publication date and no inferable publication window."


def check(context: CheckContext, severity: Severity) -> list[Finding]:
    return [
        Finding(
            rule=ID,
            severity=severity,
            message=f"{document.id} has no publication date and none could be inferred: its relative "
            "dates ('Thursday', 'this week') cannot be placed; add one to the corpus manifest",
            evidence=[
                Evidence(doc=document.id, path=document.path, line=1, column=1, quote="", value="undated")
            ],
        )
        for document in context.timeline.documents
        if not document.published and document.published_window is None
    ]
