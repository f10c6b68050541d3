"""Phase problem: a key goal built on problems without evidence.

In the problem phase the strategy has to show that its problems are real before building
anything. A key goal none of whose problems has any `evidence` (numbers, incidents,
quotes) rests on an assumption: collect evidence for at least one of its problems.
A goal linked to no problem is reported as BP412 instead.

The finding points at the goal's `key`.

Failing example:

```yaml
product: {id: demo, name: Demo, phase: problem}
---
kind: goal
id: fresh-prices
title: Fresh prices
key: true
problems: [stale-prices]
---
kind: problem
id: stale-prices
title: Prices are stale
```

Passing example:

```yaml
product: {id: demo, name: Demo, phase: problem}
---
kind: goal
id: fresh-prices
title: Fresh prices
key: true
problems: [stale-prices]
---
kind: problem
id: stale-prices
title: Prices are stale
evidence: [2.1% of bookings fail on a price change]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Goal, Problem

CODE = "BP423"
NAME = "goal-without-evidence"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "goals",
    risk=N_("Key goals rest on problems with no evidence: %(items)s."),
    consequence=N_("We may be solving a problem that is smaller than we think."),
    next_step=N_("Collect the evidence: numbers, incidents, quotes."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    if ctx.product is None or ctx.product.phase != "problem":
        return
    for record in ctx.strategy.records(Goal):
        goal = record.entity
        if not goal.key:
            continue
        problems = [ctx.strategy.entity(Problem, p) for p in goal.problems]
        known = [p for p in problems if p is not None]
        if not known or any(p.evidence for p in known):
            continue
        titles = ", ".join(repr(p.title) for p in known)
        yield ctx.issue(
            CODE,
            f"key goal {goal.title!r} rests on problems without evidence ({titles}); in the "
            "problem phase add `evidence:` (numbers, incidents, quotes) to at least one",
            record,
            ("key",),
        )
