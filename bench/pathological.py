"""Time and memory of one very large article, through the real build and through `timeline tag`.

    python bench/pathological.py                        # 1, 5 and 50 MB, both shapes, build and tag
    python bench/pathological.py --sizes-mb 1,5 --shapes dense --steps tag

Two shapes of article: `paragraphs` (the seed story's paragraphs repeated with shifting dates, as a long
article) and `dense` (one single line of date-dense clauses, "On March 4, 2026 the board met again, by
Monday, 3 days later, at 10:05 a.m., ...": the worst case for the tagger). Each size runs in a fresh child
process (build: jobs=1, no cache) so its peak memory is its own; the figures are wall and CPU seconds per MB
and the peak RSS. Per-MB time or memory that grows with size means something is worse than linear.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

from childproc import run_measured  # bench/ is on sys.path when a script here runs

ROOT = Path(__file__).resolve().parent.parent

BUILD = """
import json, sys
from pathlib import Path
from timeline.pipeline import RunOptions, build
result = build([Path(sys.argv[1])], Path(sys.argv[2]), RunOptions(jobs=1))
print(json.dumps({"found": len(result.timeline.events), "problems": [str(p) for p in result.problems]}))
"""
TAG = """
import json, sys
from datetime import date
from timeline.temporal.tagger import iter_tag
text = open(sys.argv[1], encoding="utf-8").read()
found = sum(1 for _ in iter_tag(text, date(2026, 6, 6)))
print(json.dumps({"found": found, "problems": []}))
"""
_CLAUSES = (
    "On March {day}, 2026 the board met again",
    "by {weekday}",
    "{count} days later",
    "at 10:{minute:02d} a.m.",
    "in the third quarter",
    "last week",
    "the next day",
    "since {year}",
)


def paragraphs_article(size_bytes: int, out: Path) -> None:
    paragraphs = [
        paragraph
        for seed in sorted((ROOT / "corpus").glob("*.txt"))
        for paragraph in seed.read_text(encoding="utf-8").split("\n\n")[1:]
        if paragraph.strip()
    ]
    with out.open("w", encoding="utf-8") as article:
        article.write("A very long article\n\n")
        written, index = 0, 0
        while written < size_bytes:
            paragraph = paragraphs[index % len(paragraphs)]
            chunk = f"{paragraph}\nOn March {index % 28 + 1}, 2026 the board met again.\n\n"
            article.write(chunk)
            written += len(chunk.encode("utf-8"))
            index += 1


def dense_article(size_bytes: int, out: Path) -> None:
    """One line of date-dense clauses (seeded: the same article every run)."""
    pick = random.Random(13)
    with out.open("w", encoding="utf-8") as article:
        article.write("A date-dense article\n\n")
        written = 0
        while written < size_bytes:
            clause = pick.choice(_CLAUSES).format(
                day=pick.randint(1, 28),
                weekday=pick.choice(("Monday", "Tuesday", "Friday")),
                count=pick.randint(2, 9),
                minute=pick.randint(0, 59),
                year=pick.randint(1990, 2025),
            )
            article.write(clause + ", ")
            written += len(clause) + 2
        article.write("and that was all.\n")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes-mb", default="1,5,50")
    parser.add_argument("--shapes", default="paragraphs,dense")
    parser.add_argument("--steps", default="tag,build")
    args = parser.parse_args()
    makers = {"paragraphs": paragraphs_article, "dense": dense_article}
    with tempfile.TemporaryDirectory() as folder:
        for shape in args.shapes.split(","):
            for size_mb in (float(size) for size in args.sizes_mb.split(",")):
                corpus = Path(folder) / f"{shape}-{size_mb:g}"
                corpus.mkdir()
                article = corpus / "long.txt"
                makers[shape](int(size_mb * 1024 * 1024), article)
                for step in args.steps.split(","):
                    child = BUILD if step == "build" else TAG
                    source = corpus if step == "build" else article
                    command = [sys.executable, "-c", child, str(source), str(ROOT / "rules")]
                    figures = run_measured(command) or {
                        "problems": ["failed"],
                        "wall_s": 0.0,
                        "cpu_s": 0.0,
                        "peak_mb": 0.0,
                    }
                    print(
                        f"{shape:10s} {step:5s} {size_mb:6g} MB: {figures['wall_s']:8.1f} s wall "
                        f"{figures['cpu_s'] / size_mb:6.2f} CPU s/MB  peak {figures['peak_mb']:7.0f} MB  "
                        f"found {figures.get('found', '-')}  problems {json.dumps(figures['problems'][:2])}",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
