"""Make a synthetic JSONL corpus of N articles from the project's real stories, for scale benchmarks.

    python bench/make_corpus.py 10000 /tmp/corpus-10k.jsonl [--seed 1] [--per-story 8]

Templates are the seed story (corpus/) and the test stories (tests/stories/, tests/check/stories/), read with
the real corpus reader. Articles come in stories of a few articles each: a story shifts every dated
expression of its template by the same number of days (found with the real tagger, so the dates stay
consistent across a story's articles and the merge has real work to do), renames the template's most frequent
proper names, and each article drops some sentences and is published up to a few days after the story date.
Deterministic: the same arguments give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from timeline.corpus import iter_sources, read_document
from timeline.diagnostics import InputError, InputProblem
from timeline.temporal import tag

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_FOLDERS = [ROOT / "corpus", ROOT / "tests" / "stories", ROOT / "tests" / "check" / "stories"]

# Invented names to swap in, so stories differ in who they are about.
ORGANISATIONS = [
    "Northwind", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella Labs", "Tyrell", "Cyberdyne",
    "Hooli", "Vandelay", "Wayne Systems", "Stark Research", "Aperture", "Soylent", "Monarch", "Oscorp",
]  # fmt: skip
# A word that starts a capitalised run but is no name (sentence openers, weekdays, months).
NOT_NAMES = re.compile(
    r"^(The|A|An|In|On|At|It|This|That|These|Those|But|And|For|He|She|They|We|I|If|As|By|Its|Our|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|Published|Updated)$"
)
PROPER_NAME = re.compile(r"\b[A-Z][a-zA-Z]{2,}\b")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


@dataclass
class Template:
    title: str
    published: date
    text: str
    dated_spans: list[tuple[int, int, date]]  # day-precise expressions: rewritten when a story shifts
    names: list[str]  # most frequent proper names, swapped per story


def load_templates() -> list[Template]:
    templates: list[Template] = []
    folders = [folder for folder in TEMPLATE_FOLDERS if folder.is_dir()]
    for item in iter_sources(folders):
        if isinstance(item, InputProblem):
            continue
        try:
            document = read_document(item)
        except InputError:
            continue
        if document.published is None or not document.text.strip():
            continue
        spans = [
            (timex.start, timex.end, date.fromisoformat(timex.value))
            for timex in tag(document.text, document.published)
            if timex.type == "DATE" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", timex.value)
        ]
        counts = Counter(word for word in PROPER_NAME.findall(document.text) if not NOT_NAMES.match(word))
        names = [word for word, count in counts.most_common(4) if count > 1]
        templates.append(Template(document.title or "", document.published, document.text, spans, names))
    if not templates:
        raise SystemExit("no template articles found (corpus/ is empty?)")
    return templates


def story_text(template: Template, shift: timedelta, renames: dict[str, str]) -> str:
    pieces: list[str] = []
    cursor = 0
    for start, end, day in template.dated_spans:
        pieces.append(template.text[cursor:start])
        shifted = day + shift
        pieces.append(f"{shifted:%B} {shifted.day}, {shifted.year}")
        cursor = end
    pieces.append(template.text[cursor:])
    return rename("".join(pieces), renames)


def rename(text: str, renames: dict[str, str]) -> str:
    for old, new in renames.items():
        text = re.sub(rf"\b{re.escape(old)}\b", new, text)
    return text


def vary(text: str, rng: random.Random) -> str:
    """Drop about a fifth of the sentences after the first paragraph: each source tells it differently."""
    head, _, body = text.partition("\n\n")
    kept = [sentence for sentence in SENTENCE.split(body) if rng.random() > 0.2]
    return head + "\n\n" + " ".join(kept)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("count", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="JSONL file to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-story", type=int, default=8, help="articles per story (on average)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    templates = load_templates()
    written = 0
    story = 0
    with args.out.open("w", encoding="utf-8", newline="\n") as out:
        while written < args.count:
            story += 1
            template = rng.choice(templates)
            shift = timedelta(days=rng.randint(-3650, 3650))
            renames = {name: rng.choice(ORGANISATIONS) for name in template.names if rng.random() < 0.7}
            text = story_text(template, shift, renames)
            title = rename(template.title, renames)
            for article in range(min(rng.randint(1, 2 * args.per_story - 1), args.count - written)):
                published = template.published + shift + timedelta(days=rng.randint(0, 3))
                record = {
                    "id": f"s{story:06d}-a{article:02d}",
                    "title": title,
                    "source": f"Outlet {rng.randint(1, 200)}",
                    "published": published.isoformat(),
                    "text": vary(text, rng),
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
    print(f"wrote {written} articles in {story} stories from {len(templates)} templates to {args.out}")


if __name__ == "__main__":
    main()
