"""How consistently a TempEval-3 style gold file normalises the same words: a floor under value errors.

    .venv/bin/python bench/tag_gold_consistency.py [GOLD.jsonl] [--show N]

Every gold value is rewritten relative to its document's DCT ("last week" in a document of
1989-10-30 with value 1989-W43 becomes "week -1"; 1989-WXX becomes "this year, week unknown"; a
weekday becomes how many weeks it lies from the latest such weekday). Expressions written the same
way should then carry the same relative value (stated years are grouped by shape: "1968" and "1994"
alike). Where the gold gives one surface form several relative values, a tagger that reads only the
words and the DCT must miss all but one of them.

Values are made comparable across documents: a quarter named with a year ("a year ago" in an earnings
report) by the year it moves back, not by its distance from the DCT's quarter (which depends on where in
its quarter the DCT falls); digits a stated date shares with its words are masked in the value as in the
phrase ("april #, ####"); named days and holidays, like weekdays and months, are decided by context.

Two kinds of splits are counted apart:
- context: weekdays and month names, whose direction a clause's tense may legitimately
  decide, and bare unit words ("days", "the year"), whose meaning the sentence decides;
- convention: everything else ("last week" as a real week in some documents and as 1989-WXX in
  others), which no reading of the context explains.

The convention count is a floor under value errors for any tagger that keeps one reading per
phrase (it ignores phrases seen once, and outright annotation mistakes). It prints that floor and
the value F1 it leaves at a given relaxed F1.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

from tempeval import GOLD

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_PREFIXES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_CALENDAR = re.compile(r"(?P<year>\d{4})(?P<rest>.*)")
_DECADE = re.compile(r"(?P<digits>\d{3})(?P<rest>X?)")
_DAY = re.compile(r"-(?P<month>\d\d)-(?P<day>\d\d)(?P<time>.*)")
_WEEK = re.compile(r"-W(?P<week>\d\d)(?P<rest>.*)")
_QUARTER = re.compile(r"-Q(?P<quarter>\d)")
_MONTH = re.compile(r"-(?P<month>\d\d)")
_HOLIDAY = re.compile(
    r"\b(?:christmas|thanksgiving|easter|new year|independence day|labor day|memorial day)\b"
)
_BARE_UNIT = re.compile(r"(?:the\s+)?(?:day|week|month|quarter|year|decade)s?")
_LEADING_WORDS = re.compile(r"^(?:(?:early|late|mid|last|this|next|the)[\s-]+)*")


def relative_value(value: str, text: str, dct: date) -> tuple[str, bool]:
    """The gold value relative to the DCT, and whether context (tense) may decide it."""
    words = text.lower()
    if _BARE_UNIT.fullmatch(words.strip(" .,")):
        return value, True
    decade = _DECADE.fullmatch(value)
    if decade and decade["digits"] in text:  # "the 1960s": 196 or 196X
        return "stated decade" + decade["rest"], False
    found = _CALENDAR.fullmatch(value)
    if found is None:
        return value, False  # a duration or a reference
    if found["year"] in text:  # a stated year: only what the value adds to it can differ ("1968-XX")
        # digits the text states too are masked as in the phrase ("april #, ####": stated year-##-##)
        rest = re.sub(r"\d+", lambda m: "#" * len(m[0]) if m[0].lstrip("0") in text else m[0], found["rest"])
        return "stated year" + rest, False
    year, rest = int(found["year"]), found["rest"]
    weekday = next((number for number, name in enumerate(WEEKDAYS) if name in words), None)
    named_month = (
        _LEADING_WORDS.sub("", words).startswith(MONTH_PREFIXES) or _HOLIDAY.search(words) is not None
    )
    if day := _DAY.fullmatch(rest):
        try:
            when = date(year, int(day["month"]), int(day["day"]))
        except ValueError:
            return value, False
        if weekday is not None:
            latest = dct - timedelta(days=(dct.weekday() - weekday) % 7)
            return f"weekday {(when - latest).days / 7:+g} weeks{day['time']}", True
        if named_month:
            return f"named day, year {year - dct.year:+d}{day['time']}", True
        return f"day {(when - dct).days:+d}{day['time']}", False
    if week := _WEEK.fullmatch(rest):
        iso_year, iso_week, _ = dct.isocalendar()
        return f"week {(year - iso_year) * 52 + int(week['week']) - iso_week:+d}{week['rest']}", False
    if quarter := _QUARTER.fullmatch(rest):
        if "year" in words:  # "a year ago" beside a quarter: its distance from the DCT's quarter depends on
            # how far into its quarter the DCT is, an artifact; the year it moves back is what the words say
            return f"a quarter, year {year - dct.year:+d}", False
        steps = (year - dct.year) * 4 + int(quarter["quarter"]) - (dct.month - 1) // 3 - 1
        return f"quarter {steps:+d}", False
    if month := _MONTH.fullmatch(rest):
        if named_month:
            return f"named month, year {year - dct.year:+d}", True
        return f"month {(year - dct.year) * 12 + int(month['month']) - dct.month:+d}", False
    return f"year {year - dct.year:+d}{rest}", False


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--show", type=int, default=20, help="how many of the most split phrases to list")
    parser.add_argument(
        "--relaxed-f1", type=float, default=94.72, help="relaxed extent F1 that turns the floor into a cap"
    )
    args = parser.parse_args()

    spread: defaultdict[str, Counter[str]] = defaultdict(Counter)
    by_context: dict[str, bool] = {}
    total = 0
    with args.gold.open(encoding="utf-8") as gold:
        for line in gold:
            if not line.strip():
                continue
            document = json.loads(line)
            dct = date.fromisoformat(document["dct"])
            for timex in document["timexes"]:
                total += 1
                phrase = re.sub(r"\s+", " ", timex["text"].lower().strip(" .,"))
                relative, contextual = relative_value(timex["value"], timex["text"], dct)
                if relative.startswith("stated"):  # all stated years (decades) alike: "1968", "1994"
                    phrase = re.sub(r"\d", "#", phrase)
                spread[phrase][relative] += 1
                by_context[phrase] = by_context.get(phrase, False) or contextual

    def minority(values: Counter[str]) -> int:
        return sum(values.values()) - max(values.values())

    convention = sum(minority(values) for phrase, values in spread.items() if not by_context[phrase])
    context = sum(minority(values) for phrase, values in spread.items() if by_context[phrase])
    print(f"gold: {args.gold}  time expressions: {total}")
    print(f"same words, different DCT-relative value: {convention + context}")
    print(f"  where the sentence may decide (weekdays, months, bare units): {context}")
    print(f"  convention only (no context explains it):                      {convention}")
    # Value F1 is (value matches / relaxed matches) x relaxed F1; dividing by all gold expressions
    # instead of the relaxed matches keeps this an upper bound.
    cap = (1 - convention / total) * args.relaxed_f1
    print(f"value F1 cap from the convention splits alone, at relaxed F1 {args.relaxed_f1:.2f}: {cap:.2f}")
    print("\nmost split phrases (minority count, then the DCT-relative values and how often):")
    ranked = sorted(spread.items(), key=lambda item: (-minority(item[1]), item[0]))
    for phrase, values in ranked[: args.show]:
        kind = "context" if by_context[phrase] else "convention"
        shown = ", ".join(f"{relative} x{count}" for relative, count in values.most_common(5))
        print(f"{minority(values):4d}  {phrase!r:24} {kind:10}  {shown}")


if __name__ == "__main__":
    main()
