"""What every rule kind shares: the common keys, message templates, catalog references, evidence.

Each kind (`timeline/check/kinds/<kind>.py`) subclasses `RuleBase`, declares its own keys and the
placeholders its message may use, and implements `evaluate`.
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from timeline.check.dates import Interval, mention_interval, parse_duration
from timeline.check.models import Evidence, Finding, Severity
from timeline.chronology.models import Event, Timeline, TimelineDocument
from timeline.events import Catalog
from timeline.events.models import Mention

RULE_ID = r"^[a-z0-9][a-z0-9._-]*$"
COMMON_PLACEHOLDERS = {
    "rule": "the rule's id",
    "event": "the title of the event the finding is about",
    "event_id": "the id of that event in the timeline",
    "severity": "error, warning or info",
}


def suggest(word: str, known: Iterable[str]) -> str:
    """ "; did you mean 'x'?" for a likely typo, else the list of what is allowed."""
    choices = sorted(set(known))
    hint = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if hint:
        return f"; did you mean '{hint[0]}'?"
    return f"; known: {', '.join(choices)}" if choices else ""


class RuleTestDoc(BaseModel):
    """One short article of a rule test. `dct` absent: the test's dct; `dct: null`: an undated article."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    text: Annotated[str, StringConstraints(min_length=1)]
    dct: date | None = None
    source: str | None = None  # the outlet, when a test is about independent sources


class RuleTest(BaseModel):
    """Texts run through the whole pipeline, and the rule ids expected to fire on them (none: clean)."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    dct: date | None = None
    docs: list[RuleTestDoc] = Field(min_length=1)
    expect: list[str] = Field(default_factory=list)

    def doc_dct(self, doc: RuleTestDoc) -> date | None:
        return doc.dct if "dct" in doc.model_fields_set else self.dct


@dataclass
class CheckContext:
    """The timeline, indexed once for every rule."""

    timeline: Timeline
    events_by_type: dict[str, list[Event]] = field(default_factory=dict)
    documents: dict[str, TimelineDocument] = field(default_factory=dict)

    @classmethod
    def of(cls, timeline: Timeline) -> CheckContext:
        context = cls(timeline, documents={document.id: document for document in timeline.documents})
        for event in timeline.events:
            if event.type is not None:
                context.events_by_type.setdefault(event.type, []).append(event)
        return context

    def events(self, event_type: str | None) -> list[Event]:
        if event_type is None:
            return [event for event in self.timeline.events if event.type is not None]
        return self.events_by_type.get(event_type, [])

    def source_of(self, doc_id: str) -> str:
        """Who stands behind an article: its outlet when known, else the article itself."""
        document = self.documents.get(doc_id)
        return (document.source or doc_id) if document else doc_id


def evidence(mention: Mention, value: str | None) -> Evidence:
    # model_construct: the fields come from an already validated Mention; checks build many of these.
    return Evidence.model_construct(
        doc=mention.doc,
        path=mention.path,
        line=mention.line,
        column=mention.column,
        quote=mention.quote,
        value=value,
    )


def dated_evidence(mention: Mention, interval: Interval) -> Evidence:
    """Evidence for a date claim: the days, and the words that gave them ("later in 2026")."""
    words = mention.time_text or (mention.timex.text if mention.timex else None)
    return evidence(mention, f'{interval} ("{words}")' if words else str(interval))


def event_evidence(event: Event) -> list[Evidence]:
    """Every mention of the event that gives it a date."""
    return [
        dated_evidence(mention, interval)
        for mention in event.mentions
        if (interval := mention_interval(mention)) is not None
    ]


def template_fields(template: str) -> list[str]:
    """The placeholder names of a `str.format` template; raises ValueError for a malformed one."""
    names = []
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        # No attribute or index access, no format spec or conversion: a message only names values (and
        # "{event:>1500000000}" would ask for a 1.5 GB string).
        if not name.isidentifier() or spec or conversion:
            written = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise ValueError(f"placeholder '{{{written}}}' must be a plain name such as {{event}}")
        names.append(name)
    return names


class RuleBase(BaseModel):
    """Keys every rule has. Subclasses add `kind` (the discriminator) and their own keys."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    PLACEHOLDERS: ClassVar[dict[str, str]] = {}  # placeholder -> what it holds (for the generated docs)
    # Built-in checks a rule of this kind replaces for the events it watches (it would say the same twice)
    SWITCHES_OFF: ClassVar[tuple[str, ...]] = ()
    DEFAULT_MESSAGE: ClassVar[str] = "{event}"

    id: Annotated[str, StringConstraints(pattern=RULE_ID)] = Field(
        description="Unique rule id (lowercase, digits, '-', '.', '_'), used in findings and overrides."
    )
    severity: Severity = Field("warning", description="error, warning or info.")
    message: str | None = Field(
        None, description="Message template; placeholders such as {event}, {values}, {attribute}."
    )
    link: str | None = Field(None, description="A page explaining the rule (shown in SARIF as helpUri).")
    description: str | None = Field(None, description="What the rule guards against, for `rules list`.")
    tests: list[RuleTest] = Field(default_factory=list, description="Texts and the findings expected.")
    _defined_at: str = PrivateAttr("")
    _phrase_at: dict[str, str] = PrivateAttr(default_factory=dict)

    @property
    def defined_at(self) -> str:
        return self._defined_at

    @property
    def phrase_at(self) -> dict[str, str]:
        """file:line:column of the rule's own phrases ("values.blog-post.0"), for warnings."""
        return self._phrase_at

    @property
    def kind_name(self) -> str:
        return str(getattr(self, "kind", ""))

    @property
    def event_ref(self) -> str | None:
        return getattr(self, "event", None)

    @field_validator("message")
    @classmethod
    def _known_placeholders(cls, template: str | None) -> str | None:
        if template is None:
            return None
        allowed = COMMON_PLACEHOLDERS | cls.PLACEHOLDERS
        for name in template_fields(template):
            if name not in allowed:
                raise ValueError(f"unknown placeholder '{{{name}}}'{suggest(name, allowed)}")
        return template

    def evaluate(self, context: CheckContext) -> list[Finding]:
        raise NotImplementedError

    def default_message(self) -> str:
        """The message when the rule sets none (a kind may say something else when `expect` is set)."""
        return self.DEFAULT_MESSAGE

    def finding(self, event: Event | None, items: Sequence[Evidence], **values: Any) -> Finding:
        """A finding of this rule, its message filled from the event and the kind's values."""
        filled: dict[str, Any] = {
            "rule": self.id,
            "event": event.title if event else "",
            "event_id": event.id if event else "",
            "severity": self.severity,
            **values,
        }
        return Finding(
            rule=self.id,
            severity=self.severity,
            message=(self.message or self.default_message()).format_map(filled),
            event=event.id if event else None,
            evidence=list(items),
            link=self.link,
        )


def catalog_from(info: ValidationInfo) -> Catalog | None:
    """The catalog rules are checked against; None when validating without one (JSON Schema, tests)."""
    context = info.context or {}
    catalog = context.get("catalog")
    return catalog if isinstance(catalog, Catalog) else None


def known_event(event_id: str, info: ValidationInfo) -> str:
    catalog = catalog_from(info)
    if catalog is not None and catalog.get(event_id) is None:
        known = [event.id for event in catalog.events]
        raise ValueError(f"undefined event '{event_id}'{suggest(event_id, known)}")
    return event_id


class EventRuleMixin(BaseModel):
    """For kinds about one catalog event, optionally one of its attributes."""

    @model_validator(mode="after")
    def _known_attribute(self, info: ValidationInfo) -> EventRuleMixin:
        attribute = getattr(self, "attribute", None)
        event_id = getattr(self, "event", None)
        catalog = catalog_from(info)
        own_values = getattr(self, "values", None) or getattr(self, "role", None)
        if attribute is None or event_id is None or catalog is None or own_values:
            return self  # a rule that defines its own values (or reads a role) defines its own attribute
        spec = catalog.get(event_id)
        if spec is not None and attribute not in spec.attributes:
            raise ValueError(
                f"attribute: event '{event_id}' has no attribute '{attribute}'"
                + suggest(attribute, spec.attributes)
            )
        return self


def join_values(values: Iterable[str]) -> str:
    return " vs ".join(f"'{value}'" for value in values)


# No rule about a news story needs a longer span: a longer one is a typo (P9999Y, P99999999999999D).
LONGEST_DURATION = "P100Y"


def _valid_duration(text: str) -> str:
    span = parse_duration(text)
    if 31 * abs(span.months) + abs(span.days) > 366 * 100:
        raise ValueError(f"'{text}' is longer than a rule may use; at most {LONGEST_DURATION}")
    return text


Duration = Annotated[str, AfterValidator(_valid_duration)]
EventId = Annotated[
    str,
    AfterValidator(known_event),
    Field(description="The catalog event the rule is about (an id under `events:`)."),
]
