"""Conflict on a dimension with no accepted decision: reconcile contradictory demands.

Consumers want contradictory things (REST/JSON vs SOAP/XML, batch vs messaging).
When more options are demanded on a dimension than it will offer (`choose`), someone
must decide, and the decision must be written down (`kind: decision`, `status: accepted`).
`bpstrat score` shows where the weight lies.

The finding points at the dimension.

Failing example:

```yaml
kind: dimension
id: interface
name: Interface
options: [{id: rest-json}, {id: soap-xml}]
---
kind: consumer
id: web
name: Web
importance: 3
demands:
  - {dimension: interface, option: rest-json, strength: must}
---
kind: consumer
id: billing
name: Billing
importance: 3
demands:
  - {dimension: interface, option: soap-xml, strength: must}
```

Passing example:

```yaml
kind: dimension
id: interface
name: Interface
options: [{id: rest-json}, {id: soap-xml}]
---
kind: consumer
id: web
name: Web
importance: 3
demands:
  - {dimension: interface, option: rest-json, strength: must}
---
kind: consumer
id: billing
name: Billing
importance: 3
demands:
  - {dimension: interface, option: soap-xml, strength: must}
---
kind: decision
id: interface-2027
dimension: interface
choice: [rest-json]
status: accepted
date: 2026-11-01
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Dimension
from bpstrat.score.sentences import pct

CODE = "BP409"
NAME = "undecided-conflict"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "conflicts",
    risk=N_("Consumers want conflicting things on %(items)s, and nothing is decided."),
    consequence=N_(
        "Teams build to their own guess, and consumers are let down without being told."
    ),
    next_step=N_("Decide, and write down who is not served and why."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    for scored in ctx.score.dimensions:
        if not scored.conflict or scored.decided:
            continue
        record = ctx.strategy.get(Dimension, scored.id)
        if record is None or ctx.strategy.unsure("decision", "dimension", scored.id):
            continue  # a decision that could not be read may settle it
        demanded = [o for o in scored.options if o.support > 0]
        shares = ", ".join(f"{o.id} {pct(o.share)}" for o in demanded)
        leaders = ", ".join(scored.chosen)
        yield ctx.issue(
            CODE,
            f"{len(demanded)} options are demanded on {scored.name!r} but it offers "
            f"{scored.choose}, and no decision is accepted ({shares}); record a decision "
            f"(kind: decision, status: accepted); by weight it would be {leaders}",
            record,
            (),
            "value",
        )
