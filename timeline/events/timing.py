"""Which time expression dates a statement, and how: its own clause's, the clause it depends on, or the
date in view.

- A clause's own expression dates it, unless the expression only modifies a noun ("the 1962 span", "a
  2023 effort", "this year's conference"): that is no date of the clause's event.
- A reported clause is dated through its reporting clause: what "had" happened or happened is at most that
  day, what "is" so holds that day, what "will" or "would" happen is at least that day.
- A relative or subordinate clause likewise through the clause it depends on ("after", "before", "while";
  a condition, "if", gets no date at all).
- A main clause with no expression takes the date in view: a date set earlier in the sentence (by a past
  or present clause, or a "when" clause of its own), else the narrative date of the article (the last day-
  or week-precise date of a past main clause, back to the publication day at each new paragraph), else
  the publication day: the news of that day in the article's first sentence, at most that day later on.
  A present-tense clause is about the day of publication; a present perfect ("has resigned") is never
  set on a past day, so it takes the date in view only when that is the publication day; a future,
  conditional or hedged one takes no date in view. Such a statement is marked `time_inherited`; nothing
  is ever dated that no expression or publication date supports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from timeline.events.language import Relation, cues
from timeline.events.phrases import Token
from timeline.events.sentence import SentenceView, gap
from timeline.events.words import is_determiner, is_preposition, verb_form
from timeline.temporal.models import Timex

Aspect = Literal["past", "perfect", "past_perfect", "present", "future", "modal", "none"]
DEICTIC = re.compile(r"\b(?:today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening))\b", re.I)
PERSISTENT = frozenset({"time", "day", "week"})  # granularities precise enough to carry a narrative
POSSESSIVE = ("'s", "’s", "'", "’")
OCCASION_PREPOSITIONS = frozenset({"in", "at", "during", "on"})
NOT_DATING_BEFORE = frozenset({"since", "until", "till", "through", "throughout"})
SPAN_PREPOSITIONS = frozenset({"in", "for", "over"})  # "the first time in 20 years"
LOOKING_BACK = ("the past", "the last", "the previous", "recent")


@dataclass(frozen=True)
class Dating:
    """How one clause is placed in time."""

    timex: Timex | None
    earliest: str | None
    latest: str | None
    inherited: bool
    link: str | None
    granularity: str = "unknown"

    def relate(self, relation: Relation, why: str) -> Dating | None:
        """This dating seen from a clause that is `relation` to it (before: at most its last day)."""
        if relation == "hypothetical":
            return None
        earliest = None if relation == "before" else self.earliest
        latest = None if relation == "after" else self.latest
        if relation == "same":
            earliest, latest = self.earliest, self.latest
        if earliest is None and latest is None and self.timex is None:
            return None  # nothing left to say when
        bound = {"same": "the same time", "before": "at most then", "after": "at least then"}[relation]
        origin = f'"{self.timex.text}"' if self.timex is not None else "the publication date"
        return Dating(self.timex, earliest, latest, True, f"{why}: {origin}, {bound}", self.granularity)


def own_dating(timex: Timex) -> Dating:
    return Dating(
        timex, timex.earliest, timex.latest, False, "the time expression of this clause", timex.granularity
    )


def deictic_dating(timex: Timex, reference: Dating | None, published: date | None) -> Dating | None:
    """ "the carrier, which filed earlier today", in a sentence set on March 3: "today" is March 3, the day
    the clause it depends on is set, not the publication day. None when that does not apply."""
    if reference is None or reference.inherited or published is None or timex.earliest is None:
        return None
    if timex.anchor is None or timex.anchor.kind != "dct" or timex.granularity not in ("day", "time"):
        return None
    if not DEICTIC.search(timex.text) or reference.earliest is None or reference.earliest != reference.latest:
        return None
    shift = date.fromisoformat(reference.earliest) - published
    if not shift:
        return None
    day = (date.fromisoformat(timex.earliest[:10]) + shift).isoformat()
    named = reference.timex.text if reference.timex is not None else day
    why = f'"{timex.text}" said of the day the sentence is set, "{named}"'
    return Dating(timex, day, day, False, why, "day")


def can_date(timex: Timex) -> bool:
    """Dates and times place an event, as does "one day before <event>"; durations and sets do not."""
    if timex.anchor is not None and timex.anchor.kind == "event":
        return True
    return timex.type in ("DATE", "TIME") and timex.value not in cues().vague_values


def modifies_noun(timex: Timex, view: SentenceView) -> bool:
    """ "the 1962 span", "a 2023 effort", "its 2010 conference", "this year's event", "WWDC 2005": the
    expression names a thing, it does not date the clause; nor does "since 2003" date its event."""
    before = view.text[: timex.start - view.start].rstrip()
    after = view.text[timex.end - view.start :]
    if after.startswith(POSSESSIVE) and not after.startswith(("' ", "’ ")):
        return True
    previous = before.rsplit(None, 1)[-1] if before else ""
    if previous.lower() in NOT_DATING_BEFORE:
        return True
    if (
        previous.lower() in SPAN_PREPOSITIONS
        and (timex.type == "DURATION" or timex.text.lower().startswith(LOOKING_BACK))
        and _counted_over(before[: len(before) - len(previous)])
    ):
        return True  # "the third time in the past decade" (not "the first phone in 2010 to sell out")
    following = after.split(None, 1)[0].strip(",.;:!?\"'”’)") if after.strip() else ""
    if not following or not after[:1].isspace():
        return False
    if previous[:1].isupper() and not is_determiner(previous) and timex.text[:1].isdigit():
        return not previous.endswith((".", ","))  # "WWDC 2005", "Windows 95": part of a name
    determiner = is_determiner(previous) or previous.endswith(POSSESSIVE)
    if not determiner or timex.text.split()[0].lower() in ("the", "this", "that", "last", "next"):
        return False
    preceding = before[: len(before) - len(previous)].rstrip().rsplit(None, 1)[-1:] or [""]
    if preceding[0].lower() in OCCASION_PREPOSITIONS:
        return False  # "in a Wednesday media event", "at the 2010 conference": when it happened
    form = verb_form(following.lower())
    return not (
        is_preposition(following) or (form is not None and not form.ambiguous and following.islower())
    )


def _counted_over(before: str) -> bool:
    """Does the text end in "the third time", "its lowest level" (a determiner or possessive, a comparison
    word, up to three more words)?"""
    words = before.split()[-6:]
    for at, word in enumerate(words[:-1]):
        previous = words[at - 1].lower() if at else ""
        if (
            word.lower() in cues().comparison_words
            and len(words) - at <= 4
            and (previous in ("the", "its", "his", "her", "their", "our") or previous.endswith(POSSESSIVE))
        ):
            return True
    return False


def aspect(tokens: list[Token], first: int, head: int) -> Aspect:
    """past, perfect (has/have), past_perfect (had), present, future (will, going to), modal, or none."""
    words = [token.text.lower() for token in tokens[first : head + 1]]
    tense = cues().tense
    opener = words[0] if words else ""
    joined = f" {' '.join(words)} "
    if opener in tense.future or any(f" {phrase} " in joined for phrase in tense.future_phrases):
        return "future"
    if opener in tense.unclear:
        return "modal"
    auxiliaries = words[:-1]  # "has" as the main verb is possession, not a perfect
    if "had" in auxiliaries:
        return "past_perfect"
    if any(word in ("has", "have") for word in auxiliaries):
        return "perfect"
    if any(word in tense.past for word in words):
        return "past"
    if any(word in tense.present for word in words):
        return "present"
    form = verb_form(words[-1]) if words else None
    if form is not None and form.form == "past":
        return "past"
    if form is not None and form.form in ("present", "base"):
        return "present"
    return "none"


def reported_relation(clause_aspect: Aspect) -> Relation | None:
    """How a reported clause's event relates to the report ("had rejected": before it)."""
    if clause_aspect in ("past", "past_perfect", "perfect"):
        return "before"
    if clause_aspect in ("present", "none"):
        return "same"
    if clause_aspect == "future":
        return "after"
    return None  # "said it could": no date


def relative_relation(clause_aspect: Aspect) -> Relation | None:
    """A relative clause in the past or perfect happened by the time of its noun's clause; a present one
    states a property, not a dated event."""
    return "before" if clause_aspect in ("past", "past_perfect", "perfect") else None


class DateInView:
    """The narrative date of one article as its sentences are read in order."""

    def __init__(self, published: date | None) -> None:
        self.published = published
        self.publication: Dating | None = None
        self.published_day = published.isoformat() if published is not None else None
        if published is not None:
            day = published.isoformat()
            self.publication = Dating(None, day, day, True, "the publication date", "day")
        self.narrative: Dating | None = None
        self.lede = True  # no sentence but the headline read yet

    def new_paragraph(self) -> None:
        self.narrative = None

    def for_main(self, clause_aspect: Aspect, local: Dating | None, headline: bool = False) -> Dating | None:
        """The date a main clause with no expression of its own takes. A headline's present tense tells
        what has happened ("Apple unveils iPhone 4"): by the day of publication."""
        if clause_aspect in ("future", "modal"):
            return None
        if clause_aspect == "present" and headline:
            clause_aspect = "past"
        if clause_aspect == "present":
            present = self.publication
            return present.relate("same", "present tense, true when published") if present else None
        view = local or self.narrative
        if clause_aspect == "perfect" and view is not None and view.earliest != self.published_day:
            view = None  # "has resigned" is never said of a past day ("on Monday"), only of today
        lede = self.lede and not headline and clause_aspect in ("past", "perfect")
        if view is None and lede and self.publication is not None:
            # the article's first sentence tells its news: with no date of its own, the news of the day
            return self.publication.relate("same", "the first sentence, the news of the day of publication")
        if view is None:  # nothing dates it but the article: it happened by the day of publication
            present = self.publication
            return present.relate("before", "past tense, by the day of publication") if present else None
        if clause_aspect == "past_perfect":
            return view.relate("before", "past perfect, before the date in view")
        return view.relate(
            "same", "the date in view" if local is None else "the date in view in this sentence"
        )

    def carry(self, dating: Dating | None, clause_aspect: Aspect) -> None:
        """A main clause's own day- or week-precise date in the past becomes the narrative date."""
        if dating is None or dating.inherited:
            return
        if clause_aspect in ("future", "modal"):
            return
        if dating.granularity not in PERSISTENT:
            return
        self.narrative = replace(dating, link=None)


GRANULARITY_ORDER = ("time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century")


def nearest(timexes: list[Timex], head: Token) -> Timex | None:
    """The most precise of the clause's dating expressions ("Yesterday, at this year's conference, ..."),
    then the nearest to the predicate."""

    def precision(timex: Timex) -> int:
        granularity = timex.granularity
        return (
            GRANULARITY_ORDER.index(granularity)
            if granularity in GRANULARITY_ORDER
            else len(GRANULARITY_ORDER)
        )

    return min(timexes, key=lambda timex: (precision(timex), gap(timex, head), timex.start), default=None)
