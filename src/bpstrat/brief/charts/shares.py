"""Whole percentages that add up to exactly 100 (largest remainder)."""

from __future__ import annotations

from collections.abc import Sequence


def whole_percentages(parts: Sequence[float]) -> list[int]:
    """`parts` (not negative) as whole percentages of their sum, adding up to 100: each
    rounded down, then the points left over go to the largest remainders (the first
    part on a tie). All zeros when the sum is 0."""
    total = sum(parts)
    if total <= 0:
        return [0 for _ in parts]
    exact = [100 * p / total for p in parts]
    out = [int(e) for e in exact]
    order = sorted(range(len(parts)), key=lambda i: (-(exact[i] - out[i]), i))
    for i in order[: 100 - sum(out)]:
        out[i] += 1
    return out
