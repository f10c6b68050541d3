"""What the strategy asks for and what it returns, as the brief writes money.

The figures are the score's `investment` (v3 money): the totals over the key goals and
each goal with a cost or a value. Amounts are written in `product.currency` as the
brief's language writes money; without a currency, as plain numbers.
"""

from __future__ import annotations

from bpstrat.brief.i18n import Lang
from bpstrat.brief.views import GoalMoneyView, InvestmentView
from bpstrat.model.entities import Goal
from bpstrat.model.strategy import Strategy
from bpstrat.score.results import ScoreResult


def months(lang: Lang, value: float) -> str:
    """A number of months in words, whole: '5 months', '1 month'."""
    count = max(1, round(value))
    return lang.n_("%(num)d month", "%(num)d months", count)


def investment_view(strategy: Strategy, result: ScoreResult, lang: Lang) -> InvestmentView | None:
    """The money of the strategy; None when no goal has a cost or a value."""
    money = result.investment
    if not money.goals:
        return None
    currency = money.currency
    limit = strategy.config.lint.max_payback_months
    goals = []
    for g in money.goals:
        goal = strategy.entity(Goal, g.id)
        goals.append(
            GoalMoneyView(
                id=g.id,
                title=goal.title if goal else g.id,
                key=g.key,
                cost=None if g.cost is None else lang.money(g.cost, currency),
                value=None if g.value is None else lang.money(g.value, currency),
                confidence=lang.pct(g.confidence),
                expected=lang.money(g.expected_value, currency),
                payback=None if g.payback_months is None else months(lang, g.payback_months),
                pays_back=g.payback_months is not None and g.payback_months <= limit,
                cost_amount=g.cost,
                value_amount=g.value,
                expected_amount=g.expected_value,
                confidence_value=g.confidence,
                payback_months=g.payback_months,
                cost_basis=goal.cost.basis if goal and goal.cost else None,
                value_basis=goal.value.basis if goal and goal.value else None,
            )
        )
    goals.sort(key=lambda g: (not g.key, g.title, g.id))
    ask = lang.money(money.ask, currency)
    value = lang.money(money.value, currency)
    expected = lang.money(money.expected_value, currency)
    payback = None if money.payback_months is None else months(lang, money.payback_months)
    return InvestmentView(
        currency=currency,
        ask=ask,
        value=value,
        expected=expected,
        payback=payback,
        sentence=_sentence(lang, money.ask, money.value, ask, value, expected, payback),
        goals=goals,
        ask_amount=money.ask,
        value_amount=money.value,
        expected_amount=money.expected_value,
        payback_months=money.payback_months,
        max_payback=months(lang, limit),
    )


def _sentence(
    lang: Lang,
    ask_amount: float,
    value_amount: float,
    ask: str,
    value: str,
    expected: str,
    payback: str | None,
) -> str:
    _ = lang._
    if ask_amount > 0 and value_amount > 0:
        text = _(
            "We ask for %(ask)s to reach the key goals. Once reached, they are worth "
            "%(value)s a year; weighed by how sure we are of that, %(expected)s a year.",
            ask=ask,
            value=value,
            expected=expected,
        )
        if payback is not None:
            text += " " + _("At that rate the investment pays back in %(months)s.", months=payback)
        return text
    if ask_amount > 0:
        return _(
            "We ask for %(ask)s to reach the key goals; what they return is not priced yet.",
            ask=ask,
        )
    if value_amount > 0:
        return _(
            "The key goals are worth %(value)s a year once reached (%(expected)s weighed by "
            "how sure we are of that); what they cost is not priced yet.",
            value=value,
            expected=expected,
        )
    return _("The key goals carry no cost and no value yet; only other goals are priced.")
