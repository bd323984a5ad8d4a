"""The offset map: any span of the cleaned text leads back to the right line and column of the file,
even after encoding repairs, stripped whitespace and dropped boilerplate lines."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.corpus import Document, SourceItem, read_document

WORDS = ["council", "harbour", "voted", "Tuesday", "the", "plan", "Dr.", "U.S.", "Okafor", "café", "7-2"]
# Punctuation that, once its UTF-8 bytes are read as GBK, becomes the damage the reader repairs.
DAMAGE = ["“", "”", "’", "—"]
BOILERPLATE = ["Subscribe to our newsletter", "© 2024 Example News. All rights reserved.", "Follow us"]

word = st.sampled_from(WORDS)
sentence = st.builds(
    lambda words, mark, end: " ".join([*words[:1], mark + words[1], *words[2:]]) + end,
    st.lists(word, min_size=3, max_size=9),
    st.sampled_from(["", *DAMAGE]),
    st.sampled_from([".", ".”", " — done."]),
)
line = st.builds(
    lambda indent, sentences, trailing: indent + " ".join(sentences) + trailing,
    st.sampled_from(["", "  ", "\t"]),
    st.lists(sentence, min_size=1, max_size=3),
    st.sampled_from(["", " ", "\r"]),
)
article = st.tuples(
    st.lists(st.one_of(line, st.just("")), min_size=1, max_size=8),
    st.lists(st.sampled_from(BOILERPLATE), max_size=3),
)


def _damage(text: str) -> str:
    """UTF-8 read as GBK by a decoder that drops the bytes it cannot pair (as in the seed corpus)."""
    return text.encode("utf-8").decode("gbk", errors="ignore")


def _check_every_character(document: Document, original_lines: list[str]) -> None:
    for offset, character in enumerate(document.text):
        line, column = document.locate(offset)
        assert 1 <= line <= len(original_lines)
        source_line = original_lines[line - 1]
        assert 1 <= column <= len(source_line) + 1
        run = document.offsets
        if character != "\n" and run.exact[_run_of(document, offset)]:
            assert source_line[column - 1] == character, (offset, character, line, column)


def _run_of(document: Document, offset: int) -> int:
    starts = document.offsets.text_starts
    return max(index for index, start in enumerate(starts) if start <= offset)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article=article, span=st.tuples(st.floats(0, 1), st.floats(0, 1)))
def test_spans_of_a_repaired_txt_map_back(
    tmp_path: Path, article: tuple[list[str], list[str]], span: tuple[float, float]
) -> None:
    body, trailer = article
    if not any(text.strip() for text in body):
        body = [*body, "The council voted."]
    raw = _damage("\n".join(body + trailer) + "\n")
    path = tmp_path / "story.txt"
    path.write_text(raw, encoding="utf-8", newline="")
    document = read_document(SourceItem(path=str(path), format="txt"))
    original_lines = raw.split("\n")
    # Every character: its line exists; unrepaired characters are the very character of the file.
    _check_every_character(document, original_lines)
    # A random span starts at the line and column where its first character is in the file.
    start = int(span[0] * (len(document.text) - 1))
    end = max(start + 1, int(span[1] * len(document.text)))
    line, column = document.locate(start)
    found = original_lines[line - 1][column - 1 : column]
    if document.text[start] == "\n":  # a line break between kept lines points at the previous line's end
        assert line < len(original_lines)
    elif document.offsets.exact[_run_of(document, start)]:
        assert found == document.text[start]
    else:  # a repaired character points at the start of the damaged run it came from
        assert found and not found.isascii()
    assert document.locate(end - 1)[0] >= line  # spans never run backwards through the file
    assert "鈥" not in document.text
    # Damage in the kept text is counted (in dropped boilerplate it is not); clean text has none.
    kept = _damage("\n".join(body))
    assert (document.repairs > 0) == ("鈥" in kept or "茅" in kept)
    for text in BOILERPLATE[:2]:
        assert text not in document.text


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(st.lists(sentence, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=4))
def test_characters_of_a_jsonl_record_map_into_its_raw_line(tmp_path: Path, paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs) + '\n"quoted" and\ttabbed é'
    line_text = json.dumps({"id": "r", "text": text})  # ASCII-escaped: \n, \", \t, \u00e9, \u201c
    document = read_document(
        SourceItem(path="wire.jsonl", format="jsonl", line_text=line_text, line_number=7)
    )
    for offset, character in enumerate(document.text):
        line, column = document.locate(offset)
        assert line == 7
        escaped = json.dumps(character)[1:-1]  # how the character is written in the raw line
        assert line_text[column - 1 :].startswith(escaped), (offset, character, column)
