"""v2 scoring: accommodations, superseded decisions, factions and goal progress."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstrat.cli.score import run_score
from bpstrat.model.entities import Consumer, Decision, Dimension, Goal
from bpstrat.score.goals import score_goal
from bpstrat.score.strategy_score import score
from tests.v2_strategy import FILES, TODAY, write


def score_json(base: Path, capsys: pytest.CaptureFixture[str], today: dt.date = TODAY) -> dict:
    assert run_score(base, format="json", dimension=None, what_if=[], today=today) == 0
    return json.loads(capsys.readouterr().out)


def test_contract_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = score_json(write(tmp_path), capsys)
    (dim,) = data["dimensions"]
    assert dim["decided"] is True
    assert dim["decision"] == "integration-style-2027"
    assert dim["chosen"] == ["messaging"]
    assert dim["total"] == 27.0
    assert [(o["id"], o["support"], o["share"]) for o in dim["options"]] == [
        ("messaging", 15.0, 0.556),
        ("nightly-batch", 12.0, 0.444),
        ("rest-pull", 0.0, 0.0),
    ]
    # 1 - (15 + 0.5 * 12) / 27
    assert dim["intensity"] == 0.222
    assert dim["margin"] == 0.111
    assert dim["flip"] is None
    assert dim["accommodated"] == [
        {
            "consumer": "billing",
            "option": "nightly-batch",
            "via": "a nightly file generated from the event stream",
            "until": "2027-12-31",
            "fraction": 0.5,
        }
    ]
    assert dim["unserved"] == []
    assert data["coalition"]["factions"] == [{"id": "finance", "power": 8, "share": 0.625}]
    assert data["coalition"]["share"] == 0.7
    assert data["goals"] == [
        {
            "id": "fresh-prices",
            "key": True,
            "progress": 0.571,  # (420 - 900) / (60 - 900)
            "expected": 0.376,  # 137 days of 364
            "status": "on-track",
            "latest": {"date": "2026-11-15", "value": 420},
        }
    ]


def test_accommodation_ends_after_until(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = write(tmp_path)
    on_the_day = score_json(base, capsys, dt.date(2027, 12, 31))["dimensions"][0]
    assert on_the_day["intensity"] == 0.222
    assert len(on_the_day["accommodated"]) == 1
    after = score_json(base, capsys, dt.date(2028, 1, 1))["dimensions"][0]
    assert after["accommodated"] == []
    assert after["intensity"] == 0.444
    assert after["unserved"] == ["billing"]


def test_accommodation_setting_is_the_fraction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.v2_strategy import CONFIG

    base = write(tmp_path, config=CONFIG + "scoring: {accommodation: 0.25}\n")
    dim = score_json(base, capsys)["dimensions"][0]
    assert dim["accommodated"][0]["fraction"] == 0.25
    assert dim["intensity"] == round(1 - (15 + 0.25 * 12) / 27, 3)


def test_superseded_decision_never_decides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the superseded decision is newer and still says accepted: it still does not decide
    old = FILES["decisions.yaml"].replace(
        "status: superseded\ndate: 2026-01-10", "status: accepted\ndate: 2026-12-01"
    )
    dim = score_json(write(tmp_path, **{"decisions.yaml": old}), capsys)["dimensions"][0]
    assert dim["decision"] == "integration-style-2027"
    assert dim["chosen"] == ["messaging"]


def test_future_measurement_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    goal = FILES["goal.yaml"] + "    - {date: 2026-12-01, value: 60}\n"
    data = score_json(write(tmp_path, **{"goal.yaml": goal}), capsys)
    assert data["goals"][0]["latest"] == {"date": "2026-11-15", "value": 420}
    assert data["goals"][0]["status"] == "on-track"


def test_goal_without_measurements_is_no_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    goal = FILES["goal.yaml"].split("  since:")[0]
    data = score_json(write(tmp_path, **{"goal.yaml": goal}), capsys)
    assert data["goals"] == [
        {
            "id": "fresh-prices",
            "key": True,
            "progress": None,
            "expected": None,
            "status": "no-data",
            "latest": None,
        }
    ]


def test_text_markdown_csv_show_v2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = write(tmp_path)
    run_score(base, format="text", dimension=None, what_if=[], today=TODAY)
    text = capsys.readouterr().out
    assert "Accommodated: Billing (nightly-batch): a nightly file generated" in text
    assert "finance: 62% of power (5 of 8)" in text
    assert "fresh-prices (key): on-track: progress 57%, expected 38%" in text
    run_score(base, format="markdown", dimension=None, what_if=[], today=TODAY)
    markdown = capsys.readouterr().out
    assert "| finance | 8 | 62% |" in markdown
    assert "| fresh-prices | yes | on-track | 57% | 38% | 420 on 2026-11-15 |" in markdown
    run_score(base, format="csv", dimension=None, what_if=[], today=TODAY)
    lines = capsys.readouterr().out.splitlines()
    # the v1 and v2 columns stay first, in their order; later versions only add columns
    assert lines[0].startswith("dimension,option,name,support,share,chosen,decided,conflict,")
    assert ",consumers,accommodated," in lines[0]
    rows = list(csv.DictReader(lines))
    assert (rows[1]["dimension"], rows[1]["option"]) == ("integration-style", "nightly-batch")
    assert rows[1]["accommodated"] == "billing:0.5"


def metric_goal(baseline: float, target: float, values: list[tuple[int, float]]) -> Goal:
    start = dt.date(2026, 1, 1)
    return Goal.model_validate(
        {
            "kind": "goal",
            "id": "g",
            "title": "G",
            "key": True,
            "metric": {
                "name": "m",
                "baseline": baseline,
                "target": target,
                "by": dt.date(2027, 1, 1),
                "measurements": [
                    {"date": start + dt.timedelta(days=d), "value": v} for d, v in values
                ],
            },
        }
    )


NUMBER = st.integers(-10_000, 10_000).map(float)


@settings(max_examples=40, deadline=None)
@given(
    baseline=NUMBER,
    target=NUMBER,
    values=st.lists(st.tuples(st.integers(0, 500), NUMBER), max_size=4),
    today=st.integers(0, 600),
)
def test_progress_invariant_when_direction_is_swapped(
    baseline: float, target: float, values: list[tuple[int, float]], today: int
) -> None:
    if baseline == target:
        return
    when = dt.date(2026, 1, 1) + dt.timedelta(days=today)
    up = score_goal(metric_goal(baseline, target, values), when)
    down = score_goal(metric_goal(-baseline, -target, [(d, -v) for d, v in values]), when)
    assert up is not None and down is not None
    assert up.progress == down.progress
    assert up.expected == down.expected
    assert up.status == down.status
    if up.expected is not None:
        assert 0 <= up.expected <= 1


CONSUMER_IDS = ["a", "b", "c"]
OPTIONS = ["x", "y", "z"]


@st.composite
def strategies(draw: st.DrawFn) -> tuple[list[Consumer], Dimension, list[Decision]]:
    consumers = []
    for cid in CONSUMER_IDS:
        demands = [
            {
                "dimension": "d",
                "option": o,
                "strength": draw(st.sampled_from(["must", "should", "could"])),
            }
            for o in draw(st.lists(st.sampled_from(OPTIONS), unique=True, max_size=3))
        ]
        consumers.append(
            Consumer.model_validate(
                {
                    "kind": "consumer",
                    "id": cid,
                    "name": cid.upper(),
                    "importance": draw(st.integers(1, 5)),
                    "side": draw(st.sampled_from(["client", "supply"])),
                    "demands": demands,
                }
            )
        )
    dimension = Dimension.model_validate(
        {"kind": "dimension", "id": "d", "name": "D", "options": [{"id": o} for o in OPTIONS]}
    )
    decisions = []
    if draw(st.booleans()):
        accommodations = [
            {
                "consumer": c,
                "option": o,
                "via": "adapter",
                "until": draw(st.sampled_from([None, "2026-01-01", "2027-01-01"])),
            }
            for c, o in draw(
                st.lists(
                    st.tuples(st.sampled_from(CONSUMER_IDS), st.sampled_from(OPTIONS)), max_size=4
                )
            )
        ]
        decisions.append(
            Decision.model_validate(
                {
                    "kind": "decision",
                    "id": "d-1",
                    "dimension": "d",
                    "choice": [draw(st.sampled_from(OPTIONS))],
                    "status": "accepted",
                    "date": "2025-06-01",
                    "accommodations": accommodations,
                }
            )
        )
    return consumers, dimension, decisions


@settings(max_examples=40, deadline=None)
@given(case=strategies())
def test_accommodation_zero_equals_v1_and_fractions_in_range(
    case: tuple[list[Consumer], Dimension, list[Decision]],
) -> None:
    consumers, dimension, decisions = case
    today = dt.date(2026, 6, 1)
    plain = [d.model_copy(update={"accommodations": []}) for d in decisions]
    v1 = score(consumers, [dimension], plain, [], [], today=today)
    zero = score(consumers, [dimension], decisions, [], [], today=today, accommodation=0)
    half = score(consumers, [dimension], decisions, [], [], today=today, accommodation=0.5)
    (d1,), (d0,) = v1.dimensions, zero.dimensions
    assert d0.intensity == d1.intensity
    assert d0.options == d1.options
    assert (d0.chosen, d0.margin, d0.flip, d0.unserved) == (
        d1.chosen,
        d1.margin,
        d1.flip,
        d1.unserved,
    )
    assert zero.sides == v1.sides
    assert zero.flywheel_imbalance == v1.flywheel_imbalance
    (dh,) = half.dimensions
    for consumer in consumers:
        for demand in consumer.demands:
            assert 0 <= dh.served_fraction(consumer.id, demand.option) <= 1
    assert 0 <= dh.intensity <= d1.intensity + 1e-12
    for side in half.sides:
        assert side.served_ratio is None or 0 <= side.served_ratio <= 1 + 1e-12


def test_huge_values_give_no_figure_rather_than_nan() -> None:
    # the model bounds numbers; the arithmetic still never returns a wrong figure
    goal = metric_goal(10, -10, [(10, 0.0)])
    assert goal.metric is not None
    huge = goal.metric.model_copy(update={"baseline": 1e308, "target": -1e308})
    assert score_goal(goal.model_copy(update={"metric": huge}), dt.date(2026, 6, 1)) is None
