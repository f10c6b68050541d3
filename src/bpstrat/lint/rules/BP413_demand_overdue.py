"""Demand whose needed_by date has passed: keep commitments honest.

A demand with a `needed_by` date before today is overdue: deliver it, agree a new date
with the consumer, or drop it. On the date itself it is not overdue yet. "Today" is
`--today` when given, else the system date.

The finding points at the demand.

Failing example:

```yaml
kind: consumer
id: web
name: Web
importance: 3
demands:
  - {dimension: interface, option: rest-json, strength: must, needed_by: 2001-01-01}
---
kind: dimension
id: interface
name: Interface
options: [{id: rest-json}]
```

Passing example:

```yaml
kind: consumer
id: web
name: Web
importance: 3
demands:
  - {dimension: interface, option: rest-json, strength: must, needed_by: 2099-01-01}
---
kind: dimension
id: interface
name: Interface
options: [{id: rest-json}]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Consumer

CODE = "BP413"
NAME = "demand-overdue"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "dated-demands",
    risk=N_("Promised dates have passed: %(items)s."),
    consequence=N_("Consumers who planned on these dates are waiting."),
    next_step=N_("Deliver, agree a new date with them, or drop the demand openly."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    for record in ctx.strategy.records(Consumer):
        consumer = record.entity
        for index, demand in enumerate(consumer.demands):
            if demand.needed_by is not None and demand.needed_by < ctx.today:
                days = (ctx.today - demand.needed_by).days
                yield ctx.issue(
                    CODE,
                    f"{consumer.name} needed {demand.option!r} on {demand.dimension!r} by "
                    f"{demand.needed_by}, {days} days ago; deliver it, agree a new "
                    "`needed_by` with them, or drop the demand",
                    record,
                    ("demands", index),
                    "value",
                )
