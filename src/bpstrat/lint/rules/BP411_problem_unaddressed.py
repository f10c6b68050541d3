"""Problem that no goal addresses: every real problem needs a goal or a conscious no.

A problem found in the value chain that no goal lists in `problems:` is either not
worth solving (then remove it, or say so) or a gap in the plan.

The finding points at the problem. A goal's misspelled reference (BP302) counts for the
problem it suggests, so one typo is one finding; while a goal cannot be read or is
invalid, its own finding stands for the problems it may address.

Failing example:

```yaml
kind: problem
id: stale-prices
title: Prices at checkout are 15 minutes old
```

Passing example:

```yaml
kind: problem
id: stale-prices
title: Prices at checkout are 15 minutes old
---
kind: goal
id: fresh-prices
title: Prices are never older than 60 seconds
problems: [stale-prices]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Problem

CODE = "BP411"
NAME = "problem-unaddressed"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "problems",
    risk=N_("No goal addresses these problems: %(items)s."),
    consequence=N_("They stay unsolved, although nobody decided they are not worth solving."),
    next_step=N_("Give each a goal, or drop it on purpose."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    addressed: set[str] = set()
    for goal in ctx.strategy.goals:
        for problem in goal.problems:
            addressed.add(problem)
            if not ctx.strategy.resolves("problem", problem):
                # a misspelled reference (BP302 says so) meant the problem it suggests
                close = ctx.strategy.closest("problem", problem)
                if close is not None:
                    addressed.add(close)
    for record in ctx.strategy.records(Problem):
        # a goal that could not be read or validated may list it: unknown, not unaddressed
        if record.id not in addressed and not ctx.strategy.unsure("goal", "problems", record.id):
            yield ctx.issue(
                CODE,
                f"no goal addresses problem {record.entity.title!r}; add {record.id!r} to "
                "the `problems` of a goal, or remove the problem if it is not worth solving",
                record,
                (),
                "value",
            )
