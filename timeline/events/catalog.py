"""The event catalog: the `events:` sections of the rule files, validated, with located errors.

A catalog entry names one event of the story, the phrases that mention it, who takes part and the
vocabulary its attributes are claimed in:

    events:
      executive-order:                      # event id (a slug), also the mention's event_type
        title: US executive order on frontier model testing
        triggers:                           # phrases; lemma-aware, "..." skips up to `gap` words
          - executive order
          - regex: "\\bEO ?14\\d{3}\\b"     # or an RE2 pattern (linear time, case-insensitive)
        participants:                       # role -> aliases; the first alias is the canonical name
          signer: [Donald Trump, Trump administration, the White House]
        require: []                         # roles that must be named in the sentence
        gap: 6                              # words "..." may skip in this event's phrases (default 6)
        clauses: [main, reported]           # count triggers only in these clause kinds (omit: all);
                                            # main | reported | relative | subordinate
        attributes:                         # attribute -> value -> phrases that claim it
          terms:
            voluntary: [voluntarily submit]
            mandatory-review: [30 days to review, requiring]
"""

from __future__ import annotations

import difflib
import hashlib
import re
from typing import Annotated, Any

import re2  # google-re2: user-supplied patterns run in linear time, no catastrophic backtracking
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from timeline.diagnostics import InputProblem
from timeline.events.models import ClauseKind
from timeline.yamlsource import LocatedYaml, YamlPath, existing_path

EVENT_ID = r"^[a-z0-9][a-z0-9._-]*$"
WILDCARD = "..."
# Words "..." may skip: enough for "signed the $38 million repair contract" (sign ... contract); a catalog
# event sets its own with `gap:`.
DEFAULT_GAP = 6
_WORD = re.compile(r"\w+")


class RegexPattern(BaseModel):
    """A trigger or vocabulary phrase written as an RE2 regular expression (case-insensitive)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    regex: Annotated[str, StringConstraints(min_length=1)]

    @model_validator(mode="after")
    def _compiles(self) -> RegexPattern:
        try:
            re2.compile(self.regex, regex_options())
        except re2.error as exc:
            detail = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
            raise ValueError(f"invalid RE2 pattern: {detail}") from None
        return self


def regex_options() -> re2.Options:
    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False  # errors are reported to the user as InputProblems, not logged by RE2
    return options


def _check_phrase(phrase: str) -> str:
    words = [part for part in phrase.split() if part != WILDCARD]
    if not any(_WORD.search(word) for word in words):
        raise ValueError(f"phrase '{phrase}' has no words")
    parts = phrase.split()
    if parts[0] == WILDCARD or parts[-1] == WILDCARD:
        raise ValueError(f"phrase '{phrase}': '...' may only stand between words")
    return phrase


Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
PhraseOrRegex = Phrase | RegexPattern


class EventSpec(BaseModel):
    """One catalog entry, as written under `events: <id>:`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    triggers: list[PhraseOrRegex] = Field(min_length=1)
    participants: dict[str, list[Phrase]] = Field(default_factory=dict)
    require: list[str] = Field(default_factory=list)
    attributes: dict[str, dict[str, list[PhraseOrRegex]]] = Field(default_factory=dict)
    gap: int | None = Field(
        None,
        ge=0,
        le=30,
        description=f"Words '...' may skip in this event's phrases (default {DEFAULT_GAP}).",
    )
    clauses: list[ClauseKind] | None = Field(
        None,
        min_length=1,
        description="Count triggers only in these kinds of clause: main, reported (after 'said that'), "
        "relative (', which ...'), subordinate ('because ...'). Omit: every clause.",
    )

    @property
    def word_gap(self) -> int:
        return DEFAULT_GAP if self.gap is None else self.gap

    @model_validator(mode="after")
    def _consistent(self) -> EventSpec:
        phrases: list[PhraseOrRegex] = list(self.triggers)
        for aliases in self.participants.values():
            if not aliases:
                raise ValueError("a participant role needs at least one alias")
            phrases.extend(aliases)
        for values in self.attributes.values():
            for value_phrases in values.values():
                phrases.extend(value_phrases)
        for phrase in phrases:
            if isinstance(phrase, str):
                _check_phrase(phrase)
        for role in self.require:
            if role not in self.participants:
                known = ", ".join(sorted(self.participants)) or "none defined"
                raise ValueError(f"require: '{role}' is not a participant role (roles: {known})")
        return self


class CatalogEvent(EventSpec):
    id: str
    defined_at: str  # file:line, for messages
    phrase_at: dict[str, str] = Field(default_factory=dict)  # "triggers.0" -> file:line:column, for warnings


class Catalog(BaseModel):
    """Every catalog entry of every rule file, in id order. Plain data: picklable and hashable."""

    model_config = ConfigDict(frozen=True)

    events: tuple[CatalogEvent, ...] = ()

    @property
    def fingerprint(self) -> str:
        """Hash of the catalog's content (not of where it was defined), for cache keys."""
        content = [
            event.model_dump(mode="json", exclude={"defined_at", "phrase_at"}) for event in self.events
        ]
        return hashlib.sha256(repr(content).encode()).hexdigest()[:16]

    def get(self, event_id: str) -> CatalogEvent | None:
        return next((event for event in self.events if event.id == event_id), None)


def load_catalog(files: list[LocatedYaml]) -> tuple[Catalog, list[InputProblem]]:
    """Validate the `events:` section of each rule file; entries with problems are left out."""
    events: dict[str, CatalogEvent] = {}
    problems: list[InputProblem] = []
    for located in files:
        section = located.data.get("events") if isinstance(located.data, dict) else None
        if section is None:
            continue
        if not isinstance(section, dict):
            problems.append(located.problem(("events",), "'events:' must map event ids to their definitions"))
            continue
        for event_id, raw in section.items():
            at: YamlPath = ("events", event_id)
            if not re.match(EVENT_ID, event_id):
                problems.append(
                    located.problem(
                        at, f"event id '{event_id}': use lowercase letters, digits, '-', '.', '_'", key=True
                    )
                )
                continue
            if event_id in events:
                first = events[event_id].defined_at
                problems.append(
                    located.problem(at, f"event '{event_id}' is already defined at {first}", key=True)
                )
                continue
            try:
                spec = EventSpec.model_validate(raw)
            except ValidationError as exc:
                problems.extend(_located_errors(located, at, raw, exc))
                continue
            line, _ = located.where(at, key=True)
            events[event_id] = CatalogEvent(
                **spec.model_dump(),
                id=event_id,
                defined_at=f"{located.path}:{line}",
                phrase_at=phrase_locations(located, at, raw),
            )
    return Catalog(events=tuple(events[event_id] for event_id in sorted(events))), problems


def phrase_locations(located: LocatedYaml, at: YamlPath, raw: Any) -> dict[str, str]:
    """file:line:column of every item of the lists in `raw` ("triggers.0", "attributes.terms.voluntary.1")."""
    found: dict[str, str] = {}

    def walk(node: Any, path: YamlPath) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*path, key))
        elif isinstance(node, list):
            for index in range(len(node)):
                line, column = located.where((*at, *path, index))
                found[".".join(str(part) for part in (*path, index))] = f"{located.path}:{line}:{column}"

    walk(raw, ())
    return found


def _located_errors(located: LocatedYaml, at: YamlPath, raw: Any, exc: ValidationError) -> list[InputProblem]:
    problems: list[InputProblem] = []
    seen: set[str] = set()
    for error in exc.errors():
        path = existing_path(raw, error["loc"])
        if _other_alternative(raw, path, error["type"]):
            continue
        name = ".".join(str(part) for part in (*at, *path))
        if error["type"] == "missing":
            message = f"{name}: missing required key '{error['loc'][-1]}'"
            problem = located.problem((*at, *path), message, key=True)
        elif error["type"] == "extra_forbidden":
            key = str(path[-1]) if path else ""
            known = _known_keys(path[:-1])
            hint = difflib.get_close_matches(key, known, n=1)
            suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; known keys: {', '.join(known)}"
            message = f"{name}: unknown key{suggestion}"
            problem = located.problem((*at, *path), message, key=True)
        elif error["type"] == "literal_error" and isinstance(error.get("input"), str):
            allowed = re.findall(r"'([^']*)'", error["ctx"]["expected"])
            hint = difflib.get_close_matches(error["input"], allowed, n=1)
            suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; allowed: {', '.join(allowed)}"
            problem = located.problem((*at, *path), f"{name}: unknown value '{error['input']}'{suggestion}")
        else:
            message = f"{name}: {error['msg'].removeprefix('Value error, ')}"
            problem = located.problem((*at, *path), message)
        if str(problem) not in seen:  # a union reports one error per alternative; say it once
            seen.add(str(problem))
            problems.append(problem)
    return problems


def _other_alternative(raw: Any, path: YamlPath, error_type: str) -> bool:
    """A phrase is a string or {regex: ...}: the error of the alternative the user did not write is noise."""
    value: Any = raw
    for part in path:
        value = value[part]
    if isinstance(value, dict):
        return error_type == "string_type"
    return error_type in ("model_type", "model_attributes_type", "dict_type")


def _known_keys(parent: YamlPath) -> list[str]:
    model: type[BaseModel] = EventSpec
    if parent and isinstance(parent[-1], int):
        model = RegexPattern
    return sorted(model.model_fields)


def catalog_json_schema() -> dict[str, Any]:
    """JSON Schema of an `events:` section (event id -> definition), for `timeline schema rules`.

    Its `$defs` are referenced as `#/$defs/...`: a schema that embeds this one must move them to its root.
    """
    spec = EventSpec.model_json_schema()
    definitions = spec.pop("$defs", {})
    return {
        "type": "object",
        "description": "The event catalog: event id -> its title, triggers, participants and attributes.",
        "propertyNames": {"pattern": EVENT_ID},
        "additionalProperties": spec,
        "$defs": definitions,
    }
