"""`bpstrat score`: weigh consumers' conflicting demands and print the result."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console

from bpstrat.report import score_csv, score_json, score_markdown, score_text
from bpstrat.score.view import build_view


def run_score(
    path: Path, format: str, dimension: str | None, what_if: list[str], cache: bool = False
) -> int:
    view = build_view(path, what_if, dimension, cache)
    if format == "json":
        sys.stdout.write(score_json.render(view))
    elif format == "markdown":
        sys.stdout.write(score_markdown.render(view))
    elif format == "csv":
        sys.stdout.write(score_csv.render(view))
    else:
        score_text.render(view, Console(highlight=False))
    if view.left_out and format != "json":
        err = Console(stderr=True, highlight=False)
        err.print(
            f"Left out of the score ({len(view.left_out)}); `bpstrat lint` says more:",
            style="yellow",
        )
        for note in view.left_out:
            err.print(f"  {note}", markup=False)
    return 0
