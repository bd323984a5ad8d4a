"""Speed of the corpus stage: sentence splitters compared, then the whole reader on the seeds and on a big
JSONL corpus, in one process and in a pool.

    .venv/bin/python bench/corpus_speed.py                       # seeds only
    .venv/bin/python bench/make_corpus.py 10000 /tmp/c10k.jsonl  # then:
    .venv/bin/python bench/corpus_speed.py /tmp/c10k.jsonl --jobs 2

Splitters: pysbd (char_span) and sentencex on the seed texts, segmenting the same paragraphs, with the
share of sentence spans they agree on. Reader: `read_document` per source item (repair, boilerplate,
sentences, dates, offset map), KB of input per second and documents per second. Prints figures only.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from timeline.corpus import SourceItem, iter_sources, read_document
from timeline.corpus.sentences import paragraph_spans
from timeline.diagnostics import InputError, InputProblem

ROOT = Path(__file__).resolve().parent.parent
MIN_SECONDS = 2.0


def _repeat(work: Callable[[], int]) -> tuple[float, int]:
    """Seconds per round and the work's count, repeating it for at least MIN_SECONDS."""
    work()  # warm up: imports, compiled patterns, caches
    rounds = 0
    started = time.perf_counter()
    while time.perf_counter() - started < MIN_SECONDS:
        count = work()
        rounds += 1
    return (time.perf_counter() - started) / rounds, count


def compare_splitters(texts: list[str]) -> None:
    import pysbd  # only for this comparison
    import sentencex

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    paragraphs = [text[start:end] for text in texts for start, end in paragraph_spans(text)]
    kilobytes = sum(len(paragraph.encode("utf-8")) for paragraph in paragraphs) / 1024

    def pysbd_spans() -> list[tuple[int, int]]:
        return [(i, s.start) for i, p in enumerate(paragraphs) for s in segmenter.segment(p)]

    def sentencex_spans() -> list[tuple[int, int]]:
        return [
            (i, b["start_index"])
            for i, p in enumerate(paragraphs)
            for b in sentencex.get_sentence_boundaries("en", p)
        ]

    results = {}
    for name, spans in (("pysbd", pysbd_spans), ("sentencex", sentencex_spans)):
        seconds, count = _repeat(lambda spans=spans: len(spans()))  # type: ignore[misc]
        results[name] = set(spans())
        print(f"{name:10} {kilobytes / seconds:10.0f} KB/s   {count} sentences")
    union = results["pysbd"] | results["sentencex"]
    agreed = results["pysbd"] & results["sentencex"]
    print(f"sentence starts agreed on: {len(agreed)}/{len(union)}")


def _read_all(items: list[SourceItem]) -> int:
    count = 0
    for item in items:
        try:
            read_document(item)
            count += 1
        except InputError:
            pass
    return count


def _size(item: SourceItem) -> int:
    return len(item.raw_bytes())


def measure_reader(label: str, items: list[SourceItem]) -> None:
    kilobytes = sum(map(_size, items)) / 1024
    seconds, count = _repeat(lambda: _read_all(items))
    print(
        f"{label}: {count} documents, {kilobytes:.0f} KB: {kilobytes / seconds:.0f} KB/s, "
        f"{count / seconds:.0f} documents/s in one process"
    )


def measure_pool(label: str, items: list[SourceItem], jobs: int) -> None:
    kilobytes = sum(map(_size, items)) / 1024
    chunks = [items[start : start + 64] for start in range(0, len(items), 64)]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        count = sum(pool.map(_read_all, chunks))
    seconds = time.perf_counter() - started
    print(
        f"{label}: {count} documents in {seconds:.1f} s with {jobs} processes "
        f"({kilobytes / seconds:.0f} KB/s, {count / seconds:.0f} documents/s, pool start-up included)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("jsonl", nargs="?", type=Path, help="a big JSONL corpus (bench/make_corpus.py)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    seeds = [item for item in iter_sources([ROOT / "corpus"]) if isinstance(item, SourceItem)]
    print("Sentence splitters on the seed paragraphs:")
    compare_splitters([read_document(item).text for item in seeds])
    print("\nReader:")
    measure_reader("seeds", seeds)
    if args.jsonl:
        started = time.perf_counter()
        items = [item for item in iter_sources([args.jsonl]) if not isinstance(item, InputProblem)]
        print(f"{args.jsonl}: discovery of {len(items)} records in {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        count = _read_all(items)
        seconds = time.perf_counter() - started
        print(f"{args.jsonl}: {count} documents in {seconds:.1f} s in one process")
        measure_pool(str(args.jsonl), items, args.jobs)


if __name__ == "__main__":
    main()
