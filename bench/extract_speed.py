"""Event extraction alone: CPU time of `extract_mentions` over a corpus, the tagging done beforehand.

    .venv/bin/python bench/extract_speed.py [CORPUS.jsonl] [--articles 1000] [--repeat 3]

With no corpus, a synthetic one of --articles articles is made with bench/make_corpus.py (seed 1). Every
article is read and tagged once; then the whole corpus is extracted --repeat times with an empty catalog and
the least CPU time is printed, with the number of mentions (open statements) it gave and the share of them
by clause kind. To compare with another version, run the same command from that version's checkout (its
own venv or PYTHONPATH=that/checkout) on the same corpus file. Prints figures only.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from timeline.corpus import read_corpus
from timeline.events import extract_mentions, load_catalog
from timeline.temporal import tag


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(scratch) / "corpus.jsonl"
            maker = Path(__file__).with_name("make_corpus.py")
            subprocess.run([sys.executable, str(maker), str(args.articles), str(corpus)], check=True)
        documents, problems = read_corpus([corpus])
    tagged = [(document, tag(document.text, document.published)) for document in documents]
    catalog = load_catalog([])[0]
    best = float("inf")
    kinds: Counter[str] = Counter()
    for _ in range(args.repeat):
        kinds.clear()
        started = time.process_time()
        for document, timexes in tagged:
            kinds.update(
                mention.clause or "catalog" for mention in extract_mentions(document, timexes, catalog)
            )
        best = min(best, time.process_time() - started)
    count = sum(kinds.values())
    print(f"{len(documents)} articles ({len(problems)} input problems), {count} mentions")
    print(
        f"extraction: {best:.2f} s CPU, least of {args.repeat}; "
        f"{1000 * best / max(len(documents), 1):.2f} ms an article"
    )
    print(
        "by clause kind: "
        + ", ".join(f"{kind} {100 * n / max(count, 1):.1f}%" for kind, n in sorted(kinds.items()))
    )


if __name__ == "__main__":
    main()
