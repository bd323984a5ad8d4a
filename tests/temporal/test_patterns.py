"""Every rule's `examples:` (resources/patterns/<family>.yaml) are matched whole by that rule, before any
other: a pattern edit that breaks an example, or a rule placed after one that shadows it, fails here."""

from __future__ import annotations

from typing import Any

import pytest

from timeline.temporal.lexicon import lexicon, patterns
from timeline.temporal.registry import FAMILIES, NORMALISERS, RULE_ORDER
from timeline.temporal.tagger import tag  # importing the tagger registers the families


def _examples() -> list[Any]:
    return [
        pytest.param(entry["rule"], example, id=f"{entry['rule']}:{example}")
        for entry in patterns()
        for example in entry["examples"]
    ]


@pytest.mark.parametrize(("rule", "example"), _examples())
def test_example_is_matched_whole_by_its_rule(rule: str, example: str) -> None:
    lex = lexicon()
    found = lex.scanner.match(example.lower())
    assert found is not None, f"{rule} does not match {example!r}"
    assert found.end() == len(example), f"{rule} matches only {example[: found.end()]!r} of {example!r}"
    assert lex.rule_by_group[found.lastgroup or ""].name == rule


def test_every_rule_has_a_normaliser_and_a_family_file() -> None:
    assert tag("", None) == []
    assert set(NORMALISERS) == {rule for rule, _family in RULE_ORDER}
    assert len(FAMILIES) == len(set(FAMILIES))
    assert [entry["rule"] for entry in patterns()] == [rule for rule, _family in RULE_ORDER]
