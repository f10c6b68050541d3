"""Phase minimum without exactly one key goal: know your minimum.

In the minimum phase the product ships an MVP focused on exactly one goal. Zero key
goals is no focus; two or more is no minimum.

The finding points at `product.phase` in bpstrat.yaml.

Failing example:

```yaml
product: {id: demo, name: Demo, phase: minimum}
---
kind: goal
id: a
title: A
key: true
---
kind: goal
id: b
title: B
key: true
```

Passing example:

```yaml
product: {id: demo, name: Demo, phase: minimum}
---
kind: goal
id: a
title: A
key: true
---
kind: goal
id: b
title: B
key: false
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Nn_, Plain

CODE = "BP415"
NAME = "mvp-focus"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "key-goals",
    risk=Nn_(
        "A minimum product focuses on exactly one key goal, and there is %(num)d.",
        "A minimum product focuses on exactly one key goal, and there are %(num)d.",
    ),
    consequence=N_("The minimum product loses its focus."),
    next_step=N_("Keep one key goal and make the others suggestions."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    if ctx.product is None or ctx.product.phase != "minimum":
        return
    key_goals = [g.id for g in ctx.strategy.goals if g.key]
    if len(key_goals) != 1:
        listed = f" ({', '.join(key_goals)})" if key_goals else ""
        yield ctx.product_issue(
            CODE,
            f"phase is minimum but there are {len(key_goals)} key goals{listed}; an MVP "
            "focuses on exactly one: keep one `key: true` and make the rest suggestions",
            "phase",
        )
