"""Superseded decision not marked superseded: keep the decision log honest.

When an accepted decision names an earlier one in `supersedes`, the earlier one no
longer sets anything; its `status` should say `superseded` so nobody reads it as
current.

The finding points at the superseded decision's `status`.

Failing example:

```yaml
kind: decision
id: rates-2025
dimension: rates
choice: [bulk-file]
status: accepted
date: 2025-01-01
---
kind: decision
id: rates-2026
dimension: rates
choice: [push-api]
status: accepted
date: 2026-01-01
supersedes: rates-2025
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
choice: [bulk-file]
status: superseded
date: 2025-01-01
---
kind: decision
id: rates-2026
dimension: rates
choice: [push-api]
status: accepted
date: 2026-01-01
supersedes: rates-2025
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
from bpstrat.model.entities import Decision

CODE = "BP424"
NAME = "superseded-not-marked"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "decisions",
    risk=N_("Replaced decisions are still marked as current: %(items)s."),
    consequence=N_("Readers may follow a decision that no longer holds."),
    next_step=N_("Mark the replaced decisions as superseded."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    by: dict[str, str] = {}
    for decision in ctx.strategy.decisions:
        if decision.status == "accepted" and decision.supersedes not in (None, decision.id):
            assert decision.supersedes is not None
            by.setdefault(decision.supersedes, decision.id)
    for record in ctx.strategy.records(Decision):
        old = record.entity
        newer = by.get(old.id)
        newer_decision = ctx.strategy.entity(Decision, newer) if newer else None
        if newer_decision is None or old.status == "superseded":
            continue
        if newer_decision.dimension != old.dimension:
            continue  # a supersedes across dimensions is BP202 on the newer decision
        yield ctx.issue(
            CODE,
            f"decision {old.id!r} is superseded by {newer!r} but its status is "
            f"{old.status!r}; set `status: superseded`",
            record,
            ("status",),
        )
