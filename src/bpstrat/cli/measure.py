"""`bpstrat measure GOAL VALUE`: record a measured value of a goal's metric."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from bpstrat.edit.measure import measure_file, parse_date, parse_value
from bpstrat.errors import UsageError
from bpstrat.model.entities import Goal
from bpstrat.model.load import load_strategy


def run_measure(path: Path, *, goal: str, value: str, date: str | None, today: dt.date) -> int:
    number = parse_value(value)
    when = parse_date(date, today)
    strategy = load_strategy(path)
    record = strategy.get(Goal, goal)
    if record is None:
        if strategy.exists("goal", goal):
            raise UsageError(
                f"goal {goal!r} has errors; fix them first (`bpstrat lint` shows them)"
            )
        close = strategy.closest("goal", goal)
        hint = f"; did you mean {close!r}?" if close else ""
        raise UsageError(f"no goal {goal!r}{hint}")
    if any(i.code == "BP301" and i.entity == f"goal:{goal}" for i in strategy.issues):
        raise UsageError(
            f"goal id {goal!r} is used twice; rename one of them first (`bpstrat lint` shows "
            "where), so the measurement goes to the right goal"
        )
    if record.entity.metric is None:
        raise UsageError(
            f"goal {goal!r} has no metric; add `metric:` with name, baseline, target and by "
            f"to {record.file.rel} first"
        )
    measure_file(strategy.root / record.file.rel, record.file.rel, record.index, when, number)
    sys.stdout.write(f"{record.file.rel}: {goal} measured {number:g} on {when}\n")
    return 0
