"""`bpstrat score --format csv`: one row per dimension and option, then one per goal with
money and one for the key goals' totals.

The `row` column names what a row is: `option` (a dimension's option, the rows and
columns the csv always had), `goal` (a goal with a cost or a value) or `investment` (the
totals over the key goals). Columns are only ever added at the end, so a reader that
picks columns by name or by position keeps working; the goal and investment rows come
after every option row and leave the option columns empty, so a reader that wants the
options keeps the rows whose `row` is `option` (or whose `dimension` is not empty).

Every cell goes through csv_cells.cell: a name from a pull request that a spreadsheet would
run as a formula is written with a leading `'`; numbers are written as they are.
"""

from __future__ import annotations

import csv
import io

from bpstrat.report.csv_cells import cell
from bpstrat.score.results import Investment
from bpstrat.score.view import ScoreView

OPTION_COLUMNS = [
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
    "uncertain_support",
]
MONEY_COLUMNS = [
    "goal",
    "key",
    "currency",
    "cost",
    "value",
    "confidence",
    "expected_value",
    "payback_months",
]
COLUMNS = [*OPTION_COLUMNS, "row", *MONEY_COLUMNS]


class _Writer:
    """csv.writer whose every cell goes through `cell`."""

    def __init__(self, out: io.StringIO) -> None:
        self._writer = csv.writer(out, lineterminator="\n")

    def writerow(self, row: list[str]) -> None:
        self._writer.writerow([cell(value) for value in row])


def _num(value: float | None) -> str:
    return "" if value is None else f"{round(value, 3):g}"


def _amount(value: float | None) -> str:
    """An amount of money to the cent, never in exponent notation."""
    return "" if value is None else f"{round(value, 3):f}".rstrip("0").rstrip(".")


def render(view: ScoreView) -> str:
    out = io.StringIO()
    writer = _Writer(out)
    writer.writerow(COLUMNS)
    blank_money = [""] * len(MONEY_COLUMNS)
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
                    _num(o.uncertain),
                    "option",
                    *blank_money,
                ]
            )
    for row in _money_rows(view.result.investment):
        writer.writerow([""] * len(OPTION_COLUMNS) + row)
    return out.getvalue()


def _money_rows(money: Investment) -> list[list[str]]:
    """The `row` column and the money columns of each goal row and the totals row."""
    if not money.goals:
        return []
    currency = money.currency or ""
    rows = [
        [
            "goal",
            g.id,
            str(g.key).lower(),
            currency,
            _amount(g.cost),
            _amount(g.value),
            _num(g.confidence),
            _amount(g.expected_value),
            _num(g.payback_months),
        ]
        for g in money.goals
    ]
    rows.append(
        [
            "investment",
            "",
            "",
            currency,
            _amount(money.ask),
            _amount(money.value),
            "",
            _amount(money.expected_value),
            _num(money.payback_months),
        ]
    )
    return rows
