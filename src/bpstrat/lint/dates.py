"""Dates that cannot be right as of today (BP202): a stakeholder reviewed, or a decision
made, in the future.

Validation has no "today"; these checks run in lint, with the one date of the run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.model.entities import Decision, Stakeholder
from bpstrat.model.strategy import Strategy


def check_dates(strategy: Strategy, today: dt.date) -> Iterator[Issue]:
    """BP202 for `reviewed:` and decision `date:` after `today` (a typo: 2062 for 2026)."""
    for record in strategy.records(Stakeholder):
        reviewed = record.entity.reviewed
        if reviewed is not None and reviewed > today:
            yield record.issue(
                "BP202",
                f"`reviewed` is {reviewed.isoformat()}, after today ({today.isoformat()}); "
                "write the date the analysis was last looked at (a typo in the year?)",
                ("reviewed",),
                "value",
            )
    for decision in strategy.records(Decision):
        made = decision.entity.date
        if made > today:
            yield decision.issue(
                "BP202",
                f"`date` is {made.isoformat()}, after today ({today.isoformat()}); a decision "
                "is recorded when it is made: write that date (a typo in the year?)",
                ("date",),
                "value",
            )
