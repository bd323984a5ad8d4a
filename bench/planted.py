"""Planted contradictions: change one fact in one article, check with no rules, see if `timeline` says so.

    python bench/planted.py                                  # the bundled corpus/
    python bench/planted.py ../shared/bench/semeval2015-trial/corpus.jsonl --per-kind 10
    python bench/planted.py CORPUS --rules rules/ --show     # with a rules folder; list every change

A fact is something two articles both tell: the same date (a weekday, a day, a month, a year), the same
number, the same name after the same preposition ("in Houston", "by the Pentagon") or the same word that
has an opposite, in sentences of different articles that share at least `--context` other content words.
The facts are found in the text itself (the tagger reads the dates), never from a list of facts. One
such fact is changed in one of the articles (Thursday -> Sunday, 2023 -> 2021, 12 -> 19, in Houston -> in
Dallas where the corpus names Dallas after "in" elsewhere, confirmed -> denied), the corpus is checked
through the real CLI, and the change counts as found when a new error or warning quotes the changed
words. Opposites come from a short list of general English kept here, separate from the project's own
data file, so a pair the checks do not know counts as missed. Also prints the errors and warnings on the
unchanged corpus (false alarms, per ten articles). Prints figures only; nothing passes or fails.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.corpus import Document, read_corpus  # noqa: E402 (after the path set-up)
from timeline.temporal import tag  # noqa: E402

KINDS = ("date", "number", "name", "contrast")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
NUMBER_WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty",
]  # fmt: skip
# General English opposites a reporter could swap (both directions are used).
OPPOSITES = [
    ("voluntary", "mandatory"), ("voluntarily", "compulsorily"), ("internal", "independent"),
    ("confirmed", "denied"), ("approved", "rejected"), ("accepted", "rejected"), ("won", "lost"),
    ("rose", "fell"), ("increased", "decreased"), ("higher", "lower"), ("public", "private"),
    ("legal", "illegal"), ("domestic", "foreign"), ("guilty", "innocent"), ("open", "closed"),
    ("opened", "closed"), ("temporary", "permanent"), ("temporarily", "permanently"),
    ("official", "unofficial"), ("profit", "loss"), ("upgraded", "downgraded"),
    ("acquitted", "convicted"), ("resigned", "fired"), ("allowed", "banned"), ("support", "oppose"),
    ("supported", "opposed"), ("success", "failure"), ("succeeded", "failed"),
    ("released", "withheld"), ("increase", "decrease"),
]  # fmt: skip
_STOPWORDS_TEXT = """
about above after again against also among because been before being below between both could does doing
down during each from further have having here into itself just more most much must only other over same
should some such than that their them then there these they this those through under until very were what
when where which while will with would your said says year years week weeks month months today yesterday
tomorrow
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
# a preposition after a lowercase word (not inside a name), then a capitalised name ("of" may join its words)
_NAME = re.compile(
    r"(?<=[a-z,] )(in|at|from|by|to|of|with|for)\s+(?:the\s+)?"
    r"([A-Z][\w&-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w&-]*){0,4})"
)
# a number standing alone (not "iPhone 4", "3GS", "'11", "10.4.1")
_NUMBER = re.compile(
    r"(?<![\w.$'\u2019])(?<![A-Za-z] )(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w.]\d|[A-Za-z])"
)


@dataclass(frozen=True)
class Fact:
    kind: str
    doc: str
    start: int  # in the cleaned text of `doc`
    end: int
    text: str
    key: str  # what makes two facts the same fact
    context: frozenset[str]  # the sentence's other content words
    names: frozenset[str]  # the capitalised words among them (not a sentence's first word)


@dataclass(frozen=True)
class Change:
    fact: Fact
    replacement: str
    partner: Fact  # the same fact told by another document


def content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) >= 4 and w.lower() not in STOPWORDS}


def sentence_facts(document: Document, start: int, end: int, names: set[str]) -> list[Fact]:
    text = document.text[start:end]
    found: list[tuple[str, int, int, str]] = []  # kind, start, end (in text), key
    dct = document.published
    for timex in tag(text, dct):
        if timex.type != "DATE" or not any(ch.isdigit() or ch.isupper() for ch in timex.text):
            continue
        resolved = f"{timex.earliest}/{timex.latest}" if timex.earliest else timex.text.lower()
        found.append(("date", timex.start, timex.end, resolved))
    dated = [(s, e) for kind, s, e, _ in found]
    for match in _NUMBER.finditer(text):
        inside_date = any(s <= match.start() < e for s, e in dated)
        value = match.group(1).replace(",", "")
        after_name = text[: match.start()].rstrip().split()[-1:] in (
            [w] for w in text.split() if w[:1].isupper()
        )
        if not inside_date and not after_name and not (len(value) == 4 and value.startswith(("19", "20"))):
            found.append(("number", match.start(1), match.end(1), f"{value} {counted(text, match.end())}"))
    for match in re.finditer(r"\b(" + "|".join(NUMBER_WORDS[2:]) + r")\b", text):
        value = str(NUMBER_WORDS.index(match.group(1)))
        found.append(("number", match.start(), match.end(), f"{value} {counted(text, match.end())}"))
    for match in _NAME.finditer(text):
        name = match.group(2).strip()
        previous = text[: match.start()].split()
        # "Future of Life": this "of" is inside a name (a capital at the sentence's start says nothing)
        inside_name = len(previous) > 1 and previous[-1][:1].isupper()
        if not inside_name and name.split()[0] not in WEEKDAYS + MONTHS and len(name) > 2:
            found.append(("name", match.start(2), match.start(2) + len(name), f"{match.group(1)} {name}"))
            names.add(f"{match.group(1)} {name}")
    lowered = {word for pair in OPPOSITES for word in pair}
    for match in _WORD.finditer(text):
        if match.group().lower() in lowered:
            found.append(("contrast", match.start(), match.end(), match.group().lower()))
    words = content_words(text)
    capitalised = {w.lower() for w in _WORD.findall(text)[1:] if w[0].isupper()}
    facts = []
    for kind, s, e, key in found:
        context = frozenset(words - content_words(text[s:e]))
        facts.append(
            Fact(kind, document.id, start + s, start + e, text[s:e], key, context, context & capitalised)
        )
    return facts


def counted(text: str, end: int) -> str:
    """The word after a number ("12 miners", "six months"): what it counts."""
    following = _WORD.search(text, end)
    return following.group().lower().rstrip("s") if following else ""


def find_facts(documents: list[Document], context: int) -> tuple[dict[str, list[Change]], set[str]]:
    """Facts told by at least two articles, each with a replacement and the partner article.

    The sentences must share `context` content words, a capitalised one among them. A name found in half
    the articles or more is the story's topic ("Apple"), not a fact to change.
    """
    found: list[Fact] = []
    names: set[str] = set()
    for document in documents:
        for sentence in document.sentences:
            found.extend(sentence_facts(document, sentence.start, sentence.end, names))
    spread: dict[str, set[str]] = defaultdict(set)
    for fact in found:
        for word in fact.context | {fact.key}:
            spread[word].add(fact.doc)
    common = {
        word for word, docs in spread.items() if len(documents) >= 4 and 2 * len(docs) >= len(documents)
    }
    facts: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in found:
        if fact.kind != "name" or not content_words(fact.text) <= common:
            facts[(fact.kind, fact.key)].append(fact)
    by_doc = {document.id: document for document in documents}
    changes: dict[str, list[Change]] = defaultdict(list)
    for (kind, _), group in sorted(facts.items()):
        for fact in group:
            partners = [
                other
                for other in group
                if other.doc != fact.doc
                and len(fact.context & other.context) >= context
                and fact.names & other.names  # and at least one name
            ]
            replacement = replace(fact, names, by_doc[fact.doc])
            if partners and replacement is not None:
                partner = max(partners, key=lambda other: (len(fact.context & other.context), other.doc))
                changes[kind].append(Change(fact, replacement, partner))
    return changes, names


def replace(fact: Fact, names: set[str], document: Document) -> str | None:
    text = fact.text
    if fact.kind == "date":
        return changed_date(text)
    if fact.kind == "number":
        if text.lower() in NUMBER_WORDS:
            value = NUMBER_WORDS.index(text.lower())
            new = NUMBER_WORDS[(value * 3 // 2 + 1) % len(NUMBER_WORDS)]
            return new.capitalize() if text[0].isupper() else new
        number = float(text.replace(",", ""))
        new_value = number * 1.5 + 1
        return f"{new_value:.{len(text.split('.')[1])}f}" if "." in text else f"{int(new_value)}"
    if fact.kind == "name":
        preposition = fact.key.split()[0]
        sentence = document.text[max(fact.start - 300, 0) : fact.end + 300]
        others = sorted(
            {tuple(name.split(" ", 1)) for name in names if name.split(" ", 1)[1] not in sentence}
        )
        words = len(fact.text.split())
        # best a name used after the same preposition with as many words ("at University of Houston")
        ranked = (
            [name for prep, name in others if prep == preposition and len(name.split()) == words],
            [name for prep, name in others if len(name.split()) == words],
            [name for prep, name in others if prep == preposition],
            [name for _, name in others],
        )
        options = next((option for option in ranked if option), [])
        if not options:
            return None
        digest = int(hashlib.sha256(fact.key.encode()).hexdigest(), 16)
        return options[digest % len(options)]
    for a, b in OPPOSITES:
        for word, opposite in ((a, b), (b, a)):
            if text.lower() == word:
                return opposite.capitalize() if text[0].isupper() else opposite
    return None


def changed_date(text: str) -> str | None:
    for weekday in WEEKDAYS:
        if weekday in text:
            return text.replace(weekday, WEEKDAYS[(WEEKDAYS.index(weekday) + 3) % 7])
    month_day = re.search(r"(" + "|".join(MONTHS) + r")\.?\s+(\d{1,2})\b", text)
    if month_day:
        day = int(month_day.group(2))
        new_day = day + 5 if day <= 20 else day - 9
        return text[: month_day.start(2)] + str(new_day) + text[month_day.end(2) :]
    year = re.search(r"\b(19|20)\d\d\b", text)
    if year:
        return text[: year.start()] + str(int(year.group()) - 2) + text[year.end() :]
    for month in MONTHS:
        if month in text:
            return text.replace(month, MONTHS[(MONTHS.index(month) + 3) % 12])
    return None


class Corpus:
    """A copy of the corpus whose raw text can be edited one article at a time."""

    def __init__(self, path: Path, documents: list[Document], workdir: Path) -> None:
        self.path, self.documents, self.workdir = path, documents, workdir

    def raw_texts(self) -> dict[str, str]:
        if self.path.is_file() and self.path.suffix == ".jsonl":
            records = [
                json.loads(line) for line in self.path.read_text(encoding="utf-8").splitlines() if line
            ]
            return {str(record["id"]): record["text"] for record in records}
        return {d.id: Path(d.path).read_text(encoding="utf-8", errors="replace") for d in self.documents}

    def write_changed(self, doc: str, raw: str) -> Path:
        """The corpus with document `doc` replaced by `raw`, in a fresh folder; returns the corpus path."""
        target = self.workdir / "changed"
        shutil.rmtree(target, ignore_errors=True)
        if self.path.is_file():
            target.mkdir(parents=True)
            lines = []
            for line in self.path.read_text(encoding="utf-8").splitlines():
                record = json.loads(line) if line else None
                if record is not None and str(record["id"]) == doc:
                    record["text"] = raw
                    line = json.dumps(record, ensure_ascii=False)
                lines.append(line)
            (target / self.path.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
            return target / self.path.name
        shutil.copytree(self.path, target)
        document = next(d for d in self.documents if d.id == doc)
        (target / Path(document.path).relative_to(self.path)).write_text(raw, encoding="utf-8")
        return target


def edit(raw: str, document: Document, fact: Fact, replacement: str) -> str | None:
    """`raw` with the fact's words replaced, found by their context in the cleaned text (unique match)."""
    for margin in (30, 15, 6):
        before = document.text[max(fact.start - margin, 0) : fact.start]
        after = document.text[fact.end : fact.end + margin]
        needle = before + fact.text + after
        if raw.count(needle) == 1:
            at = raw.index(needle) + len(before)
            return raw[:at] + replacement + raw[at + len(fact.text) :]
    return None


def run_check(corpus: Path, rules: Path, cache: Path) -> list[dict]:
    command = [sys.executable, "-m", "timeline", "check", str(corpus), "--rules", str(rules)]
    command += ["--format", "json", "--cache-dir", str(cache), "--jobs", "1"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode not in (0, 1):
        raise SystemExit(f"timeline check failed ({done.returncode}): {done.stderr.strip()[:500]}")
    findings: list[dict] = json.loads(done.stdout)["findings"]
    return [finding for finding in findings if finding["severity"] in ("error", "warning")]


def finding_key(finding: dict) -> tuple[str, frozenset[tuple[str, int]]]:
    return finding["rule"], frozenset((item["doc"], item["line"]) for item in finding["evidence"])


def caught(findings: list[dict], baseline: list[dict], doc: str, replacement: str) -> list[str]:
    """Rules of the new findings (not on the unchanged corpus) that quote the changed words."""
    known = {finding_key(finding) for finding in baseline}
    return sorted(
        {
            finding["rule"]
            for finding in findings
            if finding_key(finding) not in known
            and any(item["doc"] == doc and replacement in item["quote"] for item in finding["evidence"])
        }
    )


def sentence_of(document: Document, fact: Fact) -> str:
    for sentence in document.sentences:
        if sentence.start <= fact.start < sentence.end:
            return " ".join(document.text[sentence.start : sentence.end].split())
    return ""


def choose(changes: list[Change], count: int, seed: int) -> list[Change]:
    """`count` changes spread over facts and articles, the same every run for the same seed."""

    def rank(change: Change) -> str:
        return hashlib.sha256(f"{seed}|{change.fact.doc}|{change.fact.start}".encode()).hexdigest()

    picked: list[Change] = []
    keys: set[str] = set()
    for change in sorted(changes, key=rank):  # one change per fact first, then repeats
        if change.fact.key not in keys:
            picked.append(change)
            keys.add(change.fact.key)
    picked += [change for change in sorted(changes, key=rank) if change not in picked]
    return picked[:count]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "corpus")
    parser.add_argument("--rules", type=Path, help="rules folder (default: an empty one)")
    parser.add_argument("--per-kind", type=int, default=10, help="changes tried per kind of fact")
    parser.add_argument("--context", type=int, default=3, help="content words two sentences must share")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", action="store_true", help="list every change and the false alarms")
    args = parser.parse_args()
    documents, problems = read_corpus([args.corpus])
    if problems:
        print(f"{len(problems)} input problem(s); first: {problems[0]}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as temporary:
        workdir = Path(temporary)
        rules = args.rules or workdir / "empty-rules"
        rules.mkdir(exist_ok=True)
        corpus = Corpus(args.corpus.resolve(), documents, workdir)
        raw = corpus.raw_texts()
        by_id = {document.id: document for document in documents}
        baseline = run_check(args.corpus.resolve(), rules, workdir / "cache")
        changes, _ = find_facts(documents, args.context)
        rows = []
        for kind in KINDS:
            tried = found = 0
            for change in choose(changes.get(kind, []), args.per_kind, args.seed):
                fact = change.fact
                edited = edit(raw[fact.doc], by_id[fact.doc], fact, change.replacement)
                if edited is None:
                    continue
                tried += 1
                findings = run_check(corpus.write_changed(fact.doc, edited), rules, workdir / "cache")
                rules_fired = caught(findings, baseline, fact.doc, change.replacement)
                found += bool(rules_fired)
                if args.show:
                    verdict = ", ".join(rules_fired) if rules_fired else "MISSED"
                    partner = change.partner
                    print(f"  {kind:8} {fact.doc}: '{fact.text}' -> '{change.replacement}': {verdict}")
                    print(f"      {sentence_of(by_id[fact.doc], fact)[:200]}")
                    print(f"      {partner.doc}: {sentence_of(by_id[partner.doc], partner)[:200]}")
            recall = f"{found / tried:.2f}" if tried else "-"
            rows.append((kind, len(changes.get(kind, [])), tried, found, recall))
    print(f"\ncorpus: {args.corpus} ({len(documents)} articles), rules: {args.rules or 'none'}")
    print(f"{'kind':10}{'facts':>7}{'tried':>7}{'found':>7}{'recall':>8}")
    for kind, facts, tried, found, recall in rows:
        print(f"{kind:10}{facts:>7}{tried:>7}{found:>7}{recall:>8}")
    per_ten = 10 * len(baseline) / max(len(documents), 1)
    print(f"unchanged corpus: {len(baseline)} error(s)/warning(s), {per_ten:.2f} per ten articles")
    if args.show:
        for finding in baseline:
            print(f"  {finding['severity']} {finding['rule']}: {finding['message'][:160]}")


if __name__ == "__main__":
    main()
