"""Demand without a problem: a demand is not a problem.

Every demand a consumer makes names the problem in the value chain it would solve
(`problem:`). "We want Kafka" is a demand; "prices at checkout are 15 minutes old" is a
problem. Tying each demand to a problem keeps the team solving problems end to end
instead of collecting wishes, which leads to local optimisation.

The finding points at the demand.

Failing example:

```yaml
kind: consumer
id: checkout-web
name: Checkout Web
importance: 5
demands:
  - {dimension: interface, option: rest-json, strength: must}
---
kind: dimension
id: interface
name: Interface
options: [{id: rest-json}]
```

Passing example:

```yaml
kind: consumer
id: checkout-web
name: Checkout Web
importance: 5
demands:
  - {dimension: interface, option: rest-json, strength: must, problem: stale-prices}
---
kind: dimension
id: interface
name: Interface
options: [{id: rest-json}]
---
kind: problem
id: stale-prices
title: Prices at checkout are 15 minutes old
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Consumer

CODE = "BP401"
NAME = "demand-without-problem"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "demands",
    risk=N_("Nobody has named the problem behind these demands: %(items)s."),
    consequence=N_("We may build what was asked for rather than what is needed."),
    next_step=N_("Ask each consumer which step of their work the demand fixes, and write it down."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    for record in ctx.strategy.records(Consumer):
        consumer = record.entity
        for index, demand in enumerate(consumer.demands):
            if demand.problem is None and not record.is_broken(("demands", index, "problem")):
                yield ctx.issue(
                    CODE,
                    f"{consumer.name} demands {demand.option!r} on {demand.dimension!r} "
                    f"({demand.strength}) without naming the problem it solves; add "
                    "`problem:` with a problem id (ask which step of the value chain it fixes)",
                    record,
                    ("demands", index),
                    "value",
                )
