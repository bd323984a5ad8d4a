"""JSON files a user hands back to timeline (a baseline, a timeline for `export --from`): read, or one
located problem saying what to do."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from timeline.diagnostics import InputProblem


def read_json(path: Path, missing: str) -> tuple[Any, InputProblem | None]:
    """The parsed file, or why it cannot be read (`missing`: what to say when there is no such file)."""
    try:
        return json.loads(path.read_text(encoding="utf-8")), None
    except FileNotFoundError:
        return None, InputProblem(path=str(path), message=missing)
    except (OSError, UnicodeDecodeError) as exc:
        return None, InputProblem(path=str(path), message=f"cannot read: {exc}")
    except json.JSONDecodeError as exc:
        return None, InputProblem(
            path=str(path), line=exc.lineno, column=exc.colno, message=f"invalid JSON: {exc.msg}"
        )
