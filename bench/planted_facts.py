"""The facts `bench/planted.py` may change: what two articles both tell, found in the text itself.

A fact is a date (read by the tagger), a number with the word it counts, a name in a role (read by the
project's shared role reader: a place, a court, an organisation, a person) or a word that has an
opposite, in sentences of two articles that tell the same thing: they share `context` other content
words, a name among them, and two of the words next to the fact ("blog post | Thursday"; for an opposed
word, the word it applies to: "increase the | risks").
Each fact gets a replacement of the same kind: a date moved (Thursday -> Sunday, 2023 -> 2021), a number
half as large again, another name the corpus uses in the same role, the opposite word. The opposites are
a short list of general English kept here, apart from the project's own data file, so a pair the checks
do not know counts as missed.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

from timeline.corpus import Document
from timeline.events.roles import read_role_values
from timeline.temporal import tag

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
# a number standing alone (not "iPhone 4", "3GS", "'11", "10.4.1")
_NUMBER = re.compile(
    r"(?<![\w.$'\u2019])(?<![A-Za-z] )(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w.]\d|[A-Za-z])"
)
ABBREVIATIONS = frozenset({"Inc", "Corp", "Co", "Ltd", "Bros", "Jr", "Sr"})  # written with a dot
NEIGHBOUR_WORDS = 4  # words on each side of a fact that say what it is about
NEAR_SHARED = 2  # of those content words the other article's sentence must use too


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
    near: frozenset[str]  # the content words next to it (for an opposed word: the one it applies to)


@dataclass(frozen=True)
class Change:
    fact: Fact
    replacement: str
    partner: Fact  # the same fact told by another document


def content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) >= 4 and w.lower() not in STOPWORDS}


def find_facts(documents: list[Document], context: int) -> dict[str, list[Change]]:
    """Facts told by at least two articles, each with a replacement and the partner article.

    A name found in half the articles or more is the story's topic ("Apple"), not a fact to change.
    """
    found: list[Fact] = []
    names: dict[str, set[str]] = defaultdict(set)  # role -> names the corpus uses in it
    for document in documents:
        for sentence in document.sentences:
            found.extend(_sentence_facts(document, sentence.start, sentence.end, names))
    spread: dict[str, set[str]] = defaultdict(set)
    for fact in found:
        spread[fact.key].add(fact.doc)
    topic = {key for key, docs in spread.items() if len(documents) >= 4 and 2 * len(docs) >= len(documents)}
    facts: dict[str, list[Fact]] = defaultdict(list)
    for fact in found:
        if fact.kind != "name" or fact.key not in topic:
            facts[fact.key].append(fact)
    by_doc = {document.id: document for document in documents}
    changes: dict[str, list[Change]] = defaultdict(list)
    for _, group in sorted(facts.items()):
        for fact in group:
            partners = [other for other in group if _same_fact(fact, other, context)]
            replacement = _replace(fact, names, by_doc[fact.doc])
            if partners and replacement is not None:
                partner = max(partners, key=lambda other: (len(fact.context & other.context), other.doc))
                changes[fact.kind].append(Change(fact, replacement, partner))
    return changes


def _same_fact(fact: Fact, other: Fact, context: int) -> bool:
    """Told by another article in a sentence about the same thing."""
    if other.doc == fact.doc or len(fact.context & other.context) < context or not fact.names & other.names:
        return False
    return len(fact.near & other.context) >= (1 if fact.kind == "contrast" else NEAR_SHARED)


def _sentence_facts(document: Document, start: int, end: int, names: dict[str, set[str]]) -> list[Fact]:
    text = document.text[start:end]
    dates = _dates(text, document)
    found = dates + _numbers(text, [(s, e) for _, s, e, _ in dates]) + _contrasts(text)
    for value in read_role_values(text):
        if value.text[:1].isupper() and value.text.split()[0] not in WEEKDAYS + MONTHS:
            stop = value.end
            # "Apple Inc. Steve Jobs": the abbreviation's dot goes with the name, or a replacement would
            # leave it behind as a sentence's end ("NPD Group. Steve Jobs")
            if (
                text[stop : stop + 1] == "."
                and value.text.split()[-1] in ABBREVIATIONS
                and text[stop + 1 : stop + 2] in (" ", ",", ";")
            ):
                stop += 1
            found.append(("name", value.start, stop, f"{value.role}: {value.normalized}"))
            names[value.role].add(value.text)
    words = content_words(text)
    capitalised = {w.lower() for w in _WORD.findall(text)[1:] if w[0].isupper()}
    facts = []
    for kind, s, e, key in found:
        context = frozenset(words - content_words(text[s:e]))
        near = _neighbours(text, s, e, kind == "contrast")
        names_in = context & capitalised
        facts.append(Fact(kind, document.id, start + s, start + e, text[s:e], key, context, names_in, near))
    return facts


def _dates(text: str, document: Document) -> list[tuple[str, int, int, str]]:
    found = []
    for timex in tag(text, document.published):
        if timex.type != "DATE" or not any(ch.isdigit() or ch.isupper() for ch in timex.text):
            continue
        resolved = f"{timex.earliest}/{timex.latest}" if timex.earliest else timex.text.lower()
        found.append(("date", timex.start, timex.end, f"date {resolved}"))
    return found


def _numbers(text: str, dated: list[tuple[int, int]]) -> list[tuple[str, int, int, str]]:
    """Numbers, not inside a date, a year or a name ("iPhone 4"), with the word they count."""
    found = []
    for match in _NUMBER.finditer(text):
        value = match.group(1).replace(",", "")
        inside_date = any(s <= match.start() < e for s, e in dated)
        after_name = text[: match.start()].rstrip().split()[-1:][:1] in (
            [word] for word in text.split() if word[:1].isupper()
        )
        a_year = len(value) == 4 and value.startswith(("19", "20"))
        if not (inside_date or after_name or a_year):
            key = f"number {value} {_counted(text, match.end())}"
            found.append(("number", match.start(1), match.end(1), key))
    for match in re.finditer(r"\b(" + "|".join(NUMBER_WORDS[2:]) + r")\b", text):
        key = f"number {NUMBER_WORDS.index(match.group(1))} {_counted(text, match.end())}"
        found.append(("number", match.start(), match.end(), key))
    return found


def _contrasts(text: str) -> list[tuple[str, int, int, str]]:
    opposed = {word for pair in OPPOSITES for word in pair}
    return [
        ("contrast", match.start(), match.end(), f"contrast {match.group().lower()}")
        for match in _WORD.finditer(text)
        if match.group().lower() in opposed
    ]


def _counted(text: str, end: int) -> str:
    """The word after a number ("12 miners", "six months"): what it counts."""
    following = _WORD.search(text, end)
    return following.group().lower().rstrip("s") if following else ""


def _neighbours(text: str, start: int, end: int, applied: bool) -> frozenset[str]:
    """The content words within `NEIGHBOUR_WORDS` words of a fact ("blog post | Thursday"); for an opposed
    word only the first one after it, what it applies to ("increase the | risks"), else the last before."""
    after = [w.lower() for w in _WORD.findall(text[end:])[:NEIGHBOUR_WORDS] if content_words(w)]
    before = [w.lower() for w in _WORD.findall(text[:start])[-NEIGHBOUR_WORDS:] if content_words(w)]
    if applied:
        return frozenset(after[:1] or before[-1:])
    return frozenset(after + before)


def _replace(fact: Fact, names: dict[str, set[str]], document: Document) -> str | None:
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
        return _other_name(fact, names[fact.key.split(":")[0]], document)
    for a, b in OPPOSITES:
        for word, opposite in ((a, b), (b, a)):
            if text.lower() == word:
                return opposite.capitalize() if text[0].isupper() else opposite
    return None


def _other_name(fact: Fact, used: set[str], document: Document) -> str | None:
    """Another name the corpus uses in the same role, not near the fact; as many words if there is one."""
    around = document.text[max(fact.start - 300, 0) : fact.end + 300]
    others = sorted(name for name in used if name not in around and fact.text not in name)
    same_length = [name for name in others if len(name.split()) == len(fact.text.split())]
    options = same_length or others
    if not options:
        return None
    return options[int(hashlib.sha256(fact.key.encode()).hexdigest(), 16) % len(options)]


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
