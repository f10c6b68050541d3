"""Checks of goal metrics that need "today": a target equal to its baseline, and a
measurement dated after today (BP202). Such a measurement is also left out of the score.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.model.entities import Goal
from bpstrat.model.strategy import Strategy


def check_outcomes(strategy: Strategy, today: dt.date) -> Iterator[Issue]:
    """BP202 for a metric whose target equals its baseline, and for a future measurement."""
    for record in strategy.records(Goal):
        metric = record.entity.metric
        if metric is None:
            continue
        if metric.baseline is not None and metric.target == metric.baseline:
            yield record.issue(
                "BP202",
                f"the metric's `target` equals its `baseline` ({metric.target:g}): there is "
                "nothing to progress towards; set the value the goal aims for",
                ("metric", "target"),
            )
        for index, item in enumerate(metric.measurements):
            if item.date > today:
                yield record.issue(
                    "BP202",
                    f"measurement dated {item.date}, after today ({today}); a measurement "
                    "records a value already seen: fix the date (it is left out of the "
                    "figures until then)",
                    ("metric", "measurements", index, "date"),
                )
