"""A statement's title: a short headline, subject + verb group + object, in the article's own words.

The time expression that dates the clause is left out (with its "on"), one that names a thing is kept
("backed a 2023 effort"); cue words that open the clause ("that", "while", "and") are dropped; a relative
clause's subject is the noun it describes ("the carrier, which filed ..." -> "the carrier filed ..."). The
object stops at the clause's first comma or after a few words, never inside a word or on a dangling "the".
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline.events.language import cues
from timeline.events.phrases import Span, Token
from timeline.events.words import is_determiner, is_function_word, is_preposition, verb_form

SUBJECT_WORDS = 8
OBJECT_WORDS = 8
ANTECEDENT_WORDS = 4
RELATIVE_CUES = frozenset({"which", "who", "whom", "whose", "that", "where"})
JOINERS = frozenset({"", "'", "’", ".", "-", "%", "$", "&", "/", "€", "£"})  # kept as written: "35%", "U.S."
STOPS = (",", ";", ":", " - ", " – ", " — ", "(", ")")
TIME_RELATION_WORDS = frozenset({"after", "before", "later", "earlier", "ago", "since"})


def headline(
    text: str,
    offset: int,
    tokens: Sequence[Token],
    head: tuple[int, int],
    removed: Span | None,
    subject: Sequence[Token] = (),
    reported: str = "",
) -> str:
    """`tokens` are the clause's words, `head` the verb group's first and last index among them, `removed`
    the dating expression's reach; `subject` replaces the clause's own subject (a relative clause's noun);
    `reported` is the headline of what a reporting verb with no object of its own reports."""
    language = cues()
    drop = set(language.summary_drop_leading) | set(language.clause_kinds.subordinators)
    kept = [token for token in tokens if removed is None or not _within(token, removed)]
    if removed is not None and kept:
        kept = _without_time_preposition(kept, tokens, removed)
    first, last = tokens[head[0]], tokens[head[1]]
    before = [token for token in kept if token.start < first.start]
    group = [token for token in kept if first.start <= token.start <= last.start]
    after = [token for token in kept if token.start > last.start]
    relation_words = {word for phrase in language.relation_phrases for word in phrase.split()}
    while before and before[0].text.lower() in relation_words:  # "comes as researchers demonstrated"
        before = before[1:]
    own_subject = _subject(text, offset, before, drop)
    inverted: list[Token] = []
    if not own_subject and not subject:  # '"...," said Dana Whitfield': the subject follows the verb
        inverted = _inverted_subject(text, offset, after)
        after = after[len(inverted) :]
    complement = _object(text, offset, after, inverted[-1:])
    if reported and complement and is_preposition(complement[0].text):
        complement = []  # "said in a blog post": what was said says more than where
    own_subject = own_subject or inverted
    words = [*(subject or own_subject), *group, *complement]
    if not words:
        words = [token for token in kept if token.text.lower() not in drop][: language.summary_words]
    title = _join(text, offset, words)
    if not reported or complement:
        return title
    opening, _, rest = reported.partition(" ")
    if opening != "I" and is_function_word(opening):  # 'said "The ...' reads "said the ..."
        reported = f"{opening.lower()} {rest}".rstrip()
    return f"{title} {reported}"


def antecedent(text: str, offset: int, sentence: Sequence[Token], clause_start: int) -> list[Token]:
    """The noun phrase right before a relative clause ("the carrier" of "the carrier, which ...")."""
    previous = [token for token in sentence if token.end <= clause_start][-ANTECEDENT_WORDS:]
    phrase: list[Token] = []
    for token in reversed(previous):
        between = text[token.end - offset : (phrase[0].start if phrase else clause_start) - offset]
        if phrase and between.strip():
            break
        if is_preposition(token.text) or (not phrase and is_function_word(token.text)):
            break
        phrase.insert(0, token)
        if is_determiner(token.text):
            break
    return phrase


def _within(token: Token, span: Span) -> bool:
    return span.start <= token.start and token.end <= span.end


def _without_time_preposition(kept: list[Token], tokens: Sequence[Token], removed: Span) -> list[Token]:
    """ "on Tuesday" goes with its preposition, "early this year" with its "early"."""
    before = [token for token in tokens if token.end <= removed.start]
    if before and before[-1].text.lower() in cues().time_prepositions:
        return [token for token in kept if token is not before[-1]]
    return kept


def _subject(text: str, offset: int, before: list[Token], drop: set[str]) -> list[Token]:
    """The words before the verb group without fronted phrases ("During the keynote, Jobs ...") or cue
    words; of an appositive subject ("Steve Jobs, the chief executive, ...") its first part."""
    while before and (before[0].text.lower() in drop or before[0].text.lower() in RELATIVE_CUES):
        before = before[1:]
    while before:
        comma = next(
            (
                at
                for at in range(1, len(before))
                if "," in text[before[at - 1].end - offset : before[at].start - offset]
            ),
            None,
        )
        if comma is None:
            break
        first = before[0].text
        fronted = is_preposition(first) or first.lower() in drop or first.endswith(("ly", "ing"))
        # "Five years after its launch, the service ...", "Two days later, ...": a time phrase
        fronted = fronted or any(token.text.lower() in TIME_RELATION_WORDS for token in before[:comma])
        before = before[comma:] if fronted or verb_form(first.lower()) is not None else before[:comma]
    while before and (before[0].text.lower() in drop or before[0].text.lower() in RELATIVE_CUES):
        before = before[1:]
    if len(before) > SUBJECT_WORDS:  # "Fjord Air's listing on a safety watch list": its head noun phrase
        cut = next((at for at in range(1, len(before)) if is_preposition(before[at].text)), SUBJECT_WORDS)
        before = before[: min(cut, SUBJECT_WORDS)]
    return before


def _inverted_subject(text: str, offset: int, after: list[Token]) -> list[Token]:
    """The capitalised name right after the verb group, if there is one."""
    name: list[Token] = []
    for token in after:
        if not token.text[:1].isupper() or is_function_word(token.text):
            break
        if name and text[name[-1].end - offset : token.start - offset] not in (" ", "."):
            break
        name.append(token)
    return name


def _object(text: str, offset: int, after: list[Token], before: list[Token]) -> list[Token]:
    """The words after the verb group (or an inverted subject, `before`) up to the first stop."""
    kept: list[Token] = []
    words = 0
    for token in after:
        previous = kept[-1] if kept else (before[0] if before else None)
        between = " "
        if previous is not None and previous.end <= token.start:
            between = text[previous.end - offset : token.start - offset]
            if any(stop in between for stop in STOPS) or len(between) > 3:
                break
        words += not kept or any(char.isspace() for char in between)  # "4.2", "35%" are one word
        # past the limit, only to end the phrase it is in: "to establish a coordinated pause"
        if words > OBJECT_WORDS and (words > OBJECT_WORDS + 3 or is_function_word(token.text)):
            break
        kept.append(token)
    dangling = {"and", "or", "but", *cues().clause_kinds.subordinators, *cues().summary_drop_leading}
    while kept and (is_function_word(kept[-1].text) or kept[-1].text.lower() in dangling):
        kept.pop()
    return kept


def _join(text: str, offset: int, words: Sequence[Token]) -> str:
    """The words as the article wrote them: adjacent words keep what is between them ("Anthropic's",
    "U.S."), words brought together across a removed part get one space."""
    parts: list[str] = []
    for before, token in zip([None, *words], words, strict=False):
        if before is not None:
            between = text[before.end - offset : token.start - offset] if before.end <= token.start else " "
            parts.append(between if between.strip() in JOINERS else " ")
        parts.append(token.text)
    return "".join(parts).strip()
