"""Consumer whose catalog entity does not consume the product: fix its `catalog`.

A consumer's `catalog` names its entity in the service catalog (`system:default/checkout`;
the namespace is `default` when left out). The reference must name an entity that
consumes one of `catalog.apis`, or a system one of whose entities does. A reference the
catalog does not hold is usually a typo (the closest consumer product is suggested) or an
entity renamed in the catalog; one that consumes none of the APIs says that the catalog
and the strategy disagree about who depends on the product: fix the one that is wrong.
Without `catalog:` in bpstrat.yaml only the reference's syntax is checked [BP202].

The finding points at the consumer's `catalog`.

Failing example:

```yaml
product: {id: pricing-platform, name: Pricing Platform}
catalog: {backstage: [example.yaml], apis: [pricing-api]}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: checkout-web}
spec: {type: website, lifecycle: production, owner: team-checkout, consumesApis: [pricing-api]}
---
kind: consumer
id: checkout
name: Checkout
importance: 5
catalog: component:default/chekout-web
strategy: {summary: Server-side rendering.}
```

Passing example:

```yaml
product: {id: pricing-platform, name: Pricing Platform}
catalog: {backstage: [example.yaml], apis: [pricing-api]}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: checkout-web}
spec: {type: website, lifecycle: production, owner: team-checkout, consumesApis: [pricing-api]}
---
kind: consumer
id: checkout
name: Checkout
importance: 5
catalog: component:default/checkout-web
strategy: {summary: Server-side rendering.}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Consumer

CODE = "BP429"
NAME = "consumer-not-in-catalog"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "consumers",
    risk=N_(
        "The service catalog does not confirm that these consumers use the product: %(items)s."
    ),
    consequence=N_("Either the strategy weighs a consumer that is gone, or the catalog is wrong."),
    next_step=N_("Check with each of them and correct the strategy or the catalog."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    catalog = ctx.catalog
    if catalog is None or not catalog.mismatches:
        return
    apis = ", ".join(str(ref) for ref in catalog.apis)
    for mismatch in catalog.mismatches:
        record = ctx.strategy.get(Consumer, mismatch.consumer)
        if record is None:
            continue
        named = f"`catalog: {mismatch.written}`"
        full = (
            f" ({mismatch.ref})" if mismatch.ref and str(mismatch.ref) != mismatch.written else ""
        )
        if mismatch.in_catalog:
            message = (
                f"{named}{full} consumes none of `catalog.apis` ({apis}), nor does any "
                "entity of its system; point it at the entity that consumes the product, or "
                "correct the catalog"
            )
        else:
            files = len(catalog.read.files)
            hint = f"; did you mean `{mismatch.suggestion}`?" if mismatch.suggestion else ""
            message = (
                f"{named}{full} is not in the catalog ({files} descriptor "
                f"{'file' if files == 1 else 'files'} read from `catalog.backstage`){hint}"
            )
        yield ctx.issue(CODE, message, record, ("catalog",))
