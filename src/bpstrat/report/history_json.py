"""`bpstrat history --format json`: the contract's points, oldest first."""

from __future__ import annotations

from bpstrat.history.timeline import History
from bpstrat.report.json_text import json_text


def render(history: History) -> str:
    return json_text({"version": 1, "points": [p.as_json() for p in history.points]})
