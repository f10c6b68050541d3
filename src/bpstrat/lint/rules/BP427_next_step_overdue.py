"""Stakeholder next step past its due date: do it, or plan it again.

A stakeholder's `plan.due` says when `plan.next_step` should be done. When that date has
passed the plan no longer says what is true: take the step and record the outcome (a
new `next_step`, a changed engagement, `reviewed`), or set a new `due` date. On the date
itself the step is not overdue yet. "Today" is `--today` when given, else the system date.

The finding points at `plan.due`.

Failing example:

```yaml
kind: stakeholder
id: cfo-mark
name: Mark Jansen
power: 5
interest: 3
plan: {next_step: Show the cost model for batch vs streaming., due: 2001-01-01}
```

Passing example:

```yaml
kind: stakeholder
id: cfo-mark
name: Mark Jansen
power: 5
interest: 3
plan: {next_step: Show the cost model for batch vs streaming., due: 2099-01-01}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Stakeholder

CODE = "BP427"
NAME = "next-step-overdue"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "stakeholders",
    risk=N_("The next steps planned with these stakeholders are overdue: %(items)s."),
    consequence=N_("A promised conversation that does not happen costs their trust."),
    next_step=N_("Take each step now, or plan it again with a new date."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    for record in ctx.strategy.records(Stakeholder):
        person = record.entity
        plan = person.plan
        if plan is None or plan.due is None or plan.due >= ctx.today:
            continue
        days = (ctx.today - plan.due).days
        step = f" ({plan.next_step})" if plan.next_step else ""
        yield ctx.issue(
            CODE,
            f"the next step with {person.name}{step} was due on {plan.due}, {days} "
            f"{'day' if days == 1 else 'days'} ago; take it and record the outcome, or set a "
            "new `plan.due`",
            record,
            ("plan", "due"),
        )
