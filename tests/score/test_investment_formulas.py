"""One test per money formula of the format, each on numbers worked out by hand:
expected value and payback per goal, and ask, value, expected value and payback over the
key goals, then the same figures as the score JSON rounds them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bpstrat.cli.score import run_score
from bpstrat.model.entities import Goal
from bpstrat.score.investment import expected_value, goal_investment, investment
from tests.v3_strategy import CONFIG, TODAY, write


def goal(id: str = "g", **fields: Any) -> Goal:
    return Goal.model_validate({"kind": "goal", "id": id, "title": id.title(), **fields})


def test_expected_value_is_confidence_times_value() -> None:
    assert expected_value(goal(value={"amount": 250000}, confidence=0.4)) == 100000.0
    assert expected_value(goal(value={"amount": 80000})) == 80000.0  # confidence 1 by default
    assert expected_value(goal(value={"amount": 0}, confidence=0.5)) == 0.0
    assert expected_value(goal(cost={"amount": 1000}, confidence=0.5)) == 0.0  # no value


def test_goal_payback_is_twelve_cost_over_expected_value() -> None:
    # 12 x 420000 / (0.4 x 250000) = 5040000 / 100000 = 50.4 months
    partner = goal_investment(
        goal(cost={"amount": 420000}, value={"amount": 250000}, confidence=0.4)
    )
    assert partner is not None and partner.payback_months == pytest.approx(50.4)
    # 12 x 60000 / (0.8 x 140000) = 720000 / 112000 = 6.42857... months
    client = goal_investment(goal(cost={"amount": 60000}, value={"amount": 140000}, confidence=0.8))
    assert client is not None and client.payback_months == pytest.approx(720000 / 112000)


@pytest.mark.parametrize(
    "fields",
    [
        {"cost": {"amount": 1000}},  # no value
        {"value": {"amount": 1000}},  # no cost
        {"cost": {"amount": 1000}, "value": {"amount": 0}},  # expected value 0
    ],
    ids=["no value", "no cost", "value 0"],
)
def test_goal_payback_is_none_without_both_or_without_expected_value(
    fields: dict[str, Any],
) -> None:
    money = goal_investment(goal(**fields))
    assert money is not None and money.payback_months is None


def test_a_goal_without_cost_and_value_has_no_money() -> None:
    assert goal_investment(goal(confidence=0.5)) is None


KEY_GOALS = [
    goal("a", key=True, cost={"amount": 100000}, value={"amount": 50000}, confidence=0.5),
    goal("b", key=True, cost={"amount": 30000}),
    goal("c", key=True, value={"amount": 20000}, confidence=0.25),
    goal("d", key=True),
    # not a key goal: listed, but in no total
    goal("e", cost={"amount": 999999}, value={"amount": 999999}),
]


def test_ask_is_the_sum_of_the_key_goals_costs() -> None:
    # a 100000 + b 30000; c and d have no cost and add 0; e is no key goal
    assert investment(KEY_GOALS, "EUR").ask == 130000.0


def test_value_is_the_sum_of_the_key_goals_values() -> None:
    # a 50000 + c 20000; b and d add 0
    assert investment(KEY_GOALS, "EUR").value == 70000.0


def test_expected_value_is_the_sum_of_the_key_goals_expected_values() -> None:
    # a 0.5 x 50000 = 25000, c 0.25 x 20000 = 5000
    assert investment(KEY_GOALS, "EUR").expected_value == 30000.0


def test_total_payback_is_twelve_ask_over_expected_value() -> None:
    # 12 x 130000 / 30000 = 52 months
    assert investment(KEY_GOALS, "EUR").payback_months == pytest.approx(52.0)


def test_total_payback_is_none_when_ask_or_expected_value_is_zero() -> None:
    only_values = [goal("a", key=True, value={"amount": 5000})]
    only_costs = [goal("a", key=True, cost={"amount": 5000})]
    assert investment(only_values, None).payback_months is None  # ask 0
    assert investment(only_costs, None).payback_months is None  # expected value 0
    assert investment([], None).payback_months is None


def test_goals_are_listed_in_id_order_key_or_not() -> None:
    money = investment(list(reversed(KEY_GOALS)), "EUR")
    assert [(g.id, g.key) for g in money.goals] == [
        ("a", True),
        ("b", True),
        ("c", True),
        ("e", False),
    ]


GOALS = """\
kind: goal
id: api-keys
title: Self-service API keys
key: true
cost: {amount: 100000}
value: {amount: 130000}
confidence: 0.7
---
kind: goal
id: invoices
title: Invoices from usage
key: true
cost: {amount: 5000.25}
value: {amount: 33333}
confidence: 0.3
"""


def test_the_score_json_rounds_every_figure_to_three_decimals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = "".join(line for line in CONFIG.splitlines(True) if "currency" not in line)
    config += "lint: {max_key_goals: 5}\n"
    base = write(tmp_path, config=config, **{"money.yaml": GOALS})
    assert run_score(base, format="json", dimension=None, what_if=[], today=TODAY) == 0
    money = json.loads(capsys.readouterr().out)["investment"]
    assert money["currency"] is None  # bpstrat.yaml declares none
    # api-keys: 0.7 x 130000 = 91000; 12 x 100000 / 91000 = 13.18681... -> 13.187
    # invoices: 0.3 x 33333 = 9999.9; 12 x 5000.25 / 9999.9 = 6.000360... -> 6.0
    # fresh-prices (the strategy's own key goal): 0.6 x 900000 = 540000; 5.3333 -> 5.333
    assert [
        (g["id"], g["cost"], g["expected_value"], g["payback_months"]) for g in money["goals"]
    ] == [
        ("api-keys", 100000.0, 91000.0, 13.187),
        ("fresh-prices", 240000.0, 540000.0, 5.333),
        ("invoices", 5000.25, 9999.9, 6.0),
    ]
    # ask 100000 + 240000 + 5000.25 = 345000.25; value 130000 + 900000 + 33333 = 1063333
    # expected 91000 + 540000 + 9999.9 = 640999.9; payback 12 x 345000.25 / 640999.9
    # = 4140003 / 640999.9 = 6.45866... -> 6.459
    assert (money["ask"], money["value"], money["expected_value"], money["payback_months"]) == (
        345000.25,
        1063333.0,
        640999.9,
        6.459,
    )
