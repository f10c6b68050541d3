"""A v3 strategy written by hand from the snippets of the contract's v3 section: money,
confidence in a demand and a dated next step, on top of the v2 strategy's entities."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import write_root
from tests.v2_strategy import FILES as V2_FILES
from tests.v2_strategy import TODAY

__all__ = ["CONFIG", "FILES", "TODAY", "write"]

CONFIG = """\
product:
  id: pricing-platform
  name: Pricing Platform
  owner: irene-kowalski
  value_chain: [discovery, search, checkout, payment, fulfilment]
  currency: EUR                     # ISO 4217 code (three capital letters); how amounts are shown
"""

FILES: dict[str, str | bytes] = {
    **V2_FILES,
    "people.yaml": str(V2_FILES["people.yaml"]).replace(
        "engagement: {current: leading, desired: leading}\n",
        """\
engagement: {current: leading, desired: leading}
plan:
  next_step: Show the cost model for batch vs streaming.
  due: 2026-12-15
""",
        1,
    ),
    # Billing's nightly file was mentioned in a corridor: half sure.
    "consumers.yaml": str(V2_FILES["consumers.yaml"]).replace(
        "option: nightly-batch, strength: must,",
        "option: nightly-batch, strength: must, confidence: 0.5,",
    ),
    "goal.yaml": str(V2_FILES["goal.yaml"])
    + """\
cost:                               # the one-off investment to reach the goal
  amount: 240000                    # > 0, in product.currency
  basis: 4 engineers for 6 months   # how it was estimated, optional
value:                              # what the goal is worth per year once reached
  amount: 900000                    # >= 0, per year
  basis: 2.1% of bookings lost at checkout on a price change
confidence: 0.6                     # (0, 1], default 1: how sure we are of the value
""",
}


# The same product in buy-in, with its owner as sponsor: key goals then need a cost.
BUY_IN = CONFIG.replace(
    "  owner: irene-kowalski\n",
    "  owner: irene-kowalski\n  phase: buy-in\n  sponsor: irene-kowalski\n",
)


def write(base: Path, config: str = CONFIG, **changes: str) -> Path:
    """The strategy below `base`, with some files replaced."""
    files = dict(FILES)
    files.update(changes)
    return write_root(base, files, config=config, with_ana=False)
