"""Shares as the whole percentages the brief's text writes."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal


def whole_percent(share: float) -> int:
    """A share as the whole percentage the brief's text writes (Babel rounds half to even)."""
    return int((Decimal(str(share)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
