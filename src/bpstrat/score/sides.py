"""The flywheel: demanded and served weight per side.

served_ratio = served / demanded weight (served = sum of f * w * s); the flywheel
imbalance = max - min over the sides with demands.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bpstrat.model.config import StrengthWeights
from bpstrat.model.entities import Consumer
from bpstrat.score.results import DimensionScore, SideScore
from bpstrat.score.weights import demand_weight


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
