"""Throughput and peak memory of `timeline tag`, against chrono-node on the same input in the same run.

    .venv/bin/python bench/tag_speed.py [GOLD.jsonl] [--megabytes 10] [--no-chrono]

The texts of the gold file (default: the shared TBAQ kit) are repeated into a JSONL input of about
--megabytes MB. The real CLI tags it in a subprocess (end to end: JSON in, tagging, JSON out), and so does
chrono-node (the best-known rule-based date parser, JavaScript) when `node` and `npm` are on the PATH: it is
installed once into ~/.cache/timeline-bench/chrono (a benchmark tool, not a dependency) and a small script
runs `chrono.parse(text, dct)` on every line. Both are measured as CPU time (user+sys of the child, from
wait4), so a busy machine does not skew the ratio; start-up is measured on a one-document input (the
least of three runs, after one that warms the disk cache) and also subtracted. Peak resident memory
comes from the kernel too. `timeline tag` runs as an installed program does, with Python's bytecode
cache: PYTHONDONTWRITEBYTECODE is dropped from its environment (with it, every start-up would include
compiling the package's sources, ~50 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tempeval import GOLD

CACHE = Path.home() / ".cache" / "timeline-bench" / "chrono"
CHRONO_VERSION = "2.10.3"
# One JSON document a line in, the number of dates found out; the DCT is the reference date.
CHRONO_SCRIPT = r"""
const chrono = require(process.argv[2]);
const fs = require("fs");
const readline = require("readline");
let found = 0;
const lines = readline.createInterface({input: fs.createReadStream(process.argv[3])});
lines.on("line", (line) => {
  if (!line.trim()) return;
  const doc = JSON.parse(line);
  const reference = doc.dct ? new Date(doc.dct + "T12:00:00Z") : new Date(Date.UTC(2000, 0, 1));
  found += chrono.parse(doc.text, reference).length;
});
lines.on("close", () => console.log(JSON.stringify({found})));
"""


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak: int  # bytes


def _documents(gold: Path) -> list[dict[str, str | None]]:
    with gold.open(encoding="utf-8") as lines:
        return [
            {"id": record["id"], "dct": record.get("dct"), "text": record["text"]}
            for record in map(json.loads, filter(str.strip, lines))
        ]


def _measure(command: list[str]) -> Run:
    """Wall seconds, CPU seconds and peak RSS of a child process (its output discarded)."""
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    with open(os.devnull, "w") as sink:
        process = subprocess.Popen(command, stdout=sink, env=environment)
        _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command[0]} failed with status {status}")
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024)  # Linux: KiB


def _startup(command: list[str]) -> Run:
    """The least CPU of three runs on a one-document input, after a first run that fills the caches."""
    _measure(command)
    return min((_measure(command) for _ in range(3)), key=lambda run: run.cpu)


def chrono_command() -> list[str] | None:
    """`node script chrono-node` with chrono-node installed in the cache, or None without node/npm."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        return None
    package = CACHE / "node_modules" / "chrono-node"
    if not package.is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                npm,
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(CACHE),
                f"chrono-node@{CHRONO_VERSION}",
            ],
            check=True,
        )
    script = CACHE / "run_chrono.js"
    script.write_text(CHRONO_SCRIPT, encoding="utf-8")
    return [node, str(script), str(package)]


def _report(label: str, characters: int, run: Run, startup: Run) -> float:
    """Print one tool's figures; returns its CPU throughput without start-up (characters per CPU second)."""
    megachars = characters / 1e6
    steady = characters / max(run.cpu - startup.cpu, 1e-9)
    print(f"{label}: {megachars:.1f} M characters, {run.wall:.2f} s wall, {run.cpu:.2f} s CPU")
    print(
        f"  per CPU second: {characters / run.cpu / 1e6:.2f} M chars/s end to end, "
        f"{steady / 1e6:.2f} without start-up ({startup.cpu:.2f} s CPU, {startup.wall:.2f} s wall); "
        f"peak RSS {run.peak / 2**20:.0f} MiB"
    )
    return steady


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--no-chrono", action="store_true", help="measure timeline tag alone")
    args = parser.parse_args()

    documents = _documents(args.gold)
    timeline = [str(Path(sys.executable).parent / "timeline"), "tag"]
    chrono = None if args.no_chrono else chrono_command()
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
        startup = _startup([*timeline, str(small)])  # first: its warm-up run writes the bytecode cache
        ours = _report("timeline tag", characters, _measure([*timeline, str(big)]), startup)
        if chrono is None:
            print("chrono-node: not measured (needs node and npm on the PATH)")
            return
        startup = _startup([*chrono, str(small)])
        theirs = _report("chrono-node", characters, _measure([*chrono, str(big)]), startup)
    print(f"ratio (CPU throughput without start-up, timeline tag / chrono-node): {ours / theirs:.2f}")


if __name__ == "__main__":
    main()
