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
    affected: bool = False,
) -> int:
    compared = diff_revisions(base, head, path, resolve_today(today), _note)
    if affected and compared.old is not None and compared.new is not None:
        from bpstrat.diff.affected import affected as concerned
        from bpstrat.report import diff_affected

        items = concerned(compared.old, compared.new, compared.diff.entities)
        sys.stdout.write(diff_affected.render(items, base, compared.head, format))
        return 0
    sys.stdout.write(DIFF[format].load().render(compared.diff, base, compared.head))
    return 0


def _note(line: str) -> None:
    sys.stderr.write(f"bpstrat: {line}\n")
