"""Goal without a complete metric: outcomes, not outputs.

A goal needs a metric with a `name`, a `baseline`, a `target` and a date (`by`), or
nobody can tell whether it was reached. Outcomes are measured; outputs are merely shipped.

The finding points at the goal when it has no metric, else at its `metric` key.

Failing example:

```yaml
kind: goal
id: fresh-prices
title: Fresher prices
metric:
  name: p95 price age at checkout
  target: 60
```

Passing example:

```yaml
kind: goal
id: fresh-prices
title: Fresher prices
metric:
  name: p95 price age at checkout
  unit: s
  baseline: 900
  target: 60
  by: 2027-06-30
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Goal

CODE = "BP402"
NAME = "goal-without-metric"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "goals",
    risk=N_("These goals cannot be measured yet: %(items)s."),
    consequence=N_("Nobody will be able to tell whether they were reached."),
    next_step=N_("Give each a metric with a baseline, a target and a date."),
)

PARTS = ("name", "baseline", "target", "by")


def check(ctx: RuleContext) -> Iterator[Issue]:
    for record in ctx.strategy.records(Goal):
        goal = record.entity
        if record.is_broken(("metric",)) and goal.metric is None:
            continue  # the metric is there but invalid; its own finding says why
        if goal.metric is None:
            yield ctx.issue(
                CODE,
                f"goal {goal.title!r} has no metric; add `metric:` with name, baseline, "
                "target and by (YYYY-MM-DD) so its outcome can be measured",
                record,
                (),
                "value",
            )
            continue
        metric = goal.metric
        given = (metric.name, metric.baseline, metric.target, metric.by)
        missing = [
            part
            for part, value in zip(PARTS, given, strict=True)
            if value is None and not record.is_broken(("metric", part))
        ]
        if missing:
            yield ctx.issue(
                CODE,
                f"the metric of goal {goal.title!r} lacks {', '.join(missing)}; a metric "
                "needs name, baseline, target and by (YYYY-MM-DD)",
                record,
                ("metric",),
            )
