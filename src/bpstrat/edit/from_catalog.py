"""`bpstrat new consumer --from-catalog REF`: a consumer skeleton filled from the catalog.

The id comes from the entity's name, the name from its title, `catalog:` names it, and a
comment says who owns it and what the catalog says it is. Text from the catalog is
written on comment lines only after line breaks and control characters are taken out, so
a description cannot add YAML to the file.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from bpstrat.catalog.resolve import NO_CATALOG, load_catalog
from bpstrat.errors import UsageError
from bpstrat.model.strategy import Strategy
from bpstrat.model.types import is_catalog_ref, suggest_slug
from bpstrat.source.visible import visible

COMMENT_WIDTH = 88
MAX_DESCRIPTION = 400


@dataclass(frozen=True)
class CatalogConsumer:
    id: str
    name: str
    lines: str  # the comment and the `catalog:` line


def catalog_consumer(strategy: Strategy, written: str) -> CatalogConsumer:
    """What `new consumer --from-catalog written` writes; a usage error when the catalog
    has no consumer product of that reference."""
    written = written.strip()
    if not is_catalog_ref(written):
        raise UsageError(
            f"--from-catalog {visible(repr(written))} is not an entity reference: write "
            "`[kind:][namespace/]name`, e.g. system:default/checkout"
        )
    catalog = load_catalog(strategy)
    if catalog is None:
        raise UsageError(NO_CATALOG)
    ref = catalog.find(written)
    product = catalog.product(ref) if ref is not None else None
    if product is None:
        if ref is not None and ref in catalog.part_of:
            whole = catalog.part_of[ref]
            raise UsageError(
                f"{ref} is a part of {whole}, the consumer product; run "
                f"`bpstrat new consumer --from-catalog {whole}`"
            )
        if ref is not None and ref in catalog.entities:
            apis = ", ".join(str(api) for api in catalog.apis)
            raise UsageError(f"{ref} consumes none of `catalog.apis` ({apis})")
        close = catalog.closest(ref) if ref is not None else None
        hint = f"; did you mean {close}?" if close else ""
        forgotten = [str(p.ref) for p in catalog.products if not p.consumers]
        listed = f" Not yet in the strategy: {', '.join(forgotten)}." if forgotten else ""
        raise UsageError(f"{visible(written)} is no consumer product of the catalog{hint}{listed}")
    if product.consumers:
        raise UsageError(f"consumer {product.consumers[0]!r} already is {product.ref}")
    owner = f", owned by {product.owner}" if product.owner else ""
    comment = [f"From the service catalog: {product.ref}{owner}."]
    if product.description:
        comment.append(_one_line(product.description, MAX_DESCRIPTION))
    wrapped = [
        f"# {line}"
        for text in comment
        for line in textwrap.wrap(text, COMMENT_WIDTH - 2, break_on_hyphens=False)
    ]
    return CatalogConsumer(
        id=suggest_slug(product.name),
        name=_one_line(product.title, 200),
        lines="\n".join([*wrapped, f"catalog: {product.ref}"]),
    )


def _one_line(text: str, limit: int) -> str:
    """`text` on one line, control characters escaped, at most `limit` characters."""
    flat = visible(" ".join(text.split()))
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
