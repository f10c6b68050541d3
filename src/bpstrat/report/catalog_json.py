"""`catalog --format json`: the documented shape, every reference in full and lower case."""

from __future__ import annotations

from typing import Any

from bpstrat.catalog.resolve import Catalog
from bpstrat.report.json_text import json_text


def render(catalog: Catalog, prefix: str = "") -> str:
    document: dict[str, Any] = {
        "version": 1,
        "apis": [str(ref) for ref in catalog.apis],
        "products": [
            {
                "ref": str(product.ref),
                "title": product.title,
                "owner": str(product.owner) if product.owner else None,
                "entities": [str(ref) for ref in product.entities],
                "apis": [str(ref) for ref in product.apis],
                "consumer": product.consumer,
            }
            for product in catalog.products
        ],
    }
    return json_text(document)
