"""Powerful stakeholder below desired engagement with no next step: plan the politics.

Someone with power 4 or 5 whose current engagement is below the desired one (on the
PMBOK scale unaware < resistant < neutral < supportive < leading) needs a plan: what is
the next step to move them (`plan.next_step`)?

The finding points at the stakeholder's `plan` key, or at the stakeholder.

Failing example:

```yaml
kind: stakeholder
id: cfo-mark
name: Mark Jansen
power: 5
interest: 3
engagement: {current: neutral, desired: supportive}
```

Passing example:

```yaml
kind: stakeholder
id: cfo-mark
name: Mark Jansen
power: 5
interest: 3
engagement: {current: neutral, desired: supportive}
plan: {next_step: Show the cost model for batch vs streaming.}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Stakeholder
from bpstrat.score.coalition import below_desired

CODE = "BP407"
NAME = "powerful-without-plan"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "stakeholders",
    risk=N_(
        "These stakeholders are less engaged than we need, with no plan to change it: %(items)s."
    ),
    consequence=N_("Their power can stall the strategy."),
    next_step=N_("Plan the next conversation or proof for each of them."),
)

POWERFUL = 4


def check(ctx: RuleContext) -> Iterator[Issue]:
    for record in ctx.strategy.records(Stakeholder):
        person = record.entity
        engagement = person.engagement
        if person.power < POWERFUL or engagement is None or not below_desired(person):
            continue
        if record.is_broken(("plan",)):
            continue  # written but invalid; its own finding says why
        if not (person.plan and person.plan.next_step):
            where = ("plan",) if person.plan is not None else ()
            yield ctx.issue(
                CODE,
                f"{person.name} (power {person.power}) is {engagement.current} but should be "
                f"{engagement.desired}, and there is no plan to get there; add "
                "`plan.next_step` with the next conversation or proof you will bring",
                record,
                where,
                "key" if where else "value",
            )
