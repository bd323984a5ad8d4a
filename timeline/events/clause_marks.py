"""Where clauses start, and as what: the marks `clauses.Clauses` builds a sentence's clauses from.

Punctuation (", which", dashes, ";", ", drawing"), words (a reporting verb and its "that" or bare
complement, relative "that/which/who" after a noun, subordinators), reduced relatives ("an agreement reached
in 1991") and quotations next to a reporting verb. Each mark opens, splits or closes a clause of a kind.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from timeline.events.language import Relation, cues
from timeline.events.models import ClauseKind
from timeline.events.phrases import Token
from timeline.events.words import (
    is_auxiliary,
    is_capitalised,
    is_determiner,
    is_function_word,
    is_preposition,
    verb_form,
    verb_in_context,
)

Action = Literal["close", "split", "open"]  # sorted in this order at one position
COORDINATE: Literal["coordinate"] = "coordinate"  # a split that continues the kind before it (", and")
QUOTES = re.compile(r"[\"“”]")
ADVERBS = frozenset(
    {"last", "first", "recently", "already", "also", "still", "just", "once", "later", "then"}
)
SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they", "there"})


@dataclass(frozen=True)
class Mark:
    position: int  # in the sentence
    action: Action
    kind: ClauseKind | Literal["coordinate"]
    relation: Relation | None = None
    cue: str | None = None
    # a coordinated verb that goes with the reporting clause, not with what it reports ("acknowledged that
    # users had problems, but dismissed ...", "said it would ... and added that ...")
    with_reporter: bool = False

    def key(self) -> tuple[int, int]:
        return self.position, ("close", "split", "open").index(self.action)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    language = cues()
    words = "|".join(re.escape(word) for word in language.after_comma)
    phrases = "|".join(re.escape(phrase) for phrase in language.relation_phrases)
    exceptions = "".join(f"(?!{re.escape(word)}\\b)" for word in language.participle_exceptions)
    lead = r"(?:(?:[a-z]+ly|later|then|also|thereby|before|after|while|when)\s+)?"  # ", later revealing"
    participle = rf"|{lead}(?P<participle>{exceptions}[a-z]+ing)" if language.comma_participle else ""
    split = re.compile(
        rf",\s+(?=(?:(?P<word>{words}){participle})\b)|(?P<relation>\b(?=(?:{phrases})\b))|;",
        re.IGNORECASE,
    )
    dashes = "|".join(re.escape(dash) for dash in language.clause_separators if dash.strip() != ";")
    relative = re.compile(
        rf",\s+(?P<pronoun>{'|'.join(re.escape(word) for word in [*language.relative_pronouns, 'where'])})\b",
        re.IGNORECASE,
    )
    return split, re.compile(dashes), relative


def punctuation_marks(sentence: str) -> list[Mark]:
    split, dash, relative = _patterns()
    subordinators = cues().clause_kinds.subordinators
    marks: list[Mark] = []
    for match in split.finditer(sentence):
        word = (match.group("word") or "").lower()
        if match.groupdict().get("participle"):
            marks.append(
                Mark(match.start(), "split", "subordinate", "same", match.group("participle").lower())
            )
        elif match.group("relation") is not None:
            marks.append(Mark(match.start(), "split", "subordinate", None, "relation"))
        elif word in subordinators:
            marks.append(Mark(match.start(), "split", "subordinate", subordinators[word], word))
        else:
            following = sentence[match.end() + len(word) :].split(None, 2)[:2]
            lifted = _with_reporter(word, following, comma=True)
            marks.append(Mark(match.start(), "split", COORDINATE, cue=word or ";", with_reporter=lifted))
    dash_positions = [match.start() for match in dash.finditer(sentence)]
    for index, position in enumerate(dash_positions):
        paired = index % 2 == 0 and index + 1 < len(dash_positions)
        closing = index % 2 == 1
        action: Action = "open" if paired else "close" if closing else "split"
        marks.append(Mark(position, action, "subordinate" if paired else COORDINATE, "same"))
    for match in relative.finditer(sentence):
        end_comma = sentence.find(",", match.end())
        cue = match.group("pronoun").lower()
        marks.append(Mark(match.start(), "open" if end_comma != -1 else "split", "relative", cue=cue))
        if end_comma != -1:
            marks.append(Mark(end_comma, "close", "relative"))
    return marks


def finite(token: Token) -> bool:
    if is_auxiliary(token.text):
        return True
    form = verb_form(token.text)
    return form is not None and form.form in ("past", "present") and not form.ambiguous


def verb_like(token: Token) -> bool:
    """A finite verb, counting forms that double as nouns ("plans", "reports")."""
    form = verb_form(token.text)
    return is_auxiliary(token.text) or (form is not None and form.form in ("past", "present"))


def _has_verb(tokens: Sequence[Token]) -> bool:
    """A finite verb among `tokens`, counting a plain form after a subject pronoun ("we think")."""
    for at, token in enumerate(tokens):
        if verb_like(token):
            return True
        form = verb_form(token.text)
        after_pronoun = at > 0 and tokens[at - 1].text.lower() in SUBJECT_PRONOUNS
        if form is not None and form.form == "base" and after_pronoun:
            return True
    return False


def starts_clause(tokens: Sequence[Token], first: int) -> bool:
    """Does a subject then a finite verb start at token `first` ("he will", "the new phone has")?"""
    if first >= len(tokens):
        return False
    word = tokens[first].text
    lowered = word.lower()
    no_subject = is_preposition(word) or lowered in ("to", "and", "or", "but", "that") or verb_form(lowered)
    if no_subject and not (lowered in SUBJECT_PRONOUNS or is_capitalised(word)):
        return False
    limit = min(first + 1 + cues().clause_kinds.subject_words, len(tokens))
    return any(
        finite(tokens[at]) for at in range(first + 1 if word.lower() in SUBJECT_PRONOUNS else first, limit)
    )


def reporting(token: Token, tokens: Sequence[Token] = (), index: int = 0) -> bool:
    """A form of a reporting verb, used as a verb ("the blog post": a noun) when `tokens` are given."""
    form = verb_form(token.text)
    if form is None or form.lemma not in cues().clause_kinds.reporting_verbs:
        return False
    return not (form.ambiguous and tokens) or verb_in_context(tokens, index)


def word_marks(
    sentence: str, offset: int, tokens: Sequence[Token], times: Sequence[tuple[int, int]]
) -> list[Mark]:
    """Reported clauses after reporting verbs, relative "that/which/who" after a noun, subordinators."""
    marks: list[Mark] = []
    claimed: set[int] = set()  # tokens already opening a clause
    for index, token in enumerate(tokens):
        if reporting(token, tokens, index) and not _prenominal(sentence, offset, tokens, index):
            mark = _reported_mark(sentence, offset, tokens, index, times, claimed)
        elif index in claimed or index == 0:
            continue
        elif token.text.lower() in ("and", "but") and index + 1 < len(tokens):
            mark = _coordinate_mark(sentence, offset, tokens, index, claimed)
        else:
            mark = _relative_or_subordinate_mark(sentence, offset, tokens, index, times)
        if mark is not None:
            marks.append(mark)
    return marks


def _reported_mark(
    sentence: str,
    offset: int,
    tokens: Sequence[Token],
    index: int,
    times: Sequence[tuple[int, int]],
    claimed: set[int],
) -> Mark | None:
    """The reported clause after the reporting verb at `index`: at its "that" ("said that ...") or right
    after it ("said the vote ..."), unless another verb claimed it already."""
    token = tokens[index]
    window = tokens[index + 1 : index + 1 + cues().clause_kinds.complement_words]
    between = [
        at
        for at, word in enumerate(window, index + 1)
        if word.text.lower() == "that" and ";" not in sentence[token.end - offset : word.start - offset]
    ]
    if between:
        if between[0] in claimed:
            return None
        claimed.add(between[0])
        return Mark(tokens[between[0]].start - offset, "split", "reported", cue="that")
    if (
        index + 1 < len(tokens)
        and not inside_time(tokens[index + 1], times)
        and starts_clause(tokens, index + 1)
    ):
        gap = sentence[token.end - offset : tokens[index + 1].start - offset]
        if gap.strip() in ("", ","):
            claimed.add(index + 1)
            return Mark(tokens[index + 1].start - offset, "split", "reported", cue=token.text)
    return None


def _coordinate_mark(
    sentence: str, offset: int, tokens: Sequence[Token], index: int, claimed: set[int]
) -> Mark | None:
    """ "welcomed everyone and announced ...", "said it would ... and that it will ...": "and"/"but"
    before a finite verb or "that"."""
    token = tokens[index]
    lowered = token.text.lower()
    verb = finite(tokens[index + 1]) or tokens[index + 1].text.lower() == "that"
    if not verb or sentence[tokens[index - 1].end - offset : token.start - offset].strip():
        return None
    claimed.add(index + 1)
    lifted = _with_reporter(lowered, [t.text for t in tokens[index + 1 : index + 3]], comma=False)
    return Mark(token.start - offset, "split", COORDINATE, cue=lowered, with_reporter=lifted)


def _relative_or_subordinate_mark(
    sentence: str, offset: int, tokens: Sequence[Token], index: int, times: Sequence[tuple[int, int]]
) -> Mark | None:
    """A relative "that/which/who" right after a noun and before a verb, or a bare subordinator."""
    token = tokens[index]
    lowered = token.text.lower()
    previous = tokens[index - 1]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    gap = sentence[previous.end - offset : token.start - offset].strip()
    if lowered in ("that", "which", "who") and following is not None and _noun_like(previous) and not gap:
        if verb_like(following) or (following.text.endswith("ly") and _next_finite(tokens, index + 2)):
            return Mark(token.start - offset, "split", "relative", cue=lowered)
        return None
    if _bare_subordinator(tokens, index, gap, times):
        relation = cues().clause_kinds.subordinators.get(lowered, "after")
        return Mark(token.start - offset, "split", "subordinate", relation, lowered)
    return None


def inside_time(token: Token, times: Sequence[tuple[int, int]]) -> bool:
    """Does the token start inside one of the time expressions?"""
    return any(start <= token.start < end for start, end in times)


def _with_reporter(conjunction: str, following: list[str], comma: bool) -> bool:
    """Does the verb after "and"/"but" go with a reporting clause rather than with what it reports? A
    reporting verb does ("..., and added that"); after a comma, so does "but" with a past verb that has no
    subject of its own ("acknowledged that ..., but dismissed the claims")."""
    if conjunction not in ("and", "but") or not following:
        return False
    words = [word.strip(",;:").lower() for word in following]
    verb = words[1] if words[0] in ADVERBS and len(words) > 1 else words[0]
    form = verb_form(verb)
    if form is None or form.form != "past" or is_auxiliary(verb):
        return False
    return form.lemma in cues().clause_kinds.reporting_verbs or (comma and conjunction == "but")


def _bare_subordinator(
    tokens: Sequence[Token], index: int, gap: str, times: Sequence[tuple[int, int]]
) -> bool:
    """ "... so I can focus", ", after the council voted": a subordinator the punctuation rules left, opening
    a clause (a subject, then a finite verb); not the "before" of "one day before the vote"."""
    lowered = tokens[index].text.lower()
    if lowered not in cues().clause_kinds.bare_subordinators or gap not in ("", ","):
        return False
    if gap == "," and lowered in cues().after_comma:
        return False  # a comma before it: the punctuation rules split there already
    if not gap and inside_time(tokens[index - 1], times):
        return False  # "one day before the vote"
    return starts_clause(tokens, index + 1)


def _prenominal(sentence: str, offset: int, tokens: Sequence[Token], index: int) -> bool:
    """ "the recently announced iPhone", "pre-announced": a participle in a noun phrase reports nothing."""
    if index == 0:
        return False
    if sentence[tokens[index - 1].end - offset : tokens[index].start - offset] == "-":
        return True
    previous = tokens[index - 1].text
    adverb = previous.endswith("ly") and index > 1 and is_determiner(tokens[index - 2].text)
    return is_determiner(previous) or adverb


def _next_finite(tokens: Sequence[Token], index: int) -> bool:
    return index < len(tokens) and finite(tokens[index])


def _noun_like(token: Token) -> bool:
    """Could end a noun phrase: a name, or a lowercase word that is no function word, cue word, adverb in
    -ly or finite verb."""
    if is_capitalised(token.text):
        return not is_function_word(token.text)
    lowered = token.text.lower()
    if lowered in cue_words() or lowered.endswith("ly"):
        return False
    form = verb_form(token.text)
    return not (is_function_word(token.text) or is_auxiliary(token.text) or (form and not form.ambiguous))


@cache
def cue_words() -> frozenset[str]:
    language = cues()
    return frozenset(
        {*language.after_comma, *language.relative_pronouns, *language.clause_kinds.subordinators, "where"}
    )


def reduced_relatives(sentence: str, offset: int, tokens: Sequence[Token], marks: list[Mark]) -> list[Mark]:
    """ "an agreement reached in 1991", "figures released by the firm", "a watch list, set to take effect in
    May,": a participle after a noun (and a comma) and before a preposition, in a clause that has its own
    finite verb, is a relative clause up to the next comma."""
    found: list[Mark] = []
    bounds = sorted({0, len(sentence), *(mark.position for mark in marks)})
    for index in range(1, len(tokens) - 1):
        token = tokens[index]
        form = verb_form(token.text)
        if form is None or not form.participle or not is_preposition(tokens[index + 1].text):
            continue
        previous = tokens[index - 1]
        if not (previous.text.islower() and _noun_like(previous) and previous.text not in ADVERBS):
            continue
        if any(
            is_auxiliary(t.text) or t.text.lower() in ("be", "been", "being")
            for t in tokens[index - 3 : index]
        ):
            continue  # "was last repaired in 2019": a passive, not a relative clause
        if sentence[previous.end - offset : token.start - offset] not in (" ", ", "):
            continue  # ", set to take effect in May,": an aside of the same kind
        at = token.start - offset
        low = bounds[bisect.bisect_right(bounds, at) - 1]
        high = bounds[bisect.bisect_right(bounds, at)]
        others = [t for t in tokens if low <= t.start - offset < high and t is not token and finite(t)]
        if not others:
            continue
        comma = sentence.find(",", at, high)
        end = comma if comma != -1 else high
        # "A report written by the ministry on June 3 describes ...": it ends before the clause's own verb
        verbs = [
            t.start - offset
            for t in tokens[index + 1 :]
            if t.start - offset < end and t.text.islower() and _present_or_finite(t)  # not "in May"
        ]
        found.append(Mark(at, "open", "relative", cue=token.text.lower()))
        found.append(Mark(verbs[0] if verbs else end, "close", "relative"))
    return found


def _present_or_finite(token: Token) -> bool:
    form = verb_form(token.text)
    return finite(token) or (form is not None and form.form == "present")


def quotation_marks(sentence: str, offset: int, tokens: Sequence[Token]) -> list[Mark]:
    """A quotation with a finite verb, next to a reporting verb, is a reported clause."""
    quotes = [match.start() for match in QUOTES.finditer(sentence)]
    marks: list[Mark] = []
    starts = [token.start - offset for token in tokens]
    if len(quotes) % 2 and sentence[: quotes[0]].rstrip().endswith((",", "?", "!")):
        # '... into the cloud," said Jobs': the quotation opened in an earlier sentence
        quotes.insert(0, -1)
    for first, last in zip(quotes[::2], quotes[1::2], strict=False):
        inside = tokens[bisect.bisect_left(starts, first) : bisect.bisect_left(starts, last)]
        if not _has_verb(inside):
            continue
        before = tokens[max(bisect.bisect_left(starts, first) - 3, 0) : bisect.bisect_left(starts, first)]
        after = tokens[bisect.bisect_left(starts, last) : bisect.bisect_left(starts, last) + 3]
        if any(reporting(token) for token in [*before, *after]):
            marks.append(Mark(max(first, 0), "open", "reported", cue="quotation"))
            marks.append(Mark(last + 1, "close", "reported"))
    return marks
