"""Accuracy of `timeline tag` on a TempEval-3 style gold file, scored by the shared TE3 scorer.

    .venv/bin/python bench/tag_accuracy.py [GOLD.jsonl] [--errors N] [--keep SYSTEM.jsonl]

GOLD defaults to ../shared/bench/tbaq.jsonl next to the repository. The real CLI runs as a subprocess
on the gold documents (id, dct, text only) and ../shared/bench/score.py scores its output; this prints
strict/relaxed extent F1, value F1 and the most frequent misses grouped by kind. --keep saves the
system output, for `score.py GOLD SYSTEM --errors N` (which shows each miss with its document).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", nargs="?", type=Path, default=BENCH / "tbaq.jsonl")
    parser.add_argument("--scorer", type=Path, default=BENCH / "score.py")
    parser.add_argument("--errors", type=int, default=25, help="how many of the most frequent errors to show")
    parser.add_argument("--keep", type=Path, help="also write the system output (JSONL) to this file")
    args = parser.parse_args()

    timeline = Path(sys.executable).parent / "timeline"
    with tempfile.TemporaryDirectory() as scratch:
        documents = Path(scratch) / "input.jsonl"
        system = Path(scratch) / "system.jsonl"
        with args.gold.open(encoding="utf-8") as gold, documents.open("w", encoding="utf-8") as out:
            for line in gold:
                if line.strip():
                    record = json.loads(line)
                    out.write(json.dumps({k: record.get(k) for k in ("id", "dct", "text")}) + "\n")
        with system.open("w", encoding="utf-8") as out:
            subprocess.run([str(timeline), "tag", str(documents)], stdout=out, check=True)
        if args.keep is not None:
            args.keep.write_bytes(system.read_bytes())
        scored = subprocess.run(
            [sys.executable, str(args.scorer), str(args.gold), str(system), "--json", "--errors", "100000"],
            capture_output=True,
            text=True,
            check=True,
        )
    report = json.loads(scored.stdout)
    overall = report["overall"]
    print(f"gold: {args.gold}  documents: {overall['documents']}  gold timexes: {overall['counts']['gold']}")
    for name in ("strict", "relaxed", "value", "type"):
        figures = overall[name]
        p, r, f1 = (100 * figures[key] for key in ("P", "R", "F1"))
        print(f"{name:8s} P {p:6.2f}  R {r:6.2f}  F1 {f1:6.2f}")
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
