"""A side misspelled in `product.sides`: one finding at that item, not one per consumer.

When a declared side is on no consumer while several consumers agree on an undeclared
side close to it (and it is the declared side closest to that one), the declaration is
the mistake (one consumer alone with a side close to a declared one is the mistake
itself, BP202 at its `side`):
ONE BP202 at the item in bpstrat.yaml, and the side is read as the consumers spell it,
so their `side` is valid and the flywheel balance counts them.
"""

from __future__ import annotations

from collections import Counter

from bpstrat.model.entities import Consumer
from bpstrat.model.strategy import Strategy
from bpstrat.model.suggest import closest


def settle_declared_sides(strategy: Strategy) -> None:
    product = strategy.config.product
    if product is None or not product.sides or strategy.config_document is None:
        return
    used = Counter(r.entity.side for r in strategy.records(Consumer) if r.entity.side)
    declared = list(product.sides)
    undeclared = [side for side, count in used.items() if side not in declared and count > 1]
    unused = [side for side in dict.fromkeys(declared) if side not in used]
    if not undeclared or not unused:
        return
    sides = list(declared)
    for index, side in enumerate(declared):
        if side in used or side in sides[:index]:
            continue
        meant = closest(side, undeclared)
        if meant is None or meant in sides or closest(meant, unused) != side:
            continue
        sides[index] = meant
        count = used[meant]
        strategy.issues.append(
            strategy.config_issue(
                "BP202",
                f"side {side!r} in `product.sides` is on no consumer, and {count} consumers have "
                f"`side: {meant}`; did you mean {meant!r}?",
                ("product", "sides", index),
            )
        )
    if sides != declared:
        strategy.config.product = product.model_copy(update={"sides": sides})
