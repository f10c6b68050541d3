"""Key goal whose cost does not pay back in time: make the case, or change the plan.

A key goal with a `cost` should earn it back: its payback (12 x cost / expected value
per year, the expected value being `value.amount` x `confidence`) must be at most
`lint.max_payback_months` (default 36). A key goal with a cost but no `value`, a value
of 0, or a payback beyond the limit is reported: write down what it is worth, make the
value surer, cut the cost, or make the goal a suggestion until its case is made.

The finding points at the goal's `cost`.

Failing example:

```yaml
kind: goal
id: same-day-partner-rates
title: Partner rates are live within one hour
key: true
cost: {amount: 420000}
value: {amount: 250000}
confidence: 0.4
```

Passing example:

```yaml
kind: goal
id: fresh-prices
title: Fresh prices
key: true
cost: {amount: 240000}
value: {amount: 900000}
confidence: 0.6
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Goal
from bpstrat.score.sentences import amount_text
from bpstrat.score.tolerance import above

CODE = "BP426"
NAME = "goal-slow-payback"
OPTIONS: tuple[str, ...] = ("max_payback_months",)

PLAIN = Plain(
    "goals",
    risk=N_("These key goals do not earn back their cost in time: %(items)s."),
    consequence=N_("The investment may not be worth making, and the sponsor will ask why."),
    next_step=N_("Cut the cost, make the value surer, or make the case for them openly."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    limit = ctx.config.max_payback_months
    currency = ctx.product.currency if ctx.product else None
    for record in ctx.strategy.records(Goal):
        goal = record.entity
        if not goal.key or goal.cost is None:
            continue
        if record.is_broken(("value",)) or record.is_broken(("confidence",)):
            continue  # written but invalid: its own finding says why
        money = ctx.score.investment.goal(goal.id)
        if money is None:
            continue
        cost = amount_text(goal.cost.amount, currency)
        months = money.payback_months
        if goal.value is None:
            reason = (
                f"costs {cost} and has no `value`, so nothing says it pays back; add "
                "`value: {amount: ..., basis: ...}` with what it is worth per year once reached"
            )
        elif money.expected_value <= 0:
            reason = (
                f"costs {cost} and its value is 0, so it never pays back; write what it is "
                "worth per year, or make it a suggestion (`key: false`) until its case is made"
            )
        elif months is None or above(months, limit):
            expected = amount_text(money.expected_value, currency)
            took = f"{months:,.1f} months" if months is not None else "more months than count"
            reason = (
                f"pays back in {took} ({cost} against {expected} a year expected: value "
                f"{amount_text(goal.value.amount, currency)} at confidence "
                f"{goal.confidence:g}), more than `lint.max_payback_months` ({limit:g}); cut "
                "the cost, make the value surer, or make it a suggestion until its case is made"
            )
        else:
            continue
        yield ctx.issue(CODE, f"key goal {goal.title!r} {reason}", record, ("cost",))
