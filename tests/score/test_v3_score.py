"""v3 scoring: the money of the goals, confidence in a demand, and what of a choice rests
on uncertain demand, on the contract's strategy and by hand-checked arithmetic."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from bpstrat.cli.score import run_score
from bpstrat.model.entities import Goal
from bpstrat.score.investment import goal_investment, investment, payback_months
from tests.v2_strategy import write as write_v2
from tests.v3_strategy import CONFIG, FILES, TODAY, write


def score_json(base: Path, capsys: pytest.CaptureFixture[str], today: dt.date = TODAY) -> Any:
    assert run_score(base, format="json", dimension=None, what_if=[], today=today) == 0
    return json.loads(capsys.readouterr().out)


def test_contract_investment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = score_json(write(tmp_path), capsys)
    assert data["investment"] == {
        "currency": "EUR",
        "ask": 240000.0,
        "value": 900000.0,
        "expected_value": 540000.0,
        "payback_months": 5.333,
        "goals": [
            {
                "id": "fresh-prices",
                "key": True,
                "cost": 240000.0,
                "value": 900000.0,
                "confidence": 0.6,
                "expected_value": 540000.0,
                "payback_months": 5.333,  # 12 x 240000 / (0.6 x 900000)
            }
        ],
    }


def test_contract_confidence_weighs_every_figure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (dim,) = score_json(write(tmp_path), capsys)["dimensions"]
    # checkout 5 x must 3 = 15; billing 4 x must 3 x confidence 0.5 = 6
    assert dim["total"] == 21.0
    assert [(o["id"], o["support"], o["share"]) for o in dim["options"]] == [
        ("messaging", 15.0, 0.714),
        ("nightly-batch", 6.0, 0.286),
        ("rest-pull", 0, 0.0),
    ]
    assert dim["options"][1]["consumers"] == [
        {"id": "billing", "strength": "must", "support": 6.0, "confidence": 0.5}
    ]
    assert dim["intensity"] == 0.143  # 1 - (15 + 0.5 x 6) / 21
    assert dim["margin"] == 0.429  # (15 - 6) / 21
    assert dim["uncertain"] == {"support": 6.0, "share": 0.286, "resting": [], "overturn": None}


def test_served_per_side_counts_confidence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = CONFIG + "  sides: [client, supply]\n"
    consumers = (
        str(FILES["consumers.yaml"])
        .replace("importance: 5\n", "importance: 5\nside: client\n")
        .replace("importance: 4\n", "importance: 4\nside: supply\n")
    )
    data = score_json(write(tmp_path, config=config, **{"consumers.yaml": consumers}), capsys)
    assert data["sides"] == [
        {"id": "client", "demanded": 15.0, "served": 15.0, "served_ratio": 1.0},
        # 6 demanded, accommodated at 0.5: 3 served
        {"id": "supply", "demanded": 6.0, "served": 3.0, "served_ratio": 0.5},
    ]
    assert data["flywheel_imbalance"] == 0.5


UNDECIDED = {
    "decisions.yaml": str(FILES["decisions.yaml"]).replace("status: accepted", "status: proposed"),
    "consumers.yaml": str(FILES["consumers.yaml"]).replace(
        "option: messaging, strength: must,", "option: messaging, strength: must, confidence: 0.9,"
    )
    + """\
---
kind: consumer
id: search
name: Search
importance: 2
strategy: {summary: Batch ranking, reviewed: 2026-10-01}
demands:
  - {dimension: integration-style, option: nightly-batch, strength: could, confidence: 0.8,
     problem: stale-prices}
""",
}


def test_uncertain_demand_can_overturn_an_undecided_choice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (dim,) = score_json(write(tmp_path, **UNDECIDED), capsys)["dimensions"]
    # messaging 5 x 3 x 0.9 = 13.5; nightly-batch 4 x 3 x 0.5 + 2 x 1 x 0.8 = 7.6
    assert [(o["id"], o["support"]) for o in dim["options"][:2]] == [
        ("messaging", 13.5),
        ("nightly-batch", 7.6),
    ]
    assert (dim["decided"], dim["chosen"], dim["total"]) == (False, ["messaging"], 21.1)
    assert dim["margin"] == 0.28  # (13.5 - 7.6) / 21.1
    # checkout's weight x 7.6 / 13.5 = 0.563 ties; the tie goes to the cheaper nightly-batch
    # (cost 1 against 3), and 0.562 is the factor with 3 decimals that flips
    assert dim["flip"] == {"consumer": "checkout", "factor": 0.562, "chosen": ["nightly-batch"]}
    # every demand is uncertain; all of messaging's support is; in the worst case for the
    # choice messaging has 0 and nightly-batch 4 x 3 + 2 x 1 = 14
    assert dim["uncertain"] == {
        "support": 21.1,
        "share": 1.0,
        "resting": ["messaging"],
        "overturn": {
            "chosen": ["nightly-batch"],
            "lost": ["messaging"],
            "gained": ["nightly-batch"],
            "doubtful": ["checkout"],
            "hoped": ["billing", "search"],
        },
    }


def test_a_strategy_without_v3_fields_has_v2_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = score_json(write_v2(tmp_path), capsys)
    (dim,) = data["dimensions"]
    assert (dim["total"], dim["intensity"], dim["margin"]) == (27.0, 0.222, 0.111)
    assert dim["uncertain"] is None
    assert all(c["confidence"] == 1.0 for o in dim["options"] for c in o["consumers"])
    assert data["investment"] == {
        "currency": None,
        "ask": 0.0,
        "value": 0.0,
        "expected_value": 0.0,
        "payback_months": None,
        "goals": [],
    }


GOALS = """\
kind: goal
id: partner-rates
title: Partner rates are live within one hour
key: true
cost: {amount: 420000}
value: {amount: 250000}
confidence: 0.4
---
kind: goal
id: one-client
title: One price client
key: true
value: {amount: 120000}
---
kind: goal
id: audit
title: Audit trail
cost: {amount: 50000.5}
---
kind: goal
id: ledger
title: Price ledger
key: true
cost: {amount: 100000}
value: {amount: 0}
---
kind: goal
id: wish
title: A goal without money
key: true
"""


def test_totals_are_over_the_key_goals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = CONFIG.replace("  currency: EUR", "  currency: CHF") + "lint: {max_key_goals: 5}\n"
    base = write(tmp_path, config=config, **{"more-goals.yaml": GOALS})
    money = score_json(base, capsys)["investment"]
    # key goals: fresh-prices, partner-rates, one-client, ledger, wish (no money: adds 0)
    assert money["currency"] == "CHF"
    assert money["ask"] == 760000.0  # 240000 + 420000 + 100000; audit is no key goal
    assert money["value"] == 1270000.0  # 900000 + 250000 + 120000 + 0
    assert money["expected_value"] == 760000.0  # 540000 + 100000 + 120000 + 0
    assert money["payback_months"] == 12.0
    assert money["goals"] == [
        {
            "id": "audit",
            "key": False,
            "cost": 50000.5,
            "value": None,
            "confidence": 1.0,
            "expected_value": 0.0,
            "payback_months": None,
        },
        {
            "id": "fresh-prices",
            "key": True,
            "cost": 240000.0,
            "value": 900000.0,
            "confidence": 0.6,
            "expected_value": 540000.0,
            "payback_months": 5.333,
        },
        {
            "id": "ledger",
            "key": True,
            "cost": 100000.0,
            "value": 0.0,
            "confidence": 1.0,
            "expected_value": 0.0,
            "payback_months": None,
        },
        {
            "id": "one-client",
            "key": True,
            "cost": None,
            "value": 120000.0,
            "confidence": 1.0,
            "expected_value": 120000.0,
            "payback_months": None,
        },
        {
            "id": "partner-rates",
            "key": True,
            "cost": 420000.0,
            "value": 250000.0,
            "confidence": 0.4,
            "expected_value": 100000.0,
            "payback_months": 50.4,  # 12 x 420000 / 100000
        },
    ]


def goal(**fields: Any) -> Goal:
    return Goal.model_validate({"kind": "goal", "id": "g", "title": "G", **fields})


def test_payback_is_null_when_either_side_is_zero() -> None:
    assert payback_months(0, 100) is None
    assert payback_months(100, 0) is None
    assert payback_months(120, 10) == 144.0
    assert goal_investment(goal()) is None
    only_value = goal_investment(goal(value={"amount": 10}, confidence=0.5))
    assert only_value is not None
    assert (only_value.expected_value, only_value.payback_months) == (5.0, None)
    totals = investment([goal(key=True, cost={"amount": 10})], None)
    assert (totals.ask, totals.expected_value, totals.payback_months) == (10.0, 0.0, None)
    nothing = investment([goal(key=True, value={"amount": 10})], None)
    assert (nothing.ask, nothing.payback_months) == (0.0, None)


def test_extreme_amounts_stay_finite() -> None:
    tiny = goal(key=True, cost={"amount": 1e15}, value={"amount": 1e-300}, confidence=1e-300)
    money = investment([tiny], "EUR")
    assert money.payback_months is None  # beyond a float: no figure rather than inf
    assert money.goals[0].payback_months is None
    many = investment(
        [goal(id=f"g{i}", key=True, cost={"amount": 1e15}) for i in range(1000)], "EUR"
    )
    assert many.ask == 1e18
