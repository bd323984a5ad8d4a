"""SemEval-2015 Task 4 (TimeLine) trial set through the real CLI with an empty rules folder, scored.

    .venv/bin/python bench/semeval.py [DATA_DIR] [--keep timeline.json] [--errors N] [--half a|b]

DATA_DIR (default /work/shared/bench/semeval2015-trial) holds corpus.jsonl and gold.json; the scorer is
semeval_t4.py next to it (--scorer to change). `timeline build` runs as a subprocess on the corpus with an
empty rules folder and no cache, so this measures what a new user gets on the first run. It prints the
scorer's table (coverage; dating exact / compatible / wrong / undated; cross-document merging P/R/F1;
ordering, with "separable" pairs whose gold dates do not overlap), then the overall line of each half of the
documents (split by a hash of the document id: half a is where errors may be looked at, half b is held out).
--errors N lists up to N gold mentions the timeline misses or dates wrongly, with their sentence, so error
classes can be found (look at half a only: --half a). Prints figures only; nothing passes or fails.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path
from types import ModuleType
from typing import Any

DATA = Path("/work/shared/bench/semeval2015-trial")
HALVES = ("a", "b")


def half_of(doc_id: str) -> str:
    """A stable split of the documents that does not depend on which other documents there are."""
    return HALVES[zlib.crc32(doc_id.encode()) % 2]


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("semeval_t4", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def subset(data: Path, out: Path, half: str | None) -> None:
    """corpus.jsonl and gold.json of `data` restricted to one half of the documents (all for None)."""
    out.mkdir(parents=True, exist_ok=True)
    with (
        (data / "corpus.jsonl").open(encoding="utf-8") as lines,
        (out / "corpus.jsonl").open("w", encoding="utf-8") as kept,
    ):
        for line in lines:
            if line.strip() and (half is None or half_of(json.loads(line)["id"]) == half):
                kept.write(line)
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    for items in gold.values():
        for item in items:
            item["mentions"] = [m for m in item["mentions"] if half is None or half_of(m["doc"]) == half]
    (out / "gold.json").write_text(json.dumps(gold), encoding="utf-8")


def build(folder: Path) -> Path:
    rules = folder / "empty-rules"
    rules.mkdir(exist_ok=True)
    timeline = Path(sys.executable).parent / "timeline"
    output = folder / "timeline.json"
    command = [str(timeline), "build", str(folder / "corpus.jsonl"), "--rules", str(rules), "--no-cache"]
    subprocess.run([*command, "-o", str(output)], check=True, stdout=subprocess.DEVNULL)
    return output


def score(scorer: Path, folder: Path, timeline: Path, as_json: bool) -> str:
    command = [sys.executable, str(scorer), "score", str(folder), str(timeline)]
    done = subprocess.run(
        command + (["--json"] if as_json else []), check=True, capture_output=True, text=True
    )
    return done.stdout


def overall_line(report: dict[str, Any]) -> str:
    overall = report["overall"]
    dating, merging, separable = overall["dating"], overall["merge"], overall["order_separable"]
    return (
        f"coverage {overall['coverage']} of {overall['gold_mentions']}; dating of {dating['n']}: exact "
        f"{dating['exact_pct']} compatible {dating['compatible_pct']} wrong {dating['wrong_pct']} undated "
        f"{dating['undated_pct']}; merging F1 {merging['F1']} (P {merging['P']} R {merging['R']}); "
        f"separable ordering {separable['correct_pct']} of {separable['pairs']} "
        f"(accuracy {overall['order']['accuracy']})"
    )


def error_kind(found: dict[str, Any] | None, interval: tuple[str, str, str] | None) -> str | None:
    """Why a gold mention is shown: missed, undated or wrongly dated; None when it is dated right."""
    if found is None:
        return "missed"
    if interval is None:
        return None
    if found["lo"] is None:
        return "undated"
    if interval[0] <= found["lo"] and found["hi"] <= interval[1]:
        return None
    return f"dated {found['lo']}..{found['hi']}"


def show_errors(scorer: ModuleType, folder: Path, timeline: Path, limit: int) -> None:
    """Gold mentions the timeline misses or dates wrongly, with their sentence (the token in [brackets])."""
    texts = {}
    with (folder / "corpus.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    system, _, _ = scorer.load_system(str(timeline))
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    shown = 0
    for entity, items in sorted(gold.items()):
        for item in items:
            interval = scorer.date_interval(item["date"])
            for mention in item["mentions"]:
                kind = error_kind(scorer.match(mention, system.get(mention["doc"], ())), interval)
                if kind is None:
                    continue
                text = texts[mention["doc"]]
                start = text.rfind("\n", 0, mention["start"]) + 1
                end = text.find("\n", mention["end"])
                sentence = (
                    text[start : mention["start"]] + "[" + mention["word"] + "]" + text[mention["end"] : end]
                )
                print(f"{entity[:12]:12s} {mention['doc']:>6s} gold {item['date']:10s} {kind}: {sentence}")
                shown += 1
                if shown >= limit:
                    return


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "data", nargs="?", type=Path, default=DATA, help="folder with corpus.jsonl, gold.json"
    )
    parser.add_argument("--scorer", type=Path, help="semeval_t4.py (default: next to DATA_DIR)")
    parser.add_argument("--keep", type=Path, help="also write the timeline JSON of the whole set here")
    parser.add_argument("--errors", type=int, default=0, help="list up to N missed or wrongly dated mentions")
    parser.add_argument("--half", choices=HALVES, help="only this half of the documents (for --errors)")
    args = parser.parse_args()
    scorer = args.scorer or args.data.parent / "semeval_t4.py"
    with tempfile.TemporaryDirectory() as scratch:
        whole = Path(scratch) / "all"
        subset(args.data, whole, None)
        timeline = build(whole)
        if args.keep is not None:
            args.keep.write_bytes(timeline.read_bytes())
        print(f"{args.data}, built with an empty rules folder:")
        print(score(scorer, whole, timeline, as_json=False))
        for half in HALVES:
            folder = Path(scratch) / half
            subset(args.data, folder, half)
            report = json.loads(score(scorer, folder, build(folder), as_json=True))
            role = "looked at" if half == "a" else "held out"
            print(f"half {half} ({role}): {overall_line(report)}")
        if args.errors:
            folder = Path(scratch) / args.half if args.half else whole
            print(f"\nmissed or wrongly dated gold mentions ({args.half or 'all'} documents):")
            show_errors(load_scorer(scorer), folder, folder / "timeline.json", args.errors)


if __name__ == "__main__":
    main()
