"""How long `run_checks` takes on a large synthetic timeline, and what rendering the report costs.

    .venv/bin/python bench/check_speed.py [--events-per-type 5] [--mentions 400]

Builds a timeline with the seed catalog's event types (rules/), each event with mentions that claim
random attribute values and dates, runs the seed rules plus the built-in checks, and prints figures.
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

from timeline.check import load_rules, run_checks
from timeline.check.formats import render
from timeline.chronology.models import Event, EventDate, Timeline, TimelineDocument
from timeline.events import load_catalog, load_rule_files
from timeline.events.models import Mention

ROOT = Path(__file__).resolve().parent.parent
QUOTES = [
    "The executive order asks labs to voluntarily submit models, officials said in a blog post.",
    "It gives the government 30 days to review, according to Anthropic's report.",
    "The Pentagon placed the company on a blacklist set to take effect later in 2026.",
    "Marina Favaro, head of its independent research institute, wrote about a six-month pause.",
]


def synthetic_timeline(events_per_type: int, mentions: int, seed: int = 7) -> Timeline:
    rng = random.Random(seed)
    files, _ = load_rule_files(ROOT / "rules")
    catalog, _ = load_catalog(files)
    documents = [
        TimelineDocument(id=f"doc{n}", path=f"doc{n}.txt", published="2026-06-06", source=f"outlet{n % 40}")
        for n in range(400)
    ]
    events = []
    for spec in catalog.events:
        values = {name: sorted(vocabulary) for name, vocabulary in spec.attributes.items()}
        for number in range(events_per_type):
            day = date(2026, 6, 1) + timedelta(days=rng.randrange(10))
            items = []
            for _ in range(mentions):
                start = day + timedelta(days=rng.randrange(-2, 3))
                claimed = {name: rng.choice(options) for name, options in values.items()}
                items.append(
                    Mention(
                        doc=f"doc{rng.randrange(400)}",
                        path="doc.txt",
                        line=rng.randrange(1, 80),
                        column=1,
                        start=0,
                        end=10,
                        quote=rng.choice(QUOTES),
                        title=spec.title,
                        event_type=spec.id,
                        attributes=claimed,
                        terms=sorted(set(claimed.values())),
                        earliest=start.isoformat(),
                        latest=(start + timedelta(days=rng.randrange(3))).isoformat(),
                    )
                )
            events.append(
                Event(
                    id=f"{spec.id}-{number}",
                    title=spec.title,
                    type=spec.id,
                    date=EventDate(earliest=day.isoformat(), latest=day.isoformat()),
                    date_conflict=rng.random() < 0.1,
                    mentions=items,
                )
            )
    return Timeline(documents=documents, events=events)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events-per-type", type=int, default=5)
    parser.add_argument("--mentions", type=int, default=400)
    args = parser.parse_args()
    files, _ = load_rule_files(ROOT / "rules")
    catalog, _ = load_catalog(files)
    rules, _ = load_rules(files, catalog)
    timeline = synthetic_timeline(args.events_per_type, args.mentions)
    count = sum(len(event.mentions) for event in timeline.events)
    started = time.perf_counter()
    report = run_checks(timeline, rules)
    checked = time.perf_counter() - started
    tracemalloc.start()  # a second run for memory: tracing slows Python down several times
    run_checks(timeline, rules)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    timings = {}
    for name in ("text", "json", "sarif", "github"):
        started = time.perf_counter()
        render(report, name, rules)
        timings[name] = time.perf_counter() - started
    print(f"rules: {len(rules)} + built-ins; events: {len(timeline.events)}; mentions: {count}")
    print(
        f"run_checks: {checked:.2f} s ({count / checked:,.0f} mentions/s), "
        f"peak traced memory {peak / 2**20:.1f} MiB"
    )
    print(
        f"findings: {report.summary.total} "
        f"({report.summary.errors} errors, {report.summary.warnings} warnings)"
    )
    print("render: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.items()))


if __name__ == "__main__":
    main()
