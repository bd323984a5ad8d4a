"""`numeric`: sources must state the same number for an event (a count, an amount, a share, a duration).

Each mention's quote is read by the project's one quantity reader (`timeline.events.quantities`): "twelve",
"12", "ten thousand", "$4.2bn", "US$4.2 billion", "35%", "thirty-five percent", "a 30-day review". Only
figures of the rule's unit (and currency, and counted noun, when given) are compared. Hedges become
intervals ("about 12" is 10.8..13.2, "more than 12" excludes 12) and a scaled figure allows its rounding
("$38 million" is 37.5 to 38.5 million), so two sources conflict only when no reading makes them agree.
With `expect`, one source is enough: any source whose figure cannot be the expected one is a finding.

- id: contract-amount
  kind: numeric
  event: repair-contract
  attribute: amount          # what the number is, for messages
  unit: money                # count | money | percent | points | duration | length | mass | ...
  currency: USD              # money only; omit to compare within whatever currency both sources use
  counted: [contract]        # only figures that count or measure these nouns ("the $38 million contract")
  tolerance: 2%              # "2%" of the larger figure, an absolute amount (2), or a duration (P1D)
  expect: $38 million        # optional: the value the desk knows
"""

from __future__ import annotations

from itertools import combinations
from typing import Any, ClassVar, Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator

from timeline.check.models import Evidence, Finding
from timeline.check.rulebase import CheckContext, EventId, RuleBase, evidence, suggest
from timeline.events.models import Mention, Quantity
from timeline.events.quantities import Tolerance, compatible, noun_lemma, read_quantities, unit_families
from timeline.temporal.intervals import parse_duration

DAYS_PER_MONTH = 30.436875


class NumericRule(RuleBase):
    PLACEHOLDERS: ClassVar[dict[str, str]] = {
        "attribute": "what the number is (the rule's `attribute`, else its unit)",
        "values": "each distinct figure as written, quoted and joined by 'vs'",
        "expected": "the expected value as written in the rule (empty without `expect`)",
        "count": "how many distinct figures",
    }
    DEFAULT_MESSAGE: ClassVar[str] = "sources disagree on the {attribute} of {event}: {values}"
    EXPECT_MESSAGE: ClassVar[str] = "{event}: the {attribute} should be {expected}, sources say {values}"

    kind: Literal["numeric"]
    event: EventId
    attribute: str | None = Field(None, description="What the number is, for messages ('amount', 'deaths').")
    unit: str = Field(
        description="The unit family compared: count, money, percent, points (percentage points), duration, "
        "length, mass, area, volume, speed or power."
    )
    currency: str | None = Field(None, description="ISO 4217 code (money only): compare only this currency.")
    counted: list[str] | None = Field(
        None, description="Only figures that count or measure one of these nouns ('miners', 'contract')."
    )
    tolerance: float | str = Field(
        0,
        description="How far apart figures may be: an absolute amount (2), a share of the larger one (5%), "
        "or for durations an ISO 8601 duration (P1D).",
    )
    expect: float | str | None = Field(
        None, description="The known value ('$38 million', 35%, 12): any source that differs is a finding."
    )
    _tolerance: Tolerance = PrivateAttr(default_factory=Tolerance)
    _expected: Quantity | None = PrivateAttr(None)
    _counted: frozenset[str] = PrivateAttr(frozenset())

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str) -> str:
        if unit not in unit_families():
            raise ValueError(f"unknown unit '{unit}'{suggest(unit, unit_families())}")
        return unit

    @field_validator("currency")
    @classmethod
    def _iso_currency(cls, currency: str | None) -> str | None:
        if currency is not None and not (len(currency) == 3 and currency.isalpha() and currency.isupper()):
            raise ValueError(f"'{currency}' is no ISO 4217 code such as USD, EUR or GBP")
        return currency

    @model_validator(mode="after")
    def _parse(self) -> NumericRule:
        if self.currency is not None and self.unit != "money":
            raise ValueError(f"currency: only a money rule has a currency (this one compares {self.unit})")
        self._tolerance = _tolerance(self.tolerance, self.unit)
        self._expected = None if self.expect is None else _expected(self.expect, self.unit, self.currency)
        self._counted = frozenset(noun_lemma(word) for word in self.counted or [])
        return self

    def default_message(self) -> str:
        return self.EXPECT_MESSAGE if self.expect is not None else self.DEFAULT_MESSAGE

    def figures(self, mention: Mention) -> list[Quantity]:
        """The figures of this rule's unit (currency, counted noun) that the mention's quote states."""
        dated = [(mention.timex.start, mention.timex.end)] if mention.timex is not None else []
        return [
            quantity
            for quantity in read_quantities(mention.quote, mention.start, exclude=dated)
            if quantity.unit == self.unit
            and (self.currency is None or quantity.currency == self.currency)
            and (not self._counted or quantity.counted in self._counted)
        ]

    def evaluate(self, context: CheckContext) -> list[Finding]:
        findings = []
        for event in context.events(self.event):
            claims = [(mention, found) for mention in event.mentions if (found := self.figures(mention))]
            if self._expected is not None:
                expected = self._expected
                claims = [claim for claim in claims if not self._agree(claim[1], [expected])]
                conflict = bool(claims)
            else:
                conflict = any(not self._agree(a, b) for (_, a), (_, b) in combinations(claims, 2))
            if conflict:
                findings.append(self._finding(event, claims))
        return findings

    def _agree(self, first: list[Quantity], second: list[Quantity]) -> bool:
        """Two quotes agree when some figure of one can be some figure of the other."""
        return any(compatible(a, b, self._tolerance) for a in first for b in second)

    def _finding(self, event: Any, claims: list[tuple[Mention, list[Quantity]]]) -> Finding:
        items: list[Evidence] = [
            evidence(mention, "; ".join(describe(quantity) for quantity in found))
            for mention, found in claims
        ]
        written = sorted({quantity.text for _, found in claims for quantity in found})
        return self.finding(
            event,
            items,
            attribute=self.attribute or self.unit,
            values=" vs ".join(f"'{text}'" for text in written),
            expected=str(self.expect) if self.expect is not None else "",
            count=len(written),
        )


def describe(quantity: Quantity) -> str:
    """A figure for a finding: the number, its unit and the words it was read from."""
    number = f"{quantity.value:,.0f}" if quantity.value == int(quantity.value) else f"{quantity.value:,.4g}"
    unit = {
        "money": quantity.currency or "",
        "percent": "%",
        "points": "points",
        "count": quantity.counted or "",
    }
    label = unit.get(quantity.unit) or _plural(quantity.measure or quantity.unit, quantity.value)
    shown = f"{number}{label}" if label == "%" else f"{number} {label}".rstrip()
    return f'{shown} ("{quantity.text}")'


def _plural(unit: str, value: float) -> str:
    """ "month" -> "months" for any value but 1; abbreviations ("km", "mph") stay as they are."""
    if value == 1 or len(unit) <= 3 or not unit.isalpha():
        return unit
    if unit == "foot":
        return "feet"
    if unit.endswith("y") and unit[-2] not in "aeiou":
        return f"{unit[:-1]}ies"
    return f"{unit}es" if unit.endswith(("ch", "sh", "s", "x")) else f"{unit}s"


def _tolerance(value: float | str, unit: str) -> Tolerance:
    """2 -> absolute, "5%" -> relative, "P1D" -> absolute days (durations only)."""
    if isinstance(value, int | float):
        if value < 0:
            raise ValueError("tolerance: must not be negative")
        return Tolerance(absolute=float(value))
    text = value.strip()
    try:
        if text.endswith("%"):
            return Tolerance(relative=float(text[:-1]) / 100)
        if text.upper().startswith("P"):
            if unit != "duration":
                raise ValueError(f"tolerance: a duration such as {text} only fits a duration rule")
            span = parse_duration(text.upper())
            return Tolerance(absolute=span.months * DAYS_PER_MONTH + span.days)
        return Tolerance(absolute=float(text))
    except (ValueError, ArithmeticError) as error:
        if str(error).startswith("tolerance:"):
            raise
        raise ValueError(f"tolerance: '{value}' is no amount (2), share (5%) or duration (P1D)") from None


def _expected(value: float | str, unit: str, currency: str | None) -> Quantity:
    """The rule's `expect`, read by the same reader as the articles ("$38 million", "35%", 12)."""
    if isinstance(value, int | float):
        return Quantity(
            text=str(value), start=0, end=0, value=value, low=value, high=value, unit=unit, currency=currency
        )
    found = read_quantities(value)
    if len(found) != 1:
        raise ValueError(f"expect: '{value}' should state one figure such as '$38 million', '35%' or 12")
    quantity = found[0]
    if quantity.unit == "count" and unit != "count":  # a bare number takes the rule's unit
        quantity = quantity.model_copy(update={"unit": unit, "currency": currency})
    if quantity.unit != unit:
        raise ValueError(f"expect: '{value}' is {quantity.unit}, but the rule compares {unit}")
    if currency is not None and quantity.currency not in (None, currency):
        raise ValueError(f"expect: '{value}' is in {quantity.currency}, but the rule compares {currency}")
    return quantity
