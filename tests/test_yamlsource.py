"""Located YAML: every value keeps its line and column, and dangerous or ambiguous YAML is refused."""

from __future__ import annotations

import pytest

from timeline.diagnostics import InputError
from timeline.yamlsource import load_yaml


def test_values_and_keys_keep_their_line_and_column() -> None:
    located = load_yaml("rules:\n  - id: a\n    severity: error\n", "r.yaml", line_offset=10)
    assert located.data == {"rules": [{"id": "a", "severity": "error"}]}
    assert located.where(("rules", 0, "severity")) == (13, 15)
    assert located.where(("rules", 0, "severity"), key=True) == (13, 5)
    assert str(located.problem(("rules", 0, "nope"), "bad")) == "r.yaml:12:5: bad"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("published: 2026-02-30\n", "r.yaml:1:12: cannot read value '2026-02-30'"),
        ("a: &x [1, 2]\nb: *x\n", "YAML aliases (*name) are not supported"),
        ("a: 1\na: 2\n", "r.yaml:2:1: duplicate key 'a'"),
        ("a: [1,\n", "r.yaml:2:1: invalid YAML"),
        ("base: &b {x: 1}\nc:\n  <<: *b\n", "merge keys"),
        ("[" * 20000, "r.yaml:1:65: invalid YAML: nested more than 64 levels deep"),
    ],
    ids=["impossible-date", "alias", "duplicate-key", "syntax", "merge-key", "deep-nesting"],
)
def test_bad_yaml_is_one_located_problem(text: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml(text, "r.yaml")
    assert expected in str(caught.value)


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    with pytest.raises(InputError, match="aliases"):
        load_yaml("\n".join(lines), "bomb.yaml")


def test_empty_document_is_none() -> None:
    assert load_yaml("", "e.yaml").data is None
