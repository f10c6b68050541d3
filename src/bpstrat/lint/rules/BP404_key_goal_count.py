"""Number of key goals not within 1..max_key_goals: a few headlines.

A plan is drafted on a few headlines: at least one key goal (`key: true`) and no more
than `lint.max_key_goals` (default 3). Everything else is a suggestion (`key: false`).
A strategy with ten key goals has none.

The finding points at the first key goal over the limit, or at bpstrat.yaml when there
is no key goal at all.

Failing example:

```yaml
kind: goal
id: fresh-prices
title: Fresher prices
key: false
```

Passing example:

```yaml
kind: goal
id: fresh-prices
title: Fresher prices
key: true
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain, Wording
from bpstrat.model.entities import Goal

CODE = "BP404"
NAME = "key-goal-count"
OPTIONS: tuple[str, ...] = ("max_key_goals",)

PLAIN = Plain(
    "key-goals",
    risk=N_("The strategy has more key goals than it can lead with: %(items)s."),
    consequence=N_("With too many headlines, none of them leads."),
    next_step=N_("Keep the key goals that matter most and make the others suggestions."),
    none=Wording(
        N_("The strategy names no key goal."),
        N_("Without a few headlines, nobody can say what the product is for."),
        N_("Pick the one to three goals that matter most and make them the key goals."),
    ),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    limit = ctx.config.max_key_goals
    key_goals = [r for r in ctx.strategy.records(Goal) if r.entity.key]
    goals = ctx.strategy.records(Goal)
    if not key_goals:
        suggestion = f" (e.g. {goals[0].id!r})" if goals else ""
        yield ctx.product_issue(
            CODE,
            f"no key goal among {len(goals)} goal(s); mark 1 to {limit} goals `key: true`"
            f"{suggestion} so the strategy has headlines",
        )
    elif len(key_goals) > limit:
        extra = key_goals[limit]
        names = ", ".join(r.id for r in key_goals)
        yield ctx.issue(
            CODE,
            f"{len(key_goals)} key goals ({names}) exceed max_key_goals {limit}; keep the "
            f"{limit} that matter most and make the others suggestions (`key: false`)",
            extra,
            ("key",),
        )
