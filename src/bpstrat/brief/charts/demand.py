"""Per dimension, one bar of its weighted demand: served by the chosen options,
accommodated by a compromise, and left unserved."""

from __future__ import annotations

from dataclasses import dataclass

from bpstrat.brief.charts.chart import Chart
from bpstrat.brief.charts.legend import legend
from bpstrat.brief.charts.shares import whole_percentages
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
        served_pct, partial_pct, unserved_pct = (
            lang.pct(p / 100) for p in whole_percentages(parts)
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
