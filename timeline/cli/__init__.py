"""Thin command-line layer: parses arguments, calls the pipeline stages, formats their results.

Each command lives in its own module and registers itself on `app` when imported below.
"""

from __future__ import annotations

import sys
from importlib import import_module
from pathlib import Path

from timeline.cli.app import app

COMMANDS = ("build", "check", "corpus", "export", "rules", "suggest", "schema", "tag")


def _only_tag() -> bool:
    """Whether this process is the `timeline` program running `timeline tag`: that command needs only the
    tagger, and registering the others would import the whole pipeline (half a second of start-up)."""
    return Path(sys.argv[0]).name == "timeline" and sys.argv[1:2] == ["tag"]


for _command in ("tag",) if _only_tag() else COMMANDS:
    import_module(f"timeline.cli.{_command}")  # registers `timeline <command>`


def main() -> None:
    app()


__all__ = ["app", "main"]
