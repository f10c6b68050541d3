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

v2 (compromises, outcomes, politics):
- the deciding decision of a dimension = the newest accepted one by date (ties: id) that
  no other decision names in `supersedes`;
- an accommodation is active when it belongs to the deciding decision and has no `until`
  or `until >= today`;
- a demand's served fraction f = 1 when its option is chosen, `scoring.accommodation`
  when an active accommodation names its consumer and option, else 0;
- intensity = 1 - sum(f * w * s) / total; a side's served = sum of f * w * s;
- per faction: share = supportive or leading power / the faction's power;
- per goal with a complete metric, from the measurements dated up to today:
  progress = (latest - baseline) / (target - baseline); expected = (latest.date - start)
  / (by - start) clamped to [0, 1] (1 when by <= start), start = since or the earliest
  measurement; status = no-data, achieved, overdue, on-track (progress >= expected -
  tolerance) or off-track, in that order.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bpstrat.model.config import StrengthWeights
from bpstrat.model.entities import (
    Accommodation,
    Consumer,
    Decision,
    Demand,
    Dimension,
    Goal,
    Measurement,
    Stakeholder,
)
from bpstrat.model.strategy import Strategy
from bpstrat.model.types import ENGAGEMENT_LEVELS, Strength

SUPPORTIVE = ("supportive", "leading")
_NUDGE = 1e-6  # relative step past a crossing: far above the tie tolerance below
_TIE = 9  # supports equal to 9 decimals are ties (sums of fractions are not exact)
_MIN_CROSSING, _MAX_CROSSING = 1e-12, 1e12  # factors outside are no answer anyone needs
# The results below are plain dataclasses, not frozen ones: a frozen dataclass takes twice
# as long to define, and every lint defines them all at start-up.

FLIP_BUDGET = 2_000_000
"""Work units (option pairs compared, options ranked) the flip search may spend per
dimension; past it the flip is reported as not searched instead of taking minutes."""


@dataclass
class Contribution:
    """What one consumer adds to one option's support."""

    consumer: str
    strength: str
    weight: float
    support: float


@dataclass
class OptionScore:
    id: str
    name: str
    cost: int
    support: float
    share: float
    chosen: bool
    contributions: tuple[Contribution, ...] = ()


@dataclass
class Flip:
    """Multiplying `consumer`'s weight by `factor` changes the chosen set to `chosen`.

    `factor` has 3 decimals and is checked to flip when applied; `exact` is the boundary
    it was rounded from.
    """

    consumer: str
    factor: float
    chosen: tuple[str, ...]
    exact: float


@dataclass
class Accommodated:
    """An active accommodation: `consumer`'s demand for `option` is served at `fraction`."""

    consumer: str
    option: str
    via: str
    until: dt.date | None
    fraction: float


@dataclass
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
    unserved: tuple[str, ...]  # consumers with a demand here served by no fraction at all
    flip_searched: bool = True  # False: too large to search within FLIP_BUDGET
    accommodated: tuple[Accommodated, ...] = ()

    def option(self, option_id: str) -> OptionScore | None:
        return next((o for o in self.options if o.id == option_id), None)

    def served_fraction(self, consumer: str, option: str) -> float:
        """f of `consumer`'s demand for `option`: 1 chosen, the accommodation's fraction
        when actively accommodated, else 0."""
        return served_fraction(self.chosen, self.accommodated, consumer, option)


@dataclass
class SideScore:
    id: str
    demanded: float
    served: float
    served_ratio: float | None


@dataclass
class Faction:
    """The stakeholders of one faction: their power and the supportive share of it."""

    id: str
    power: int
    supportive_power: int
    share: float


@dataclass
class Coalition:
    share: float
    threshold: float
    supportive_power: int
    total_power: int
    factions: tuple[Faction, ...] = ()


GoalStatus = str  # no-data | achieved | overdue | on-track | off-track
GOAL_STATUSES = ("no-data", "achieved", "overdue", "on-track", "off-track")


@dataclass
class GoalScore:
    """Where a goal with a complete metric stands, from its measurements up to today."""

    id: str
    key: bool
    baseline: float
    target: float
    by: dt.date
    start: dt.date | None
    measurements: tuple[Measurement, ...]  # dated up to today, in date order
    latest: Measurement | None
    progress: float | None
    expected: float | None
    status: GoalStatus


@dataclass
class ScoreResult:
    dimensions: tuple[DimensionScore, ...]
    sides: tuple[SideScore, ...]
    flywheel_imbalance: float | None
    coalition: Coalition
    factors: Mapping[str, float] = field(default_factory=dict)
    goals: tuple[GoalScore, ...] = ()

    def dimension(self, dimension_id: str) -> DimensionScore | None:
        return next((d for d in self.dimensions if d.id == dimension_id), None)

    def goal(self, goal_id: str) -> GoalScore | None:
        return next((g for g in self.goals if g.id == goal_id), None)


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


def superseded_ids(decisions: Iterable[Decision]) -> set[str]:
    """Ids named in another decision's `supersedes`."""
    return {d.supersedes for d in decisions if d.supersedes and d.supersedes != d.id}


def deciding_decision(dimension_id: str, decisions: Iterable[Decision]) -> Decision | None:
    """The newest accepted decision on the dimension (ties: id) that no other supersedes."""
    decisions = list(decisions)
    gone = superseded_ids(decisions)
    accepted = [
        d
        for d in decisions
        if d.dimension == dimension_id and d.status == "accepted" and d.id not in gone
    ]
    return max(accepted, key=lambda d: (d.date, d.id), default=None)


def is_active(accommodation: Accommodation, today: dt.date) -> bool:
    """No `until`, or `until` today or later: the day itself is still active."""
    return accommodation.until is None or accommodation.until >= today


def served_fraction(
    chosen: Sequence[str],
    accommodated: Iterable[Accommodated],
    consumer: str,
    option: str,
) -> float:
    """f of one demand: 1 when chosen, the fraction of an active accommodation, else 0."""
    if option in chosen:
        return 1.0
    for item in accommodated:
        if item.consumer == consumer and item.option == option:
            return item.fraction
    return 0.0


def _accommodated(
    decision: Decision | None,
    contributions: Mapping[str, list[Contribution]],
    chosen: Sequence[str],
    today: dt.date,
    fraction: float,
) -> tuple[Accommodated, ...]:
    """The deciding decision's active accommodations of demands that exist and are unchosen."""
    if decision is None:
        return ()
    out: dict[tuple[str, str], Accommodated] = {}
    for item in decision.accommodations:
        demanded = any(c.consumer == item.consumer for c in contributions.get(item.option, []))
        if not demanded or item.option in chosen or not is_active(item, today):
            continue
        out.setdefault(
            (item.consumer, item.option),
            Accommodated(item.consumer, item.option, item.via, item.until, fraction),
        )
    return tuple(out.values())


def score_dimension(
    dimension: Dimension,
    consumers: Sequence[Consumer],
    decisions: Iterable[Decision] = (),
    strengths: StrengthWeights | None = None,
    factors: Mapping[str, float] | None = None,
    today: dt.date | None = None,
    accommodation: float = 0.5,
) -> DimensionScore:
    """Score one dimension; `today` decides which accommodations are active (None: all)."""
    strengths = strengths or StrengthWeights()
    factors = factors or {}
    contributions = _contributions(dimension, consumers, strengths, factors)
    support = {o: sum(c.support for c in cs) for o, cs in contributions.items()}
    total = sum(support.values())
    decision = deciding_decision(dimension.id, decisions)
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
    accommodated = _accommodated(
        decision, contributions, chosen, today or dt.date.min, accommodation
    )
    fraction = {
        (c.consumer, o): served_fraction(chosen, accommodated, c.consumer, o)
        for o, cs in contributions.items()
        for c in cs
    }
    served = {who for (who, _), f in fraction.items() if f > 0}
    unserved = sorted({who for who, _ in fraction} - served)
    served_support = sum(support[o] for o in chosen) + sum(
        c.support * fraction[c.consumer, o] for o in unchosen for c in contributions[o]
    )
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
        intensity=1 - served_support / total if total > 0 else 0.0,
        margin=margin,
        flip=flip,
        unserved=tuple(unserved),
        flip_searched=flip_searched,
        accommodated=accommodated,
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
    by_id = {d.id: d for d in dimensions}
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
                dimension = by_id[demand.dimension]
                served += amount * dimension.served_fraction(consumer.id, demand.option)
        ratio = served / demanded if demanded > 0 else None
        out.append(SideScore(side, demanded, served, ratio))
    ratios = [s.served_ratio for s in out if s.served_ratio is not None]
    imbalance = max(ratios) - min(ratios) if ratios else None
    return tuple(out), imbalance


def coalition(stakeholders: Iterable[Stakeholder], threshold: float) -> Coalition:
    total = supportive = 0
    factions: dict[str, list[int]] = {}
    for person in stakeholders:
        total += person.power
        power = person.power if is_supportive(person) else 0
        supportive += power
        if person.faction is not None:
            sums = factions.setdefault(person.faction, [0, 0])
            sums[0] += person.power
            sums[1] += power
    per_faction = tuple(
        Faction(name, sums[0], sums[1], sums[1] / sums[0] if sums[0] else 0.0)
        for name, sums in sorted(factions.items())
    )
    share = supportive / total if total else 0.0
    return Coalition(share, threshold, supportive, total, per_faction)


def score_goal(goal: Goal, today: dt.date, tolerance: float = 0.1) -> GoalScore | None:
    """Progress, expected progress and status of a goal; None without a complete metric
    (name, baseline, target, by) or when target equals baseline."""
    metric = goal.metric
    if metric is None or metric.name is None or metric.by is None:
        return None
    baseline, target, by = metric.baseline, metric.target, metric.by
    if baseline is None or target is None or target == baseline:
        return None
    seen = [m for m in metric.measurements if m.date <= today]
    ordered = tuple(sorted(seen, key=lambda m: m.date))  # stable: ties keep list order
    latest = ordered[-1] if ordered else None
    start = metric.since or (ordered[0].date if ordered else None)
    if latest is None:
        return GoalScore(
            goal.id, goal.key, baseline, target, by, start, (), None, None, None, "no-data"
        )
    assert start is not None
    moved, span = latest.value - baseline, target - baseline
    if not (math.isfinite(moved) and math.isfinite(span) and math.isfinite(moved / span)):
        return None  # values beyond what a float can subtract: no figure is honest
    progress = moved / span
    expected = expected_progress(start, latest.date, by)
    if not below(progress, 1):
        status = "achieved"
    elif today > by:
        status = "overdue"
    elif not below(progress, expected - tolerance):
        status = "on-track"
    else:
        status = "off-track"
    return GoalScore(
        goal.id, goal.key, baseline, target, by, start, ordered, latest, progress, expected, status
    )


def expected_progress(start: dt.date, when: dt.date, by: dt.date) -> float:
    """(when - start) / (by - start) in days, clamped to [0, 1]; 1 when by <= start."""
    if by <= start:
        return 1.0
    return min(1.0, max(0.0, (when - start).days / (by - start).days))


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
    today: dt.date | None = None,
    goals: Sequence[Goal] = (),
    accommodation: float = 0.5,
    tolerance: float = 0.1,
) -> ScoreResult:
    """Score every dimension, the flywheel sides, the coalition and the goals as of
    `today` (None: the system date)."""
    today = today or dt.date.today()
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
    )
