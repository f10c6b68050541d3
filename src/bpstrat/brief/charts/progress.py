"""A key goal's measurements against the straight line from its baseline to its target."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bpstrat.brief.charts.chart import Chart
from bpstrat.brief.charts.svg import (
    LINE,
    MUTED,
    SERVED,
    SIZE,
    SMALL,
    WIDTH,
    Canvas,
    text_width,
    wrap,
)
from bpstrat.brief.i18n import Lang

PLOT_HEIGHT = 150
TARGET = "#7a7a7a"


@dataclass(frozen=True, slots=True)
class GoalLine:
    id: str
    title: str
    unit: str | None
    baseline: float
    target: float
    start: dt.date | None
    by: dt.date
    measurements: tuple[tuple[dt.date, float], ...]
    status: str  # in the brief's language


def progress_chart(goal: GoalLine, lang: Lang, key: str) -> Chart:
    _ = lang._
    unit = f" {goal.unit}" if goal.unit else ""

    def value(v: float) -> str:
        return lang.number(v, 3) + unit

    title = _("%(goal)s: measurements against the line to the target", goal=goal.title)
    latest = goal.measurements[-1] if goal.measurements else None
    start = goal.start or (latest[0] if latest else goal.by)
    status = (
        _(
            "Latest %(value)s on %(date)s; the target is %(target)s by %(by)s (%(status)s).",
            value=value(latest[1]),
            date=lang.date(latest[0]),
            target=value(goal.target),
            by=lang.date(goal.by),
            status=goal.status,
        )
        if latest
        else _(
            "Not measured yet; the target is %(target)s by %(by)s.",
            target=value(goal.target),
            by=lang.date(goal.by),
        )
    )
    line_words = _(
        "Dashed: the straight line from %(baseline)s on %(start)s to %(target)s on %(by)s.",
        baseline=value(goal.baseline),
        start=lang.date(start),
        target=value(goal.target),
        by=lang.date(goal.by),
    )
    dots_words = (
        _(
            "Dots joined by a solid line: the %(count)s measurements.",
            count=len(goal.measurements),
        )
        if len(goal.measurements) != 1
        else _("One dot: the only measurement, so there is no trend yet.")
    )
    canvas = Canvas(key, title, f"{status} {line_words} {dots_words}")
    y = canvas.lines(0, 4, wrap(goal.title, WIDTH, SIZE, bold=True), SIZE, bold=True)

    values = [goal.baseline, goal.target, *(v for _, v in goal.measurements)]
    low, high = min(values), max(values)
    first = min([start, *(d for d, _ in goal.measurements)])
    last = max([goal.by, *(d for d, _ in goal.measurements)])
    top_label, bottom_label = value(high), value(low)
    left = max(text_width(top_label, SMALL), text_width(bottom_label, SMALL)) + 8
    right = WIDTH - 6
    top = y + 10
    bottom = top + PLOT_HEIGHT
    span_days = max(1, (last - first).days)

    def px(day: dt.date) -> float:
        return left + (right - left) * (day - first).days / span_days

    def py(v: float) -> float:
        return bottom - (bottom - top) * (v - low) / (high - low)

    canvas.rect(left, top, right - left, bottom - top, "#ffffff", stroke="#bbbbbb")
    canvas.text(left - 6, top + SMALL * 0.35, top_label, SMALL, "end", fill=MUTED)
    canvas.text(left - 6, bottom + SMALL * 0.35, bottom_label, SMALL, "end", fill=MUTED)
    canvas.line(px(start), py(goal.baseline), px(goal.by), py(goal.target), TARGET, 2, True)
    points = [(px(d), py(v)) for d, v in goal.measurements]
    if len(points) > 1:
        canvas.polyline(points, SERVED, 2)
    for x, point_y in points:
        canvas.circle(x, point_y, 4, SERVED)
    canvas.square(px(goal.by), py(goal.target), 4, TARGET)

    y = bottom + 4
    first_label, last_label = lang.date(first), lang.date(last)
    canvas.text(left, y + SMALL, first_label, SMALL, fill=MUTED)
    if text_width(first_label, SMALL) + text_width(last_label, SMALL) + 12 > right - left:
        y += SMALL * LINE
    canvas.text(right, y + SMALL, last_label, SMALL, "end", fill=MUTED)
    y += SMALL * LINE + 4
    y = _legend(canvas, y, _("the straight line to the target"), _("measurements"))
    where = (
        _(
            "Latest %(value)s on %(date)s: %(status)s",
            value=value(latest[1]),
            date=lang.date(latest[0]),
            status=goal.status,
        )
        if latest
        else _("not measured yet")
    )
    y = canvas.lines(0, y, wrap(where, WIDTH, SMALL), SMALL)
    canvas.height = y + 4
    return Chart(f"goal-{goal.id}", title, canvas.summary, canvas.svg(), "progress")


def _legend(canvas: Canvas, top: float, line_words: str, dots_words: str) -> float:
    """A dashed line and a dot, each with its words, wrapping to a second row when the
    two do not fit side by side; returns the y below."""
    step = SMALL * LINE + 2
    middle = top + SMALL * 0.6
    canvas.line(0, middle, 24, middle, TARGET, 2, True)
    canvas.text(30, top + SMALL, line_words, SMALL)
    x = 30 + text_width(line_words, SMALL) + 18
    if x + 14 + text_width(dots_words, SMALL) > WIDTH:
        x, top, middle = 0.0, top + step, middle + step
    canvas.circle(x + 4, middle, 4, SERVED)
    canvas.text(x + 14, top + SMALL, dots_words, SMALL)
    return top + step
