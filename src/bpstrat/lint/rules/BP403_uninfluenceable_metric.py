"""Goal metric the team cannot influence: pick a metric the team can move.

A backend team cannot own end-customer conversion. A metric marked `influence: indirect`
is moved by others; choose one the team moves itself (`direct`) or with a named partner
(`shared`), and keep the indirect one as context.

The finding points at the goal's `metric` key.

Failing example:

```yaml
kind: goal
id: conversion
title: Higher conversion
metric:
  name: checkout conversion
  baseline: 2.1
  target: 2.4
  by: 2027-06-30
  influence: indirect
```

Passing example:

```yaml
kind: goal
id: fresh-prices
title: Fresher prices
metric:
  name: p95 price age
  baseline: 900
  target: 60
  by: 2027-06-30
  influence: direct
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Goal

CODE = "BP403"
NAME = "uninfluenceable-metric"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "goals",
    risk=N_("The team cannot move the metric of these goals itself: %(items)s."),
    consequence=N_("Success depends on others, and the goal loses its pull."),
    next_step=N_("Choose a metric the team moves itself or together with a partner."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    for record in ctx.strategy.records(Goal):
        goal = record.entity
        if goal.metric is not None and goal.metric.influence == "indirect":
            name = goal.metric.name or "its metric"
            yield ctx.issue(
                CODE,
                f"goal {goal.title!r} is measured by {name!r}, which the team cannot "
                "influence (influence: indirect); choose a metric the team moves itself "
                "(direct) or with a partner (shared)",
                record,
                ("metric",),
            )
