"""Phase buy-in without an engaged senior sponsor: get someone to fund it.

In the buy-in phase a senior sponsor funds the product as an investment. The product
needs a `sponsor` who is a stakeholder with power 4 or more and a current engagement of
supportive or leading.

The finding points at `product.sponsor` (or `product.phase`) in bpstrat.yaml.

Failing example:

```yaml
product: {id: demo, name: Demo, phase: buy-in, sponsor: cfo-mark}
---
kind: stakeholder
id: cfo-mark
name: Mark Jansen
power: 5
interest: 3
engagement: {current: neutral}
```

Passing example:

```yaml
product: {id: demo, name: Demo, phase: buy-in, sponsor: cfo-mark}
---
kind: stakeholder
id: cfo-mark
name: Mark Jansen
power: 5
interest: 3
engagement: {current: supportive}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Stakeholder
from bpstrat.score.coalition import is_supportive

CODE = "BP414"
NAME = "buy-in-without-sponsor"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "product",
    risk=N_("The product seeks buy-in but has no senior sponsor who backs it."),
    consequence=N_("Without a sponsor, nobody funds the product."),
    next_step=N_("Find a sponsor with the power to fund the product and win their support."),
)

SENIOR = 4


def check(ctx: RuleContext) -> Iterator[Issue]:
    product = ctx.product
    if product is None or product.phase != "buy-in":
        return
    if product.sponsor is None:
        yield ctx.product_issue(
            CODE,
            "phase is buy-in but no sponsor is named; add `sponsor:` with the stakeholder "
            "(power 4 or 5) who funds the product",
            "sponsor",
            "phase",
        )
        return
    record = ctx.strategy.get(Stakeholder, product.sponsor)
    if record is None:
        if ctx.strategy.exists("stakeholder", product.sponsor):
            return  # charted but invalid: its own findings say why
        yield ctx.product_issue(
            CODE,
            f"phase is buy-in but sponsor {product.sponsor!r} is not a charted stakeholder; "
            "add them as a stakeholder with their power and engagement",
            "sponsor",
            "phase",
        )
        return
    person = record.entity
    current = person.engagement.current if person.engagement is not None else None
    if person.power < SENIOR or not is_supportive(person):
        yield ctx.product_issue(
            CODE,
            f"phase is buy-in but sponsor {person.name} has power {person.power} and is "
            f"{current or 'not assessed'}; a sponsor needs power 4 or more and to be "
            "supportive or leading: win them over or find a more senior sponsor",
            "sponsor",
            "phase",
        )
