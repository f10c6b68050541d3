"""Consumer product in the service catalog that the strategy has forgotten: add it.

With `catalog:` in bpstrat.yaml, bpstrat reads the Backstage catalog and finds every
entity whose `spec.consumesApis` names one of `catalog.apis`; its consumer product is its
`spec.system` when it has one, else the entity itself. A product no consumer of the
strategy matches is a consumer nobody weighed: its demands are missing from every score.
A consumer matches a product when its `catalog` reference is the product's reference, or,
without `catalog`, when its id is the product's name. Add the consumer (`bpstrat new
consumer --from-catalog REF` writes it from the catalog), or set `catalog:` on the
consumer that is this product.

The finding points at bpstrat.yaml's `catalog`, one per product, with the product's
reference as its entity.

Failing example:

```yaml
product: {id: pricing-platform, name: Pricing Platform}
catalog: {backstage: [example.yaml], apis: [pricing-api]}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: loyalty-app, title: Loyalty App}
spec: {type: website, lifecycle: production, owner: team-loyalty, consumesApis: [pricing-api]}
```

Passing example:

```yaml
product: {id: pricing-platform, name: Pricing Platform}
catalog: {backstage: [example.yaml], apis: [pricing-api]}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: {name: loyalty-app, title: Loyalty App}
spec: {type: website, lifecycle: production, owner: team-loyalty, consumesApis: [pricing-api]}
---
kind: consumer
id: loyalty-app
name: Loyalty App
importance: 2
strategy: {summary: Points for every booking.}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.catalog.refs import Ref
from bpstrat.catalog.resolve import Product, suggester
from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Consumer
from bpstrat.model.suggest import Suggester

CODE = "BP428"
NAME = "consumer-missing-from-strategy"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "catalog-products",
    risk=N_("The service catalog lists consumers the strategy has forgotten: %(items)s."),
    consequence=N_("Their needs are weighed nowhere, so every choice may go against them."),
    next_step=N_("Talk to each of them and add them to the strategy."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    catalog = ctx.catalog
    if catalog is None:
        return
    forgotten = [product for product in catalog.products if not product.consumers]
    if not forgotten:
        return
    matched = {consumer for product in catalog.products for consumer in product.consumers}
    unmatched = [
        record.entity.id
        for record in ctx.strategy.records(Consumer)
        if record.entity.id not in matched and record.entity.catalog is None
    ]
    close = suggester(unmatched)  # one for every product, its work bounded
    # A consumer whose `catalog` names no product, probably this one (its BP429 says so).
    meant: dict[Ref, str] = {}
    for mismatch in catalog.mismatches:
        if mismatch.suggestion is not None:
            meant.setdefault(mismatch.suggestion, mismatch.consumer)
    for product in forgotten:
        naming = catalog.wrong_part.get(product.ref)
        message = _message(product, naming, meant.get(product.ref), close)
        issue = ctx.issue(CODE, message, None, ("catalog",))
        yield Issue(issue.code, issue.message, issue.file, issue.path, entity=str(product.ref))


def _message(
    product: Product,
    naming: list[tuple[str, Ref]] | None,
    typo: str | None,
    suggester: Suggester,
) -> str:
    owner = f", owned by {product.owner}" if product.owner else ""
    apis = ", ".join(str(ref) for ref in product.apis)
    if product.entities == (product.ref,):
        uses = f"which consumes {apis}"
    else:
        parts = ", ".join(str(ref) for ref in product.entities)
        verb = "consumes" if len(product.entities) == 1 else "consume"
        uses = f"whose {parts} {verb} {apis}"
    said = (
        f"the catalog lists {product.title!r} ({product.ref}{owner}), {uses}, and no "
        "consumer of the strategy matches it"
    )
    if typo is not None:
        return (
            f"{said}: consumer {typo!r} names a reference the catalog does not hold, probably "
            f"this one; set `catalog: {product.ref}` there"
        )
    if naming:
        consumer, part = naming[0]
        return (
            f"{said}: consumer {consumer!r} names {part}, a part of it; set "
            f"`catalog: {product.ref}` there"
        )
    close = suggester.closest(product.name.lower())
    if close is not None:
        return (
            f"{said}; did you mean consumer {close!r}? set `catalog: {product.ref}` on it, "
            "or add the product"
        )
    return (
        f"{said}; add it with `bpstrat new consumer --from-catalog {product.ref}`, or set "
        "`catalog:` on the consumer that is it"
    )
