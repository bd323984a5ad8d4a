"""Throughput and peak memory of `timeline tag`, against dateparser's search_dates as a baseline.

    .venv/bin/python bench/tag_speed.py [GOLD.jsonl] [--megabytes 10] [--baseline-kilobytes 200]

The texts of the gold file (default ../shared/bench/tbaq.jsonl) are repeated into a JSONL input of about
--megabytes MB, which the real CLI tags in a subprocess (end to end: JSON in, tagging, JSON out); its
peak resident memory comes from the kernel (wait4 rusage). dateparser.search.search_dates runs in this
process on the first --baseline-kilobytes KB of the same documents (it is slow).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"


def _documents(gold: Path) -> list[dict[str, str | None]]:
    with gold.open(encoding="utf-8") as lines:
        return [
            {"id": record["id"], "dct": record.get("dct"), "text": record["text"]}
            for record in map(json.loads, filter(str.strip, lines))
        ]


def _run_cli(input_path: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS in bytes of `timeline tag input_path` (output discarded)."""
    timeline = Path(sys.executable).parent / "timeline"
    started = time.perf_counter()
    with open(os.devnull, "w") as sink:
        process = subprocess.Popen([str(timeline), "tag", str(input_path)], stdout=sink)
        _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"timeline tag failed with status {status}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024  # Linux: ru_maxrss in KiB


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", nargs="?", type=Path, default=BENCH / "tbaq.jsonl")
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--baseline-kilobytes", type=float, default=200.0)
    args = parser.parse_args()

    documents = _documents(args.gold)
    with tempfile.TemporaryDirectory() as scratch:
        big, small = Path(scratch) / "big.jsonl", Path(scratch) / "small.jsonl"
        characters = 0
        with big.open("w", encoding="utf-8") as out:
            copy = 0
            while characters < args.megabytes * 1_000_000:
                for document in documents:
                    out.write(json.dumps({**document, "id": f"{document['id']}#{copy}"}) + "\n")
                    characters += len(document["text"] or "")
                copy += 1
        small.write_text(json.dumps(documents[0]) + "\n", encoding="utf-8")
        startup, startup_cpu, _ = _run_cli(small)
        elapsed, cpu, peak = _run_cli(big)
    throughput = characters / elapsed
    steady = characters / max(elapsed - startup, 1e-9)
    megachars = characters / 1e6
    print(f"timeline tag: {megachars:.1f} M characters in {elapsed:.2f} s = {throughput / 1e6:.2f} M chars/s")
    peak_mib = peak / 2**20
    print(f"  startup {startup:.2f} s, without it {steady / 1e6:.2f} M chars/s; peak RSS {peak_mib:.0f} MiB")
    # CPU time is what one core spends; it stays meaningful when other processes share the machine.
    per_cpu = characters / cpu
    per_cpu_steady = characters / max(cpu - startup_cpu, 1e-9)
    print(f"  per CPU second: {per_cpu / 1e6:.2f} M chars/s ({per_cpu_steady / 1e6:.2f} without startup)")

    from dateparser.search import search_dates  # the baseline: dateparser scanning text for dates itself

    budget = args.baseline_kilobytes * 1000
    scanned = 0
    started = time.process_time()
    for document in documents:
        if scanned >= budget:
            break
        text = document["text"] or ""
        base = datetime.fromisoformat(document["dct"]) if document["dct"] else datetime(2000, 1, 1)
        search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})
        scanned += len(text)
    baseline = scanned / (time.process_time() - started)
    print(f"dateparser search_dates: {scanned / 1e3:.0f} K characters at {baseline / 1e3:.1f} K chars/CPU s")
    print(f"ratio (CPU time): timeline tag is {per_cpu / baseline:.0f}x faster end to end")


if __name__ == "__main__":
    main()
