"""Key goal not measured recently: outcomes, not outputs, need numbers.

A key goal with a complete metric needs a measurement dated within
`lint.stale_after_days` (default 90) days before today; otherwise nobody knows whether
the strategy is working. A measurement exactly that many days old still counts; one day
more is stale. Record one with `bpstrat measure GOAL VALUE`.

The finding points at the goal's `metric` key.

Failing example:

```yaml
kind: goal
id: fresh-prices
title: Fresh prices
key: true
metric:
  name: p95 price age
  baseline: 900
  target: 60
  by: 2099-12-31
  measurements: [{date: 2020-01-01, value: 850}]
```

Passing example:

```yaml
kind: goal
id: fresh-prices
title: Fresh prices
key: true
metric:
  name: p95 price age
  baseline: 900
  target: 60
  by: 2099-12-31
  measurements: [{date: 2020-01-01, value: 850}, {date: 2026-11-01, value: 700}]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Goal

CODE = "BP418"
NAME = "key-goal-unmeasured"
OPTIONS: tuple[str, ...] = ("stale_after_days",)

PLAIN = Plain(
    "goals",
    risk=N_("Nobody has measured these key goals lately: %(items)s."),
    consequence=N_("We cannot tell whether the strategy is working."),
    next_step=N_("Measure them now and record the value with bpstrat measure."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    limit = ctx.config.stale_after_days
    for record in ctx.strategy.records(Goal):
        scored = ctx.score.goal(record.id)
        if scored is None or not scored.key:
            continue
        latest = scored.latest
        if latest is not None and (ctx.today - latest.date).days <= limit:
            continue
        if latest is None:
            when = "has no measurement yet"
        else:
            days = (ctx.today - latest.date).days
            when = f"was last measured on {latest.date}, {days} days ago (more than {limit})"
        yield ctx.issue(
            CODE,
            f"key goal {record.entity.title!r} {when}; measure it and "
            f"record the value with `bpstrat measure {record.id} VALUE`",
            record,
            ("metric",),
        )
