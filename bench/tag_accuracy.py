"""Accuracy of `timeline tag` on a TempEval-3 style gold file, scored by the shared TE3 scorer.

    .venv/bin/python bench/tag_accuracy.py [GOLD.jsonl] [--errors N] [--keep SYSTEM.jsonl]

GOLD defaults to the shared TBAQ kit. The real CLI runs as a subprocess on the gold documents (id, dct, text
only) and the shared score.py scores its output; this prints strict/relaxed extent F1, value F1 and type F1
overall and for two halves of the documents split by a hash of their id: "tune" (the half to look at when
changing rules) and "held-out" (the half to leave alone, which says whether a change generalises), then
the most frequent errors in the tune half. --keep saves the system output, for `score.py GOLD SYSTEM
--errors N` (which shows each miss with its document).
"""

from __future__ import annotations

import argparse
import hashlib
import json
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
        halves = {half: _half(args.gold, Path(scratch), half) for half in ("tune", "held-out")}
        reports = {half: score(path, system, args.scorer) for half, path in halves.items()}
    overall = report["overall"]
    print(f"gold: {args.gold}  documents: {overall['documents']}  gold timexes: {overall['counts']['gold']}")
    for name in FIGURES:
        print(figures_line(report, name))
    for half, half_report in reports.items():
        counts = half_report["overall"]
        print(f"\n{half} half: {counts['documents']} documents, {counts['counts']['gold']} gold timexes")
        for name in FIGURES:
            print("  " + figures_line(half_report, name))
    report = reports["tune"]
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
    print(f"\nmost frequent errors in the tune half (of {sum(misses.values())}):")
    for text, count in misses.most_common(args.errors):
        print(f"{count:4d}  {text}")


def in_tune_half(identifier: str) -> bool:
    """A fixed split of the documents, independent of their order and of the tagger."""
    return hashlib.sha256(identifier.encode("utf-8")).digest()[0] % 2 == 0


def _half(gold: Path, folder: Path, half: str) -> Path:
    """The gold file restricted to one half of its documents."""
    path = folder / f"gold-{half}.jsonl"
    with gold.open(encoding="utf-8") as lines, path.open("w", encoding="utf-8") as out:
        for line in lines:
            if line.strip() and in_tune_half(json.loads(line)["id"]) == (half == "tune"):
                out.write(line)
    return path


if __name__ == "__main__":
    main()
