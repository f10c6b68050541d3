"""Goal past its `by` date and not achieved: close it honestly.

A goal whose metric's `by` date has passed while its newest measurement has not reached
the target is overdue: record that it was missed and set a new target or date, or drop
it. A goal without measurements is not judged here (BP418 asks for one); on the `by`
date itself a goal is not overdue yet.

The finding points at the goal's `metric` key.

Failing example:

```yaml
kind: goal
id: fresh-prices
title: Fresh prices
metric:
  name: p95 price age
  baseline: 900
  target: 60
  by: 2026-06-30
  measurements: [{date: 2026-06-30, value: 300}]
```

Passing example:

```yaml
kind: goal
id: fresh-prices
title: Fresh prices
metric:
  name: p95 price age
  baseline: 900
  target: 60
  by: 2026-06-30
  measurements: [{date: 2026-06-30, value: 55}]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Goal
from bpstrat.score.sentences import pct

CODE = "BP419"
NAME = "goal-overdue"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "goals",
    risk=N_("These goals are past their date and not reached: %(items)s."),
    consequence=N_("A promise of the strategy has been missed."),
    next_step=N_("Say so, and agree a new date or a new target."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    for record in ctx.strategy.records(Goal):
        scored = ctx.score.goal(record.id)
        if scored is None or scored.status != "overdue":
            continue
        yield ctx.issue(
            CODE,
            f"goal {record.entity.title!r} was due by {scored.by} and got "
            f"{pct(scored.progress)} of the way from baseline to target; record the miss and "
            "set a new target or "
            "`by` date, or drop the goal",
            record,
            ("metric",),
        )
