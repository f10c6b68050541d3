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
