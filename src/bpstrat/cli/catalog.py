"""`bpstrat catalog`: what the service catalog says consumes the product."""

from __future__ import annotations

import sys
from pathlib import Path

from bpstrat.catalog.resolve import NO_CATALOG, Catalog, load_catalog
from bpstrat.errors import UsageError
from bpstrat.model.load import load_strategy
from bpstrat.model.strategy import Strategy
from bpstrat.report.formats import CATALOG
from bpstrat.source.display import display_prefix


def strategy_catalog(path: Path) -> tuple[Strategy, Catalog]:
    """The strategy above `path` and its catalog; a usage error when it names none."""
    strategy = load_strategy(path)
    catalog = load_catalog(strategy)
    if catalog is None:
        raise UsageError(NO_CATALOG)
    return strategy, catalog


def run_catalog(path: Path, *, format: str) -> int:
    strategy, catalog = strategy_catalog(path)
    prefix = "" if format == "json" else display_prefix(strategy.root)
    sys.stdout.write(CATALOG[format].load().render(catalog, prefix))
    return 0
