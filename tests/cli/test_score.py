"""`bpstrat score`: formats, focus, what-if, left-out entities and bad input."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

import pytest

from bpstrat.cli.score import run_score
from bpstrat.errors import UsageError
from conftest import EXAMPLES, Writer

PRICING = EXAMPLES / "pricing-platform"


def score_out(path: Path, format: str = "json", dimension: str | None = None,
              what_if: list[str] | None = None) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run_score(path, format, dimension, what_if or []) == 0
    return out.getvalue()


def test_json_matches_the_contract_shape() -> None:
    data = json.loads(score_out(PRICING))
    assert data["version"] == 1
    interface, delivery = data["dimensions"]
    assert {k: interface[k] for k in ("id", "choose", "total", "decided", "chosen", "conflict",
                                      "intensity", "margin", "flip")} == {
        "id": "interface", "choose": 1, "total": 51.0, "decided": True, "chosen": ["rest-json"],
        "conflict": True, "intensity": 0.392, "margin": 0.275, "flip": None}
    assert [(o["id"], o["support"], o["share"]) for o in interface["options"]] == [
        ("rest-json", 31.0, 0.608), ("soap-xml", 17.0, 0.333), ("grpc", 3.0, 0.059)]
    assert delivery["chosen"] == ["sync-api", "price-events"] and not delivery["decided"]
    assert {k: delivery["flip"][k] for k in ("consumer", "factor")} == {
        "consumer": "hotel-connector", "factor": 1.25}
    assert data["sides"] == [
        {"id": "client", "demanded": 62.0, "served": 59.0, "served_ratio": 0.952},
        {"id": "supply", "demanded": 41.0, "served": 12.0, "served_ratio": 0.293}]
    assert data["flywheel_imbalance"] == 0.659
    assert {k: data["coalition"][k] for k in ("share", "threshold")} == {
        "share": 0.52, "threshold": 0.5}
    assert data["left_out"] == []


def test_text_format_explains_each_dimension() -> None:
    out = score_out(PRICING, "text")
    assert "Price delivery" in out and "✓" in out and "█" in out
    assert ("Synchronous price API and Price change events win with 77% of weighted demand; "
            "only if Hotel Connector's weight rose to 1.25x would Nightly bulk file win"
            in " ".join(out.split()))
    assert "Checkout Web must 15" in " ".join(out.split())
    assert "Coalition: 52% of power (13 of 25)" in out


def test_markdown_and_csv() -> None:
    md = score_out(PRICING, "markdown")
    assert "### Price delivery" in md and "| ✓ | Synchronous price API | 25 | 48% |" in md
    rows = list(csv.DictReader(io.StringIO(score_out(PRICING, "csv"))))
    assert len(rows) == 6
    assert rows[3]["dimension"] == "price-delivery" and rows[3]["flip_factor"] == "1.25"
    assert rows[0]["consumers"].startswith("checkout-web:must:15")


def test_dimension_focus_and_what_if() -> None:
    data = json.loads(score_out(PRICING, dimension="price-delivery",
                                what_if=["hotel-connector=2"]))
    assert [d["id"] for d in data["dimensions"]] == ["price-delivery"]
    assert data["dimensions"][0]["chosen"] == ["sync-api", "bulk-file"]
    assert data["what_if"]["changes"] == [{"dimension": "price-delivery",
                                          "before": ["sync-api", "price-events"],
                                          "after": ["sync-api", "bulk-file"]}]
    text = score_out(PRICING, "text", what_if=["hotel-connector=2"])
    assert "price-delivery: sync-api, price-events -> sync-api, bulk-file" in text


@pytest.mark.parametrize(("what_if", "dimension", "words"), [
    (["hotel=2"], None, "did you mean 'hotel-connector'"),
    (["hotel-connector"], None, "CONSUMER=FACTOR"),
    (["hotel-connector=-1"], None, "above 0"),
    (["hotel-connector=abc"], None, "above 0"),
    ([], "interfac", "did you mean 'interface'"),
])
def test_bad_options(what_if: list[str], dimension: str | None, words: str) -> None:
    with pytest.raises(UsageError, match=words):
        score_out(PRICING, what_if=what_if, dimension=dimension)


def test_invalid_scoring_config_is_a_usage_error_with_position(root: Writer) -> None:
    base = root({}, config="product: {id: d, name: D}\nscoring:\n  strength: {must: high}\n")
    with pytest.raises(UsageError, match=r"bpstrat.yaml:3:14: `scoring.strength.must`"):
        score_out(base)


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


def test_broken_strategy_scores_what_it_can(root: Writer, capsys: pytest.CaptureFixture[str]
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
        "consumer:x demands[1] (x.yaml): 'd' has no option 'zz'"]
    run_score(base, "text", None, [])
    assert "Left out of the score (2)" in capsys.readouterr().err


def test_empty_strategy_gives_an_empty_valid_result(root: Writer) -> None:
    data = json.loads(score_out(root({}, with_ana=False)))
    assert data["dimensions"] == [] and data["sides"] == []
    assert data["flywheel_imbalance"] is None
    assert data["coalition"]["share"] == 0.0
    assert "No dimensions to score yet" in score_out(root({}, with_ana=False), "text")
