"""Encoding repair: UTF-8 read as GBK comes back exactly; real Chinese text and clean text are untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.corpus import Document, SourceItem, read_document
from timeline.corpus.repair import repair_line


@pytest.fixture
def seed_002(seeds: Path) -> Document:
    return read_document(SourceItem(path=str(seeds / "002_4e95dd748d4fb7f2.txt"), format="txt"))


def _sentence_with(document: Document, words: str) -> str:
    found = [
        document.text[s.start : s.end] for s in document.sentences if words in document.text[s.start : s.end]
    ]
    assert len(found) == 1, found
    return found[0]


def test_seed_002_quote_with_swallowed_letter_and_lost_closing_quote(seed_002: Document) -> None:
    assert _sentence_with(seed_002, "The company behind the Claude chatbot") == (
        "The company behind the Claude chatbot said in a blog post Thursday that as cutting-edge AI gets "
        "increasingly faster at carrying out tasks, “it would be good for the world to have the option to "
        "slow or temporarily pause” its development."
    )


def test_seed_002_apostrophe(seed_002: Document) -> None:
    assert "Anthropic’s post comes after a different warning" in seed_002.text
    assert "you don’t check on regularly doesn’t seem" in seed_002.text


def test_seed_002_em_dashes_between_spaces_and_closing_quote_at_line_end(seed_002: Document) -> None:
    assert (
        "saying that “democratic governments — not private companies acting alone — must ultimately "
        "determine the rules, safeguards, and accountability mechanisms.”"
    ) in seed_002.text


def test_seed_002_no_mojibake_left_and_repairs_counted(seed_002: Document) -> None:
    assert "鈥" not in seed_002.text
    assert seed_002.repairs == 37  # one per damaged run in the file


def test_repaired_characters_point_at_the_damage_in_the_file(seed_002: Document, seeds: Path) -> None:
    lines = (seeds / "002_4e95dd748d4fb7f2.txt").read_text(encoding="utf-8").split("\n")
    quote = seed_002.text.index("“it would")
    line, column = seed_002.locate(quote)
    assert lines[line - 1][column - 1 :].startswith("鈥渋t would")
    line, column = seed_002.locate(quote + len("“it"))  # after the repair the map is exact again
    assert lines[line - 1][column - 1 :].startswith(" would be good")


@pytest.mark.parametrize(
    "chinese",
    [
        "中华人民共和国成立于1949年。北京是首都。",
        "他说：“我们会继续努力。”",
        "鈥 这个字很少见，但它是一个真正的汉字。",
        "人工智能公司呼吁暂停开发最先进的系统。",
        "日本語のテキストも変わらない。",
    ],
)
def test_ordinary_chinese_and_japanese_text_is_not_repaired(chinese: str) -> None:
    repaired = repair_line(chinese)
    assert (repaired.text, repaired.repairs) == (chinese, 0)


def _as_gbk(text: str, errors: str) -> str:
    """The damage itself: UTF-8 decoded as GBK by a decoder that drops or replaces what it cannot pair."""
    return text.encode("utf-8").decode("gbk", errors=errors)


@pytest.mark.parametrize("errors", ["ignore", "replace"])
@pytest.mark.parametrize(
    "original",
    [
        "He said “Not now” and left.",
        "The rates — which rose in May — fell again.",
        "It’s the fund’s “best year” so far, said O’Neill.",
        "“Quote at the start,” she said.",
        "Prices (“core” ones) rose 2% in the U.S. in Q3–Q4.",
    ],
)
def test_any_utf8_read_as_gbk_comes_back(original: str, errors: str) -> None:
    damaged = _as_gbk(original, errors)
    assert damaged != original
    assert repair_line(damaged).text == original


def test_clean_text_is_untouched_and_latin1_mojibake_goes_to_ftfy() -> None:
    clean = repair_line("The fund’s manager — and “others” — agreed.")
    assert (clean.text, clean.repairs, clean.columns) == (
        "The fund’s manager — and “others” — agreed.",
        0,
        None,
    )
    assert repair_line("naÃ¯ve cafÃ© owners").text == "naïve café owners"
