"""Event mentions: one YAML case per behaviour (text, publication date, catalog, expected mentions),
run through the real tagger and extractor."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from timeline.corpus.models import Document, OffsetMap
from timeline.corpus.sentences import split_sentences
from timeline.events import extract_mentions, load_catalog
from timeline.events.models import Mention
from timeline.temporal import tag
from timeline.yamlsource import LocatedYaml

CASES = sorted((Path(__file__).parent / "extract_cases").glob("*.yaml"))


def _mentions(case: dict[str, Any], path: Path) -> list[Mention]:
    catalog, problems = load_catalog([LocatedYaml(data={"events": case["catalog"]}, path=str(path))])
    assert problems == []
    published = case["published"]
    published_date = date.fromisoformat(str(published)) if published else None
    text = case["text"]
    document = Document(
        id="doc", path=str(path), text=text, published=published_date, sentences=split_sentences(text)
    )
    return extract_mentions(document, tag(text, published_date), catalog)


@pytest.mark.parametrize("case_path", CASES, ids=[case.stem for case in CASES])
def test_mentions_and_their_time_links(case_path: Path) -> None:
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    mentions = _mentions(case, case_path)
    found = sorted(([m.event_type, m.time_text] for m in mentions), key=repr)
    assert found == sorted(case["expect"], key=repr)
    for mention in mentions:
        assert case["text"][mention.start : mention.end] == mention.quote
        if mention.timex is not None:
            assert mention.time_link
        if mention.time_link is None:  # nothing dates it
            assert mention.earliest is None and mention.latest is None and not mention.time_inherited
    if "anchor_events" in case:
        anchors = {m.event_type: m.anchor_event for m in mentions if m.anchor_event}
        assert anchors == case["anchor_events"]
    if "terms" in case:
        assert sorted(m.terms for m in mentions) == sorted(case["terms"])
    if "titles" in case:
        assert [m.title for m in mentions] == case["titles"]
    if "attribute_values" in case:
        assert {m.event_type: m.attribute_values for m in mentions} == case["attribute_values"]
    if "tenses" in case:
        assert [[m.event_type, m.time_text, m.tense] for m in mentions] == case["tenses"]
    if "statements" in case:
        _check_statements([m for m in mentions if m.event_type is None], case["statements"])


def _check_statements(statements: list[Mention], expected: list[dict[str, Any]]) -> None:
    """Every open statement, in text order, with the fields the case names (others are not compared)."""
    assert len(statements) == len(expected), [m.title for m in statements]
    for mention, fields in zip(statements, expected, strict=True):
        for name, value in fields.items():
            found = getattr(mention, name)
            if name in ("quantities", "roles"):  # the words each one quotes
                found = [item.text for item in found]
            assert found == value, f"{mention.title!r}: {name}"


def test_mentions_are_located_in_the_original_file() -> None:
    text = "Headline\n\nThe council met on Tuesday and approved the budget.\n"
    line_starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
    document = Document(
        id="d",
        path="d.txt",
        text=text,
        published=date(2026, 6, 6),
        offsets=OffsetMap(line_starts=line_starts),
    )
    met, approved = extract_mentions(document, tag(text, document.published), load_catalog([])[0])
    assert (met.line, met.column) == (3, 1)
    assert met.earliest == met.latest == "2026-06-02"
    # the second verb is a statement of its own, quoted from its own words, dated by the first's Tuesday
    assert (approved.quote, approved.line, approved.column) == ("and approved the budget", 3, 28)
    assert approved.earliest == approved.latest == "2026-06-02"
