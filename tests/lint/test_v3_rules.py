"""The v3 fields and rules BP425-BP427: exact findings (code, path, line, column, entity)
through the JSON report, boundaries, and one finding per mistake."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from bpstrat.cli.lint import run_lint
from tests.v3_strategy import BUY_IN, CONFIG, FILES, TODAY, write

Found = tuple[str, str, int, int, str | None]


def lint_json(base: Path, today: dt.date = TODAY) -> tuple[int, dict[str, Any]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = run_lint(base, format="json", fail_on="warning", today=today)
    return code, json.loads(out.getvalue())


def found(base: Path, today: dt.date = TODAY) -> list[Found]:
    _, data = lint_json(base, today)
    return [(f["code"], f["path"], f["line"], f["column"], f["entity"]) for f in data["findings"]]


def test_contract_strategy_lints_clean(tmp_path: Path) -> None:
    code, data = lint_json(write(tmp_path))
    assert (code, data["findings"]) == (0, [])


GOALS = """\
kind: goal
id: partner-rates
title: Partner rates are live within one hour
key: true
problems: [stale-prices]
cost: {amount: 420000}
value: {amount: 250000}
confidence: 0.4
---
kind: goal
id: ledger
title: Price ledger
key: true
problems: [stale-prices]
cost: {amount: 100000}
value: {amount: 0}
---
kind: goal
id: one-client
title: One price client
key: true
problems: [stale-prices]
value: {amount: 120000}
---
kind: goal
id: audit
title: Audit trail
problems: [stale-prices]
cost: {amount: 50000}
"""


def test_contract_findings_and_positions(tmp_path: Path) -> None:
    config = BUY_IN + "lint: {max_key_goals: 5}\n"
    people = str(FILES["people.yaml"]).replace("due: 2026-12-15", "due: 2026-11-19")
    base = write(tmp_path, config=config, **{"goals.yaml": GOALS, "people.yaml": people})
    assert [f for f in found(base) if f[0] >= "BP425"] == [
        ("BP426", "goals.yaml", 6, 1, "goal:partner-rates"),  # 12 x 420000 / 100000 = 50.4
        ("BP426", "goals.yaml", 15, 1, "goal:ledger"),  # value 0: never pays back
        ("BP425", "goals.yaml", 21, 1, "goal:one-client"),  # buy-in, key goal, no cost
        ("BP427", "people.yaml", 10, 3, "stakeholder:irene-kowalski"),
    ]


def test_buy_in_asks_every_key_goal_for_a_cost(tmp_path: Path) -> None:
    goal = str(FILES["goal.yaml"]).split("cost:")[0]
    assert found(write(tmp_path / "a", config=BUY_IN, **{"goal.yaml": goal})) == [
        ("BP425", "goal.yaml", 4, 1, "goal:fresh-prices")
    ]
    assert found(write(tmp_path / "b", config=BUY_IN)) == []
    suggestion = goal.replace("key: true", "key: false")
    codes = {f[0] for f in found(write(tmp_path / "c", config=BUY_IN, **{"goal.yaml": suggestion}))}
    assert "BP425" not in codes
    assert found(write(tmp_path / "d", **{"goal.yaml": goal})) == []  # not in buy-in


@pytest.mark.parametrize(
    ("limit", "fires"),
    [("5.333", True), ("5.334", False), ("36", False), ("5", True)],
)
def test_payback_limit_is_inclusive(tmp_path: Path, limit: str, fires: bool) -> None:
    # fresh-prices pays back in 12 x 240000 / 540000 = 5.3333 months
    base = write(tmp_path, config=CONFIG + f"lint: {{max_payback_months: {limit}}}\n")
    assert [f[0] for f in found(base)] == (["BP426"] if fires else [])


def test_payback_exactly_at_the_limit_passes(tmp_path: Path) -> None:
    goal = str(FILES["goal.yaml"]).replace("amount: 240000", "amount: 1620000")
    # 12 x 1620000 / 540000 = 36 months exactly
    assert found(write(tmp_path, **{"goal.yaml": goal})) == []
    over = goal.replace("amount: 1620000", "amount: 1620001")
    assert [f[0] for f in found(write(tmp_path / "over", **{"goal.yaml": over}))] == ["BP426"]


def test_next_step_due_today_is_not_overdue(tmp_path: Path) -> None:
    base = write(tmp_path)
    assert found(base, dt.date(2026, 12, 15)) == []
    assert found(base, dt.date(2026, 12, 16)) == [
        ("BP427", "people.yaml", 10, 3, "stakeholder:irene-kowalski")
    ]


BAD_VALUES = [
    ("bpstrat.yaml", "  currency: EUR ", "  currency: eur ", (8, 3)),
    ("bpstrat.yaml", "  currency: EUR ", "  currency: EURO ", (8, 3)),
    ("bpstrat.yaml", "  currency: EUR ", "  currency: 978 ", (8, 3)),
    ("goal.yaml", "  amount: 240000 ", "  amount: 0 ", (18, 3)),
    ("goal.yaml", "  amount: 240000 ", "  amount: -5 ", (18, 3)),
    ("goal.yaml", "  amount: 240000 ", "  amount: .nan ", (18, 3)),
    ("goal.yaml", "  amount: 240000 ", '  amount: "240000" ', (18, 3)),
    ("goal.yaml", "  amount: 240000 ", "  amount: 1e16 ", (18, 3)),
    ("goal.yaml", "  amount: 900000 ", "  amount: -1 ", (21, 3)),
    ("goal.yaml", "  amount: 900000 ", "  amount: .inf ", (21, 3)),
    ("goal.yaml", "confidence: 0.6 ", "confidence: 0 ", (23, 1)),
    ("goal.yaml", "confidence: 0.6 ", "confidence: 1.5 ", (23, 1)),
    ("goal.yaml", "confidence: 0.6 ", "confidence: .nan ", (23, 1)),
    ("goal.yaml", "confidence: 0.6 ", "confidence: yes ", (23, 1)),
    ("consumers.yaml", "confidence: 0.5,", "confidence: 0,", (15, 75)),
    ("consumers.yaml", "confidence: 0.5,", "confidence: 1.01,", (15, 75)),
    ("consumers.yaml", "confidence: 0.5,", "confidence: -0.5,", (15, 75)),
]


@pytest.mark.parametrize(("file", "old", "new", "at"), BAD_VALUES)
def test_a_bad_value_is_one_bp202_and_nothing_else(
    tmp_path: Path, file: str, old: str, new: str, at: tuple[int, int]
) -> None:
    # one mistake, one finding: an invalid cost is not also a goal without a cost (BP425)
    # or one that does not pay back (BP426); an invalid value or confidence not BP426
    config = BUY_IN
    files = {k: str(v) for k, v in FILES.items()}
    if file == "bpstrat.yaml":
        assert old in config
        config = config.replace(old, new)
    else:
        assert old in files[file], (old, file)
        files[file] = files[file].replace(old, new)
    findings = found(write(tmp_path, config=config, **files))
    assert [(f[0], f[1], f[2], f[3]) for f in findings] == [("BP202", file, *at)]


def test_messages_say_how_to_fix(tmp_path: Path) -> None:
    config = BUY_IN.replace("currency: EUR ", "currency: eur ")
    goal = str(FILES["goal.yaml"]).replace("amount: 240000", "amount: 0")
    _, data = lint_json(write(tmp_path, config=config, **{"goal.yaml": goal}))
    messages = [f["message"] for f in data["findings"]]
    assert messages == [
        "`product.currency`: 'eur' is not an ISO 4217 currency code: write its three capital "
        "letters (e.g. 'EUR')",
        "`cost.amount` must be greater than 0 (got 0)",
    ]


def test_payback_message_names_the_figures(tmp_path: Path) -> None:
    config = CONFIG + "lint: {max_payback_months: 5}\n"
    _, data = lint_json(write(tmp_path, config=config))
    (finding,) = data["findings"]
    assert finding["message"] == (
        "key goal 'Prices at checkout are never older than 60 seconds' pays back in 5.3 months "
        "(EUR 240,000 against EUR 540,000 a year expected: value EUR 900,000 at confidence "
        "0.6), more than `lint.max_payback_months` (5); cut the cost, make the value surer, "
        "or make it a suggestion until its case is made"
    )


def test_bad_payback_limit_is_one_finding_and_the_default_applies(tmp_path: Path) -> None:
    goal = str(FILES["goal.yaml"]).replace("amount: 240000", "amount: 1700000")  # 37.8 months
    config = CONFIG + "lint: {max_payback_months: 0}\n"
    findings = found(write(tmp_path, config=config, **{"goal.yaml": goal}))
    assert [(f[0], f[1], f[2]) for f in findings] == [
        ("BP202", "bpstrat.yaml", 7),
        ("BP426", "goal.yaml", 17),
    ]
