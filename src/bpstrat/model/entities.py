"""The entity kinds of a strategy: consumer, stakeholder, problem, goal, dimension, decision.

Field names and enums follow the file format (docs/format.md); every model forbids
unknown fields so typos surface as findings.
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import Field, StrictBool

from bpstrat.model.types import (
    Category,
    Engagement,
    Influence,
    IsoDate,
    Number,
    Scale,
    Slug,
    Status,
    Strength,
    Strict,
    Text,
)


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


Entity = Consumer | Stakeholder | Problem | Goal | Dimension | Decision
