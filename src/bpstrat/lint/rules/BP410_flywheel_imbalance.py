"""Flywheel imbalance above tolerance: serve both sides of the marketplace.

A marketplace platform sits between client teams (conversion) and supply teams
(inventory). The served ratio of a side is the weight of its demands that the chosen
options serve over the weight it demands. When the best-served and the worst-served
side differ by more than `lint.flywheel_tolerance` (default 0.3), the platform leans to
one side, and leaning for long stalls both. Exactly at the tolerance is balanced.

The finding points at `product.sides` in bpstrat.yaml.

Failing example:

```yaml
product: {id: demo, name: Demo, sides: [client, supply]}
---
kind: dimension
id: interface
name: Interface
options: [{id: rest-json}, {id: soap-xml}]
---
kind: consumer
id: web
name: Web
side: client
importance: 5
demands:
  - {dimension: interface, option: rest-json, strength: must}
---
kind: consumer
id: hotels
name: Hotels
side: supply
importance: 3
demands:
  - {dimension: interface, option: soap-xml, strength: must}
```

Passing example:

```yaml
product: {id: demo, name: Demo, sides: [client, supply]}
---
kind: dimension
id: interface
name: Interface
options: [{id: rest-json}, {id: soap-xml}]
---
kind: consumer
id: web
name: Web
side: client
importance: 5
demands:
  - {dimension: interface, option: rest-json, strength: must}
---
kind: consumer
id: hotels
name: Hotels
side: supply
importance: 3
demands:
  - {dimension: interface, option: rest-json, strength: should}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.held_checks import held_conflicts
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.score.sentences import pct
from bpstrat.score.tolerance import above

CODE = "BP410"
NAME = "flywheel-imbalance"
OPTIONS: tuple[str, ...] = ("flywheel_tolerance",)

PLAIN = Plain(
    "sides",
    risk=N_(
        "The %(side)s side is underserved: %(served)s of what it asks for is served, "
        "against %(best)s on the %(other)s side."
    ),
    consequence=N_("A platform that serves one side poorly loses that side, and then the other."),
    next_step=N_("Revisit the decisions that leave the %(side)s side unserved."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    imbalance = ctx.score.flywheel_imbalance
    tolerance = ctx.config.flywheel_tolerance
    if imbalance is None or not above(imbalance, tolerance):
        return
    if held_conflicts(ctx):
        return  # a decision that could not be read may change what each side is served
    sides = [s for s in ctx.score.sides if s.served_ratio is not None]
    worst = min(sides, key=lambda s: s.served_ratio or 0.0)
    ratios = ", ".join(f"{s.id} {pct(s.served_ratio or 0.0)}" for s in sides)
    yield ctx.product_issue(
        CODE,
        f"flywheel imbalance {pct(imbalance)} is above {pct(tolerance)} (served: {ratios}); "
        f"the {worst.id} side is underserved: revisit the decisions that leave its demands "
        "unserved",
        "sides",
    )
