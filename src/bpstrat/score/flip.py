"""The flip: the single consumer and weight factor f closest to 1 (by max(f, 1/f)) that
changes a dimension's chosen set. Not computed for decided dimensions; bounded by a
work budget so a huge dimension is reported as not searched instead of taking minutes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from bpstrat.model.entities import Dimension
from bpstrat.score.ranking import top
from bpstrat.score.results import Contribution, Flip

_NUDGE = 1e-6  # relative step past a crossing: far above the ranking's tie tolerance
_MIN_CROSSING, _MAX_CROSSING = 1e-12, 1e12  # factors outside are no answer anyone needs


FLIP_BUDGET = 2_000_000
"""Work units (option pairs compared, options ranked) the flip search may spend per
dimension; past it the flip is reported as not searched instead of taking minutes."""


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
    # Each consumer's support only where it has some: a dict of every option per
    # consumer was options x consumers of memory before the budget was looked at.
    own_by: dict[str, dict[str, float]] = {}
    for option, items in contributions.items():
        for item in items:
            total[option] += item.support
            mine = own_by.setdefault(item.consumer, {})
            mine[option] = mine.get(option, 0.0) + item.support
    chosen_set = set(baseline)
    unchosen = [o for o in total if o not in chosen_set]
    for consumer_id in sorted(own_by):
        own = own_by[consumer_id]
        work.spend(len(own) + 1)
        candidates: set[float] = set()
        demanded = {o for o, amount in own.items() if amount}
        demanded_unchosen = [j for j in own if j in demanded and j not in chosen_set]
        for i in baseline:
            # Only pairs where this consumer's share differs can cross.
            others = unchosen if i in demanded else demanded_unchosen
            work.spend(len(others) + 1)
            own_i = own.get(i, 0.0)
            rest_i = total[i] - own_i
            for j in others:
                own_j = own.get(j, 0.0)
                if own_i == own_j:
                    continue
                crossing = ((total[j] - own_j) - rest_i) / (own_i - own_j)
                if _MIN_CROSSING < crossing < _MAX_CROSSING:
                    candidates.add(crossing)
        for candidate in sorted(candidates, key=lambda f: (max(f, 1 / f), f)):
            if max(candidate, 1 / candidate) > best_distance:
                break
            past = candidate * (1 + _NUDGE) if candidate >= 1 else candidate / (1 + _NUDGE)
            work.spend(2 * ranked)
            flipped = _first_change(dimension, total, own, baseline, (candidate, past))
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
    scaled = flip.exact * 1000
    away = math.ceil(scaled) if flip.exact >= 1 else math.floor(scaled)
    step = 1 if flip.exact >= 1 else -1
    for whole in dict.fromkeys((round(scaled), away, away + step)):
        if whole > 0:
            rounded = _first_change(dimension, total, own, baseline, (whole / 1000,))
            if rounded is not None:
                return Flip(flip.consumer, rounded[0], rounded[1], flip.exact)
    return flip


def _first_change(
    dimension: Dimension,
    total: Mapping[str, float],
    own: Mapping[str, float],
    baseline: tuple[str, ...],
    trials: tuple[float, ...],
) -> tuple[float, tuple[str, ...]] | None:
    """The first factor of `trials` (applied to one consumer's support `own`, which
    names only the options it supports) that changes the chosen set."""
    for factor in trials:
        support = dict(total)
        for option, amount in own.items():
            support[option] = (total[option] - amount) + factor * amount
        chosen = top(dimension, support)
        if set(chosen) != set(baseline):
            return factor, chosen
    return None
