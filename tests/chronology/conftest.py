"""Real per-document analyses (real tagger, real extractor) for the chronology tests, as fixtures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from timeline.corpus.models import Document, OffsetMap
from timeline.events import extract_mentions, load_catalog
from timeline.events.catalog import Catalog
from timeline.events.models import DocumentAnalysis
from timeline.temporal import tag
from timeline.yamlsource import LocatedYaml

Analyse = Callable[[str, str, date | None, Catalog], DocumentAnalysis]


def make_catalog(events: dict[str, Any]) -> Catalog:
    loaded, problems = load_catalog([LocatedYaml(data={"events": events}, path="catalog.yaml")])
    assert problems == []
    return loaded


def _analyse(doc_id: str, text: str, published: date | None, events: Catalog) -> DocumentAnalysis:
    line_starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
    document = Document(
        id=doc_id,
        path=f"{doc_id}.txt",
        text=text,
        published=published,
        offsets=OffsetMap(line_starts=line_starts),
    )
    timexes = tag(text, published)
    return DocumentAnalysis(
        document=document, timexes=timexes, mentions=extract_mentions(document, timexes, events)
    )


@pytest.fixture
def analyse() -> Analyse:
    return _analyse


@pytest.fixture
def empty_catalog() -> Catalog:
    return make_catalog({})


@pytest.fixture
def post_catalog() -> Catalog:
    return make_catalog(
        {
            "post": {"title": "The lab publishes its post", "triggers": ["blog post", "publish ... post"]},
            "report": {
                "title": "The rival's report",
                "triggers": ["report"],
                "participants": {"actor": ["Rival"]},
                "require": ["actor"],
            },
        }
    )
