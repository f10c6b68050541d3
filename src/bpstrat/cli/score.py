"""`bpstrat score`: weigh consumers' conflicting demands and print the result."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from bpstrat.cli.options import parse_what_if, resolve_today
from bpstrat.model.load import load_strategy
from bpstrat.report.formats import SCORE
from bpstrat.score.view import build_view
from bpstrat.source.visible import visible


def run_score(
    path: Path,
    *,
    format: str,
    dimension: str | None,
    what_if: list[str],
    cache: bool = False,
    today: dt.date | None = None,
) -> int:
    factors = parse_what_if(what_if)
    view = build_view(load_strategy(path, cache=cache), factors, dimension, resolve_today(today))
    sys.stdout.write(SCORE[format].load().render(view))
    if view.left_out and format != "json":
        from rich.console import Console

        err = Console(stderr=True, highlight=False)
        err.print(
            f"Left out of the score ({len(view.left_out)}); `bpstrat lint` says more:",
            style="yellow",
        )
        for note in view.left_out:
            err.print(f"  {visible(note)}", markup=False)
    return 0
