"""No coalition: a strategy is not done until a coalition stands behind it.

The coalition share is the power held by stakeholders whose current engagement is
supportive or leading, over the power of all stakeholders. Below
`lint.coalition_threshold` (default 0.5) the strategy has no coalition yet; exactly at
the threshold it has one.

The finding points at bpstrat.yaml and names who holds the missing power. "No
stakeholders are charted" is not said while a stakeholder cannot be read or is invalid:
its own finding says why.

Failing example:

```yaml
kind: stakeholder
id: cfo-mark
name: Mark Jansen
power: 5
interest: 3
engagement: {current: resistant, desired: supportive}
---
kind: stakeholder
id: ana-lopez
name: Ana Lopez
power: 3
interest: 5
engagement: {current: leading}
```

Passing example:

```yaml
kind: stakeholder
id: cfo-mark
name: Mark Jansen
power: 5
interest: 3
engagement: {current: supportive}
---
kind: stakeholder
id: ana-lopez
name: Ana Lopez
power: 3
interest: 5
engagement: {current: leading}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain, Wording
from bpstrat.score.coalition import is_supportive
from bpstrat.score.sentences import pct
from bpstrat.score.tolerance import below

CODE = "BP408"
NAME = "no-coalition"
OPTIONS: tuple[str, ...] = ("coalition_threshold",)

PLAIN = Plain(
    "coalition",
    risk=N_("Only %(share)s of stakeholder power supports the strategy; it needs %(threshold)s."),
    consequence=N_("Those who do not support it yet can stop it."),
    next_step=N_("Win over the most powerful of them first: %(items)s."),
    none=Wording(
        N_("Nobody is charted as standing behind the strategy."),
        N_("A strategy nobody backs can be stopped by anyone."),
        N_("Chart the people whose support the strategy needs, starting with the sponsor."),
    ),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    coalition = ctx.score.coalition
    threshold = ctx.config.coalition_threshold
    if not below(coalition.share, threshold):
        return
    if coalition.total_power == 0:
        if ctx.strategy.unsure("stakeholder", "kind", "stakeholder"):
            return  # a stakeholder that could not be read: its own finding says why
        yield ctx.product_issue(
            CODE,
            "no stakeholders are charted, so nobody stands behind the strategy; add the "
            "people whose support it needs (`bpstrat new stakeholder ...`)",
            "owner",
        )
        return
    others = sorted(
        (p for p in ctx.strategy.stakeholders if not is_supportive(p)),
        key=lambda p: (-p.power, p.name),
    )
    names = [
        f"{p.name} ({p.power}) is {p.engagement.current if p.engagement else 'not assessed'}"
        for p in others[:3]
    ]
    more = f" and {len(others) - 3} more" if len(others) > 3 else ""
    yield ctx.product_issue(
        CODE,
        f"coalition {pct(coalition.share)} of power ({coalition.supportive_power} of "
        f"{coalition.total_power}) is below {pct(threshold)}: {'; '.join(names)}{more}; "
        "win the most powerful of them before calling the strategy done",
        "owner",
    )
