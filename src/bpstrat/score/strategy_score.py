"""The score of a whole strategy: every dimension, the flywheel sides, the coalition, the
goals and the money they ask for and return, as of a given day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from bpstrat.model.config import StrengthWeights
from bpstrat.model.entities import Consumer, Decision, Dimension, Goal, Stakeholder
from bpstrat.model.strategy import Strategy
from bpstrat.score.coalition import coalition
from bpstrat.score.dimension import score_dimension
from bpstrat.score.goals import score_goal
from bpstrat.score.investment import investment
from bpstrat.score.results import ScoreResult
from bpstrat.score.sides import score_sides


def score(
    consumers: Sequence[Consumer],
    dimensions: Sequence[Dimension],
    decisions: Sequence[Decision],
    stakeholders: Sequence[Stakeholder],
    sides: Sequence[str],
    strengths: StrengthWeights | None = None,
    threshold: float = 0.5,
    factors: Mapping[str, float] | None = None,
    *,
    today: dt.date,
    goals: Sequence[Goal] = (),
    accommodation: float = 0.5,
    tolerance: float = 0.1,
    currency: str | None = None,
) -> ScoreResult:
    """Score every dimension, the flywheel sides, the coalition, the goals and their
    money as of `today`."""
    strengths = strengths or StrengthWeights()
    factors = dict(factors or {})
    scored = tuple(
        score_dimension(d, consumers, decisions, strengths, factors, today, accommodation)
        for d in dimensions
    )
    if not sides:
        sides = sorted({c.side for c in consumers if c.side})
    side_scores, imbalance = score_sides(sides, consumers, scored, strengths, factors)
    goal_scores = (score_goal(g, today, tolerance) for g in sorted(goals, key=lambda g: g.id))
    return ScoreResult(
        scored,
        side_scores,
        imbalance,
        coalition(stakeholders, threshold),
        factors,
        tuple(g for g in goal_scores if g is not None),
        investment(goals, currency),
    )


def score_strategy(
    strategy: Strategy, factors: dict[str, float] | None = None, *, today: dt.date
) -> ScoreResult:
    """Score the strategy's valid entities with its own settings, as of `today`."""
    product = strategy.config.product
    return score(
        consumers=strategy.consumers,
        dimensions=strategy.dimensions,
        decisions=strategy.decisions,
        stakeholders=strategy.stakeholders,
        sides=product.sides if product else [],
        strengths=strategy.config.scoring.strength,
        threshold=strategy.config.lint.coalition_threshold,
        factors=factors,
        today=today,
        goals=strategy.goals,
        accommodation=strategy.config.scoring.accommodation,
        tolerance=strategy.config.lint.track_tolerance,
        currency=product.currency if product else None,
    )
