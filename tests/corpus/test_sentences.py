"""Sentence spans: exact offsets into the cleaned text, no splits after abbreviations or inside quotes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from timeline.corpus.sentences import MAX_SENTENCE_CHARS, split_sentences


CASES = sorted((Path(__file__).parent / "sentence_cases").glob("*.yaml"))


def _sentences(text: str) -> list[str]:
    spans = split_sentences(text)
    return [text[span.start : span.end] for span in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. economy grew 3% in the third quarter. Exports rose.",
            ["The U.S. economy grew 3% in the third quarter.", "Exports rose."],
        ),
        (
            "Dr. Ines Okafor arrived on Jan. 5 with Mr. Lee. They met at 9 a.m. in St. Louis.",
            ["Dr. Ines Okafor arrived on Jan. 5 with Mr. Lee.", "They met at 9 a.m. in St. Louis."],
        ),
        (
            "“We are done,” she said. “Go home.” Then she left.",
            ["“We are done,” she said.", "“Go home.”", "Then she left."],
        ),
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
    ],
)
def test_abbreviations_and_quotes(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_a_headline_line_is_its_own_sentence_and_hard_wrapped_prose_is_one() -> None:
    text = (
        "Harbour plan approved\nThe council voted\nto approve it on Tuesday. Work starts soon.\n\n"
        "Next paragraph."
    )
    assert _sentences(text) == [
        "Harbour plan approved",
        "The council voted\nto approve it on Tuesday.",
        "Work starts soon.",
        "Next paragraph.",
    ]


def test_spans_are_offsets_of_the_whole_text_with_no_surrounding_space() -> None:
    text = "  First one.   Second one.  \nThird—with “quotes” and émigrés.  "
    spans = split_sentences(text)
    third = text.index("Third")
    assert [(span.start, span.end) for span in spans] == [(2, 12), (15, 26), (third, text.rindex(".") + 1)]
    assert all(not text[span.start].isspace() and not text[span.end - 1].isspace() for span in spans)


def test_text_without_punctuation_is_cut_into_bounded_pieces_at_spaces() -> None:
    text = "the lab said work would pause and resume later " * 300  # 14 000 characters, no full stop
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(span.end - span.start <= MAX_SENTENCE_CHARS for span in spans)
    assert all(text[span.start - 1 : span.start] in ("", " ") for span in spans)  # cut between words
    assert " ".join(text[span.start : span.end] for span in spans) == text.strip()


@pytest.mark.parametrize("case_path", CASES, ids=[case.stem for case in CASES])
def test_sentence_cases(case_path: Path) -> None:
    """One YAML file per splitting rule: texts and the sentences they hold."""
    for example in yaml.safe_load(case_path.read_text(encoding="utf-8"))["examples"]:
        assert _sentences(example["text"]) == example["sentences"], example["text"]
