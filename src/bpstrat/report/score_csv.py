"""`bpstrat score --format csv`: one row per dimension and option."""

from __future__ import annotations

import csv
import io

from bpstrat.score.view import ScoreView

COLUMNS = [
    "dimension",
    "option",
    "name",
    "support",
    "share",
    "chosen",
    "decided",
    "conflict",
    "intensity",
    "margin",
    "flip_consumer",
    "flip_factor",
    "consumers",
    "accommodated",
]


def _num(value: float | None) -> str:
    return "" if value is None else f"{round(value, 3):g}"


def render(view: ScoreView) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for d in view.result.dimensions:
        for o in d.options:
            writer.writerow(
                [
                    d.id,
                    o.id,
                    o.name,
                    _num(o.support),
                    _num(o.share),
                    str(o.chosen).lower(),
                    str(d.decided).lower(),
                    str(d.conflict).lower(),
                    _num(d.intensity),
                    _num(d.margin),
                    d.flip.consumer if d.flip else "",
                    _num(d.flip.factor) if d.flip else "",
                    ";".join(f"{c.consumer}:{c.strength}:{c.support:g}" for c in o.contributions),
                    ";".join(
                        f"{a.consumer}:{_num(a.fraction)}"
                        for a in d.accommodated
                        if a.option == o.id
                    ),
                ]
            )
    return out.getvalue()
