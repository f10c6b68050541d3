"""`catalog --format text`: each consumer product, what it consumes and which consumer
of the strategy it is, then what could not be read. Text from the catalog files is shown
with control characters escaped."""

from __future__ import annotations

from bpstrat.catalog.resolve import Catalog, Product
from bpstrat.source.visible import visible


def render(catalog: Catalog, prefix: str = "") -> str:
    read = catalog.read
    files = len(read.files)
    lines = [
        f"{files} descriptor {'file' if files == 1 else 'files'}, "
        f"{len(catalog.entities)} {'entity' if len(catalog.entities) == 1 else 'entities'}; "
        f"the product's APIs: {', '.join(str(ref) for ref in catalog.apis)}",
        "",
    ]
    for product in catalog.products:
        lines.extend(_product(product))
    known = sum(1 for product in catalog.products if product.consumers)
    total = len(catalog.products)
    lines.append(
        f"{total} consumer {'product' if total == 1 else 'products'}: {known} in the "
        f"strategy, {total - known} not"
    )
    if catalog.mismatches:
        lines.append("")
        lines.append("Consumers whose `catalog` names no consumer product (BP429):")
        for mismatch in catalog.mismatches:
            why = "consumes none of the APIs" if mismatch.in_catalog else "not in the catalog"
            shown = visible(str(mismatch.ref) if mismatch.ref else mismatch.written)
            lines.append(f"  {mismatch.consumer}: {shown}, {why}")
    if read.issues:
        lines.append("")
        lines.append("Not read (BP430):")
        for issue in read.issues:
            where = prefix + issue.file
            if issue.mark is None:  # a catalog.backstage item
                where += f" (catalog.backstage[{issue.path[-1]}])"
            lines.append(f"  {visible(where)}: {visible(issue.message)}")
    if read.not_fetched:
        lines.append("")
        lines.append("Location targets not fetched (URLs):")
        lines.extend(f"  {visible(url)}" for url in read.not_fetched)
    return "\n".join(lines) + "\n"


def _product(product: Product) -> list[str]:
    owner = f" ({product.owner})" if product.owner else ""
    title = f"  {visible(product.title)}" if product.title != product.ref.name else ""
    lines = [f"{visible(str(product.ref))}{title}{owner}"]
    lines.append(f"  consumes {', '.join(str(ref) for ref in product.apis)}")
    if product.entities != (product.ref,):
        lines.append(f"  through {visible(', '.join(str(ref) for ref in product.entities))}")
    if product.consumers:
        lines.append(f"  consumer: {', '.join(product.consumers)}")
    else:
        lines.append(
            "  consumer: none (BP428); add it: "
            f"bpstrat new consumer --from-catalog {visible(str(product.ref))}"
        )
    return lines
