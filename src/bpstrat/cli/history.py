"""`bpstrat history`: the strategy's figures at every commit that changed it."""

from __future__ import annotations

import sys
from pathlib import Path

from bpstrat.history.timeline import Window, read_history
from bpstrat.report.formats import HISTORY


def run_history(path: Path, *, since: str | None, until: str, format: str) -> int:
    history = read_history(path, Window(until=until, since=since))
    sys.stdout.write(HISTORY[format].load().render(history))
    return 0
