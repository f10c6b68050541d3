"""One point of the history: the strategy's figures at one commit, as `score --format
json` and `lint --format json` give them there, and the facts its changes are told from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from bpstrat.findings import LEVELS
from bpstrat.history.walk import Commit
from bpstrat.lint.linter import LintResult
from bpstrat.model.entities import Goal, Stakeholder


def rounded(value: float | None, digits: int = 3) -> float | None:
    """As the score JSON rounds: null for no value and for a non-finite one."""
    if value is None or not math.isfinite(value):
        return None
    return round(value, digits) + 0.0  # + 0.0: -0.0 is written 0.0


@dataclass(frozen=True)
class DimensionFigures:
    chosen: tuple[str, ...]
    intensity: float | None
    decided: bool
    name: str
    decision: str | None  # the deciding decision's id


@dataclass(frozen=True)
class GoalFigures:
    status: str
    progress: float | None
    title: str
    key: bool


@dataclass(frozen=True)
class Person:
    name: str
    engagement: str
    power: int


@dataclass(frozen=True)
class DecisionFacts:
    dimension: str
    status: str
    choice: tuple[str, ...]
    supersedes: str | None


@dataclass
class Point:
    """The figures at one commit (the contract's history point) and the facts behind them."""

    commit: Commit
    coalition: float | None
    factions: dict[str, float | None]
    flywheel_imbalance: float | None
    dimensions: dict[str, DimensionFigures]
    goals: dict[str, GoalFigures]  # every goal with a complete metric
    findings: dict[str, int]
    product: str = ""
    stakeholders: dict[str, Person] = field(default_factory=dict)
    consumers: dict[str, str] = field(default_factory=dict)
    decisions: dict[str, DecisionFacts] = field(default_factory=dict)
    accommodated: dict[tuple[str, str, str], str] = field(default_factory=dict)

    def slim(self) -> None:
        """Forget the facts the changes were told from (the figures stay): a long history
        keeps only what its reports show of each point."""
        self.stakeholders, self.consumers, self.decisions, self.accommodated = {}, {}, {}, {}
        self.goals = self.key_goals

    @property
    def key_goals(self) -> dict[str, GoalFigures]:
        return {id_: g for id_, g in self.goals.items() if g.key}

    def as_json(self) -> dict[str, Any]:
        """The point as the contract writes it."""
        return {
            "commit": self.commit.sha,
            "date": self.commit.date.isoformat(),
            "subject": self.commit.subject,
            "coalition": self.coalition,
            "factions": dict(self.factions),
            "flywheel_imbalance": self.flywheel_imbalance,
            "dimensions": {
                id_: {"chosen": list(d.chosen), "intensity": d.intensity, "decided": d.decided}
                for id_, d in self.dimensions.items()
            },
            "goals": {
                id_: {"status": g.status, "progress": g.progress}
                for id_, g in self.key_goals.items()
            },
            "findings": dict(self.findings),
        }


def point_of(commit: Commit, result: LintResult) -> Point:
    """The point of `commit`, from the lint of its files as of its date."""
    strategy = result.strategy
    score = result.score
    titles = {r.id: r.entity for r in strategy.records(Goal)}
    counts: dict[str, int] = {level: result.count(level) for level in LEVELS}
    product = strategy.config.product
    point = Point(
        commit=commit,
        coalition=rounded(score.coalition.share) if score.coalition.total_power else None,
        factions={f.id: rounded(f.share) for f in score.coalition.factions},
        flywheel_imbalance=rounded(score.flywheel_imbalance),
        dimensions={
            d.id: DimensionFigures(
                tuple(d.chosen), rounded(d.intensity), d.decided, d.name, d.decision
            )
            for d in score.dimensions
        },
        goals={
            g.id: GoalFigures(
                g.status,
                rounded(g.progress),
                titles[g.id].title if g.id in titles else g.id,
                g.key,
            )
            for g in score.goals
        },
        findings=counts,
        product=(product.name or product.id) if product is not None else "",
    )
    for record in strategy.records(Stakeholder):
        s = record.entity
        current = s.engagement.current if s.engagement is not None else "unknown"
        point.stakeholders[s.id] = Person(s.name, current, s.power)
    point.consumers = {c.id: c.name for c in strategy.consumers}
    for decision in strategy.decisions:
        point.decisions[decision.id] = DecisionFacts(
            decision.dimension, decision.status, tuple(decision.choice), decision.supersedes
        )
    for d in score.dimensions:
        for a in d.accommodated:
            point.accommodated[(d.id, a.consumer, a.option)] = a.via
    return point
