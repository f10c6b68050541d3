"""`bpstrat diff BASE [HEAD] [PATH]`: what a change does to the strategy."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from bpstrat.cli.options import resolve_today
from bpstrat.diff.revisions import diff_revisions
from bpstrat.report.formats import DIFF


def run_diff(
    base: str,
    head: str | None,
    path: Path | None,
    *,
    format: str,
    today: dt.date | None = None,
) -> int:
    compared = diff_revisions(base, head, path, resolve_today(today), _note)
    sys.stdout.write(DIFF[format].load().render(compared.diff, base, compared.head))
    return 0


def _note(line: str) -> None:
    sys.stderr.write(f"bpstrat: {line}\n")
