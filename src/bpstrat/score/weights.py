"""What one demand weighs: w * s * confidence.

- a consumer's weight w = importance (times a what-if factor);
- a demand's strength s comes from `scoring.strength` (must, should, could);
- a demand's confidence (0, 1], default 1: how sure we are that the consumer needs it.
  With every confidence 1 (the default) a demand weighs w * s, as before confidence.
"""

from __future__ import annotations

from collections.abc import Mapping

from bpstrat.model.config import StrengthWeights
from bpstrat.model.entities import Consumer, Demand
from bpstrat.model.types import Strength


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
    """w * s * confidence: what one demand adds to its option's support."""
    # (w * s) * 1.0 is w * s to the last bit: a strategy without confidences scores as before.
    return (
        weight(consumer, factors)
        * strength_weight(strengths, demand.strength)
        * (demand.confidence)
    )
