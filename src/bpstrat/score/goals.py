"""Where a goal with a complete metric stands, from the measurements dated up to today.

progress = (latest - baseline) / (target - baseline); expected = (latest.date - start) /
(by - start) clamped to [0, 1] (1 when by <= start), start = since or the earliest
measurement; status = no-data, achieved, overdue, on-track (progress >= expected -
tolerance) or off-track, in that order.
"""

from __future__ import annotations

import datetime as dt
import math

from bpstrat.model.entities import Goal
from bpstrat.score.results import GoalScore
from bpstrat.score.tolerance import below


def score_goal(goal: Goal, today: dt.date, tolerance: float = 0.1) -> GoalScore | None:
    """Progress, expected progress and status of a goal; None without a complete metric
    (name, baseline, target, by) or when target equals baseline."""
    metric = goal.metric
    if metric is None or metric.name is None or metric.by is None:
        return None
    baseline, target, by = metric.baseline, metric.target, metric.by
    if baseline is None or target is None or target == baseline:
        return None
    seen = [m for m in metric.measurements if m.date <= today]
    ordered = tuple(sorted(seen, key=lambda m: m.date))  # stable: ties keep list order
    latest = ordered[-1] if ordered else None
    start = metric.since or (ordered[0].date if ordered else None)
    if latest is None:
        return GoalScore(
            goal.id, goal.key, baseline, target, by, start, (), None, None, None, "no-data"
        )
    assert start is not None
    moved, span = latest.value - baseline, target - baseline
    if not (math.isfinite(moved) and math.isfinite(span) and math.isfinite(moved / span)):
        return None  # values beyond what a float can subtract: no figure is honest
    progress = moved / span
    expected = expected_progress(start, latest.date, by)
    if not below(progress, 1):
        status = "achieved"
    elif today > by:
        status = "overdue"
    elif not below(progress, expected - tolerance):
        status = "on-track"
    else:
        status = "off-track"
    return GoalScore(
        goal.id, goal.key, baseline, target, by, start, ordered, latest, progress, expected, status
    )


def expected_progress(start: dt.date, when: dt.date, by: dt.date) -> float:
    """(when - start) / (by - start) in days, clamped to [0, 1]; 1 when by <= start."""
    if by <= start:
        return 1.0
    return min(1.0, max(0.0, (when - start).days / (by - start).days))
