"""Whatever a scraper saved, the corpus reader and the per-document analysis report it or read it.

Only InputError (a located, one-line problem) may come out of reading and analysing a document.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.corpus import iter_sources, read_document
from timeline.diagnostics import InputError, InputProblem
from timeline.events import Catalog, load_catalog, load_rule_files
from timeline.pipeline import analyse_source

from .shared import BOUNDED

ROOT = Path(__file__).resolve().parents[2]
CATALOG: Catalog = load_catalog(load_rule_files(ROOT / "rules")[0])[0]

WORDS = st.sampled_from(
    ["June", "4,", "2026", "Monday", "last", "week", "the", "announced", "pause", "AI", "U.S.", "Dr.",
     "\u00e2\u20ac\u2122", "\u00c3\u00a9", "\n", "\n\n", "---", "<p>", "</p>", "&amp;", "\t", "\u200b",
     "\ufeff", "Published on: Jun 06, 2026", "ago", "3", "days", "\u0000", "\r\n"]
)  # fmt: skip
PROSE = st.lists(WORDS, max_size=60).map(" ".join)
SCALARS = st.one_of(st.text(max_size=40), st.integers(), st.none(), st.booleans(), st.floats(allow_nan=True))
JSON_VALUES = st.one_of(
    SCALARS, PROSE, st.lists(SCALARS, max_size=3), st.dictionaries(st.text(max_size=5), SCALARS)
)
RECORD = st.dictionaries(
    st.sampled_from(["id", "title", "published", "text", "source", "url", "date", "extra"]), JSON_VALUES
)
JSONL = st.lists(st.one_of(RECORD.map(json.dumps), st.text(max_size=50)), max_size=5).map("\n".join)
MARKDOWN = st.tuples(st.text(max_size=80), PROSE).map(lambda parts: f"---\n{parts[0]}\n---\n{parts[1]}")
HTML = st.tuples(st.text(max_size=40), PROSE).map(
    lambda parts: (
        f"<html><head><meta name='date' content='{parts[0]}'><title>{parts[0]}</title></head>"
        f"<body><article><p>{parts[1]}</p></article></body></html>"
    )
)
ENCODED = st.tuples(
    st.one_of(PROSE, st.text()), st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252"])
).map(lambda parts: parts[0].encode(parts[1], errors="replace"))
CONTENT = st.one_of(
    st.binary(max_size=2000), ENCODED, JSONL.map(str.encode), MARKDOWN.map(str.encode), HTML.map(str.encode)
)


def _analyse_everything(folder: Path) -> None:
    for entry in iter_sources([folder]):
        if isinstance(entry, InputProblem):
            assert entry.message
            continue
        try:
            read_document(entry)
            analysis = analyse_source(entry, CATALOG)
        except InputError as error:
            assert error.problem.message and error.problem.path
            continue
        text = analysis.document.text
        assert all(0 <= s.start <= s.end <= len(text) for s in analysis.document.sentences)
        for timex in analysis.timexes:
            assert text[timex.start : timex.end] == timex.text
        for mention in analysis.mentions:
            assert mention.line >= 1 and mention.column >= 1


@BOUNDED
@given(content=CONTENT, suffix=st.sampled_from([".txt", ".md", ".html", ".htm", ".jsonl"]))
def test_any_file_is_read_or_reported(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / f"article{suffix}").write_bytes(content)
        _analyse_everything(Path(folder))


@settings(BOUNDED, max_examples=25)
@given(manifest=st.text(max_size=200), content=PROSE)
def test_any_manifest_is_applied_or_reported(manifest: str, content: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "corpus.yaml").write_text(manifest, encoding="utf-8")
        (Path(folder) / "a.txt").write_text(content, encoding="utf-8")
        _analyse_everything(Path(folder))
