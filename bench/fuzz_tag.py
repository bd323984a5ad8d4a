"""Fuzz `timeline tag`: random news-like documents with random publication dates through the real CLI.

    .venv/bin/python bench/fuzz_tag.py [--documents 50000] [--seed 1]

Documents mix time expressions of every family (explicit and numeric dates with impossible days, clock
times, seasons, quarters, durations, holidays, anaphora), headlines over datelines, random Unicode and
long runs of digits; DCTs cover the years 1-9999 with January, February and the calendar's ends drawn
often, and none. The CLI must exit 0 with nothing on stderr, and print one record per document whose
expressions are in bounds, disjoint, with earliest <= latest. Prints the counts and the time taken.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Fri.", "Sun"]
MONTHS = ["January", "Feb.", "March", "april", "May", "June", "Sept.", "Dec.", "December", "Jan"]
UNITS = ["days", "weeks", "months", "years", "hours", "quarters", "decades", "a day", "weekend", "centuries"]
WORDS = ["last", "next", "this", "the past", "early", "late", "mid-", "the end of", "that", "the same"]
PERIODS = ["winter", "summer", "spring", "fall", "week", "weekend", "month", "quarter", "year", "century"]
RELATIONS = ["ago", "later", "earlier", "from now", "before the vote", ""]
FIXED = [
    "the next day",
    "the day before",
    "that year",
    "a year earlier",
    "the year-ago quarter",
    "Christmas",
    "Easter week",
    "now",
    "Now,",
    "today's consumers",
    "the 1990s",
    "the '90s",
    "later in 2026",
    "daily",
    "earlier this week",
    "every Monday",
    "the same day",
    "year-end",
    "the fiscal year",
    "recently",
    "6-year-old",
    "not a day",
    "FTSE 250",
    "now-defunct",
    "0735 GMT",
    "(4 a.m. EDT Thursday)",
]


def phrase(pick: random.Random) -> str:
    year = pick.choice([str(pick.randint(1, 9999)), "9999", "9998", "0001", "2026", "1999", "99"])
    shapes = [
        lambda: f"{pick.choice(WEEKDAYS)}, {pick.choice(MONTHS)} {pick.randint(0, 40)}, {year}",
        lambda: f"{pick.choice(MONTHS)} {pick.randint(0, 40)}",
        lambda: f"{year}-{pick.randint(0, 13):02d}-{pick.randint(0, 32):02d}",
        lambda: f"{pick.randint(0, 13)}/{pick.randint(0, 40)}/{pick.randint(0, 99):02d}",
        lambda: (
            f"{pick.randint(0, 25)}:{pick.randint(0, 61):02d} {pick.choice(['a.m.', 'p.m.', 'GMT', 'UTC'])}"
        ),
        lambda: f"{pick.choice(WORDS)} {pick.choice(PERIODS)}",
        lambda: (
            f"{pick.choice(['two', 'a', 'several', str(pick.randint(0, 10**6)), 'a couple of'])} "
            f"{pick.choice(UNITS)} {pick.choice(RELATIONS)}"
        ),
        lambda: pick.choice(FIXED),
        lambda: pick.choice(WEEKDAYS),
        lambda: f"the {pick.choice(['third', 'first', 'last'])} quarter of {year}",
        lambda: "".join(chr(pick.randint(32, 0x2FFF)) for _ in range(pick.randint(1, 12))),
        lambda: str(pick.randint(0, 10**12)),
    ]
    return pick.choice(shapes)()


def document(pick: random.Random) -> str:
    parts = []
    for _ in range(pick.randint(1, 15)):
        subject = pick.choice(["The council", "Officials", "Shares", "He", "", "Vote set for"])
        verb = pick.choice(["said", "will meet", "could last into", "met on", "rose", "ends", "by", ""])
        parts.append(f"{subject} {verb} {phrase(pick)}{pick.choice(['.', ',', chr(10), '. ', '; and ', ''])}")
    return " ".join(parts)


def dct(pick: random.Random) -> str | None:
    choice = pick.random()
    if choice < 0.1:
        return None
    if choice < 0.2:
        return pick.choice(["0001-01-01", "9999-12-31", "9999-12-30", "0001-12-31", "2024-02-29"])
    year = pick.choice([pick.randint(1, 9999), 9999, 9998, 1, 2, 2026])
    month = pick.choice([1, 2, pick.randint(1, 12)])
    return date(year, month, pick.randint(1, 28)).isoformat()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    pick = random.Random(args.seed)
    texts: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "fuzz.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for number in range(args.documents):
                identifier = f"fuzz-{number}"
                texts[identifier] = document(pick)
                out.write(json.dumps({"id": identifier, "dct": dct(pick), "text": texts[identifier]}) + "\n")
        started = time.perf_counter()
        timeline = Path(sys.executable).parent / "timeline"
        result = subprocess.run([str(timeline), "tag", str(source)], capture_output=True, text=True)
        elapsed = time.perf_counter() - started
    records = [json.loads(line) for line in result.stdout.splitlines()]
    unsound = 0
    expressions = 0
    for record in records:
        text, position = texts[record["id"]], 0
        for timex in record["timexes"]:
            expressions += 1
            earliest, latest = timex["earliest"], timex["latest"]
            sound = position <= timex["start"] < timex["end"] <= len(text)
            sound = sound and text[timex["start"] : timex["end"]] == timex["text"]
            unsound += not (sound and (earliest is None or latest is None or earliest <= latest))
            position = timex["end"]
    print(
        f"documents: {args.documents}  records: {len(records)}  expressions: {expressions}  "
        f"in {elapsed:.1f} s"
    )
    print(
        f"exit code: {result.returncode}  stderr lines: {len(result.stderr.splitlines())}  unsound: {unsound}"
    )
    if result.stderr:
        print(result.stderr[-2000:])
    failed = result.returncode != 0 or result.stderr or len(records) != args.documents or unsound
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
