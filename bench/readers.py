"""Throughput of the shared readers (quantities and open values) on every sentence of a corpus.

    .venv/bin/python bench/readers.py [CORPUS...] [--repeat 20]

Default corpus: the bundled corpus/ and the test stories. Every sentence (as the corpus reader splits it)
is read `--repeat` times by `read_quantities` and `read_role_values`; the same sentences are tokenised by
the catalog's phrase tokenizer (`events.phrases.tokenize`, which the extractor already runs on every
sentence) as a baseline in the same run. Prints sentences per second, MB per second and the ratio.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from timeline.corpus import iter_sources, read_document
from timeline.diagnostics import InputError, InputProblem
from timeline.events.phrases import tokenize
from timeline.events.quantities import read_quantities
from timeline.events.roles import read_role_values

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "corpus", ROOT / "tests" / "stories", ROOT / "tests" / "check" / "stories"]


def _sentences(folders: list[Path]) -> list[str]:
    sentences = []
    for source in iter_sources(folders):
        if isinstance(source, InputProblem):
            continue
        try:
            document = read_document(source)
        except InputError:
            continue
        sentences.extend(document.text[s.start : s.end] for s in document.sentences)
    return sentences


def _time(reader: Callable[[str], Any], sentences: list[str], repeat: int) -> tuple[float, int]:
    found = 0
    started = time.perf_counter()
    for _ in range(repeat):
        for sentence in sentences:
            found += len(reader(sentence))
    return time.perf_counter() - started, found // repeat


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    sentences = _sentences(args.corpus)
    megabytes = sum(len(s.encode()) for s in sentences) * args.repeat / 1e6
    print(f"{len(sentences)} sentences, {megabytes / args.repeat:.2f} MB, read {args.repeat} times")
    readers = (
        ("tokenize (baseline)", tokenize),
        ("quantities", read_quantities),
        ("roles", read_role_values),
    )
    for _, reader in readers:  # compile the patterns and fill the word caches before timing
        _time(reader, sentences, 1)
    baseline, _ = _time(tokenize, sentences, args.repeat)
    for name, reader in (
        ("tokenize (baseline)", tokenize),
        ("quantities", read_quantities),
        ("roles", read_role_values),
    ):
        seconds, found = _time(reader, sentences, args.repeat)
        rate = len(sentences) * args.repeat / seconds
        print(
            f"{name:20} {rate:10,.0f} sentences/s {megabytes / seconds:6.2f} MB/s "
            f"{seconds / baseline:5.2f}x baseline  {found} found per pass"
        )


if __name__ == "__main__":
    main()
