"""What a score is made of: the result of each dimension, side, faction, goal and of the
whole strategy. Plain values; the modules beside this one compute them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bpstrat.model.entities import Measurement

# The results are plain dataclasses, not frozen ones: a frozen dataclass takes twice
# as long to define, and every lint defines them all at start-up.


@dataclass
class Contribution:
    """What one demand of a consumer adds to one option's support: w * s * confidence."""

    consumer: str
    strength: str
    weight: float  # w: the consumer's weight (importance times a what-if factor)
    support: float  # w * s * confidence
    confidence: float = 1.0  # how sure we are the consumer needs it; below 1: uncertain

    @property
    def uncertain(self) -> bool:
        return self.confidence < 1


@dataclass
class OptionScore:
    id: str
    name: str
    cost: int
    support: float
    share: float
    chosen: bool
    contributions: tuple[Contribution, ...] = ()
    uncertain: float = 0.0  # the part of `support` from demands with confidence below 1


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
class Overturn:
    """How uncertain demand could change an undecided choice: if every uncertain demand
    for a chosen option is not real and every one for an unchosen option is, `chosen` is
    chosen instead. `doubtful` are the consumers whose uncertain demands hold up the
    options that would lose, `hoped` those whose uncertain demands back the options that
    would win."""

    chosen: tuple[str, ...]
    lost: tuple[str, ...]
    gained: tuple[str, ...]
    doubtful: tuple[str, ...]
    hoped: tuple[str, ...]


@dataclass
class Uncertainty:
    """What of a dimension's choice rests on demand we are not sure of (confidence < 1).

    `support` is the weight of the uncertain demands (w * s * confidence), `share` that
    over the dimension's total; `resting` are the chosen options more than half of whose
    support comes from uncertain demands; `overturn` says how uncertain demand could change
    the choice (None: it cannot, or a decision sets the choice).
    """

    support: float
    share: float
    resting: tuple[str, ...]
    overturn: Overturn | None


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
    uncertainty: Uncertainty | None = None  # None: every demand here has confidence 1

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
class GoalInvestment:
    """The money of one goal with a `cost` or a `value`, in `product.currency`.

    `cost` is the one-off investment, `value` the yearly value once reached (None where
    the goal does not say); `expected_value` = confidence x value (0 without a value);
    `payback_months` = 12 x cost / expected_value, None without a cost or when the
    expected value is 0.
    """

    id: str
    key: bool
    cost: float | None
    value: float | None
    confidence: float
    expected_value: float
    payback_months: float | None


@dataclass
class Investment:
    """What the strategy asks for and returns: totals over the KEY goals, in `currency`
    (None when `product.currency` is not declared).

    `ask` = the key goals' costs, `value` their yearly values, `expected_value` the sum of
    their expected values; `payback_months` = 12 x ask / expected_value, None when either
    is 0. `goals` holds every goal with a cost or a value, key or not, in id order.
    """

    currency: str | None = None
    ask: float = 0.0
    value: float = 0.0
    expected_value: float = 0.0
    payback_months: float | None = None
    goals: tuple[GoalInvestment, ...] = ()

    def goal(self, goal_id: str) -> GoalInvestment | None:
        return next((g for g in self.goals if g.id == goal_id), None)


@dataclass
class ScoreResult:
    dimensions: tuple[DimensionScore, ...]
    sides: tuple[SideScore, ...]
    flywheel_imbalance: float | None
    coalition: Coalition
    factors: Mapping[str, float] = field(default_factory=dict)
    goals: tuple[GoalScore, ...] = ()
    investment: Investment = field(default_factory=Investment)

    def dimension(self, dimension_id: str) -> DimensionScore | None:
        return next((d for d in self.dimensions if d.id == dimension_id), None)

    def goal(self, goal_id: str) -> GoalScore | None:
        return next((g for g in self.goals if g.id == goal_id), None)


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
