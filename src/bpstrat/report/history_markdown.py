"""`bpstrat history --format markdown`: Mermaid charts of the coalition share and of each
key goal's progress over the commits, what moved by topic, and a table of every point.

Charts are Mermaid `xychart-beta` line charts: one x-axis category per commit (its date,
with the short hash when two share a date), values in percent. A chart shows the newest
MAX_CHART_POINTS commits; the table shows them all.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from bpstrat.brief.markdown import cell, inline
from bpstrat.brief.mermaid import label
from bpstrat.history.changes import counts_text
from bpstrat.history.points import Point
from bpstrat.history.story import tell
from bpstrat.history.timeline import History
from bpstrat.report.history_text import heading
from bpstrat.score.sentences import pct

MAX_CHART_POINTS = 60


def _categories(points: Sequence[Point]) -> list[str]:
    dates = [p.commit.date.isoformat() for p in points]
    repeated = {d for d in dates if dates.count(d) > 1} if len(set(dates)) < len(dates) else set()
    return [
        f"{d} {p.commit.short}" if d in repeated else d for d, p in zip(dates, points, strict=True)
    ]


def _percent(value: float) -> str:
    number = round(value * 100, 1)
    return f"{number:g}" if number != 0 else "0"


def xychart(title: str, axis: str, points: Sequence[Point], values: Sequence[float]) -> str:
    """A Mermaid line chart of `values` (fractions) over the commits of `points`."""
    low = min(0.0, *values)
    high = max(1.0, *values)
    categories = ", ".join(f'"{label(c)}"' for c in _categories(points))
    bottom = math.floor(low * 100)
    top = math.ceil(high * 100)
    return "\n".join(
        [
            "xychart-beta",
            f'  title "{label(title)}"',
            f"  x-axis [{categories}]",
            f'  y-axis "{label(axis)}" {bottom} --> {top}',
            f"  line [{', '.join(_percent(v) for v in values)}]",
        ]
    )


def _chart(title: str, axis: str, series: list[tuple[Point, float | None]]) -> list[str]:
    known = [(p, v) for p, v in series if v is not None and math.isfinite(v)]
    known = known[-MAX_CHART_POINTS:]
    if not known:
        return [f"No commit has a figure for {inline(title.lower())} yet."]
    chart = xychart(title, axis, [p for p, _ in known], [v for _, v in known])
    note = []
    if len(known) < len(series):
        note = [
            "",
            f"The chart shows {len(known)} of {len(series)} commits "
            "(those with a figure, the newest last).",
        ]
    return ["```mermaid", chart, "```", *note]


def render(history: History) -> str:
    lines = [f"# {inline(heading(history))}", ""]
    points = history.points
    if not points:
        return lines[0] + "\n"
    lines += ["## Coalition", ""]
    lines += _chart("Coalition share", "supportive power %", [(p, p.coalition) for p in points])
    goals = sorted({id_ for p in points for id_ in p.key_goals})
    if goals:
        lines += ["", "## Key goals", ""]
        for id_ in goals:
            lines += [f"### {inline(id_)}", ""]
            series = [
                (p, p.key_goals[id_].progress if id_ in p.key_goals else None) for p in points
            ]
            lines += _chart(f"Progress of {id_}", "progress %", series)
            lines.append("")
    story = tell(history)
    lines += ["", "## What moved", ""]
    if not story.topics:
        lines.append("Nothing moved.")
    for topic in story.topics:
        lines += [
            f"### {inline(topic.title)}",
            "",
            f"{inline(topic.start)} → {inline(topic.end)}",
            "",
            "| Date | Commit | Change | Subject |",
            "| --- | --- | --- | --- |",
        ]
        for moment in topic.moments:
            c = moment.point.commit
            lines.append(f"| {c.date} | `{c.short}` | {cell(moment.text)} | {cell(c.subject)} |")
        lines.append("")
    lines += [
        "",
        "## Commit by commit",
        "",
        "| Date | Commit | Subject | Coalition | Flywheel imbalance | Findings |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for point in points:
        c = point.commit
        lines.append(
            f"| {c.date} | `{c.short}` | {cell(c.subject)} | {pct(point.coalition)} "
            f"| {pct(point.flywheel_imbalance)} | {cell(counts_text(point.findings))} |"
        )
    return "\n".join(lines).rstrip("\n") + "\n"
