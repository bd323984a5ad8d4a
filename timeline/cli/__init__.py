"""Thin command-line layer: parses arguments, calls the pipeline stages, formats their results.

Each command lives in its own module and registers itself on `app` when imported below.
"""

from __future__ import annotations

from timeline.cli import build as _build  # noqa: F401  (registers `timeline build`)
from timeline.cli import check as _check  # noqa: F401  (registers `timeline check`)
from timeline.cli import corpus as _corpus  # noqa: F401  (registers `timeline corpus`)
from timeline.cli import export as _export  # noqa: F401  (registers `timeline export`)
from timeline.cli import rules as _rules  # noqa: F401  (registers `timeline rules list|test`)
from timeline.cli import schema as _schema  # noqa: F401  (registers `timeline schema`)
from timeline.cli import tag as _tag  # noqa: F401  (registers `timeline tag`)
from timeline.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
