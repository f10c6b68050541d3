"""Whole percentages of parts that add up as the whole does (largest-remainder rounding).

Rounded one by one, 50.4%, 26.4% and 23.2% show as 50%, 26% and 23%, which add up to
99%; shares of one dimension must add up to 100% on the page as they do in the numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def whole_percents(shares: Sequence[float]) -> list[int]:
    """`shares` (fractions of one whole) as whole percentages that add up to the rounded
    percentage of their sum: each is rounded down, and the points left over go to the
    parts with the largest remainders (ties: the earlier part)."""
    scaled = [max(0.0, s) * 100 for s in shares]
    if not all(math.isfinite(s) for s in scaled):
        return [round(s) if math.isfinite(s) else 0 for s in scaled]
    floors = [math.floor(s + 1e-9) for s in scaled]
    left = round(sum(scaled)) - sum(floors)
    order = sorted(range(len(scaled)), key=lambda i: (-(scaled[i] - floors[i]), i))
    for i in order[: max(0, left)]:
        floors[i] += 1
    return floors
