"""Project configuration: `timeline.toml`, or `[tool.timeline]` in `pyproject.toml`.

Found by walking up from the working folder, so `timeline check` in CI reads the repository's
settings without flags. Paths in the file are relative to the file's folder.

    # timeline.toml                      # or, in pyproject.toml: [tool.timeline]
    corpus = "articles"
    rules = "rules"
    fail-on = "warning"
    [severity]                           # [tool.timeline.severity]
    "sources-min-2" = "off"
    "blacklist-timing" = "warning"
"""

from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from timeline.diagnostics import InputProblem

SeverityOverride = Literal["off", "error", "warning", "info"]


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    corpus: Path | None = None
    rules: Path | None = None
    fail_on: Literal["error", "warning", "info"] = Field("error", alias="fail-on")
    severity: dict[str, SeverityOverride] = Field(default_factory=dict)
    source: Path | None = Field(None, exclude=True)  # the file these settings came from


def find_config_file(start: Path) -> tuple[Path, bool] | None:
    """The nearest `timeline.toml`, or `pyproject.toml` with a [tool.timeline] table, at or above `start`."""
    for folder in [start.resolve(), *start.resolve().parents]:
        candidate = folder / "timeline.toml"
        if candidate.is_file():
            return candidate, False
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.timeline" in pyproject.read_text(
            encoding="utf-8", errors="replace"
        ):
            return pyproject, True
    return None


def load_config(start: Path | None = None, path: Path | None = None) -> tuple[Config, list[InputProblem]]:
    """Read the configuration (an explicit `path`, else the nearest file); defaults when there is none."""
    if path is not None:
        found: tuple[Path, bool] | None = (path, path.name == "pyproject.toml")
        if not path.is_file():
            return Config(), [InputProblem(path=str(path), message="config file not found")]
    else:
        found = find_config_file(start or Path.cwd())
    if found is None:
        return Config(), []
    config_path, in_pyproject = found
    try:
        data: Any = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return Config(), [InputProblem(path=str(config_path), message=f"invalid TOML: {exc}")]
    if in_pyproject:
        data = data.get("tool", {}).get("timeline", {})
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        text = config_path.read_text(encoding="utf-8")
        return Config(), [_problem(config_path, text, error, in_pyproject) for error in exc.errors()]
    base = config_path.parent
    config.corpus = base / config.corpus if config.corpus else None
    config.rules = base / config.rules if config.rules else None
    config.source = config_path
    return config, []


def _key_line(text: str, key: str) -> int | None:
    """TOML parsers give no positions: find the line that sets `key` (bare or quoted)."""
    pattern = re.compile(rf"""^\s*["']?{re.escape(key)}["']?\s*=""")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return None


def _problem(config_path: Path, text: str, error: Any, in_pyproject: bool) -> InputProblem:
    key = ".".join(str(part) for part in error["loc"])
    prefix = "tool.timeline." if in_pyproject else ""
    line = _key_line(text, str(error["loc"][-1])) if error["loc"] else None
    if error["type"] == "extra_forbidden":
        known = ["corpus", "rules", "fail-on", "severity"]
        hint = difflib.get_close_matches(key, known, n=1)
        suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; known keys: {', '.join(known)}"
        return InputProblem(
            path=str(config_path), line=line, message=f"unknown key '{prefix}{key}'{suggestion}"
        )
    return InputProblem(path=str(config_path), line=line, message=f"'{prefix}{key}': {error['msg']}")
