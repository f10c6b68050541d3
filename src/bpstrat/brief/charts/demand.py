"""Per dimension, one bar of its weighted demand: served by the chosen options,
accommodated by a compromise, and left unserved."""

from __future__ import annotations

from dataclasses import dataclass

from bpstrat.brief.charts.chart import Chart
from bpstrat.brief.charts.legend import legend
from bpstrat.brief.charts.shares import whole_percent
from bpstrat.brief.charts.svg import (
    PARTIAL,
    SERVED,
    SIZE,
    UNSERVED,
    WIDTH,
    Canvas,
    wrap,
)
from bpstrat.brief.i18n import Lang

BAR = 22


@dataclass(frozen=True, slots=True)
class DemandSplit:
    name: str
    served: float  # the parts of the dimension's weighted demand, adding up to its total
    accommodated: float
    unserved: float
    intensity: float  # the unserved share, as the brief's text gives it


def demand_chart(dimensions: list[DemandSplit], lang: Lang, key: str) -> Chart:
    _ = lang._
    title = _("Weighted demand per dimension: served, accommodated and unserved")
    canvas = Canvas(key, title, "")
    served = canvas.pattern("solid", SERVED)
    partial = canvas.pattern("hatch", PARTIAL)
    unserved = canvas.pattern("dots", UNSERVED)
    y = legend(
        canvas,
        4,
        [
            (served, _("served by the chosen options")),
            (partial, _("accommodated (a compromise)")),
            (unserved, _("unserved")),
        ],
    )
    sentences = []
    for d in dimensions:
        y += 8
        y = canvas.lines(0, y, wrap(d.name, WIDTH, SIZE, bold=True), SIZE, bold=True)
        y += 2
        parts = [d.served, d.accommodated, d.unserved]
        whole = sum(parts)
        x = 0.0
        for part, fill in zip(parts, (served, partial, unserved), strict=True):
            width = WIDTH * part / whole if whole > 0 else 0.0
            if width > 0:
                canvas.rect(x, y, width, BAR, fill)
            x += width
        canvas.rect(0, y, WIDTH, BAR, "none", stroke="#333333")
        y += BAR + 4
        # served and unserved as the text rounds them; the accommodated part is the rest
        unserved_points = min(100, max(0, whole_percent(d.intensity)))
        served_points = min(
            100 - unserved_points, whole_percent(d.served / whole) if whole > 0 else 0
        )
        partial_points = 100 - unserved_points - served_points
        if d.accommodated <= 0:
            served_points, partial_points = served_points + partial_points, 0
        served_pct, partial_pct, unserved_pct = (
            lang.pct(p / 100) for p in (served_points, partial_points, unserved_points)
        )
        sentence = _(
            "%(dimension)s: %(served)s served, %(accommodated)s accommodated, "
            "%(unserved)s unserved.",
            dimension=d.name,
            served=served_pct,
            accommodated=partial_pct,
            unserved=unserved_pct,
        )
        sentences.append(sentence)
        numbers = _(
            "%(served)s served, %(accommodated)s accommodated, %(unserved)s unserved",
            served=served_pct,
            accommodated=partial_pct,
            unserved=unserved_pct,
        )
        y = canvas.lines(0, y, wrap(numbers, WIDTH), SIZE)
    canvas.summary = " ".join(sentences)
    canvas.height = y + 4
    return Chart("demand", title, canvas.summary, canvas.svg(), "demand")
