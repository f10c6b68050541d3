"""The v2 rules BP417-BP424: positions through the JSON report, and exact boundaries."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

from bpstrat.cli.lint import run_lint
from tests.helpers import run_all, where
from tests.v2_strategy import CONFIG, FILES, TODAY, write


def lint_json(base: Path, today: dt.date = TODAY) -> tuple[int, dict[str, Any]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = run_lint(base, format="json", fail_on="warning", today=today)
    return code, json.loads(out.getvalue())


def found(base: Path, today: dt.date = TODAY) -> list[tuple[str, str, int, int]]:
    _, data = lint_json(base, today)
    return [(f["code"], f["path"], f["line"], f["column"]) for f in data["findings"]]


def test_contract_strategy_lints_clean(tmp_path: Path) -> None:
    code, data = lint_json(write(tmp_path))
    assert (code, data["findings"]) == (0, [])


BROKEN = {
    "people.yaml": FILES["people.yaml"].replace(
        "power: 3\ninterest: 4\n",
        "power: 4\ninterest: 4\nconsumers: [checkout, billing, billing]\n",
    ),
    "consumers.yaml": FILES["consumers.yaml"]
    .replace("Event driven, reviewed: 2026-10-01", "Event driven, reviewed: 2026-08-21")
    .replace("Steady, reviewed: 2026-10-01", "Steady, reviewed: 2026-08-22"),
    "decisions.yaml": FILES["decisions.yaml"]
    .replace("status: superseded", "status: accepted")
    .replace("revisit: 2027-06-30", "revisit: 2026-11-19")
    .replace("until: 2027-12-31", "until: 2026-11-19"),
    "goal.yaml": FILES["goal.yaml"].replace("value: 420", "value: 880")
    + """\
---
kind: goal
id: late-goal
title: A goal that is late
problems: [stale-prices]
metric: {name: m, baseline: 900, target: 60, by: 2026-10-31,
         measurements: [{date: 2026-10-01, value: 500}]}
---
kind: goal
id: quiet-goal
title: A goal nobody measures
key: true
problems: [slow-search]
metric:
  name: m
  baseline: 0
  target: 100
  since: 2026-01-01
  by: 2027-12-31
  measurements: [{date: 2026-08-21, value: 40}]
""",
    "problem.yaml": FILES["problem.yaml"]
    + """\
---
kind: problem
id: slow-search
title: Search is slow
value_chain: serch
""",
}


def test_contract_findings_and_positions(tmp_path: Path) -> None:
    base = write(tmp_path, config=CONFIG + "  phase: problem\n", **BROKEN)
    code, data = lint_json(base)
    assert code == 1
    by_code = {f["code"]: f for f in data["findings"]}
    assert [(f["code"], f["path"], f["line"], f["column"]) for f in data["findings"]] == [
        ("BP421", "consumers.yaml", 5, 35),  # checkout's strategy.reviewed: 91 days
        ("BP424", "decisions.yaml", 5, 1),  # the superseded decision's status
        ("BP422", "decisions.yaml", 17, 1),  # revisit passed
        ("BP422", "decisions.yaml", 22, 5),  # the accommodation's until passed
        ("BP417", "goal.yaml", 6, 1),  # fresh-prices off track, at `metric`
        ("BP419", "goal.yaml", 22, 1),  # late-goal overdue, at `metric`
        ("BP423", "goal.yaml", 28, 1),  # quiet-goal's problem has no evidence, at `key`
        ("BP418", "goal.yaml", 30, 1),  # quiet-goal: last measured 91 days ago, at `metric`
        ("BP420", "people.yaml", 16, 23),  # raj-patel speaks for billing (once)
        ("BP302", "problem.yaml", 10, 1),  # value_chain step not in product.value_chain
    ]
    assert all(f["severity"] == "warning" for f in data["findings"] if f["code"] > "BP400")
    assert "did you mean 'search'" in by_code["BP302"]["message"]
    assert by_code["BP420"]["entity"] == "stakeholder:raj-patel"
    assert "Raj Patel (power 4) speaks for Billing" in by_code["BP420"]["message"]


def test_bp420_not_for_weaker_stakeholders_or_served_consumers(tmp_path: Path) -> None:
    people = FILES["people.yaml"].replace(
        "power: 3\ninterest: 4\n", "power: 3\ninterest: 4\nconsumers: [billing]\n"
    )
    assert where(run_all(write(tmp_path / "a", **{"people.yaml": people})), "BP420") == []
    strong = BROKEN["people.yaml"]
    # accommodation active: billing is accommodated, no finding
    assert where(run_all(write(tmp_path / "b", **{"people.yaml": strong})), "BP420") == []


def goal_with(measured: dt.date, value: float, **metric: str) -> dict[str, str]:
    extra = "".join(f"  {k}: {v}\n" for k, v in metric.items())
    return {
        "goal.yaml": f"""\
kind: goal
id: fresh-prices
title: Fresh prices
key: true
problems: [stale-prices]
metric:
  name: m
  baseline: 0
  target: 100
{extra}  measurements: [{{date: {measured}, value: {value}}}]
"""
    }


def test_on_track_boundary_is_exactly_expected_minus_tolerance(tmp_path: Path) -> None:
    # since 2026-01-01, by 2026-12-31 (364 days); measured day 182: expected exactly 0.5
    metric = {"since": "2026-01-01", "by": "2026-12-31"}
    on_line = write(tmp_path / "a", **goal_with(dt.date(2026, 7, 2), 40, **metric))
    assert where(run_all(on_line), "BP417") == []
    below = write(tmp_path / "b", **goal_with(dt.date(2026, 7, 2), 39.9, **metric))
    assert where(run_all(below), "BP417") == [("BP417", "goal.yaml", 6, 1)]
    loose = CONFIG + "lint: {track_tolerance: 0.2}\n"
    tolerant = write(tmp_path / "c", config=loose, **goal_with(dt.date(2026, 7, 2), 30, **metric))
    assert where(run_all(tolerant), "BP417") == []


def test_measurement_goes_stale_one_day_after_the_limit(tmp_path: Path) -> None:
    base = write(
        tmp_path, **goal_with(dt.date(2026, 8, 22), 60, since="2026-01-01", by="2027-12-31")
    )
    assert where(run_all(base, dt.date(2026, 11, 20)), "BP418") == []  # exactly 90 days
    assert where(run_all(base, dt.date(2026, 11, 21)), "BP418") == [("BP418", "goal.yaml", 6, 1)]


def test_consumer_strategy_goes_stale_one_day_after_the_limit(tmp_path: Path) -> None:
    base = write(tmp_path)  # reviewed 2026-10-01
    assert where(run_all(base, dt.date(2026, 12, 30)), "BP421") == []
    assert len(where(run_all(base, dt.date(2026, 12, 31)), "BP421")) == 2


def test_until_today_is_still_active(tmp_path: Path) -> None:
    base = write(tmp_path)  # until 2027-12-31, revisit 2027-06-30
    on_day = run_all(base, dt.date(2027, 12, 31))
    assert ("BP422", "decisions.yaml", 22, 5) not in where(on_day, "BP422")
    next_day = run_all(base, dt.date(2028, 1, 1))
    assert ("BP422", "decisions.yaml", 22, 5) in where(next_day, "BP422")
    assert ("BP422", "decisions.yaml", 17, 1) not in where(
        run_all(base, dt.date(2027, 6, 30)), "BP422"
    )
    assert ("BP422", "decisions.yaml", 17, 1) in where(run_all(base, dt.date(2027, 7, 1)), "BP422")


def test_overdue_only_after_by_and_not_when_achieved(tmp_path: Path) -> None:
    on_by = write(tmp_path / "a", **goal_with(dt.date(2026, 11, 1), 50, by="2026-11-20"))
    assert where(run_all(on_by), "BP419") == []
    after = write(tmp_path / "b", **goal_with(dt.date(2026, 11, 1), 50, by="2026-11-19"))
    assert where(run_all(after), "BP419") == [("BP419", "goal.yaml", 6, 1)]
    achieved = write(tmp_path / "c", **goal_with(dt.date(2026, 11, 1), 100, by="2026-11-19"))
    assert where(run_all(achieved), "BP419") == []


def test_bp423_only_in_phase_problem(tmp_path: Path) -> None:
    problem = FILES["problem.yaml"].replace(
        "evidence: [2.1% of bookings fail on price change]\n", ""
    )
    in_phase = write(
        tmp_path / "a", config=CONFIG + "  phase: problem\n", **{"problem.yaml": problem}
    )
    assert where(run_all(in_phase), "BP423") == [("BP423", "goal.yaml", 4, 1)]
    other = write(tmp_path / "b", config=CONFIG + "  phase: minimum\n", **{"problem.yaml": problem})
    assert where(run_all(other), "BP423") == []
