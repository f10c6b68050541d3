"""Ranking a dimension's options by support and taking the top `choose` of them.

Ties: lower cost, then id; supports equal to 9 decimals are ties.
"""

from __future__ import annotations

from collections.abc import Mapping

from bpstrat.model.entities import Dimension

_TIE = 9  # supports equal to 9 decimals are ties (sums of fractions are not exact)


def rank(dimension: Dimension, support: Mapping[str, float]) -> list[str]:
    """Option ids by support, highest first; ties: lower cost, then id."""
    costs = {o.id: o.cost for o in dimension.options}
    return sorted(costs, key=lambda o: (-round(support.get(o, 0.0), _TIE), costs[o], o))


def top(dimension: Dimension, support: Mapping[str, float]) -> tuple[str, ...]:
    return tuple(rank(dimension, support)[: dimension.choose])
