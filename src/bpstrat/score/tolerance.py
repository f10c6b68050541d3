"""Comparing shares and ratios without floating-point noise: shares are sums of fractions,
so 1.0 - 0.7 must not count as more than 0.3.
"""

from __future__ import annotations

EPSILON = 1e-9  # shares are sums of fractions: 1.0 - 0.7 must not exceed 0.3


def above(value: float, limit: float) -> bool:
    """Strictly above `limit`, ignoring floating-point noise (exactly at is not above)."""
    return value - limit > EPSILON


def below(value: float, limit: float) -> bool:
    """Strictly below `limit`, ignoring floating-point noise."""
    return limit - value > EPSILON
