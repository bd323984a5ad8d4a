"""The events stage's contract: a claim, in one article, that something happened (at some time)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from timeline.corpus.models import Document
from timeline.temporal.models import Timex

# The kinds of clause (events/clauses.py reads them; a catalog event may restrict its triggers to some)
ClauseKind = Literal["main", "reported", "relative", "subordinate"]


class Quantity(BaseModel):
    """A number a text states, with what it counts and the interval its wording allows.

    "about 12 miners" is value 12, low 10.8, high 13.2, hedge "about", counted "miner"; "$4.2 billion" is
    value 4.2e9 with the interval its rounding allows ([4.15e9, 4.25e9)); "more than 12" has low 12 (open)
    and no high. Read by `timeline.events.quantities.read_quantities`.
    """

    model_config = ConfigDict(frozen=True)

    text: str  # the words as written: "US$4.2 billion", "thirty-five percent", "about 12"
    start: int  # offsets into the document text
    end: int
    value: float  # as stated, scale applied: 12, 4.2e9, 35 (for 35%)
    low: float | None = None  # the interval the hedge or rounding allows; None: unbounded on that side
    high: float | None = None
    low_open: bool = False  # "more than 12": 12 itself is excluded
    high_open: bool = False
    unit: str = "count"  # count | money | percent | points | duration | length | mass | area | volume | ...
    currency: str | None = None  # ISO 4217, for money
    measure: str | None = None  # the unit word for durations and measures: "day", "kilometre"
    counted: str | None = None  # lemma of what is counted or measured: "miner", "stake", "contract"
    hedge: str | None = None  # about | more | at_least | less | at_most | nearly | over_by | range


class RoleValue(BaseModel):
    """A named entity in a role: "in a Texas federal court" is court "Texas federal court".

    Read by `timeline.events.roles.read_role_values`; compare two with `roles.same_value`.
    """

    model_config = ConfigDict(frozen=True)

    role: str  # court, place, vessel, organisation, person, ... (events/data/roles.yaml)
    text: str  # as written, without a leading article
    start: int
    end: int
    normalized: str  # casefolded, articles and abbreviation dots dropped: "us district court"


class Mention(BaseModel):
    """One article's mention of an event, quoted and located in the original file."""

    doc: str
    path: str
    line: int  # 1-based, in the original file, of `start`
    column: int
    start: int  # span of the quote in Document.text
    end: int
    quote: str
    event_type: str | None = None  # catalog event id; None for an open (uncatalogued) statement
    title: str  # the catalog event's title, or a short who-did-what summary
    participants: list[str] = Field(default_factory=list)
    attributes: dict[str, str] = Field(default_factory=dict)  # attribute -> vocabulary value claimed
    # attribute -> every vocabulary value the quote names, in text order (the first is in `attributes`):
    # "requiring that companies voluntarily submit" names two, and a check should see both
    attribute_values: dict[str, list[str]] = Field(default_factory=dict)
    terms: list[str] = Field(default_factory=list)  # catalog terms found in the quote (for `exclusive`)
    tense: Literal["past", "present", "future"] | None = None
    # What the statement is about, for comparing statements: the predicate's lemma, nominalisations mapped
    # to their verb ("acquisition" -> "acquire"); the kind of clause it is in; and whether it is asserted
    # as it stands (None) or negated, hedged ("may have"), hypothetical ("if", "would") or generic (a
    # present-tense state with no time of its own): checks comparing claims should skip the last three.
    predicate: str | None = None
    clause: ClauseKind | None = None
    modality: Literal["negated", "hedged", "hypothetical", "generic"] | None = None
    # what the quoted words state with what they count ("twelve miners"), and named values in a role ("in
    # a Texas federal court"), by the shared readers (events/quantities.py, events/roles.py)
    quantities: list[Quantity] = Field(default_factory=list)
    roles: list[RoleValue] = Field(default_factory=list)
    time_text: str | None = None
    timex: Timex | None = None  # the time expression that dates this mention
    time_link: str | None = None  # why that time expression dates this mention
    # the catalog event that time expression is anchored to ("one day before Anthropic published its post")
    anchor_event: str | None = None
    # the days (ISO, inclusive) this mention places its event in: from the time expression, or set by the
    # chronology once an anchor event or an undated article's publication window is known
    earliest: str | None = None
    latest: str | None = None
    # dated by the date in view (the narrative's, or the clause it depends on) rather than by a time
    # expression of its own clause; `timex` is then the expression that set that date, which may lie
    # outside the quote, and `earliest`/`latest` may be open on one side ("had rejected" before a report)
    time_inherited: bool = False
    # the sentence the statement's clause belongs to (offsets in Document.text), so that a comparison can
    # read the clause's neighbours ("The company, which builds Claude, released a report Thursday")
    sentence_start: int | None = None
    sentence_end: int | None = None


class DocumentAnalysis(BaseModel):
    """Everything the per-document stages learn about one article (what the pipeline caches)."""

    document: Document
    timexes: list[Timex] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
