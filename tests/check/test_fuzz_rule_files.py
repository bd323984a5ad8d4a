"""Whatever a rule file holds, loading it gives rules or located problems, never an exception."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.check import load_rules
from timeline.diagnostics import InputError
from timeline.events import load_catalog
from timeline.yamlsource import load_yaml

CATALOG = """
events:
  order:
    title: The order
    triggers: [order]
    attributes: {terms: {voluntary: [voluntarily], mandatory: [requiring]}}
"""
KEYS = st.sampled_from(
    [
        "id",
        "kind",
        "event",
        "attribute",
        "severity",
        "message",
        "values",
        "before",
        "after",
        "gap",
        "tolerance",
        "match",
        "relative-to",
        "scope",
        "min",
        "tests",
        "docs",
        "expect",
        "dct",
        "text",
        "x",
    ]
)
SCALARS = st.one_of(
    st.sampled_from(
        [
            "agree",
            "date-agree",
            "order",
            "within",
            "exclusive",
            "sources",
            "order",
            "terms",
            "error",
            "P1D",
            "publication",
            "{event}",
            "{nope}",
            "2026-01-01",
            "voluntary",
        ]
    ),
    st.integers(-3, 3),
    st.booleans(),
    st.none(),
    st.text(max_size=8),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(rules=st.lists(st.dictionaries(KEYS, VALUES, max_size=7), max_size=3) | VALUES)
def test_any_rules_section_loads_or_is_reported_with_a_location(rules: object) -> None:
    text = CATALOG + yaml.safe_dump({"rules": rules}, allow_unicode=True)
    try:
        located = load_yaml(text, "fuzz.yaml")
    except InputError:
        return  # not YAML we can read: the loader's own, located, error
    catalog, _ = load_catalog([located])
    loaded, problems = load_rules([located], catalog)
    for problem in problems:
        assert problem.path == "fuzz.yaml" and problem.line is not None and problem.message
    assert len({rule.id for rule in loaded}) == len(loaded)
