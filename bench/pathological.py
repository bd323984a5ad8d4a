"""Time and memory of one very large article through the real build (the tests only check it finishes).

    python bench/pathological.py                 # 1, 5 and 50 MB
    python bench/pathological.py --sizes-mb 1,50

The article is the seed story's paragraphs repeated with shifting dates until it reaches the size, written
as one .txt file; each size is built in a fresh child process (jobs=1, no cache) so its peak memory is
its own. Per-MB time that grows with size means something in the per-document work is worse than linear.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from childproc import run_measured  # bench/ is on sys.path when a script here runs

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, sys
from pathlib import Path
from timeline.pipeline import RunOptions, build
result = build([Path(sys.argv[1])], Path(sys.argv[2]), RunOptions(jobs=1))
print(json.dumps({"events": len(result.timeline.events), "problems": [str(p) for p in result.problems]}))
"""


def make_article(size_bytes: int, out: Path) -> None:
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
            day = index % 28 + 1
            chunk = f"{paragraph}\nOn March {day}, 2026 the board met again.\n\n"
            article.write(chunk)
            written += len(chunk.encode("utf-8"))
            index += 1


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes-mb", default="1,5,50")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for size_mb in (float(size) for size in args.sizes_mb.split(",")):
            corpus = Path(folder) / f"corpus-{size_mb:g}"
            corpus.mkdir()
            make_article(int(size_mb * 1024 * 1024), corpus / "long.txt")
            command = [sys.executable, "-c", CHILD, str(corpus), str(ROOT / "rules")]
            figures = run_measured(command) or {"problems": ["failed"], "wall_s": 0.0, "peak_mb": 0.0}
            seconds = figures["wall_s"]
            print(
                f"{size_mb:6g} MB article: {seconds:8.1f} s  {seconds / size_mb:6.1f} s/MB  "
                f"peak {figures['peak_mb']:7.0f} MB  events {figures.get('events', '-')}  "
                f"problems {figures['problems'][:2]}"
            )


if __name__ == "__main__":
    main()
