"""Rule files: the `rules/*.yaml` folder that holds the event catalog (`events:`) and checks (`rules:`).

Both the events stage and the check stage read the same files, so they are loaded (and their top level
validated) once here and handed to each stage as LocatedYaml, which keeps every key's file:line:column.
"""

from __future__ import annotations

from pathlib import Path

from timeline.corpus.files import read_regular, shown
from timeline.diagnostics import InputError, InputProblem
from timeline.yamlsource import LocatedYaml, load_yaml

RULE_FILE_SECTIONS = ("events", "rules")
RULE_FILE_SUFFIXES = (".yaml", ".yml")
# Rule files are written by hand: a few kilobytes each. A larger one is refused at once rather than
# parsed for minutes (YAML is read at about 100 KB a second).
RULE_FILE_MAX_BYTES = 1024 * 1024


def load_rule_files(rules_dir: Path | None) -> tuple[list[LocatedYaml], list[InputProblem]]:
    """Read every `*.yaml`/`*.yml` in `rules_dir` (sorted by name), or the one file it names.

    `None` means "no rules". A folder that was named but does not exist is a problem: callers pass
    `None` when the default `./rules` is absent, so only a folder the user asked for is reported.
    """
    if rules_dir is None:
        return [], []
    if rules_dir.is_file():
        paths = [rules_dir]
    elif rules_dir.is_dir():
        paths = sorted(p for p in rules_dir.iterdir() if p.suffix in RULE_FILE_SUFFIXES and p.is_file())
    else:
        return [], [InputProblem(path=str(rules_dir), message="rules folder not found; check --rules")]
    files: list[LocatedYaml] = []
    problems: list[InputProblem] = []
    for path in paths:
        try:
            raw = read_regular(
                str(path), shown(path), RULE_FILE_MAX_BYTES, "for a rule file; split it in several"
            )
            text = raw.decode("utf-8")
        except InputError as exc:
            problems.append(exc.problem)
            continue
        except UnicodeDecodeError as exc:
            problems.append(InputProblem(path=shown(path), message=f"cannot read rule file: {exc}"))
            continue
        try:
            located = load_yaml(text, str(path))
        except InputError as exc:
            problems.append(exc.problem)
            continue
        file_problems = _top_level_problems(located)
        problems.extend(file_problems)
        if not file_problems and located.data is not None:
            files.append(located)
    return files, problems


def _top_level_problems(located: LocatedYaml) -> list[InputProblem]:
    if located.data is None:  # an empty file holds nothing, which is fine
        return []
    if not isinstance(located.data, dict):
        return [located.problem((), "a rule file must be a mapping with 'events:' and/or 'rules:'")]
    allowed = ", ".join(RULE_FILE_SECTIONS)
    return [
        located.problem((key,), f"unknown top-level key '{key}'; allowed: {allowed}", key=True)
        for key in located.data
        if key not in RULE_FILE_SECTIONS
    ]
