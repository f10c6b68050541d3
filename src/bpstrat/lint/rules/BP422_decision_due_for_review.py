"""Deciding decision due for review: its revisit date passed or a compromise ended.

The decision that sets a dimension's chosen options may say when to look at it again
(`revisit`) and how long each accommodation lasts (`until`). When the revisit date has
passed, or an accommodation has ended (its `until` is before today), the decision no
longer says what is true: review it, and record a new decision that supersedes it. On the
date itself nothing has passed yet.

The finding points at `revisit`, or at the ended accommodation's `until`.

Failing example:

```yaml
kind: decision
id: rates-2025
dimension: rates
choice: [push-api]
status: accepted
date: 2025-01-01
revisit: 2025-06-30
---
kind: dimension
id: rates
name: Rate intake
options: [{id: push-api}, {id: bulk-file}]
```

Passing example:

```yaml
kind: decision
id: rates-2025
dimension: rates
choice: [push-api]
status: accepted
date: 2025-01-01
revisit: 2099-06-30
---
kind: dimension
id: rates
name: Rate intake
options: [{id: push-api}, {id: bulk-file}]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Consumer, Decision

CODE = "BP422"
NAME = "decision-due-for-review"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "decisions",
    risk=N_("Decisions are due for review, or a compromise has ended: %(items)s."),
    consequence=N_("Consumers may lose what they were promised without anyone deciding it."),
    next_step=N_("Revisit the decision and record the outcome."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    for scored in ctx.score.dimensions:
        if scored.decision is None:
            continue
        record = ctx.strategy.get(Decision, scored.decision)
        if record is None:
            continue
        decision = record.entity
        if decision.revisit is not None and decision.revisit < ctx.today:
            yield ctx.issue(
                CODE,
                f"decision {decision.id!r} was to be revisited by {decision.revisit}; review "
                "it and record the outcome (a new decision that supersedes it, or a later "
                "`revisit`)",
                record,
                ("revisit",),
            )
        for index, item in enumerate(decision.accommodations):
            if item.until is not None and item.until < ctx.today:
                consumer = ctx.strategy.entity(Consumer, item.consumer)
                who = consumer.name if consumer else item.consumer
                yield ctx.issue(
                    CODE,
                    f"the accommodation of {who} ({item.via}) ended on {item.until}; decide "
                    "what happens to them now and record it in a decision that supersedes "
                    f"{decision.id!r}",
                    record,
                    ("accommodations", index, "until"),
                )
