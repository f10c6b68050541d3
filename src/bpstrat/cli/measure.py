"""`bpstrat measure GOAL VALUE`: record a measured value of a goal's metric."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from bpstrat.cli.options import resolve_today
from bpstrat.edit.record_measurement import record_measurement


def run_measure(
    path: Path, *, goal: str, value: str, date: str | None, today: dt.date | None = None
) -> int:
    done = record_measurement(path, goal, value, date, resolve_today(today))
    sys.stdout.write(f"{done.file}: {done.goal} measured {done.value:g} on {done.date}\n")
    return 0
