"""Named participants of a statement: people, organisations and places as capitalised runs of words.

No entity model (none installs from the registry as a maintained dependency that would keep the speed
targets): a name is a run of capitalised words ("Steve Jobs", "Future of Life Institute", "AT&T",
"Timothy D. Cook"), which `data/language.yaml` lets join over "of", "&" ..., split at titles ("Apple CEO
Steve Jobs" names Apple and Steve Jobs). A sentence's first word is a name only if the article also
capitalises it mid-sentence ("Apple has ..." where "Apple" appears elsewhere) or it is no English word.
Words of a time expression ("Monday", "June") are never names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from lemminflect import getAllLemmas  # is a word English vocabulary ("The", "Moving") or a name?

from timeline.events.language import cues
from timeline.events.phrases import Span, Token
from timeline.events.words import is_function_word

_MID_SENTENCE = re.compile(r"(?<=[a-z0-9,;] )[A-Z][\w'’&.-]*")
JOINING_GAPS = frozenset({" ", "&", "-", "."})


def capitalised_words(text: str) -> frozenset[str]:
    """Words the article capitalises in the middle of a sentence: its names."""
    return frozenset(match.group().rstrip(".'’") for match in _MID_SENTENCE.finditer(text))


@cache
def _cue_words() -> frozenset[str]:
    """Words that open a sentence without naming anything ("If", "While", "And")."""
    language = cues()
    return frozenset(
        {*language.after_comma, *language.clause_kinds.subordinators, *language.summary_drop_leading}
    )


def _is_name_part(token: Token, initial: bool, known: frozenset[str]) -> bool:
    word = token.text
    if not (word[:1].isupper() or (word[:1].islower() and any(c.isupper() for c in word[1:]))):
        return False  # "iPhone" is a name part, "phone" is not
    if word.lower() in cues().names.titles:
        return False
    if initial and word not in known:
        return not (getAllLemmas(word.lower()) or is_function_word(word) or word.lower() in _cue_words())
    return not (is_function_word(word) and word[:1].isupper() and word.lower() != "us")


def names(
    text: str, offset: int, tokens: Sequence[Token], times: Sequence[Span], known: frozenset[str]
) -> list[str]:
    """The names among `tokens` (words of one sentence, `text` from `offset`), in text order, once each.
    `times` are the sentence's time expressions; `known` the article's mid-sentence capitalised words."""
    found: list[str] = []
    run: list[Token] = []
    sentence_start = tokens[0].start if tokens else 0
    joiners = cues().names.joiners

    def close() -> None:
        while run and run[-1].text.lower() in joiners:
            run.pop()
        if run:
            name = text[run[0].start - offset : run[-1].end - offset]
            if name not in found:
                found.append(name)
        run.clear()

    for token in tokens:
        if any(span.start <= token.start < span.end for span in times):
            close()
            continue
        if run:
            between = text[run[-1].end - offset : token.start - offset]
            initial_dot = between == ". " and len(run[-1].text) == 1
            if between not in JOINING_GAPS and not initial_dot:
                close()
        if _is_name_part(token, token.start == sentence_start, known) or (
            run and token.text.lower() in joiners
        ):
            run.append(token)
        else:
            close()
    close()
    return found
