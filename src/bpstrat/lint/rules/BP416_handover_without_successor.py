"""Phase handover without a successor: hand over gracefully.

Do not fall in love with your product: in the handover phase a successor is named
(`product.successor`, a stakeholder id) who will own it next.

The finding points at `product.successor` (or `product.phase`) in bpstrat.yaml.

Failing example:

```yaml
product: {id: demo, name: Demo, phase: handover, successor: null}
```

Passing example:

```yaml
product: {id: demo, name: Demo, phase: handover, successor: ana-lopez}
---
kind: stakeholder
id: ana-lopez
name: Ana Lopez
power: 3
interest: 5
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain

CODE = "BP416"
NAME = "handover-without-successor"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "product",
    risk=N_("The product is being handed over, but no successor is named."),
    consequence=N_("The product may be left without an owner."),
    next_step=N_("Name the successor and agree the handover with them."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    if ctx.product is None or ctx.product.phase != "handover" or ctx.product.successor:
        return
    yield ctx.product_issue(
        CODE,
        "phase is handover but no successor is named; add `successor:` with the "
        "stakeholder who will own the product next",
        "successor",
        "phase",
    )
