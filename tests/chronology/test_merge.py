"""The cross-document merge on real analyses: dates, conflicts, anchors, undated articles, determinism."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from timeline.chronology import merge
from timeline.events.catalog import Catalog
from timeline.events.models import DocumentAnalysis

Analyse = Callable[[str, str, date | None, Catalog], DocumentAnalysis]
SATURDAY = date(2026, 6, 6)
DATED_POST = "The lab said in a blog post Thursday that progress is fast."


def test_undated_article_gets_a_window_from_a_shared_event(analyse: Analyse, post_catalog: Catalog) -> None:
    dated = analyse("dated", DATED_POST, SATURDAY, post_catalog)
    undated = analyse("undated", "In a blog post Thursday, the lab warned of risks.", None, post_catalog)
    timeline = merge([dated, undated])
    documents = {document.id: document for document in timeline.documents}
    window = documents["undated"].published_window
    assert window is not None
    # a bare weekday points back at most six days: written from that Thursday to the next Wednesday
    assert (window.earliest, window.latest) == ("2026-06-04", "2026-06-10")
    assert any("dated" in line and '"Thursday"' in line and "2026-06-04" in line for line in window.evidence)
    assert documents["dated"].published_window is None
    (post,) = [event for event in timeline.events if event.id == "post"]
    assert (post.date.earliest, post.date.latest) == ("2026-06-04", "2026-06-04")
    assert {mention.doc: mention.earliest for mention in post.mentions} == {
        "dated": "2026-06-04",
        "undated": "2026-06-04",
    }


def test_no_shared_event_means_no_window(analyse: Analyse, post_catalog: Catalog) -> None:
    dated = analyse("dated", DATED_POST, SATURDAY, post_catalog)
    undated = analyse("undated", "Markets fell on Thursday after weak earnings.", None, post_catalog)
    documents = {document.id: document for document in merge([dated, undated]).documents}
    assert documents["undated"].published_window is None


def test_event_anchored_time_resolves_through_that_event(analyse: Analyse, post_catalog: Catalog) -> None:
    dated = analyse("dated", DATED_POST, SATURDAY, post_catalog)
    text = "Just one day before the lab published its post, Rival published a report on governance."
    anchored = analyse("anchored", text, None, post_catalog)
    events = {event.id: event for event in merge([dated, anchored]).events}
    assert (events["report"].date.earliest, events["report"].date.latest) == ("2026-06-03", "2026-06-03")
    assert events["report"].mentions[0].time_text == "one day"


def test_sources_that_disagree_are_flagged_not_averaged(analyse: Analyse, post_catalog: Catalog) -> None:
    first = analyse("a", "The lab said in a blog post on Thursday.", SATURDAY, post_catalog)
    second = analyse("b", "The lab published its post on Monday.", SATURDAY, post_catalog)
    third = analyse("c", "The blog post appeared on Thursday.", SATURDAY, post_catalog)
    (post,) = merge([first, second, third]).events
    assert post.date_conflict
    assert (post.date.earliest, post.date.latest) == ("2026-06-04", "2026-06-04")


def test_similar_statements_merge_only_when_dates_agree(analyse: Analyse, empty_catalog: Catalog) -> None:
    a = analyse("a", "The city council approved the new budget on Tuesday.", SATURDAY, empty_catalog)
    b = analyse("b", "On Tuesday the city council approved the new budget.", SATURDAY, empty_catalog)
    c = analyse("c", "The city council approved the new budget on Monday.", SATURDAY, empty_catalog)
    events = merge([a, b, c]).events
    assert sorted(sorted(m.doc for m in event.mentions) for event in events) == [["a", "b"], ["c"]]
    assert all(event.type is None for event in events)


def test_merge_does_not_depend_on_input_order(analyse: Analyse, post_catalog: Catalog) -> None:
    texts = {
        "a": (DATED_POST + " Rival's report came Wednesday.", SATURDAY),
        "b": ("In a blog post Thursday, the lab warned of risks. Ferries added crossings on Tuesday.", None),
        "c": ("Rival published a report on Wednesday. The council met on Friday.", SATURDAY),
    }
    analyses = [analyse(doc_id, text, published, post_catalog) for doc_id, (text, published) in texts.items()]
    expected = merge(analyses).model_dump_json()
    for seed in range(3):
        shuffled = list(analyses)
        random.Random(seed).shuffle(shuffled)
        assert merge(shuffled).model_dump_json() == expected


def test_events_are_chronological_and_undated_ones_last(analyse: Analyse, post_catalog: Catalog) -> None:
    text = "Rival published a report on Wednesday. The lab later wrote a blog post about it."
    events = merge([analyse("a", text, SATURDAY, post_catalog)]).events
    assert [event.id for event in events] == ["report", "post"]
    assert events[1].date.earliest is None
