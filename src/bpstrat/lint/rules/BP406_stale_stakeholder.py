"""Stakeholder analysis stale or never reviewed: keep the analysis alive.

Most stakeholder analyses are filled in once and never reopened, while power and
positions move. Each stakeholder records when it was last looked at (`reviewed:`); one
older than `lint.stale_after_days` (default 90) days is stale. Exactly at the limit is
still fresh.

The finding points at the `reviewed` key, or at the stakeholder when it has none.

Failing example:

```yaml
kind: stakeholder
id: cfo-mark
name: Mark Jansen
power: 5
interest: 3
reviewed: 2020-01-01
```

Passing example:

```yaml
kind: stakeholder
id: cfo-mark
name: Mark Jansen
power: 5
interest: 3
reviewed: 2026-11-01
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Stakeholder

CODE = "BP406"
NAME = "stale-stakeholder"
OPTIONS: tuple[str, ...] = ("stale_after_days",)

PLAIN = Plain(
    "stakeholders",
    risk=N_("Our view of these stakeholders is out of date: %(items)s."),
    consequence=N_("We may plan around support or resistance that has changed."),
    next_step=N_("Review their power, interest and engagement."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    limit = ctx.config.stale_after_days
    for record in ctx.strategy.records(Stakeholder):
        person = record.entity
        if person.reviewed is None and record.is_broken(("reviewed",)):
            continue  # written but not a date; its own finding says why
        if person.reviewed is None:
            yield ctx.issue(
                CODE,
                f"the analysis of {person.name} was never reviewed; look at power, interest "
                f"and engagement again and add `reviewed: {ctx.today.isoformat()}`",
                record,
                (),
                "value",
            )
            continue
        age = (ctx.today - person.reviewed).days
        if age > limit:
            yield ctx.issue(
                CODE,
                f"the analysis of {person.name} was last reviewed {age} days ago "
                f"({person.reviewed}), more than {limit}; review it and update `reviewed`",
                record,
                ("reviewed",),
            )
