"""Sentence spans of the cleaned text.

sentencex (Wikimedia's rule-based segmenter, compiled, maintained) gives character offsets and keeps
"U.S.", "Dr.", "Jan." and closing quotes with their sentence; it agreed with pysbd on every seed sentence
while running about a hundred times faster (bench/corpus_speed.py). A line break ends a sentence (a
headline has no full stop and must not run into the next line) unless the text is hard-wrapped there:
the next line starts in lower case after a line without a sentence end.
"""

from __future__ import annotations

import re

import sentencex

from timeline.corpus.models import Sentence

# Longer "sentences" are cut at a space (see _bounded).
MAX_SENTENCE_CHARS = 2000
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
# a list item's label: a list marker and up to six capitalised words (with "of", "and" ... between), or
# two to six such words with no marker ("Posted: Sept. 6" is no label), then a colon
_WORD = r"[A-Z][\w'’&-]*"
_LABEL = re.compile(
    rf"(?:(?:[-*•–]\s+|\d{{1,2}}[.)]\s+){_WORD}|{_WORD}(?=\s+\w[^:]*:))"
    rf"(?:\s+(?:{_WORD}|of|and|for|the|in|on|to|a|an|&)){{0,5}}:\s+(?=\S)"
)


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for start, end in paragraph_spans(text):
        for boundary in sentencex.get_sentence_boundaries("en", text[start:end]):
            sentence_start = start + boundary["start_index"]
            sentence_end = start + boundary["end_index"]
            # Surrounding spaces belong to the gap between sentences, not to the sentence.
            while sentence_end > sentence_start and text[sentence_end - 1].isspace():
                sentence_end -= 1
            while sentence_start < sentence_end and text[sentence_start].isspace():
                sentence_start += 1
            for piece_start, piece_end in _labelled(text, sentence_start, sentence_end):
                # Built from checked ints: skipping validation halves the cost on sentence-dense texts.
                sentences.append(Sentence.model_construct(start=piece_start, end=piece_end))
    return sentences


def _labelled(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A list item's label ("- Verification Systems: Advanced AI labs would ...") is a sentence of its
    own, so the label is never read as the start of the sentence after it."""
    pieces = _bounded(text, start, end)
    label = _LABEL.match(text, start, end) if line_starts(text, start) else None
    if label is None or pieces[0][1] <= label.end():
        return pieces
    colon = text.rindex(":", start, label.end())
    return [(start, colon + 1), (label.end(), pieces[0][1]), *pieces[1:]]


def line_starts(text: str, position: int) -> bool:
    return position == 0 or text[position - 1] == "\n"


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut at spaces into pieces of at most MAX_SENTENCE_CHARS.

    No prose sentence is that long; a text without punctuation (a table dump, a scraped list) would
    otherwise be one huge "sentence" that every later stage has to treat as a unit.
    """
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        if cut == -1:
            cut = start + MAX_SENTENCE_CHARS
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of runs of non-blank lines that belong together (a hard-wrapped paragraph is one run)."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        if line.strip():
            continues = (
                spans
                and spans[-1][1] == line_start - 1
                and line.lstrip()[:1].islower()
                and not _SENTENCE_END.search(text[spans[-1][0] : spans[-1][1]].rstrip())
            )
            if continues:
                spans[-1] = (spans[-1][0], line_end)
            else:
                spans.append((line_start, line_end))
        line_start = line_end + 1
    return spans
