"""Scoring arithmetic: pure functions, no I/O.

Formulas (the Scoring section of the strategy format):
- a consumer's weight w = importance (times a what-if factor); a demand's strength s
  comes from `scoring.strength`;
- support(option) = sum of w * s over the demands for it; total = sum over the dimension;
  share = support / total;
- chosen = the newest accepted decision's options, else the top `choose` by support
  (ties: lower cost, then id);
- conflict = more options demanded (support > 0) than `choose`;
- intensity = 1 - support of chosen / total;
- margin = (support of the weakest chosen - support of the best unchosen) / total;
- flip = the single consumer and weight factor f closest to 1 (by max(f, 1/f)) that
  changes the chosen set; not computed for decided dimensions;
- per side: served_ratio = served weight / demanded weight; flywheel imbalance =
  max - min over the sides with demands;
- coalition share = power of supportive and leading stakeholders / all power.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bpstrat.model.config import StrengthWeights
from bpstrat.model.entities import (
    Consumer,
    Decision,
    Demand,
    Dimension,
    Stakeholder,
)
from bpstrat.model.strategy import Strategy
from bpstrat.model.types import ENGAGEMENT_LEVELS, Strength

SUPPORTIVE = ("supportive", "leading")
_NUDGE = 1e-6  # relative step past a crossing: far above the tie tolerance below
_TIE = 9  # supports equal to 9 decimals are ties (sums of fractions are not exact)
_MIN_CROSSING, _MAX_CROSSING = 1e-12, 1e12  # factors outside are no answer anyone needs
FLIP_BUDGET = 2_000_000
"""Work units (option pairs compared, options ranked) the flip search may spend per
dimension; past it the flip is reported as not searched instead of taking minutes."""


@dataclass(frozen=True)
class Contribution:
    """What one consumer adds to one option's support."""

    consumer: str
    strength: str
    weight: float
    support: float


@dataclass(frozen=True)
class OptionScore:
    id: str
    name: str
    cost: int
    support: float
    share: float
    chosen: bool
    contributions: tuple[Contribution, ...] = ()


@dataclass(frozen=True)
class Flip:
    """Multiplying `consumer`'s weight by `factor` changes the chosen set to `chosen`.

    `factor` has 3 decimals and is checked to flip when applied; `exact` is the boundary
    it was rounded from.
    """

    consumer: str
    factor: float
    chosen: tuple[str, ...]
    exact: float


@dataclass(frozen=True)
class DimensionScore:
    id: str
    name: str
    choose: int
    total: float
    decided: bool
    decision: str | None
    options: tuple[OptionScore, ...]
    chosen: tuple[str, ...]
    conflict: bool
    intensity: float
    margin: float | None
    flip: Flip | None
    unserved: tuple[str, ...]  # consumers with a demand here that no chosen option serves
    flip_searched: bool = True  # False: too large to search within FLIP_BUDGET

    def option(self, option_id: str) -> OptionScore | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class SideScore:
    id: str
    demanded: float
    served: float
    served_ratio: float | None


@dataclass(frozen=True)
class Coalition:
    share: float
    threshold: float
    supportive_power: int
    total_power: int


@dataclass(frozen=True)
class ScoreResult:
    dimensions: tuple[DimensionScore, ...]
    sides: tuple[SideScore, ...]
    flywheel_imbalance: float | None
    coalition: Coalition
    factors: Mapping[str, float] = field(default_factory=dict)

    def dimension(self, dimension_id: str) -> DimensionScore | None:
        return next((d for d in self.dimensions if d.id == dimension_id), None)


EPSILON = 1e-9  # shares are sums of fractions: 1.0 - 0.7 must not exceed 0.3


def above(value: float, limit: float) -> bool:
    """Strictly above `limit`, ignoring floating-point noise (exactly at is not above)."""
    return value - limit > EPSILON


def below(value: float, limit: float) -> bool:
    """Strictly below `limit`, ignoring floating-point noise."""
    return limit - value > EPSILON


def weight(consumer: Consumer, factors: Mapping[str, float]) -> float:
    return consumer.importance * factors.get(consumer.id, 1.0)


def strength_weight(strengths: StrengthWeights, strength: Strength) -> float:
    """The weight `scoring.strength` gives a must, should or could."""
    if strength == "must":
        return strengths.must
    return strengths.should if strength == "should" else strengths.could


def demand_weight(
    consumer: Consumer, demand: Demand, strengths: StrengthWeights, factors: Mapping[str, float]
) -> float:
    """w * s: what one demand adds to its option's support."""
    return weight(consumer, factors) * strength_weight(strengths, demand.strength)


def is_supportive(person: Stakeholder) -> bool:
    """Supportive or leading now: counts towards the coalition."""
    return person.engagement is not None and person.engagement.current in SUPPORTIVE


def below_desired(person: Stakeholder) -> bool:
    """Current engagement lower than the desired one on the PMBOK scale."""
    engagement = person.engagement
    if engagement is None or engagement.desired is None:
        return False
    levels = ENGAGEMENT_LEVELS
    return levels.index(engagement.current) < levels.index(engagement.desired)


def _contributions(
    dimension: Dimension,
    consumers: Sequence[Consumer],
    strengths: StrengthWeights,
    factors: Mapping[str, float],
) -> dict[str, list[Contribution]]:
    """option id -> contributions of every consumer demanding it."""
    options: dict[str, list[Contribution]] = {o.id: [] for o in dimension.options}
    for consumer in consumers:
        w = weight(consumer, factors)
        for demand in consumer.demands:
            if demand.dimension == dimension.id and demand.option in options:
                s = strength_weight(strengths, demand.strength)
                options[demand.option].append(Contribution(consumer.id, demand.strength, w, w * s))
    return options


def rank(dimension: Dimension, support: Mapping[str, float]) -> list[str]:
    """Option ids by support, highest first; ties: lower cost, then id."""
    costs = {o.id: o.cost for o in dimension.options}
    return sorted(costs, key=lambda o: (-round(support.get(o, 0.0), _TIE), costs[o], o))


def top(dimension: Dimension, support: Mapping[str, float]) -> tuple[str, ...]:
    return tuple(rank(dimension, support)[: dimension.choose])


def newest_accepted(dimension_id: str, decisions: Iterable[Decision]) -> Decision | None:
    accepted = [d for d in decisions if d.dimension == dimension_id and d.status == "accepted"]
    return max(accepted, key=lambda d: (d.date, d.id), default=None)


def score_dimension(
    dimension: Dimension,
    consumers: Sequence[Consumer],
    decisions: Iterable[Decision] = (),
    strengths: StrengthWeights | None = None,
    factors: Mapping[str, float] | None = None,
) -> DimensionScore:
    strengths = strengths or StrengthWeights()
    factors = factors or {}
    contributions = _contributions(dimension, consumers, strengths, factors)
    support = {o: sum(c.support for c in cs) for o, cs in contributions.items()}
    total = sum(support.values())
    decision = newest_accepted(dimension.id, decisions)
    known = set(support)
    if decision is not None:
        chosen = tuple(dict.fromkeys(o for o in decision.choice if o in known))
    else:
        chosen = top(dimension, support)
    demanded = [o for o, s in support.items() if s > 0]
    unchosen = [o for o in support if o not in chosen]
    margin = None
    if total > 0 and chosen and unchosen:
        weakest = min(support[o] for o in chosen)
        best_other = max(support[o] for o in unchosen)
        margin = (weakest - best_other) / total
    served = {c.consumer for o in chosen for c in contributions[o]}
    unserved = sorted({c.consumer for o in unchosen for c in contributions[o]} - served)
    names = {o.id: o for o in dimension.options}
    options = tuple(
        OptionScore(
            o,
            names[o].label,
            names[o].cost,
            support[o],
            support[o] / total if total > 0 else 0.0,
            o in chosen,
            tuple(sorted(contributions[o], key=lambda c: (-c.support, c.consumer))),
        )
        for o in rank(dimension, support)
    )
    flip = None
    flip_searched = True
    if decision is None:
        try:
            flip = find_flip(dimension, contributions, chosen)
        except FlipBudgetExceeded:
            flip_searched = False
    return DimensionScore(
        id=dimension.id,
        name=dimension.name,
        choose=dimension.choose,
        total=total,
        decided=decision is not None,
        decision=decision.id if decision else None,
        options=options,
        chosen=chosen,
        conflict=len(demanded) > dimension.choose,
        intensity=1 - sum(support[o] for o in chosen) / total if total > 0 else 0.0,
        margin=margin,
        flip=flip,
        unserved=tuple(unserved),
        flip_searched=flip_searched,
    )


class FlipBudgetExceeded(Exception):
    """The flip search would take more than FLIP_BUDGET units of work."""


class _Budget:
    def __init__(self, units: int) -> None:
        self.left = units

    def spend(self, units: int) -> None:
        self.left -= units
        if self.left < 0:
            raise FlipBudgetExceeded


def find_flip(
    dimension: Dimension,
    contributions: Mapping[str, list[Contribution]],
    baseline: tuple[str, ...],
    budget: int | None = None,
) -> Flip | None:
    """The single-consumer weight change closest to 1x that changes the chosen set.

    Support is linear in one consumer's factor f: support(o) = a_o + f * c_o. The chosen
    set can only change where a chosen and an unchosen option cross, so those crossing
    points are the only candidates; each is checked at the crossing (where the tie-break
    may already flip it) and just past it. Raises FlipBudgetExceeded past `budget`.
    """
    work = _Budget(FLIP_BUDGET if budget is None else budget)
    ranked = len(dimension.options) + 1
    best: Flip | None = None
    best_distance = float("inf")
    total = {o.id: 0.0 for o in dimension.options}
    own_by: dict[str, dict[str, float]] = {}
    for option, items in contributions.items():
        for item in items:
            total[option] += item.support
            mine = own_by.setdefault(item.consumer, dict.fromkeys(total, 0.0))
            mine[option] += item.support
    for consumer_id in sorted(own_by):
        own = own_by[consumer_id]
        rest = {o: total[o] - own[o] for o in total}
        candidates: set[float] = set()
        demanded = {o for o, amount in own.items() if amount}
        unchosen = [o for o in own if o not in baseline]
        for i in baseline:
            # Only pairs where this consumer's share differs can cross.
            others = unchosen if i in demanded else [j for j in unchosen if j in demanded]
            work.spend(len(others) + 1)
            for j in others:
                if own[i] == own[j]:
                    continue
                crossing = (rest[j] - rest[i]) / (own[i] - own[j])
                if _MIN_CROSSING < crossing < _MAX_CROSSING:
                    candidates.add(crossing)
        for candidate in sorted(candidates, key=lambda f: (max(f, 1 / f), f)):
            if max(candidate, 1 / candidate) > best_distance:
                break
            past = candidate * (1 + _NUDGE) if candidate >= 1 else candidate / (1 + _NUDGE)
            work.spend(2 * ranked)
            flipped = _first_change(dimension, rest, own, baseline, (candidate, past))
            if flipped is not None:
                factor, chosen = flipped
                distance = max(factor, 1 / factor)
                if distance < best_distance:
                    best, best_distance = Flip(consumer_id, factor, chosen, factor), distance
                break
    if best is None:
        return None
    flip = best
    own = own_by[flip.consumer]
    rest = {o: total[o] - own[o] for o in total}
    scaled = flip.exact * 1000
    away = math.ceil(scaled) if flip.exact >= 1 else math.floor(scaled)
    step = 1 if flip.exact >= 1 else -1
    for whole in dict.fromkeys((round(scaled), away, away + step)):
        if whole > 0:
            rounded = _first_change(dimension, rest, own, baseline, (whole / 1000,))
            if rounded is not None:
                return Flip(flip.consumer, rounded[0], rounded[1], flip.exact)
    return flip


def _first_change(
    dimension: Dimension,
    rest: Mapping[str, float],
    own: Mapping[str, float],
    baseline: tuple[str, ...],
    trials: tuple[float, ...],
) -> tuple[float, tuple[str, ...]] | None:
    """The first factor of `trials` (applied to `own`) that changes the chosen set."""
    for factor in trials:
        chosen = top(dimension, {o: rest[o] + factor * own[o] for o in rest})
        if set(chosen) != set(baseline):
            return factor, chosen
    return None


def score_sides(
    sides: Sequence[str],
    consumers: Sequence[Consumer],
    dimensions: Sequence[DimensionScore],
    strengths: StrengthWeights,
    factors: Mapping[str, float],
) -> tuple[tuple[SideScore, ...], float | None]:
    """Demanded and served weight per side, and the flywheel imbalance."""
    chosen = {d.id: set(d.chosen) for d in dimensions}
    options = {d.id: {o.id for o in d.options} for d in dimensions}
    out = []
    for side in sides:
        demanded = served = 0.0
        for consumer in consumers:
            if consumer.side != side:
                continue
            for demand in consumer.demands:
                if demand.option not in options.get(demand.dimension, ()):
                    continue
                amount = demand_weight(consumer, demand, strengths, factors)
                demanded += amount
                if demand.option in chosen[demand.dimension]:
                    served += amount
        ratio = served / demanded if demanded > 0 else None
        out.append(SideScore(side, demanded, served, ratio))
    ratios = [s.served_ratio for s in out if s.served_ratio is not None]
    imbalance = max(ratios) - min(ratios) if ratios else None
    return tuple(out), imbalance


def coalition(stakeholders: Iterable[Stakeholder], threshold: float) -> Coalition:
    total = supportive = 0
    for person in stakeholders:
        total += person.power
        if is_supportive(person):
            supportive += person.power
    return Coalition(supportive / total if total else 0.0, threshold, supportive, total)


def score(
    consumers: Sequence[Consumer],
    dimensions: Sequence[Dimension],
    decisions: Sequence[Decision],
    stakeholders: Sequence[Stakeholder],
    sides: Sequence[str],
    strengths: StrengthWeights | None = None,
    threshold: float = 0.5,
    factors: Mapping[str, float] | None = None,
) -> ScoreResult:
    """Score every dimension, the flywheel sides and the coalition."""
    strengths = strengths or StrengthWeights()
    factors = dict(factors or {})
    scored = tuple(score_dimension(d, consumers, decisions, strengths, factors) for d in dimensions)
    if not sides:
        sides = sorted({c.side for c in consumers if c.side})
    side_scores, imbalance = score_sides(sides, consumers, scored, strengths, factors)
    return ScoreResult(scored, side_scores, imbalance, coalition(stakeholders, threshold), factors)


def score_strategy(strategy: Strategy, factors: dict[str, float] | None = None) -> ScoreResult:
    """Score the strategy's valid entities with its own scoring settings."""
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
    )
