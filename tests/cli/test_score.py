"""`bpstrat score`: focus, what-if, scoring settings, left-out entities and bad input.

The formats themselves are in tests/report/test_score_reports.py."""

from __future__ import annotations

import json

import pytest

from bpstrat.brief.render import render_brief
from bpstrat.cli.score import run_score
from bpstrat.errors import UsageError
from tests.helpers import EXAMPLES, TODAY, Writer, score_out

PRICING = EXAMPLES / "pricing-platform"


def test_dimension_focus_and_what_if() -> None:
    data = json.loads(score_out(PRICING, dimension="price-delivery", what_if=["hotel-connector=2"]))
    assert [d["id"] for d in data["dimensions"]] == ["price-delivery"]
    assert data["dimensions"][0]["chosen"] == ["sync-api", "bulk-file"]
    assert data["what_if"]["changes"] == [
        {
            "dimension": "price-delivery",
            "before": ["sync-api", "price-events"],
            "after": ["sync-api", "bulk-file"],
        }
    ]
    text = score_out(PRICING, "text", what_if=["hotel-connector=2"])
    assert "price-delivery: sync-api, price-events -> sync-api, bulk-file" in text


@pytest.mark.parametrize(
    ("what_if", "dimension", "words"),
    [
        (["hotel=2"], None, "did you mean 'hotel-connector'"),
        (["hotel-connector"], None, "CONSUMER=FACTOR"),
        (["hotel-connector=-1"], None, "above 0"),
        (["hotel-connector=abc"], None, "above 0"),
        ([], "interfac", "did you mean 'interface'"),
    ],
)
def test_bad_options(what_if: list[str], dimension: str | None, words: str) -> None:
    with pytest.raises(UsageError, match=words):
        score_out(PRICING, what_if=what_if, dimension=dimension)


def test_invalid_scoring_config_is_a_usage_error_with_position(root: Writer) -> None:
    base = root({}, config="product: {id: d, name: D}\nscoring:\n  strength: {must: high}\n")
    with pytest.raises(UsageError, match=r"bpstrat.yaml:3:14: `scoring.strength.must`"):
        score_out(base)


def test_invalid_scoring_config_fails_the_brief_like_the_score(root: Writer) -> None:
    base = root({}, config="product: {id: d, name: D}\nscoring:\n  strength: {must: high}\n")
    with pytest.raises(UsageError, match=r"bpstrat.yaml:3:14: `scoring.strength.must`"):
        render_brief(base, None, TODAY)
    with pytest.raises(UsageError, match=r"invalid scoring settings"):
        render_brief(base, None, TODAY, recipient="stakeholder:ana")


def test_custom_strengths_change_the_choice(root: Writer) -> None:
    files = {
        "d.yaml": "kind: dimension\nid: d\nname: D\noptions: [{id: a}, {id: b}]\n",
        "x.yaml": "kind: consumer\nid: x\nname: X\nimportance: 1\n"
        "demands: [{dimension: d, option: a, strength: must}]\n",
        "y.yaml": "kind: consumer\nid: y\nname: Y\nimportance: 1\n"
        "demands: [{dimension: d, option: b, strength: could}]\n",
    }
    assert json.loads(score_out(root(files)))["dimensions"][0]["chosen"] == ["a"]
    config = "product: {id: p, name: P}\nscoring:\n  strength: {must: 1, could: 2}\n"
    assert json.loads(score_out(root(files, config=config)))["dimensions"][0]["chosen"] == ["b"]


def test_broken_strategy_scores_what_it_can(
    root: Writer, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        "d.yaml": "kind: dimension\nid: d\nname: D\noptions: [{id: a}, {id: b}]\n",
        "x.yaml": "kind: consumer\nid: x\nname: X\nimportance: 1\n"
        "demands: [{dimension: d, option: a, strength: must},"
        " {dimension: d, option: zz, strength: must}]\n",
        "y.yaml": "kind: consumer\nid: y\nname: Y\nimportance: 9\n",
        "z.yaml": "kind: [\n",
    }
    base = root(files)
    data = json.loads(score_out(base))
    assert data["dimensions"][0]["total"] == 3.0
    assert data["left_out"] == [
        "consumer:y (y.yaml): left out, it is invalid",
        "consumer:x, 2nd demand (x.yaml): 'd' has no option 'zz'",
    ]
    run_score(base, format="text", dimension=None, what_if=[])
    assert "Left out of the score (2)" in capsys.readouterr().err


def test_empty_strategy_gives_an_empty_valid_result(root: Writer) -> None:
    data = json.loads(score_out(root({}, with_ana=False)))
    assert data["dimensions"] == [] and data["sides"] == []
    assert data["flywheel_imbalance"] is None
    assert data["coalition"]["share"] == 0.0
    assert "No dimensions to score yet" in score_out(root({}, with_ana=False), "text")
