"""What the strategy asks for and what it returns: the money of its goals.

Per goal with a `cost` or a `value`:

- expected_value = confidence x value.amount (0 without a value);
- payback_months = 12 x cost.amount / expected_value when both are given and
  expected_value > 0, else none.

Over the KEY goals (a key goal without a cost or a value adds 0):

- ask = sum of cost.amount; value = sum of value.amount;
- expected_value = sum of the goals' expected_value;
- payback_months = 12 x ask / expected_value, none when either is 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from bpstrat.model.entities import Goal
from bpstrat.score.results import GoalInvestment, Investment

MONTHS = 12


def expected_value(goal: Goal) -> float:
    """confidence x value.amount; 0 without a value."""
    return goal.confidence * goal.value.amount if goal.value is not None else 0.0


def payback_months(cost: float, expected: float) -> float | None:
    """Months of the expected value that repay the cost: 12 x cost / expected value;
    none when either is 0 (or the quotient is beyond a float)."""
    if cost <= 0 or expected <= 0:
        return None
    months = MONTHS * cost / expected
    return months if math.isfinite(months) else None


def goal_investment(goal: Goal) -> GoalInvestment | None:
    """The money of one goal; None when it has neither a cost nor a value."""
    if goal.cost is None and goal.value is None:
        return None
    expected = expected_value(goal)
    cost = goal.cost.amount if goal.cost is not None else None
    return GoalInvestment(
        id=goal.id,
        key=goal.key,
        cost=cost,
        value=goal.value.amount if goal.value is not None else None,
        confidence=goal.confidence,
        expected_value=expected,
        payback_months=payback_months(cost, expected) if cost is not None else None,
    )


def investment(goals: Iterable[Goal], currency: str | None) -> Investment:
    """The money of every goal with a cost or a value (in id order), and the totals over
    the key goals."""
    ordered = sorted(goals, key=lambda g: g.id)
    key = [g for g in ordered if g.key]
    ask = math.fsum(g.cost.amount for g in key if g.cost is not None)
    value = math.fsum(g.value.amount for g in key if g.value is not None)
    expected = math.fsum(expected_value(g) for g in key)
    per_goal = (goal_investment(g) for g in ordered)
    return Investment(
        currency=currency,
        ask=ask,
        value=value,
        expected_value=expected,
        payback_months=payback_months(ask, expected),
        goals=tuple(g for g in per_goal if g is not None),
    )
