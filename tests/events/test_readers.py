"""The shared readers (quantities and open values), one YAML file per family in tests/events/reader_cases/:
`cases:` (a text and the values read from it, only the keys given compared) and `pairs:` (two texts whose
first values are compared: `compatible` for quantities, `same` for role values)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from timeline.events.quantities import Tolerance, compatible, read_quantities
from timeline.events.roles import read_role_values, same_value

CASE_FILES = sorted((Path(__file__).parent / "reader_cases").glob("*.yaml"))


def _items(key: str) -> list[Any]:
    items = []
    for path in CASE_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for index, item in enumerate(data.get(key, [])):
            items.append(pytest.param(path.stem.split("-")[0], item, id=f"{path.stem}-{index}"))
    return items


def _read(reader: str, text: str, offset: int = 0) -> list[Any]:
    return read_quantities(text, offset) if reader == "quantities" else read_role_values(text, offset)


@pytest.mark.parametrize(("reader", "case"), _items("cases"))
def test_reader_case(reader: str, case: dict[str, Any]) -> None:
    text = case["text"]
    found = _read(reader, text)
    got = [
        {key: getattr(value, key) for key in want} for value, want in zip(found, case["expect"], strict=False)
    ]
    assert len(found) == len(case["expect"]), [value.text for value in found]
    for value, want, have in zip(found, case["expect"], got, strict=True):
        assert text[value.start : value.end] == value.text
        for key, expected in want.items():
            if isinstance(expected, float | int) and not isinstance(expected, bool):
                assert have[key] == pytest.approx(expected), (value.text, key)
            else:
                assert have[key] == expected, (value.text, key)
    # offsets are document offsets: the same text further into a document moves by the offset
    assert [(v.start + 100, v.end + 100) for v in found] == [
        (v.start, v.end) for v in _read(reader, text, 100)
    ]


@pytest.mark.parametrize(("reader", "pair"), _items("pairs"))
def test_reader_pair(reader: str, pair: dict[str, Any]) -> None:
    first, second = _read(reader, pair["a"])[0], _read(reader, pair["b"])[0]
    if reader == "quantities":
        tolerance = Tolerance(**pair.get("tolerance", {}))
        assert compatible(first, second, tolerance) is pair["compatible"]
        assert compatible(second, first, tolerance) is pair["compatible"]
    else:
        assert same_value(first, second) is pair["same"]
        assert same_value(second, first) is pair["same"]
