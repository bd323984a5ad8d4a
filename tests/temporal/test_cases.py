"""The tagger on hand-written cases, one YAML file per family of expressions (cases/*.yaml).

Each case gives a text, its DCT and the expressions expected in order; only the fields a case names are
compared, and `expect: []` means nothing may be tagged (the negatives).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from timeline.temporal import Timex, tag
from timeline.yamlsource import load_yaml

CASES = Path(__file__).parent / "cases"


def _plain(value: Any) -> Any:
    """YAML reads 2026-06-06 as a date; the tagger writes ISO strings."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _cases() -> list[Any]:
    found = []
    for path in sorted(CASES.glob("*.yaml")):
        for index, case in enumerate(load_yaml(path.read_text(encoding="utf-8"), str(path)).data):
            found.append(pytest.param(case, id=f"{path.stem}-{index + 1}"))
    return found


def _fields(timex: Timex, expected: dict[str, Any]) -> dict[str, Any]:
    shown = timex.model_dump(mode="json")
    if isinstance(expected.get("anchor"), dict) and shown["anchor"] is not None:
        shown["anchor"] = {key: shown["anchor"][key] for key in expected["anchor"]}
    return {key: shown[key] for key in expected}


@pytest.mark.parametrize("case", _cases())
def test_case(case: dict[str, Any]) -> None:
    dct = case["dct"]
    found = tag(case["text"], dct)
    expected = [_plain(item) for item in case["expect"]]
    assert [t.text for t in found] == [item["text"] for item in expected]
    for timex, wanted in zip(found, expected, strict=True):
        assert _fields(timex, wanted) == wanted
