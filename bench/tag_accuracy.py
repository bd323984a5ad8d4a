"""Accuracy of `timeline tag` on a TempEval-3 style gold file, scored by the shared TE3 scorer.

    .venv/bin/python bench/tag_accuracy.py [GOLD.jsonl] [--errors N] [--keep SYSTEM.jsonl]

GOLD defaults to ../shared/bench/tbaq.jsonl next to the repository. The real CLI runs as a subprocess
on the gold documents (id, dct, text only) and ../shared/bench/score.py scores its output; this prints
strict/relaxed extent F1, value F1 and the most frequent misses grouped by kind. --keep saves the
system output, for `score.py GOLD SYSTEM --errors N` (which shows each miss with its document).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from tempeval import FIGURES, GOLD, SCORER, figures_line, gold_documents, score, write_jsonl


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--scorer", type=Path, default=SCORER)
    parser.add_argument("--errors", type=int, default=25, help="how many of the most frequent errors to show")
    parser.add_argument("--keep", type=Path, help="also write the system output (JSONL) to this file")
    args = parser.parse_args()

    timeline = Path(sys.executable).parent / "timeline"
    with tempfile.TemporaryDirectory() as scratch:
        documents = Path(scratch) / "input.jsonl"
        system = Path(scratch) / "system.jsonl"
        write_jsonl(documents, gold_documents(args.gold))
        with system.open("w", encoding="utf-8") as out:
            subprocess.run([str(timeline), "tag", str(documents)], stdout=out, check=True)
        if args.keep is not None:
            args.keep.write_bytes(system.read_bytes())
        report = score(args.gold, system, args.scorer)
    overall = report["overall"]
    print(f"gold: {args.gold}  documents: {overall['documents']}  gold timexes: {overall['counts']['gold']}")
    for name in FIGURES:
        print(figures_line(report, name))
    misses: Counter[str] = Counter()
    for error in report.get("errors", []):
        gold, found = error["gold"], error["system"]
        if error["kind"] == "missed":
            misses[f"missed   {gold['text']!r} {gold['type']} {gold['value']}"] += 1
        elif error["kind"] == "spurious":
            misses[f"spurious {found['text']!r} {found['type']} {found['value']}"] += 1
        else:
            misses[
                f"{error['kind']:8s} {gold['text']!r} {gold['type']} {gold['value']}"
                f" -> {found['text']!r} {found['type']} {found['value']}"
            ] += 1
    print(f"\nmost frequent errors (of {sum(misses.values())}):")
    for text, count in misses.most_common(args.errors):
        print(f"{count:4d}  {text}")


if __name__ == "__main__":
    main()
