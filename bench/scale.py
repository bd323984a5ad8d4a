"""Scale benchmark: build + check on synthetic corpora of growing size, cold and cached, 1 core vs all.

    python bench/scale.py                      # 1k and 10k articles
    python bench/scale.py --sizes 1000,10000,100000
    python bench/scale.py --profile            # where the time goes on 1k (cProfile, by stage)

Each measurement runs in a fresh child process (the real `pipeline.build` then `check.run_checks`), so its
peak memory (ru_maxrss of the child and its worker processes, the largest one) is its own. Prints figures
only; nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from childproc import run_measured  # bench/ is on sys.path when a script here runs

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"


def child(corpus: Path, jobs: int, cache_dir: str) -> None:
    """Runs in the measured process: build + check, printing the phase times as one JSON line."""
    from timeline.check import load_rules, run_checks
    from timeline.pipeline import RunOptions, build

    started = time.perf_counter()
    options = RunOptions(jobs=jobs, cache_dir=Path(cache_dir) if cache_dir else None)
    result = build([corpus], RULES if RULES.is_dir() else None, options)
    built = time.perf_counter()
    rules, _ = load_rules(result.rule_files, result.catalog)
    report = run_checks(result.timeline, rules)
    checked = time.perf_counter()
    figures = {
        "build_s": built - started,
        "check_s": checked - built,
        "events": len(result.timeline.events),
        "documents": len(result.timeline.documents),
        "problems": len(result.problems),
        "findings": len(report.findings),
    }
    print(json.dumps(figures))


def merge_child(cache_dir: Path) -> None:
    """The merge on its own, fed from a warm cache (to see whether it grows faster than the corpus)."""
    from timeline.chronology import merge
    from timeline.pipeline.cache import AnalysisCache

    # through the cache's own reader (it checks each entry's header); an entry's file name is its key
    cache = AnalysisCache(cache_dir, catalog_fingerprint="")
    loaded = [cache.load(entry.stem) for entry in sorted(cache_dir.glob("*/*.json"))]
    analyses = [analysis for analysis in loaded if analysis is not None]
    started = time.perf_counter()
    timeline = merge(analyses)
    print(json.dumps({"merge_s": time.perf_counter() - started, "events": len(timeline.events)}))


def measure(corpus: Path, jobs: int, cache_dir: Path | None, merge_only: bool = False) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", str(corpus), "--jobs", str(jobs)]
    command += ["--cache-dir", str(cache_dir) if cache_dir else ""]
    command += ["--merge-child"] if merge_only else []
    figures = run_measured(command)
    if figures is None:
        raise SystemExit(f"measurement failed: {' '.join(command)}")
    return figures


def make_corpus(count: int, out: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(count), str(out)], check=True)


def change_one_article(corpus: Path, out: Path) -> None:
    """A copy with the middle article edited (streamed, like the prefixes)."""
    with corpus.open(encoding="utf-8") as source:
        middle = sum(1 for _ in source) // 2
    with corpus.open(encoding="utf-8") as source, out.open("w", encoding="utf-8") as copy:
        for number, line in enumerate(source):
            if number == middle:
                record = json.loads(line)
                record["text"] += "\n\nThis article was updated with a correction."
                line = json.dumps(record, ensure_ascii=False) + "\n"
            copy.write(line)


def profile(corpus: Path) -> None:
    """cProfile of a sequential build + check, summed by stage (own time of each module's functions)."""
    from timeline.check import load_rules, run_checks
    from timeline.pipeline import RunOptions, build

    profiler = cProfile.Profile()
    profiler.enable()
    result = build([corpus], RULES if RULES.is_dir() else None, RunOptions(jobs=1))
    rules, _ = load_rules(result.rule_files, result.catalog)
    run_checks(result.timeline, rules)
    profiler.disable()
    stats = pstats.Stats(profiler)
    by_area: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own_time, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        by_area[_area(filename)] += own_time
    total = sum(by_area.values())
    print(f"\nprofile of build + check on {corpus.name} (jobs=1), own time by area, {total:.1f} s total:")
    for area, seconds in sorted(by_area.items(), key=lambda pair: -pair[1])[:15]:
        print(f"  {area:40s} {seconds:7.2f} s  {100 * seconds / total:5.1f}%")
    print("\ntop functions by cumulative time:")
    stats.sort_stats("cumulative").print_stats(25)


def _area(filename: str) -> str:
    """timeline.<stage> for our code, the distribution name for a library, 'python' for the stdlib."""
    parts = Path(filename).parts
    if "timeline" in parts and "site-packages" not in parts:
        index = len(parts) - 1 - parts[::-1].index("timeline")
        return ".".join(parts[index : index + 2]).removesuffix(".py")
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1]
    return "python"


def report(label: str, size: int, figures: dict[str, float]) -> None:
    per_article_ms = 1000 * figures["wall_s"] / size
    print(
        f"{label:34s} {size:>7d}  wall {figures['wall_s']:7.2f} s  build {figures['build_s']:7.2f} s  "
        f"check {figures['check_s']:6.2f} s  cpu {figures['cpu_s']:7.2f} s  "
        f"{size / figures['wall_s']:6.0f} art/s  "
        f"{per_article_ms:6.2f} ms/art  peak {figures['peak_mb']:6.0f} MB  "
        f"events {figures['events']:.0f}  problems {figures['problems']:.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="cores for the parallel runs")
    parser.add_argument("--workdir", type=Path, help="keep corpora and caches here (default: a temp dir)")
    parser.add_argument("--profile", action="store_true", help="profile a sequential build of 1k instead")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", default="", help=argparse.SUPPRESS)
    parser.add_argument("--merge-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.merge_child:
        merge_child(Path(args.cache_dir))
        return
    if args.child:
        child(args.child, args.jobs, args.cache_dir)
        return
    sizes = sorted(int(size) for size in args.sizes.split(","))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    largest = workdir / f"corpus-{sizes[-1]}.jsonl"
    if not largest.exists():
        make_corpus(sizes[-1], largest)
    corpora = {size: workdir / f"corpus-{size}.jsonl" for size in sizes}
    # Prefixes of one corpus, so every size has the same mix of stories. Streamed: this process forks
    # the measured ones, and Linux carries a parent's peak memory over into its children's figure.
    for size in sizes:
        if not corpora[size].exists():
            with largest.open(encoding="utf-8") as source, corpora[size].open("w", encoding="utf-8") as out:
                out.writelines(itertools.islice(source, size))
    if args.profile:
        profile(corpora[sizes[0]])
        return

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, jobs={args.jobs}, load average {load}")
    print(f"corpora in {workdir}, {largest.stat().st_size / sizes[-1]:.0f} bytes per article\n")
    curve: dict[int, float] = {}
    for size in sizes:
        cache = workdir / f"cache-{size}"
        shutil.rmtree(cache, ignore_errors=True)
        figures = measure(corpora[size], args.jobs, cache)
        report(f"cold cache, jobs={args.jobs}", size, figures)
        # Build + check only: the interpreter's start-up is a fixed cost that would flatter big corpora.
        curve[size] = (figures["build_s"] + figures["check_s"]) / size
        merged = measure(corpora[size], 1, cache, merge_only=True)
        print(
            f"{'merge alone, from the cache':34s} {size:>7d}  merge {merged['merge_s']:7.2f} s  "
            f"{1000 * merged['merge_s'] / size:6.3f} ms/art  peak {merged['peak_mb']:6.0f} MB"
        )
        changed = workdir / f"corpus-{size}-changed.jsonl"
        change_one_article(corpora[size], changed)
        shutil.copy(corpora[size], workdir / "unchanged.jsonl")
        # Same file name as the cached run so that only the changed article's content differs.
        shutil.copy(changed, corpora[size])
        report("warm cache, one article changed", size, measure(corpora[size], args.jobs, cache))
        shutil.copy(workdir / "unchanged.jsonl", corpora[size])

    smallest = sizes[0]
    sequential = measure(corpora[smallest], 1, None)
    parallel = measure(corpora[smallest], args.jobs, None)
    report("no cache, jobs=1", smallest, sequential)
    report(f"no cache, jobs={args.jobs}", smallest, parallel)
    speed_up = sequential["wall_s"] / parallel["wall_s"]
    build_speed_up = sequential["build_s"] / parallel["build_s"]
    print(
        f"\nspeed-up jobs=1 -> jobs={args.jobs} on {smallest}: {speed_up:.2f}x wall, "
        f"{build_speed_up:.2f}x build alone"
    )
    base = curve[smallest]
    print(
        "per-article build + check time (cold) relative to the smallest size: "
        + ", ".join(f"{size}: {curve[size] / base:.2f}" for size in sizes)
    )


if __name__ == "__main__":
    main()
