"""Extraction on arbitrary text: never fails, quotes are exact slices, a clause's own time expression stays
in its quote."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.corpus.models import Document
from timeline.events import extract_mentions, load_catalog
from timeline.temporal import tag
from timeline.yamlsource import LocatedYaml

CATALOG, _ = load_catalog(
    [
        LocatedYaml(
            data={
                "events": {
                    "post": {
                        "title": "Post",
                        "triggers": ["blog post", "publish ... post", {"regex": "re(port)+"}],
                        "participants": {"actor": ["the lab", "it"]},
                        "require": ["actor"],
                    }
                }
            },
            path="catalog.yaml",
        )
    ]
)
PIECES = st.sampled_from(
    [
        "the",
        "lab",
        "it",
        "published",
        "its",
        "blog",
        "post",
        "report",
        "reported",
        "on",
        "Thursday",
        "last",
        "week",
        "one",
        "day",
        "before",
        "in",
        "2026",
        "June",
        "4",
        ",",
        ".",
        ";",
        "—",
        "(",
        ")",
        "which",
        "drawing",
        "said",
        "will",
        "\n",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, max_size=60), st.sampled_from([None, date(2026, 6, 6)]))
def test_mentions_quote_exact_text_and_link_times_inside_their_quote(
    pieces: list[str], published: date | None
) -> None:
    text = " ".join(pieces)
    document = Document(id="d", path="d.txt", text=text, published=published)
    for mention in extract_mentions(document, tag(text, published), CATALOG):
        assert text[mention.start : mention.end] == mention.quote
        assert mention.quote.strip() == mention.quote and mention.quote
        if mention.timex is not None:
            assert text[mention.timex.start : mention.timex.end] == mention.timex.text
            if not mention.time_inherited:  # an inherited date comes from another clause or sentence
                assert mention.start <= mention.timex.start and mention.timex.end <= mention.end
            assert mention.time_link
        assert mention.event_type in (None, "post")
