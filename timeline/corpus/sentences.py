"""Sentence spans of the cleaned text.

sentencex (Wikimedia's rule-based segmenter, compiled, maintained) gives character offsets and keeps
"U.S.", "Dr.", "Jan." and closing quotes with their sentence; it agreed with pysbd on every seed sentence
while running about a hundred times faster (bench/corpus_speed.py). It does end a sentence at a dotted
abbreviation before a capital ("voted at 2 p.m. Tuesday to approve"): there a weekday, a month, a number or
a lower-case word after the abbreviation continues the sentence (see _CONTINUES); it keeps a quotation
of several sentences together, which is split here (see _quoted). A line break ends a sentence (a
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
# "p.m.", "U.S.", "Sept.": an abbreviation that sentencex may take for a sentence end
_ABBREVIATION_END = re.compile(
    r"(?:(?<![\w.])(?:[A-Za-z]\.){2,}|\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.)$"
)
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.)"
)
# what goes on after an abbreviation in the same sentence: "2 p.m. Tuesday", "the U.S. 10-year note",
# "Jan. 5", "8 p.m. ET"; a weekday or month that is the subject of a new sentence is possessive or comes with a verb
# ("Tuesday's vote", "March was"), which news style puts far less often right after a clock time
_CONTINUES = re.compile(
    rf"(?:[a-z]|\d|{_DAY}\b|{_MONTH}(?=\s+\d)|(?:[ECMP][SD]?T|GMT|UTC)\b)(?![\w.]*['’]s\b)(?!\w*\s+(?:is|was|will|has|had)\b)"
)
# a quotation and the words in it; a sentence end inside them
_QUOTATION = re.compile(r"[\"“]([^\"“”\n]{12,})[\"”]")
_INNER_END = re.compile(r"[.!?]\s+[\"“‘']?[A-Z]")
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
        joined = _joined(text, start, end)
        for sentence_start, sentence_end in (piece for span in joined for piece in _quoted(text, *span)):
            for piece_start, piece_end in _labelled(text, sentence_start, sentence_end):
                # Built from checked ints: skipping validation halves the cost on sentence-dense texts.
                sentences.append(Sentence.model_construct(start=piece_start, end=piece_end))
    return sentences


def _joined(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """sentencex's sentences of one paragraph without surrounding space, those it ended at an
    abbreviation joined to the continuation that follows."""
    spans: list[tuple[int, int]] = []
    for boundary in sentencex.get_sentence_boundaries("en", text[start:end]):
        sentence_start = start + boundary["start_index"]
        sentence_end = start + boundary["end_index"]
        # Surrounding spaces belong to the gap between sentences, not to the sentence.
        while sentence_end > sentence_start and text[sentence_end - 1].isspace():
            sentence_end -= 1
        while sentence_start < sentence_end and text[sentence_start].isspace():
            sentence_start += 1
        if sentence_end == sentence_start:
            continue
        previous = spans[-1] if spans else None
        if (
            previous is not None
            and _ABBREVIATION_END.search(text, max(previous[0], previous[1] - 12), previous[1])
            and _CONTINUES.match(text, sentence_start, sentence_end)
        ):
            spans[-1] = (previous[0], sentence_end)
        else:
            spans.append((sentence_start, sentence_end))
    return spans


def _quoted(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """sentencex keeps a quotation of several sentences in one ('"We will build a plant. We will hire,"
    said Ruiz.'); each of its sentences is one here (found by sentencex on the quotation's words), the last
    one with the closing mark and its attribution."""
    cuts = []
    for match in _QUOTATION.finditer(text, start, end):
        words = match.group(1)
        if _INNER_END.search(words):
            boundaries = sentencex.get_sentence_boundaries("en", words)[1:]
            cuts += [match.start(1) + boundary["start_index"] for boundary in boundaries]
    pieces = []
    for cut in cuts:
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            pieces.append((start, piece_end))
            start = cut
    return [*pieces, (start, end)]


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
