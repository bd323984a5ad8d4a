"""Rule files that used to crash or stall a run are refused, located, the same by every command.

Each case is a rule file with one bad value; `check` and `build` (and `export`, through the same loader)
must all say where it is, in one line, and exit 2, with the rest of the run done.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from timeline.diagnostics import InputError
from timeline.yamlsource import load_yaml

from .adversary import VOTE_RULES, run, two_articles

CASES = {
    "huge-tolerance": (
        "    tolerance: P99999999999999D\n",
        "vote.yaml:10:16: rules.0.tolerance: 'P99999999999999D' is longer than a rule may use; at most P100Y",
    ),
    "huge-gap": (
        "  - id: vote-gap\n    kind: order\n    event: vote\n    after: vote\n    gap: P9999Y\n",
        "vote.yaml:14:10: rules.1.gap: 'P9999Y' is longer than a rule may use; at most P100Y",
    ),
    "format-spec": (
        '    message: "{event:>1500000000}"\n',
        "vote.yaml:10:14: rules.0.message: placeholder '{event:>1500000000}' must be a plain name",
    ),
    "conversion": ('    message: "{event!r}"\n', "placeholder '{event!r}' must be a plain name"),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("command", ["build", "check", "export"])
def test_a_rule_that_would_crash_is_refused_by_every_command(tmp_path: Path, case: str, command: str) -> None:
    addition, expected = CASES[case]
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "vote.yaml").write_text(VOTE_RULES + addition, encoding="utf-8")
    corpus = two_articles(tmp_path / "corpus")
    code, stdout, stderr = run(command, corpus, "--rules", folder, "--no-cache")
    assert code == 2
    assert expected in stderr, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    assert stdout  # the timeline, the findings or the export are still written


def test_a_huge_rule_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    with (folder / "huge.yaml").open("w", encoding="utf-8") as handle:
        handle.write("rules:\n")
        handle.truncate(100 * 1024 * 1024)  # 100 MB: minutes of YAML parsing if it were read
    code, _, stderr = run("rules", "list", folder)
    assert code == 2
    assert f"{folder / 'huge.yaml'}: is 100 MB, over the limit of 1 MB for a rule file" in stderr


def _at_depth(depth: int, text: str) -> str:
    if depth:
        return _at_depth(depth - 1, text)
    with pytest.raises(InputError) as error:
        load_yaml(text, "rules.yaml")
    return str(error.value)


@pytest.mark.parametrize(
    "text", ["[" * 100_000, "{a: " * 50_000, "".join("  " * n + "b:\n" for n in range(200))]
)
def test_deep_nesting_is_refused_the_same_way_whatever_the_callers_stack(text: str) -> None:
    """The refusal used to come from Python's recursion limit, so where (and whether) it happened
    depended on how deep the caller already was; now a depth limit decides, before recursion matters."""
    room = sys.getrecursionlimit() - 400
    messages = {_at_depth(depth, text) for depth in (0, room // 4, room // 2, room)}
    assert len(messages) == 1
    assert "nested more than 64 levels deep" in messages.pop()
