"""Consumer strategy not reviewed recently: consumers' strategies age too.

A consumer's `strategy.reviewed` says when its strategy was last checked. Consumers
change direction; older than `lint.stale_after_days` (default 90) days before today, the
strategy may no longer be theirs. Exactly at the limit is still fresh. Check it with the
consumer and update `reviewed`.

The finding points at `strategy.reviewed`, once per consumer.

Failing example:

```yaml
kind: consumer
id: web
name: Web
importance: 3
strategy: {summary: Server-side rendering, reviewed: 2020-01-01}
```

Passing example:

```yaml
kind: consumer
id: web
name: Web
importance: 3
strategy: {summary: Server-side rendering, reviewed: 2026-11-01}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Consumer

CODE = "BP421"
NAME = "stale-consumer-strategy"
OPTIONS: tuple[str, ...] = ("stale_after_days",)

PLAIN = Plain(
    "consumers",
    risk=N_("Our view of where these consumers are heading is out of date: %(items)s."),
    consequence=N_("We may build for a direction they have left."),
    next_step=N_("Check their strategy again with them."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    limit = ctx.config.stale_after_days
    for record in ctx.strategy.records(Consumer):
        strategy = record.entity.strategy
        if strategy is None or strategy.reviewed is None:
            continue
        age = (ctx.today - strategy.reviewed).days
        if age > limit:
            yield ctx.issue(
                CODE,
                f"the strategy of {record.entity.name} was last reviewed {age} days ago "
                f"({strategy.reviewed}), more than {limit}; check where they are heading and "
                "update `strategy.reviewed`",
                record,
                ("strategy", "reviewed"),
            )
