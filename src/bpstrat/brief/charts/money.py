"""What each key goal costs, once, against the value it is expected to return each year
(its value times how sure we are of it)."""

from __future__ import annotations

from dataclasses import dataclass

from bpstrat.brief.charts.chart import Chart
from bpstrat.brief.charts.legend import legend
from bpstrat.brief.charts.svg import COST, SIZE, SMALL, VALUE, WIDTH, Canvas, text_width, wrap
from bpstrat.brief.i18n import Lang

BAR = 16


@dataclass(frozen=True, slots=True)
class GoalMoney:
    title: str
    cost: float | None
    expected_value: float
    payback_months: float | None


def money_chart(goals: list[GoalMoney], currency: str | None, lang: Lang, key: str) -> Chart:
    _ = lang._
    title = _("Cost against expected value per year, per key goal")
    canvas = Canvas(key, title, "")
    cost_fill = canvas.pattern("solid", COST)
    value_fill = canvas.pattern("hatch", VALUE)
    y = legend(
        canvas,
        4,
        [
            (cost_fill, _("cost, once")),
            (value_fill, _("expected value per year (value times confidence)")),
        ],
    )

    def label(kind: str, amount: float | None) -> str:
        if amount is None:
            return _("no cost given")
        money = lang.money(amount, currency)
        return (
            _("cost %(amount)s", amount=money)
            if kind == "cost"
            else _("expected %(amount)s a year", amount=money)
        )

    labels = [(label("cost", g.cost), label("value", g.expected_value)) for g in goals]
    widest = max(text_width(t, SMALL) for pair in labels for t in pair)
    room = max(WIDTH - widest - 8, WIDTH / 3)
    largest = max([g.cost or 0.0 for g in goals] + [g.expected_value for g in goals] + [0.0])
    sentences = []
    for g, (cost_words, value_words) in zip(goals, labels, strict=True):
        y += 8
        y = canvas.lines(0, y, wrap(g.title, WIDTH, SIZE, bold=True), SIZE, bold=True)
        for amount, fill, words in (
            (g.cost, cost_fill, cost_words),
            (g.expected_value, value_fill, value_words),
        ):
            y += 3
            length = room * (amount or 0.0) / largest if largest > 0 else 0.0
            if length > 0:
                canvas.rect(0, y, max(length, 1), BAR, fill, stroke="#333333")
            canvas.text(length + 6, y + BAR - 4, words, SMALL)
            y += BAR
        payback = (
            _("pays back in %(months)s months", months=lang.number(g.payback_months, 0))
            if g.payback_months is not None
            else _("no payback: nothing is expected back")
            if g.cost is not None
            else None
        )
        y += 3
        if payback:
            y = canvas.lines(0, y, wrap(payback, WIDTH, SMALL), SMALL)
        sentences.append(
            _(
                "%(goal)s: %(cost)s, %(value)s.",
                goal=g.title,
                cost=cost_words,
                value=value_words,
            )
            + (f" {payback[:1].upper()}{payback[1:]}." if payback else "")
        )
    canvas.summary = " ".join(sentences)
    canvas.height = y + 4
    return Chart("money", title, canvas.summary, canvas.svg(), "money")
