"""Phase buy-in: a key goal without a cost: say what the sponsor is asked to fund.

In the buy-in phase a sponsor is asked to fund the product as an investment. A key goal
without a `cost` asks for an investment of unknown size: estimate the one-off amount
it needs (in `product.currency`) and write down how (`basis`), so that the ask is the
sum of the key goals' costs.

The finding points at the goal's `key`.

Failing example:

```yaml
product: {id: demo, name: Demo, phase: buy-in, currency: EUR}
---
kind: goal
id: fresh-prices
title: Fresh prices
key: true
```

Passing example:

```yaml
product: {id: demo, name: Demo, phase: buy-in, currency: EUR}
---
kind: goal
id: fresh-prices
title: Fresh prices
key: true
cost: {amount: 240000, basis: 4 engineers for 6 months}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Goal

CODE = "BP425"
NAME = "buy-in-goal-without-cost"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "goals",
    risk=N_("Nobody has said what these key goals cost: %(items)s."),
    consequence=N_("The sponsor is asked to fund an investment of unknown size."),
    next_step=N_("Estimate the one-off cost of each, and write down how."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    product = ctx.product
    if product is None or product.phase != "buy-in":
        return
    currency = f" in {product.currency}" if product.currency else ""
    for record in ctx.strategy.records(Goal):
        goal = record.entity
        if not goal.key or goal.cost is not None or record.is_broken(("cost",)):
            continue
        yield ctx.issue(
            CODE,
            f"phase is buy-in and key goal {goal.title!r} has no `cost`: the sponsor is "
            "asked to fund an investment of unknown size; add `cost: {amount: ..., basis: "
            f"...}}` with the one-off amount{currency} it needs and how it was estimated",
            record,
            ("key",),
        )
