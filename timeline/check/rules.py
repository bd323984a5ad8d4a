"""The rule language: the `rules:` sections of the rule files, validated with located errors.

rules:
  - id: order-terms                 # unique; findings and config overrides use it
    kind: agree                     # agree | date-agree | numeric | order | within | exclusive | sources
    event: executive-order          # an event id of the catalog (`events:`)
    attribute: terms
    severity: error                 # error | warning | info
    message: "Sources disagree on the terms of {event}: {values}"
    link: https://example.org/rules#order-terms
    description: The order either asks labs to volunteer models or mandates a review.
    tests:
      - dct: 2026-06-06
        docs:
          - {id: a, text: "An executive order asked labs to voluntarily submit models."}
          - {id: b, text: "The executive order gives the government 30 days to review models."}
        expect: [order-terms]
"""

from __future__ import annotations

from typing import Annotated, Any, get_args

from pydantic import BaseModel as PydanticModel
from pydantic import Field, TypeAdapter, ValidationError

from timeline.check.builtin import BUILTIN_IDS
from timeline.check.kinds.agree import AgreeRule
from timeline.check.kinds.date_agree import DateAgreeRule
from timeline.check.kinds.exclusive import ExclusiveRule
from timeline.check.kinds.numeric import NumericRule
from timeline.check.kinds.order import OrderRule
from timeline.check.kinds.sources import SourcesRule
from timeline.check.kinds.within import WithinRule
from timeline.check.rulebase import RuleBase, RuleTest, RuleTestDoc, suggest
from timeline.diagnostics import InputProblem
from timeline.events import Catalog, catalog_json_schema
from timeline.events.catalog import phrase_locations
from timeline.yamlsource import LocatedYaml, YamlPath, existing_path

RULE_KINDS: tuple[type[RuleBase], ...] = (
    AgreeRule,
    DateAgreeRule,
    OrderRule,
    WithinRule,
    ExclusiveRule,
    SourcesRule,
    NumericRule,
)
Rule = Annotated[
    AgreeRule | DateAgreeRule | OrderRule | WithinRule | ExclusiveRule | SourcesRule | NumericRule,
    Field(discriminator="kind"),
]
_RULE = TypeAdapter[Rule](Rule)
KIND_NAMES = {get_args(kind.model_fields["kind"].annotation)[0]: kind for kind in RULE_KINDS}


def load_rules(files: list[LocatedYaml], catalog: Catalog) -> tuple[list[RuleBase], list[InputProblem]]:
    """Every valid rule of every file's `rules:` list, in file order; a problem for each invalid one."""
    loaded: list[tuple[LocatedYaml, YamlPath, RuleBase]] = []
    problems: list[InputProblem] = []
    first_seen: dict[str, str] = {}
    for located in files:
        section = located.data.get("rules") if isinstance(located.data, dict) else None
        if section is None:
            continue
        if not isinstance(section, list):
            problems.append(
                located.problem(("rules",), "'rules:' must be a list of rules (items start with '-')")
            )
            continue
        for index, raw in enumerate(section):
            at: YamlPath = ("rules", index)
            try:
                rule: RuleBase = _RULE.validate_python(raw, context={"catalog": catalog})
            except ValidationError as exc:
                problems.extend(_located_errors(located, at, raw, exc))
                continue
            if rule.id in first_seen or rule.id in BUILTIN_IDS:
                first = first_seen.get(rule.id, "a built-in check")
                message = f"rule id '{rule.id}' is already used by {first}; give each rule its own id"
                problems.append(located.problem((*at, "id"), message))
                continue
            line, _ = located.where(at)
            rule._defined_at = first_seen[rule.id] = f"{located.path}:{line}"
            rule._phrase_at = phrase_locations(located, at, {"values": raw.get("values")})
            loaded.append((located, at, rule))
    # A test expecting a rule id that no rule has can never pass: say so now, not when it fails.
    known = set(first_seen) | BUILTIN_IDS
    for located, at, rule in loaded:
        for test_index, test in enumerate(rule.tests):
            for expect_index, expected in enumerate(test.expect):
                if expected not in known:
                    where: YamlPath = (*at, "tests", test_index, "expect", expect_index)
                    message = f"tests: expects unknown rule '{expected}'{suggest(expected, known)}"
                    problems.append(located.problem(where, message))
    return [rule for _, _, rule in loaded], problems


def _located_errors(located: LocatedYaml, at: YamlPath, raw: Any, exc: ValidationError) -> list[InputProblem]:
    problems: list[InputProblem] = []
    for error in exc.errors():
        path = existing_path(raw, error["loc"])
        name = ".".join(str(part) for part in (*at, *path))
        kind = error["type"]
        if kind == "union_tag_invalid":
            given = str(raw.get("kind"))
            message = f"{name}.kind: unknown kind '{given}'{suggest(given, KIND_NAMES)}"
            problems.append(located.problem((*at, "kind"), message))
            continue
        if kind == "union_tag_not_found":
            message = f"{name}: missing required key 'kind' (one of {', '.join(sorted(KIND_NAMES))})"
            problems.append(located.problem(at, message))
            continue
        if kind == "missing":
            message = f"{name}: missing required key '{error['loc'][-1]}'"
            problems.append(located.problem((*at, *path), message, key=bool(path)))
            continue
        if kind == "extra_forbidden":
            key = str(error["loc"][-1])
            parent = _model_at(raw, path[:-1])
            known = _keys(parent) if parent else []
            message = f"{name}: unknown key '{key}'{suggest(key, known)}"
            problems.append(located.problem((*at, *path), message, key=True))
            continue
        text = str(error["msg"]).removeprefix("Value error, ")
        if kind == "literal_error" and isinstance(error.get("input"), str):
            expected = [str(option).strip("'") for option in error["ctx"]["expected"].split(" or ")]
            expected = [part.strip("' ") for option in expected for part in option.split(", ")]
            text += suggest(error["input"], expected).replace("; known: ", "; allowed: ")
        key, _, rest = text.partition(": ")
        if not path and isinstance(raw, dict) and key in raw:
            # A check across keys ("attribute: event 'x' has no attribute 'y'") points at the key it names.
            path, text = (key,), rest
            name = ".".join(str(part) for part in (*at, key))
        problems.append(located.problem((*at, *path), f"{name}: {text}"))
    return _unique(problems)


def _unique(problems: list[InputProblem]) -> list[InputProblem]:
    seen: set[str] = set()
    kept = []
    for problem in problems:
        if str(problem) not in seen:
            seen.add(str(problem))
            kept.append(problem)
    return kept


def _model_at(raw: Any, path: YamlPath) -> type[PydanticModel] | None:
    """The model that validates the mapping at `path` inside a rule (for "did you mean" on its keys)."""
    if not isinstance(raw, dict):
        return None
    model: type[PydanticModel] | None = KIND_NAMES.get(str(raw.get("kind")))
    for part in path:
        if part == "tests":
            model = RuleTest
        elif part == "docs":
            model = RuleTestDoc
    return model


def _keys(model: type[PydanticModel]) -> list[str]:
    return sorted(field.alias or name for name, field in model.model_fields.items())


def rule_file_json_schema() -> dict[str, Any]:
    """JSON Schema of a whole rule file (`events:` and `rules:`), for editors (`timeline schema rules`)."""
    rule_schema = _RULE.json_schema(by_alias=True)
    definitions = rule_schema.pop("$defs", {})
    catalog_schema = catalog_json_schema()
    # both schemas refer to their definitions as #/$defs/...: they share the root's
    for name, definition in catalog_schema.pop("$defs", {}).items():
        if definitions.setdefault(name, definition) != definition:
            raise ValueError(f"two different schema definitions are named {name}")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "timeline rule file",
        "description": "rules/*.yaml: `events:` (the event catalog), `rules:` (what `timeline check` runs).",
        "type": "object",
        "properties": {
            "events": catalog_schema,
            "rules": {"type": "array", "items": rule_schema},
        },
        "additionalProperties": False,
        "$defs": definitions,
    }
