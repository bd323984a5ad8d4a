"""Detection patterns of the temporal tagger, compiled once from resources/.

The YAML files are data (HeidelTime style): lexicon.yaml holds the word lists (typed in words.py),
patterns/<family>.yaml the rule templates whose `{placeholders}` become alternations of those words.
Every rule, in registry.RULE_ORDER, is compiled into one regular expression so the whole text is scanned
in C; each rule's groups are renamed `r<index>_<group>` because one pattern cannot reuse a group name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from timeline.temporal.morphology import irregular_past_forms
from timeline.temporal.registry import RULE_ORDER
from timeline.temporal.scanner import Heads, Scanner
from timeline.temporal.words import TenseCues, Words, read_resource, words

_GROUP_NAME = re.compile(r"\(\?P<(\w+)>")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Rule:
    """One detection rule: its name (the normaliser to call) and the names of its groups."""

    name: str
    group: str  # the outer group that tells this rule matched
    prefix: str  # prefix of this rule's groups in the compiled pattern
    groups: tuple[str, ...]
    # each group's name in the compiled pattern, by its name in the rule ("month" -> "r3_month")
    compiled_names: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class WordsBefore:
    """One of some words, then blanks, right before a position ("will be " before "paid"). The words end
    where those blanks start, so the search starts no further back than the longest word."""

    pattern: re.Pattern[str]  # ends in `\s+$`
    longest: int | None  # None: a word has blanks inside, search the whole text

    @classmethod
    def of(cls, words: list[str], opening: str = r"\b") -> WordsBefore:
        longest = None if any(" " in word for word in words) else max(map(len, words), default=0)
        return cls(re.compile(opening + _alternation(words) + r"\s+$", re.IGNORECASE), longest)

    def at(self, text: str, position: int) -> bool:
        start = position
        if self.longest is None:
            start = 0
        else:
            while start and text[start - 1].isspace():
                start -= 1
            start = max(0, start - self.longest)
        return self.pattern.search(text, start, position) is not None


@dataclass(frozen=True)
class Lexicon:
    words: Words
    rules: tuple[Rule, ...]
    rule_by_group: dict[str, Rule]
    scanner: Scanner  # the first rule that matches at a position
    heads: Heads  # the words every time expression contains at least one of (re2: far faster than `re`)
    lead_words: frozenset[str]  # words an expression may start with before its head word
    lead_words_reversed: frozenset[str]  # the same, spelt backwards (the tagger reads them backwards)
    weekday_after_clock: re.Pattern[
        str
    ]  # a weekday shortly after a clock time, past a parenthesis or out of one
    proper_words: frozenset[str]  # words written with a capital in running text (months, weekdays, holidays)
    future_cue: re.Pattern[str]
    future_modal: re.Pattern[str]
    either_cue: re.Pattern[str]  # "would", "could": a future seen from the past, on either side of the DCT
    cue_start: re.Pattern[str]  # where a word of any tense cue list may start (the lists are tried there)
    passive_before: WordsBefore  # "will be" before a participle
    adjective_before: re.Pattern[str]  # "a still" before an "-ed" adjective
    past_cue: re.Pattern[str]
    scheduling_verbs: frozenset[str]  # "ends", "opens": future cues unless a noun ("both ends")
    noun_before: WordsBefore
    manner_participles: frozenset[str]  # "planned": no tense cue after `manner_before` ("as planned")
    manner_before: WordsBefore
    modal_before: WordsBefore  # "could last": a base form, not a past tense
    reporting_verbs: frozenset[str]  # past cues that date a report, not necessarily the news in it
    report_complement: re.Pattern[str]  # "that", "of": what follows is the reported news
    # The words right before a date that outweigh the clause's tense: a deadline ("by May") is read
    # as the nearest such date, "since March" looks back.
    deadline_before: re.Pattern[str]
    moved_to_before: re.Pattern[str]  # "postponed until Tuesday": a date something was moved to lies ahead
    past_before: re.Pattern[str]
    abbreviation_before: re.Pattern[str]  # "Mr", "Corp", an initial: the period after it ends no clause
    longest_abbreviation: int
    title_before: re.Pattern[str]  # "Dr. " before "Sunday": a name
    determiner_before: re.Pattern[str]  # "a June agreement": after a determiner a capitalised month is one
    preposition_before: re.Pattern[str]  # "in May", "since 1750": the word before makes it a date
    counted_noun_after: re.Pattern[str]  # "2000 people": the noun after makes it a count
    level_before: re.Pattern[str]  # "closed at 2082": a level, when far beyond the publication year
    age_after: re.Pattern[str]  # "-year-old", "and up": an age, not a length of time
    negation_before: re.Pattern[str]  # "not a day goes by"
    occasion_after: re.Pattern[str]  # "a day when": an occasion
    generic_present_after: re.Pattern[str]  # "today's consumers"
    rate_before: re.Pattern[str]  # "twice a year", "$5 a year": a rate, i.e. a SET


def patterns() -> list[dict[str, Any]]:
    """Every rule's entry (rule, pattern, examples) in the order the scanner tries them."""
    by_name = {
        entry["rule"]: entry
        for family in dict.fromkeys(family for _rule, family in RULE_ORDER)
        for entry in read_resource(f"patterns/{family}.yaml")
    }
    return [by_name[rule] for rule, _family in RULE_ORDER]


def _alternation(words: Iterable[str], *, abbreviations: frozenset[str] = frozenset()) -> str:
    """Regex alternation of words, written as a trie ("ju(?:ly|ne)") so the engine drops a branch at
    its first differing letter; longer words win over their prefixes. Spaces match any blank run."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}  # the end of a word
        if word in abbreviations:
            node.setdefault(".", {})[""] = {}  # "sept." as well as "sept"

    def branch(character: str) -> str:
        return {" ": r"\s+", "'": "['’]"}.get(character, re.escape(character))

    def emit(node: dict[str, Any]) -> str:
        branches = [branch(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(trie) + ")"


def abbreviations(table: dict[str, int]) -> frozenset[str]:
    """Keys that shorten a longer key with the same meaning ("sept" for "september")."""
    return frozenset(
        short
        for short, n in table.items()
        if any(k != short and k.startswith(short) and m == n for k, m in table.items())
    )


def _spoken_year(words: Words) -> str:
    """Years read out as words, as in broadcast transcripts: "nineteen ninety-six", "two thousand and one"."""
    numbers = words.number_words
    small = [w for w, n in numbers.items() if " " not in w and 1 <= n <= 19 and w not in ("a", "an")]
    tens = [w for w, n in numbers.items() if n in (20, 30, 40, 50, 60, 70, 80, 90)]
    teens = [w for w in small if numbers[w] >= 10]
    ones = [w for w in small if numbers[w] <= 9]
    two_digits = "|".join(
        [
            f"{_alternation(tens)}(?:[\\s-]+{_alternation(ones)})?",
            _alternation(teens),
            rf"oh[\s-]+{_alternation(ones)}",
        ]
    )
    century = f"(?:{_alternation([w for w in teens if numbers[w] >= 11])}|twenty)"
    two_thousand = rf"two\s+thousand(?:\s+and)?(?:\s+{_alternation(small)})?"
    return rf"(?:{century}[\s-]+(?:{two_digits}|hundred)|{two_thousand})"


def _placeholders(words: Words) -> dict[str, str]:
    full_weekdays = [w for w in words.weekdays if w not in words.ambiguous_weekdays]
    # Weekday abbreviations only with their period ("Fri."), "Sun" and "Wed" are words too.
    weekday = (
        "(?:" + _alternation(full_weekdays)[3:-1] + "|" + _alternation(words.ambiguous_weekdays) + r"\.)"
    )
    plain_numbers = _alternation([w for w in words.number_words if w not in ("a", "an")])
    # "a"/"an" count one on their own but never start a compound ("a two-year" is not three years).
    number = (
        r"(?:\d+(?:\.\d+)?(?:\s+1/2|½)?|"
        + plain_numbers
        + r"(?:[\s-]+(?:and[\s-]+)?"
        + plain_numbers
        + r"){0,3}|an?)(?![\w])"
    )
    units = "(?:" + "|".join(sorted(words.units, key=lambda w: -len(w))) + ")"
    return {
        "month": _alternation(words.months, abbreviations=abbreviations(words.months)),
        "weekday": weekday,
        "daypart": _alternation(words.day_parts),
        "year": r"(?:1\d{3}|20\d\d|" + _spoken_year(words) + ")",
        "zone": _alternation([zone.lower() for zone in words.time_zones]),
        "position": _alternation(words.position_mods),
        "shift": _alternation(words.relative_shift),
        "ordinal": _alternation(words.ordinals),
        "season": _alternation(words.seasons),
        "decade_word": _alternation(words.decade_words),
        "number": number,
        "unit": units,
        "vague": _alternation(words.vague_quantities),
        "quantity": _alternation(words.quantity_mods),
        "frequency": _alternation(words.frequencies),
        "holiday": _alternation([*words.fixed_holidays, *words.weekday_holidays, *words.easter_holidays]),
        "deictic": _alternation(words.deictic),
    }


def _cue_pattern(cues: list[str], not_cues: list[str], suffix: str | None = None) -> re.Pattern[str]:
    """A tense cue list, case-sensitive: it runs on the text with ASCII letters lower-cased (about twice
    as fast as IGNORECASE; the cue words are ASCII)."""
    body = _alternation(cues)
    if suffix:
        body = "(?:" + body + r"|\w{3,}" + re.escape(suffix) + ")"
    return re.compile(r"(?<![\w'])(?!" + _alternation(not_cues) + r"\b)" + body + r"(?!\w)")


def _cue_start(cues: TenseCues) -> re.Pattern[str]:
    """Where a word of any of the tense cue lists, or an irregular past form, may start: the tense reader
    tries each list there only (one pass over a clause instead of one per list)."""
    lists = (cues.future, cues.either, cues.past, cues.future_modal, sorted(irregular_past_forms()))
    bodies = "|".join([*(_alternation(words) for words in lists), r"\w{3,}" + re.escape(cues.past_suffix)])
    return re.compile(r"(?<![\w'])(?=(?:" + bodies + r")(?!\w))")  # on lower-cased text, like the lists


def _head_pattern(words: Words) -> Heads:
    """Words without which no rule matches (month, weekday, unit, deictic word, digit ...).

    The scanner is only tried just before and at these, instead of at every position of the text.
    """
    heads: set[str] = set(words.head_words)
    for table in (words.months, words.day_parts, words.seasons, words.frequencies, words.decade_words):
        heads.update(table)
    heads.update(words.weekdays)
    heads.update(words.units)
    heads.update(f"{w}s" for table in (words.units, words.weekdays) for w in table)
    heads.update(phrase.split()[-1] for phrase in words.deictic)
    for holiday in (*words.fixed_holidays, *words.weekday_holidays, *words.easter_holidays):
        heads.update(token.split("'")[0] for token in holiday.split() if token not in ("new", "day", "eve"))
    alternation = "|".join(re.escape(w) for w in sorted(heads, key=lambda w: (-len(w), w)))
    return Heads(rf"\d+|\b(?:{alternation})\b")


# The word tables behind each placeholder of the templates (see _placeholders).
_PLACEHOLDER_TABLES = {
    "month": ("months",),
    "weekday": ("weekdays",),
    "daypart": ("day_parts",),
    "year": ("number_words",),
    "zone": ("time_zones",),
    "position": ("position_mods",),
    "shift": ("relative_shift",),
    "ordinal": ("ordinals",),
    "season": ("seasons",),
    "decade_word": ("decade_words",),
    "number": ("number_words",),
    "unit": ("units",),
    "vague": ("vague_quantities",),
    "quantity": ("quantity_mods",),
    "frequency": ("frequencies",),
    "holiday": ("fixed_holidays", "weekday_holidays", "easter_holidays"),
    "deictic": ("deictic",),
}


def _lead_words(words: Words, templates: list[str]) -> frozenset[str]:
    """Every word a match can contain (the templates' literal words and the words of the tables their
    placeholders use), so every word an expression can start with before its head word."""
    tables = words.model_dump()
    found: set[str] = {"thousand", "hundred", "oh"}  # spoken years ("two thousand and one")
    for template in templates:
        for placeholder in _PLACEHOLDER.findall(template):
            for table in _PLACEHOLDER_TABLES[placeholder]:
                for entry in tables[table]:
                    found.update(re.findall(r"[a-z]+", entry.lower()))
        literal = re.sub(r"\(\?P<\w+>|\{\w+\}|\\[a-zA-Z]", " ", template)
        found.update(re.findall(r"[a-z]+", literal.lower()))
    return frozenset(found)


def _proper_words(words: Words) -> frozenset[str]:
    found: set[str] = set(words.months) | set(words.weekdays) | set(words.title_words)
    for table in (words.fixed_holidays, words.weekday_holidays, words.easter_holidays):
        for name in table:
            found.update(re.findall(r"[a-z]+", name))
    return frozenset(found)


@cache
def lexicon() -> Lexicon:
    """The compiled lexicon (built on first use, then shared)."""
    lists = words()
    fill = _placeholders(lists)
    rules: list[Rule] = []
    branches: list[str] = []
    entries = patterns()
    for index, entry in enumerate(entries):
        prefix = f"r{index}_"
        template = _PLACEHOLDER.sub(lambda m: fill[m.group(1)], entry["pattern"])
        groups = tuple(_GROUP_NAME.findall(template))
        renamed = _GROUP_NAME.sub(f"(?P<{prefix}\\1>", template)
        branches.append(f"(?P<r{index}>{renamed})")
        names = {name: prefix + name for name in groups}
        rules.append(Rule(entry["rule"], f"r{index}", prefix, groups, compiled_names=names))
    # A candidate starts at a word start (not inside a number or after a currency sign) and ends at one.
    # Case-sensitive on purpose: it runs on a lower-cased copy of the text (see context.Document).
    scanner = Scanner(branches, before=r"(?<![\w$€£#@/])", after=r"(?![\w+%])")
    cues = lists.tense_cues
    lead_words = _lead_words(lists, [entry["pattern"] for entry in entries])
    return Lexicon(
        heads=_head_pattern(lists),
        lead_words=lead_words,
        lead_words_reversed=frozenset(word[::-1] for word in lead_words),
        words=lists,
        rules=tuple(rules),
        rule_by_group={rule.group: rule for rule in rules},
        scanner=scanner,
        weekday_after_clock=re.compile(
            r"\s*\)?\s*(?:\([^()]{0,24}\)\s*|\(\s*[^()]{0,24}?)?,?\s*(?:on\s+)?(?P<weekday>"
            + _alternation(lists.weekdays)
            + r")\b",
            re.IGNORECASE,
        ),
        proper_words=_proper_words(lists),
        future_cue=_cue_pattern(cues.future, cues.not_cues),
        future_modal=_cue_pattern(cues.future_modal, cues.not_cues),
        either_cue=_cue_pattern(cues.either, cues.not_cues),
        reporting_verbs=frozenset(cues.reporting),
        report_complement=re.compile(r"\b" + _alternation(cues.report_complements) + r"\b", re.IGNORECASE),
        cue_start=_cue_start(cues),
        passive_before=WordsBefore.of(cues.passive_auxiliaries),
        adjective_before=re.compile(
            r"\b" + _alternation(cues.determiners) + r"\s+(?:\w+ly\s+|still\s+)?$", re.IGNORECASE
        ),
        past_cue=_cue_pattern(cues.past, cues.not_cues, cues.past_suffix),
        scheduling_verbs=frozenset(cues.scheduling_verbs),
        noun_before=WordsBefore.of(cues.noun_before),
        manner_participles=frozenset(cues.manner_participles),
        manner_before=WordsBefore.of(cues.manner_before),
        modal_before=WordsBefore.of(cues.modal_before, opening=r"(?:\b|(?<=n)(?='))"),
        deadline_before=re.compile(r"\b" + _alternation(cues.deadline_before) + r"\s+$", re.IGNORECASE),
        moved_to_before=re.compile(r"\b" + _alternation(cues.moved_to_before) + r"\s+$", re.IGNORECASE),
        past_before=re.compile(r"\b" + _alternation(cues.past_before) + r"\s+(?:the\s+)?$", re.IGNORECASE),
        abbreviation_before=re.compile(r"(?:\b[A-Z]|(?i:\b" + _alternation(lists.abbreviations) + "))$"),
        longest_abbreviation=max(map(len, lists.abbreviations), default=1),
        title_before=re.compile(r"\b" + _alternation(lists.personal_titles) + r"\.?\s+$", re.IGNORECASE),
        determiner_before=re.compile(r"\b" + _alternation(cues.determiners) + r"\s+$", re.IGNORECASE),
        preposition_before=re.compile(
            r"(?:\b" + _alternation(lists.date_prepositions) + r"[\s-]+|\bmid-)$", re.IGNORECASE
        ),
        counted_noun_after=re.compile(
            r"\s*" + _alternation(lists.negatives.counted_nouns) + r"\b", re.IGNORECASE
        ),
        age_after=re.compile(r"(?:-|\s+)" + _alternation(lists.negatives.age_after) + r"\b", re.IGNORECASE),
        negation_before=re.compile(r"\b" + _alternation(lists.negatives.negations) + r"\s+$", re.IGNORECASE),
        occasion_after=re.compile(
            r"\s+" + _alternation(lists.negatives.occasion_after) + r"\b", re.IGNORECASE
        ),
        generic_present_after=re.compile(
            r"['’]s\s+(?:\w+\s+)?" + _alternation(lists.generic_present_after) + r"\b", re.IGNORECASE
        ),
        level_before=re.compile(
            r"\b" + _alternation(lists.negatives.level_prepositions) + r"\s+$", re.IGNORECASE
        ),
        # ... or a count of things: "four flights a week", "700 seats a week"
        rate_before=re.compile(
            r"(?:(?:" + _alternation(lists.rate_words) + r"|\d|%|\$\S*)\s+"
            r"|(?:\b" + _alternation(lists.number_words) + r"|\d)\s+[a-z]+s\s+)$",
            re.IGNORECASE,
        ),
    )
