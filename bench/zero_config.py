"""Zero configuration on the bundled seed corpus: what `timeline build` and `check` give with no rules.

    python bench/zero_config.py                 # corpus/ with an empty rules folder, then with rules/
    python bench/zero_config.py --show          # also every multi-article event and every finding

The acceptance figures of issue 10, through the real CLI: for each event several seed articles tell
(gold below: the words of each article that tell it, a reader's annotation of the seeds kept here and
nowhere in the tool), how many of those articles end up in one event; the publication window inferred
for each undated article; the check's errors and warnings, and whether the two known disagreements
(the executive order's terms; the research institute called internal and independent) are among them.
Then the same with the hand-written `rules/`, to compare with what the catalog gives. Prints figures only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.corpus import read_corpus  # noqa: E402 (after the path set-up)

# event -> (articles needed in one event, {article prefix: words of the sentence that tells it})
GOLD: dict[str, tuple[int, dict[str, str]]] = {
    "Anthropic's post": (
        4,
        {
            "000": "said in a blog post Thursday",
            "002": "said in a blog post Thursday",
            "003": "blog post published Thursday",
            "004": "released a report Thursday",
        },
    ),
    "OpenAI's report": (
        3,
        {
            "000": "OpenAI's position, released Wednesday",
            "002": "in a report published Wednesday",
            "003": "published a report pushing for",
            "001": "outlined in a report published just before",
        },
    ),
    "executive order": (
        4,
        {
            "000": "executive order this week asked",
            "001": "executive order issued earlier in the week",
            "003": "issued an executive order placing",
            "004": "signed an executive order this week",
        },
    ),
    "blacklist": (
        3,
        {
            "000": "blacklist set to take effect later in 2026",
            "001": "blacklist, set to take effect later in 2026",
            "003": "blacklist that is set to take effect in 2026",
        },
    ),
    "2023 pause call": (
        3,
        {
            "000": "backed a 2023 effort by the Future of Life Institute",
            "001": "backed a push by the non-profit Future of Life Institute",
            "003": "Future of Life Institute led a prominent push",
        },
    ),
}
# known disagreements: (name, words one side quotes, words the other side quotes)
DISAGREEMENTS = (
    ("executive order's terms", "voluntarily submit", "30 days to review"),
    ("internal vs independent institute", "internal research institute", "independent research institute"),
)


def timeline_cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "timeline", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT)


def gold_spans() -> dict[str, dict[str, tuple[str, int, int]]]:
    """Per gold event, per article prefix: the document id and where its gold words are in its text."""
    documents, _ = read_corpus([ROOT / "corpus"])
    spans: dict[str, dict[str, tuple[str, int, int]]] = {}
    for name, (_, sentences) in GOLD.items():
        for prefix, words in sentences.items():
            document = next(d for d in documents if d.id.startswith(prefix))
            if document.text.count(words) != 1:
                raise SystemExit(f"gold words not found once in {document.id}: {words!r}")
            start = document.text.index(words)
            spans.setdefault(name, {})[prefix] = (document.id, start, start + len(words))
    return spans


def event_figures(timeline: dict[str, Any]) -> list[tuple[str, int, int]]:
    """Per gold event: (name, articles needed, most of its gold articles found in one event). An article
    is in an event when one of the event's mentions quotes some of its gold words (a statement quotes one
    clause: "a blacklist | that is set to take effect in 2026")."""
    rows = []
    for name, spans in gold_spans().items():
        holding: dict[str, set[str]] = {}
        for event in timeline["events"]:
            for mention in event["mentions"]:
                for prefix, (doc, start, end) in spans.items():
                    if mention["doc"] == doc and mention["start"] < end and start < mention["end"]:
                        holding.setdefault(event["id"], set()).add(prefix)
        best = max((len(docs) for docs in holding.values()), default=0)
        rows.append((name, GOLD[name][0], best))
    return rows


def finding_figures(findings: list[dict[str, Any]]) -> tuple[list[str], list[dict[str, Any]]]:
    """The known disagreements flagged at warning or above, and the other warnings/errors."""
    loud = [finding for finding in findings if finding["severity"] in ("error", "warning")]
    found, explained = [], set()
    for name, one, other in DISAGREEMENTS:
        for index, finding in enumerate(loud):
            quotes = " ".join(item["quote"] + " " + (item["value"] or "") for item in finding["evidence"])
            if one in quotes and other in quotes:
                found.append(f"{name}: {finding['severity']} {finding['rule']}")
                explained.add(index)
                break
        else:
            found.append(f"{name}: NOT FLAGGED")
    return found, [finding for index, finding in enumerate(loud) if index not in explained]


def report(label: str, rules: Path, workdir: Path, show: bool) -> None:
    output = workdir / f"{label}.json"
    built = timeline_cli("build", "corpus", "--rules", str(rules), "-o", str(output), "--no-cache")
    if built.returncode != 0:
        raise SystemExit(f"build failed: {built.stderr}")
    timeline = json.loads(output.read_text(encoding="utf-8"))
    checked = timeline_cli("check", "corpus", "--rules", str(rules), "--format", "json", "--no-cache")
    findings = json.loads(checked.stdout)["findings"]
    print(f"\n== {label}: timeline build/check corpus --rules {rules}")
    multi = [e for e in timeline["events"] if len({m["doc"] for m in e["mentions"]}) > 1]
    print(f"{len(timeline['events'])} events, {len(multi)} told by more than one article")
    print(f"{'event':24}{'need':>6}{'in one':>8}")
    for name, needed, best in event_figures(timeline):
        verdict = "ok" if best >= needed else "SHORT"
        print(f"{name:24}{needed:>6}{best:>8}  {verdict}")
    for document in timeline["documents"]:
        if document["published"] is None:
            window = document["published_window"]
            shown = f"{window['earliest']} – {window['latest']}" if window else "NO WINDOW"
            print(f"window {document['id']}: {shown}")
    flagged, others = finding_figures(findings)
    for line in flagged:
        print(f"flagged {line}")
    print(f"other errors/warnings: {len(others)}")
    if show:
        for event in multi:
            docs = sorted({m["doc"][:3] for m in event["mentions"]})
            print(f"  [{event['date']['value']}] {event['title'][:80]} ({', '.join(docs)})")
            for reason in event.get("merge_reasons", [])[:3]:
                print(f"      because {reason[:150]}")
        for finding in others:
            print(f"  {finding['severity']} {finding['rule']}: {finding['message'][:200]}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--show", action="store_true", help="list multi-article events and other findings")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        workdir = Path(temporary)
        empty = workdir / "empty-rules"
        empty.mkdir()
        report("empty", empty, workdir, args.show)
        report("rules", ROOT / "rules", workdir, args.show)


if __name__ == "__main__":
    main()
