"""The strategy model: pydantic v2 models of bpstrat.yaml and of every entity kind.

Field names, kinds and enums follow the file format (docs/format.md). Models are strict
where YAML could silently mean something else (a quoted "5" is not a score, a number is
not a date), and forbid unknown fields so typos surface as findings.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    WithJsonSchema,
)

SLUG_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
_SLUG = re.compile(SLUG_PATTERN)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: Any) -> Any:
    """Accept `YYYY-MM-DD` text (or a date) only: no timestamps, no other formats."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as error:
            raise ValueError(f"{value!r} is not a real date ({error})") from None
    raise ValueError(f"expected a date written YYYY-MM-DD, got {value!r}")


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(
            f"{value!r} is not a valid id: use lowercase letters, digits, '.', '_' and '-', "
            f"starting with a letter or digit (e.g. {suggest_slug(value)!r})"
        )
    return value


def suggest_slug(value: str) -> str:
    """A slug close to `value`, for messages."""
    slug = re.sub(r"[^a-z0-9._-]+", "-", value.lower()).strip("-._")
    return slug or "my-id"


def _number_as_text(value: Any) -> Any:
    """`id: 2027` or `name: 2027` is text the author wrote, not a number."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


# The JSON Schema of each type says what lint accepts, for editors and schema validators.
_DATE_SCHEMA = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_SLUG_SCHEMA = {
    "anyOf": [{"type": "string", "pattern": SLUG_PATTERN}, {"type": "integer", "minimum": 0}]
}
_TEXT_SCHEMA = {"anyOf": [{"type": "string", "minLength": 1}, {"type": "number"}]}

IsoDate = Annotated[dt.date, BeforeValidator(_iso_date), WithJsonSchema(_DATE_SCHEMA)]
Slug = Annotated[
    str,
    Field(strict=True),
    BeforeValidator(_number_as_text),
    AfterValidator(_slug),
    WithJsonSchema(_SLUG_SCHEMA),
]
Text = Annotated[
    str,
    Field(strict=True, min_length=1),
    BeforeValidator(_number_as_text),
    WithJsonSchema(_TEXT_SCHEMA),
]
Scale = Annotated[int, Field(strict=True, ge=1, le=5)]
Number = Annotated[float, Field(strict=True)]

Phase = Literal["buy-in", "problem", "minimum", "attention", "handover"]
Strength = Literal["must", "should", "could"]
Engagement = Literal["unaware", "resistant", "neutral", "supportive", "leading"]
Category = Literal["capability", "data", "ways-of-working"]
Influence = Literal["direct", "shared", "indirect"]
Status = Literal["proposed", "accepted", "superseded"]
Severity = Literal["error", "warning", "info", "off"]

ENGAGEMENT_LEVELS: tuple[str, ...] = Engagement.__args__  # type: ignore[attr-defined]


class Strict(BaseModel):
    """Base of every model: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- bpstrat.yaml -------------------------------------------------------------------


class Product(Strict):
    id: Slug
    name: Text
    vision: Optional[Text] = None
    phase: Optional[Phase] = None
    owner: Optional[Slug] = None
    sponsor: Optional[Slug] = None
    successor: Optional[Slug] = None
    sides: list[Slug] = Field(default_factory=list)


class LintConfig(Strict):
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    max_key_goals: Annotated[int, Field(strict=True, ge=1)] = 3
    stale_after_days: Annotated[int, Field(strict=True, ge=1)] = 90
    coalition_threshold: Annotated[float, Field(strict=True, ge=0, le=1)] = 0.5
    flywheel_tolerance: Annotated[float, Field(strict=True, ge=0, le=1)] = 0.3


class StrengthWeights(Strict):
    must: Annotated[float, Field(strict=True, ge=0)] = 3.0
    should: Annotated[float, Field(strict=True, ge=0)] = 2.0
    could: Annotated[float, Field(strict=True, ge=0)] = 1.0


class ScoringConfig(Strict):
    strength: StrengthWeights = Field(default_factory=StrengthWeights)


class RootConfig(Strict):
    """The contents of bpstrat.yaml."""

    product: Product
    exclude: list[Text] = Field(default_factory=list)
    lint: LintConfig = Field(default_factory=LintConfig)
    scoring: ScoringConfig = Field(default_factory=ScoringConfig)


# --- entities -----------------------------------------------------------------------


class ConsumerStrategy(Strict):
    summary: Optional[Text] = None
    sources: list[Text] = Field(default_factory=list)


class Demand(Strict):
    dimension: Slug
    option: Slug
    strength: Strength
    needed_by: Optional[IsoDate] = None
    problem: Optional[Slug] = None
    note: Optional[str] = None


class Consumer(Strict):
    kind: Literal["consumer"]
    id: Slug
    name: Text
    side: Optional[Slug] = None
    importance: Scale
    owner: Optional[Slug] = None
    strategy: Optional[ConsumerStrategy] = None
    demands: list[Demand] = Field(default_factory=list)


class EngagementLevels(Strict):
    current: Engagement
    desired: Optional[Engagement] = None


class EngagementPlan(Strict):
    channel: Optional[Text] = None
    next_step: Optional[Text] = None


class Stakeholder(Strict):
    kind: Literal["stakeholder"]
    id: Slug
    name: Text
    role: Optional[Text] = None
    faction: Optional[Text] = None
    power: Scale
    interest: Scale
    engagement: Optional[EngagementLevels] = None
    concerns: list[Text] = Field(default_factory=list)
    plan: Optional[EngagementPlan] = None
    consumers: list[Slug] = Field(default_factory=list)
    reviewed: Optional[IsoDate] = None


class Problem(Strict):
    kind: Literal["problem"]
    id: Slug
    title: Text
    statement: Optional[str] = None
    value_chain: Optional[Text] = None
    impact: Optional[Scale] = None
    evidence: list[Text] = Field(default_factory=list)
    consumers: list[Slug] = Field(default_factory=list)


class Metric(Strict):
    name: Optional[Text] = None
    unit: Optional[Text] = None
    baseline: Optional[Number] = None
    target: Optional[Number] = None
    by: Optional[IsoDate] = None
    influence: Optional[Influence] = None


class Goal(Strict):
    kind: Literal["goal"]
    id: Slug
    title: Text
    key: StrictBool = False
    category: Optional[Category] = None
    problems: list[Slug] = Field(default_factory=list)
    consumers: list[Slug] = Field(default_factory=list)
    metric: Optional[Metric] = None


class Option(Strict):
    id: Slug
    name: Optional[Text] = None
    cost: Scale = 3

    @property
    def label(self) -> str:
        return self.name or self.id


class Dimension(Strict):
    kind: Literal["dimension"]
    id: Slug
    name: Text
    choose: Annotated[int, Field(strict=True, ge=1)] = 1
    options: Annotated[list[Option], Field(min_length=1)]


class Decision(Strict):
    kind: Literal["decision"]
    id: Slug
    dimension: Slug
    choice: Annotated[list[Slug], Field(min_length=1)]
    status: Status
    date: IsoDate
    rationale: Optional[str] = None


Entity = Union[Consumer, Stakeholder, Problem, Goal, Dimension, Decision]

KINDS: dict[str, type[BaseModel]] = {
    "consumer": Consumer,
    "stakeholder": Stakeholder,
    "problem": Problem,
    "goal": Goal,
    "dimension": Dimension,
    "decision": Decision,
}
