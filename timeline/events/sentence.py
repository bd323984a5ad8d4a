"""One sentence as the extractors see it: its words, clauses and time expressions, indexed once."""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

from timeline.events.clauses import Clauses
from timeline.events.language import cues
from timeline.events.phrases import Span, Token, tokenize
from timeline.events.tense import Tense, clause_tense
from timeline.temporal.models import Timex

HEADING_WORDS = 12
ANCHOR_GAP = 12  # characters between "one day before" and the event it names


@dataclass(frozen=True)
class SentenceView:
    start: int
    end: int
    text: str
    tokens: list[Token]
    context: list[tuple[str, list[Token], int]]  # where participants may be named: (text, tokens, offset)
    paragraph: bool  # the first sentence of a paragraph (after a blank line or a heading)
    headline: bool = False  # the article's first line, with no closing punctuation
    heading: bool = False  # a later short line with no closing punctuation ("New security risks emerge")


@dataclass
class SentenceIndex:
    """Per-sentence lookups, so the work per trigger or time expression does not grow with the sentence."""

    view: SentenceView
    clauses: Clauses
    tokens_by_clause: dict[int, list[int]]  # clause -> token indices
    token_starts: list[int]
    timexes_by_clause: dict[int, list[Timex]]
    role_spans: dict[tuple[str, str], list[tuple[Span, bool]]] = field(default_factory=dict)

    def clause_tokens(self, clause: int) -> list[Token]:
        return [self.view.tokens[position] for position in self.tokens_by_clause.get(clause, [])]


def make_view(text: str, start: int, end: int, previous: SentenceView | None) -> SentenceView:
    """The sentence's text without surrounding space, its words, and where its participants may be named."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    body = text[start:end]
    tokens = tokenize(body, start)
    context = [(body, tokens, start)]
    if previous is not None and tokens and tokens[0].text.lower() in cues().pronoun_starts:
        # "He also signed an executive order": whoever the previous sentence named may be meant
        context.append((previous.text, previous.tokens, previous.start))
    between = text[previous.end : start] if previous is not None else ""
    heading = previous is not None and not previous.text.rstrip("\"'”’)").endswith((".", "!", "?", ":"))
    paragraph = previous is None or between.count("\n") >= 2 or heading
    open_ended = not body.rstrip("\"'”’)").endswith((".", "!", "?", ":"))
    on_its_line = text[end : end + 1] in ("", "\n", "\r")
    short_line = previous is not None and on_its_line and len(tokens) <= HEADING_WORDS
    heading = short_line and (open_ended or _title_case(tokens))  # "Has the AI Industry Tried This Before?"
    return SentenceView(
        start, end, body, tokens, context, paragraph, previous is None and open_ended, heading
    )


def _title_case(tokens: list[Token]) -> bool:
    """Every word of four letters or more capitalised, and at least three of them: a heading's style."""
    long = [token.text for token in tokens if len(token.text) > 3]
    return len(long) >= 3 and all(word[:1].isupper() for word in long)


def index_sentence(view: SentenceView, timexes: list[Timex]) -> SentenceIndex:
    clauses = Clauses(view.text, view.start, view.tokens, [(timex.start, timex.end) for timex in timexes])
    tokens_by_clause: dict[int, list[int]] = defaultdict(list)
    for position, token in enumerate(view.tokens):
        tokens_by_clause[clauses.clause_at(token.start)].append(position)
    timexes_by_clause: dict[int, list[Timex]] = defaultdict(list)
    for timex in timexes:
        timexes_by_clause[clauses.clause_at(timex.start)].append(timex)
    return SentenceIndex(
        view=view,
        clauses=clauses,
        tokens_by_clause=tokens_by_clause,
        token_starts=[token.start for token in view.tokens],
        timexes_by_clause=timexes_by_clause,
    )


def reach(timex: Timex, view: SentenceView) -> Span:
    """The expression's span, extended over the event it is anchored to ("one day before <event>")."""
    if timex.anchor is None or timex.anchor.kind != "event" or not timex.anchor.ref:
        return Span(timex.start, timex.end)
    after = timex.end - view.start
    found = view.text.find(timex.anchor.ref, after, after + ANCHOR_GAP + len(timex.anchor.ref))
    if found == -1:
        return Span(timex.start, timex.end)
    return Span(timex.start, view.start + found + len(timex.anchor.ref))


def inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def gap(a: Span | Timex | Token, b: Span | Timex | Token) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def tense_at(index: SentenceIndex, focus: Span) -> Tense | None:
    """The tense of the verb group nearest `focus` in its clause (only a few words around it are read)."""
    positions = index.tokens_by_clause.get(index.clauses.clause_at(focus.start), [])
    first = bisect.bisect_left(positions, bisect.bisect_left(index.token_starts, focus.start))
    last = max(bisect.bisect_left(positions, bisect.bisect_left(index.token_starts, focus.end)) - 1, first)
    settings = cues().tense
    margin = settings.window_words + settings.group_words + 1
    low = max(first - margin, 0)
    nearby = [index.view.tokens[position] for position in positions[low : last + margin]]
    return clause_tense(nearby, index.view.text, index.view.start, (first - low, last - low))
