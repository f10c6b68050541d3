"""`bpstrat measure`: find the goal a measurement is for, check it can take one, and
append it to the goal's file in place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from bpstrat.edit.measure import measure_file, parse_date, parse_value
from bpstrat.errors import UsageError
from bpstrat.model.entities import Goal
from bpstrat.model.load import load_strategy


@dataclass(frozen=True)
class Recorded:
    """What was recorded, and where."""

    file: str  # relative to the root
    goal: str
    value: float | int
    date: dt.date


def record_measurement(
    path: Path, goal: str, value: str, date: str | None, today: dt.date
) -> Recorded:
    """Append `value` measured on `date` (default `today`) to `goal` of the root above
    `path`; a goal that cannot take it is a usage error that says what to fix."""
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
    return Recorded(record.file.rel, goal, number, when)
