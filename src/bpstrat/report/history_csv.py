"""`bpstrat history --format csv`: one row per point, a column per figure.

The fixed columns come first (commit, date, subject, coalition, flywheel_imbalance and the
finding counts); then one column per faction (`faction:ID`), per dimension
(`chosen:ID`, `intensity:ID`, `decided:ID`) and per key goal (`status:ID`,
`progress:ID`) that appears at any point, sorted; a figure a point does not have is empty.
A commit subject (or any cell) a spreadsheet would run as a formula is written with a
leading `'` (csv_cells.py).
"""

from __future__ import annotations

import csv
import io

from bpstrat.history.points import Point
from bpstrat.history.timeline import History
from bpstrat.report.csv_cells import cell

FIXED = ["commit", "date", "subject", "coalition", "flywheel_imbalance", "error", "warning", "info"]


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _cells(point: Point) -> dict[str, str]:
    row = {
        "commit": point.commit.sha,
        "date": point.commit.date.isoformat(),
        "subject": point.commit.subject,
        "coalition": _num(point.coalition),
        "flywheel_imbalance": _num(point.flywheel_imbalance),
        **{level: str(count) for level, count in point.findings.items()},
    }
    for id_, share in point.factions.items():
        row[f"faction:{id_}"] = _num(share)
    for id_, d in point.dimensions.items():
        row[f"chosen:{id_}"] = " ".join(d.chosen)
        row[f"intensity:{id_}"] = _num(d.intensity)
        row[f"decided:{id_}"] = "true" if d.decided else "false"
    for id_, g in point.key_goals.items():
        row[f"status:{id_}"] = g.status
        row[f"progress:{id_}"] = _num(g.progress)
    return row


def render(history: History) -> str:
    rows = [_cells(p) for p in history.points]
    extra = sorted({name for row in rows for name in row} - set(FIXED))
    out = io.StringIO()
    writer = csv.DictWriter(out, [*FIXED, *extra], restval="", lineterminator="\n")
    writer.writerow({name: cell(name) for name in [*FIXED, *extra]})
    writer.writerows({name: cell(value) for name, value in row.items()} for row in rows)
    return out.getvalue()
