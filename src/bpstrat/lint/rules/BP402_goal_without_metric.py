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

from bpstrat.lint.rules.base import RuleContext, RuleFinding

CODE = "BP402"
NAME = "goal-without-metric"
OPTIONS: tuple[str, ...] = ()
PARTS = ("name", "baseline", "target", "by")


def check(ctx: RuleContext) -> Iterator[RuleFinding]:
    for record in ctx.strategy.all("goal"):
        goal = record.entity
        if goal.metric is None:
            yield RuleFinding(
                f"goal {goal.title!r} has no metric; add `metric:` with name, baseline, "
                "target and by (YYYY-MM-DD) so its outcome can be measured",
                record,
                (),
                "value",
            )
            continue
        missing = [part for part in PARTS if getattr(goal.metric, part) is None]
        if missing:
            yield RuleFinding(
                f"the metric of goal {goal.title!r} lacks {', '.join(missing)}; a metric "
                "needs name, baseline, target and by (YYYY-MM-DD)",
                record,
                ("metric",),
            )
