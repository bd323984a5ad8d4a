"""The merge streams (mentions spooled to disk, compact state in memory): its timeline must be exactly the
one the whole analyses give, whether they come as full objects in a list, shuffled, or through the
pipeline's slimmed JSON round trip, on the seed corpus and every story (undated articles included)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from timeline.chronology import merge
from timeline.corpus import SourceItem, iter_sources
from timeline.events import load_catalog, load_rule_files
from timeline.events.models import DocumentAnalysis
from timeline.pipeline import RunOptions, analyse_source, build

STORIES = sorted((Path(__file__).parent.parent / "stories").glob("*/story.yaml"))


def _inputs(story: Path) -> tuple[Path, Path]:
    spec = yaml.safe_load(story.read_text(encoding="utf-8"))
    return (story.parent / spec["articles"]).resolve(), (story.parent / spec["rules"]).resolve()


@pytest.mark.parametrize("story", STORIES, ids=[story.parent.name for story in STORIES])
def test_streamed_merge_equals_the_merge_of_whole_analyses(story: Path) -> None:
    articles, rules = _inputs(story)
    rule_files, problems = load_rule_files(rules)
    catalog, catalog_problems = load_catalog(rule_files)
    assert problems == catalog_problems == []
    analyses: list[DocumentAnalysis] = [
        analyse_source(item, catalog) for item in iter_sources([articles]) if isinstance(item, SourceItem)
    ]
    expected = merge(analyses).model_dump_json(indent=2)
    # the stories have undated articles: their windows come from re-tagging spooled mentions' quotes
    assert '"published_window": {' in expected
    shuffled = list(analyses)
    random.Random(7).shuffle(shuffled)
    assert merge(iter(shuffled)).model_dump_json(indent=2) == expected  # a one-pass generator
    built = build([articles], rules, RunOptions(jobs=1))
    assert built.problems == []
    assert built.timeline.model_dump_json(indent=2) == expected


def test_merged_mentions_keep_every_field() -> None:
    """What is read back from the spool is the mention as extracted, only narrowed in time by the merge."""
    articles, rules = _inputs(STORIES[0])
    rule_files, _ = load_rule_files(rules)
    catalog, _ = load_catalog(rule_files)
    analyses = [
        analyse_source(item, catalog) for item in iter_sources([articles]) if isinstance(item, SourceItem)
    ]
    given = {
        _undated(mention.model_dump()): mention for analysis in analyses for mention in analysis.mentions
    }
    merged = [mention for event in merge(analyses).events for mention in event.mentions]
    assert merged
    for mention in merged:
        original = given[_undated(mention.model_dump())]
        if original.earliest is not None and original.latest is not None:
            # the merge may only narrow a mention's own days (an undated article's window), never move them
            assert mention.earliest is not None and mention.latest is not None
            assert original.earliest <= mention.earliest <= mention.latest <= original.latest
    catalog_mentions = [mention for mention in given.values() if mention.event_type is not None]
    assert len(catalog_mentions) == len([mention for mention in merged if mention.event_type is not None])


def _undated(fields: dict[str, Any]) -> str:
    """A mention's every field but its days, as a key."""
    return json.dumps({name: value for name, value in fields.items() if name not in ("earliest", "latest")})
