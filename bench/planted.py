"""Planted contradictions: change one fact in one article, check with no rules, see if `timeline` says so.

    python bench/planted.py                                  # the bundled corpus/
    python bench/planted.py ../shared/bench/semeval2015-trial/corpus.jsonl --per-kind 10
    python bench/planted.py CORPUS --rules rules/ --show     # with a rules folder; list every change

A fact is something two articles both tell (bench/planted_facts.py): the same date, the same number of
the same thing, the same name in the same role (a place, a court, an organisation, read by the project's
role reader) or the same word that has an opposite, in sentences of different articles that tell the same
thing. The facts are found in the text itself, never from a list of facts. One such fact is changed in
one of the articles (Thursday -> Sunday, 2023 -> 2021, 12 -> 19, in Houston -> in Dallas where the corpus
names Dallas as a place elsewhere, confirmed -> denied), the corpus is checked through the real CLI, and
the change counts as found when a new error or warning quotes the changed words. Prints, per kind, the
facts found, the changes tried and found, and the recall; then the errors and warnings on the unchanged
corpus (false alarms, per ten articles). Prints figures only; nothing passes or fails.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planted_facts import KINDS, Change, Fact, find_facts  # noqa: E402 (after the path set-up)

from timeline.corpus import Document, read_corpus  # noqa: E402


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
        changes = find_facts(documents, args.context)
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
