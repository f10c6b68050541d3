"""`bpstrat score`: weigh consumers' conflicting demands and print the result."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Protocol, cast

from bpstrat.report import SCORE
from bpstrat.score.view import ScoreView, build_view
from bpstrat.source.visible import visible


class ScoreReport(Protocol):
    def render(self, view: ScoreView) -> str: ...


def run_score(
    path: Path,
    *,
    format: str,
    dimension: str | None,
    what_if: list[str],
    cache: bool = False,
    today: dt.date | None = None,
) -> int:
    view = build_view(path, what_if, dimension, cache, today)
    sys.stdout.write(cast(ScoreReport, SCORE[format].load()).render(view))
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
