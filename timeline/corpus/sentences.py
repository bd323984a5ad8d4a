"""Sentence spans of the cleaned text.

sentencex (Wikimedia's rule-based segmenter, compiled, maintained) gives character offsets and keeps
"U.S.", "Dr.", "Jan." and closing quotes with their sentence; it agreed with pysbd on every seed sentence
while running about a hundred times faster (see the corpus stage notes in the report). Each line is a
paragraph and is segmented on its own, so a headline without a full stop never runs into the next line.
"""

from __future__ import annotations

import sentencex

from timeline.corpus.models import Sentence


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        if line.strip():
            for boundary in sentencex.get_sentence_boundaries("en", line):
                start = line_start + boundary["start_index"]
                end = line_start + boundary["end_index"]
                # Trailing spaces belong to the gap between sentences, not to the sentence.
                while end > start and text[end - 1].isspace():
                    end -= 1
                while start < end and text[start].isspace():
                    start += 1
                if end > start:
                    sentences.append(Sentence(start=start, end=end))
        line_start += len(line) + 1
    return sentences
