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
