"""Any rule file is loaded or refused with located problems: no exception escapes, no alias expands."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from timeline.diagnostics import InputError
from timeline.events import load_catalog, load_rule_files
from timeline.yamlsource import load_yaml

from .shared import BILLION_LAUGHS, BOUNDED

KEYS = st.sampled_from(
    ["events", "rules", "title", "triggers", "participants", "require", "key", "attributes", "regex", "x"]
)
LEAVES = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["(a+)+$", "(worm", "\\1", "...", "a ... b", "[[:alpha:]]", "", " "]),
    st.integers(),
    st.none(),
    st.booleans(),
)
TREES = st.recursive(
    LEAVES,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=4)),
    max_leaves=30,
)
YAML_TEXT = st.one_of(
    st.text(max_size=300),
    TREES.map(lambda tree: yaml.safe_dump({"events": tree}, allow_unicode=True)),
    st.dictionaries(st.text(max_size=8), TREES, max_size=3).map(lambda tree: yaml.safe_dump(tree)),
)


@BOUNDED
@given(text=YAML_TEXT)
def test_any_yaml_text_is_loaded_or_refused_with_a_location(text: str) -> None:
    try:
        load_yaml(text, "rules.yaml")
    except InputError as error:
        assert error.problem.path == "rules.yaml" and error.problem.message


@BOUNDED
@given(text=YAML_TEXT)
def test_any_rule_file_gives_a_catalog_or_problems(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "rules.yaml").write_text(text, encoding="utf-8")
        files, problems = load_rule_files(Path(folder))
        catalog, catalog_problems = load_catalog(files)
        for problem in problems + catalog_problems:
            assert problem.path.endswith("rules.yaml") and problem.message
        assert isinstance(catalog.fingerprint, str)


@pytest.mark.parametrize(
    "text",
    [BILLION_LAUGHS, "a: &anchor {b: 1}\nc: *anchor\n", "[" * 100_000, "{a: " * 50_000],
    ids=["billion-laughs", "single-alias", "deep-flow-list", "deep-flow-map"],
)
def test_yaml_bombs_are_refused_with_a_clear_problem(text: str) -> None:
    with pytest.raises(InputError) as error:
        load_yaml(text, "rules.yaml")
    assert error.value.problem.path == "rules.yaml"
    assert error.value.problem.message
