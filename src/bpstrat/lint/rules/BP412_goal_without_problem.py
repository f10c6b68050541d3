"""Goal linked to no problem: find a problem, not a demand.

A goal that addresses no problem (`problems:` empty) is an output looking for a reason.
Link it to the problems in the value chain it solves.

The finding points at the goal's `problems` key, or at the goal.

Failing example:

```yaml
kind: goal
id: kafka
title: Run Kafka
```

Passing example:

```yaml
kind: goal
id: fresh-prices
title: Prices are never older than 60 seconds
problems: [stale-prices]
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
from bpstrat.model.entities import Goal

CODE = "BP412"
NAME = "goal-without-problem"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "goals",
    risk=N_("These goals solve no named problem: %(items)s."),
    consequence=N_("Effort may go into outputs nobody needs."),
    next_step=N_("Name the problem each goal solves."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    for record in ctx.strategy.records(Goal):
        if not record.entity.problems:
            has_key = record.document.positions.has_key(("problems",))
            yield ctx.issue(
                CODE,
                f"goal {record.entity.title!r} addresses no problem; list the problems it "
                "solves in `problems:`",
                record,
                ("problems",) if has_key else (),
                "key" if has_key else "value",
            )
