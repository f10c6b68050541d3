"""Confidence in a demand: every w * s counts w * s * confidence. With confidence 1
everywhere the figures are the v2 figures to the last bit; what is said about uncertain
demand holds for every combination of confidences."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstrat.model.config import StrengthWeights
from bpstrat.model.entities import Consumer, Decision, Dimension
from bpstrat.score.dimension import score_dimension
from bpstrat.score.ranking import top
from bpstrat.score.results import DimensionScore
from bpstrat.score.sentences import contribution_text, uncertainty_sentence
from bpstrat.score.strategy_score import score
from tests.helpers import fast_and_full

TODAY = dt.date(2026, 6, 1)
OPTIONS = ["x", "y", "z"]
STRENGTH = {"must": 3.0, "should": 2.0, "could": 1.0}
CONFIDENCES = [0.1, 0.25, 0.5, 0.8, 0.9, 1.0]


def consumer(cid: str, importance: int, side: str, demands: list[dict[str, Any]]) -> Consumer:
    return Consumer.model_validate(
        {
            "kind": "consumer",
            "id": cid,
            "name": cid.upper(),
            "importance": importance,
            "side": side,
            "demands": demands,
        }
    )


def dimension(choose: int = 1, costs: tuple[int, ...] = (3, 3, 3)) -> Dimension:
    return Dimension.model_validate(
        {
            "kind": "dimension",
            "id": "d",
            "name": "D",
            "choose": choose,
            "options": [{"id": o, "cost": c} for o, c in zip(OPTIONS, costs, strict=True)],
        }
    )


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[dict[str, Any]], Dimension, list[Decision]]:
    """Consumers as raw data (to write with and without confidences), a dimension and an
    optional decision with an accommodation."""
    raw = []
    for cid in ("a", "b", "c", "e"):
        demands = [
            {
                "dimension": "d",
                "option": o,
                "strength": draw(st.sampled_from(sorted(STRENGTH))),
                "confidence": draw(st.sampled_from(CONFIDENCES)),
            }
            for o in draw(st.lists(st.sampled_from(OPTIONS), unique=True, max_size=3))
        ]
        raw.append(
            {
                "id": cid,
                "importance": draw(st.integers(1, 5)),
                "side": draw(st.sampled_from(["client", "supply"])),
                "demands": demands,
            }
        )
    choose = draw(st.integers(1, 2))
    costs = tuple(draw(st.lists(st.integers(1, 5), min_size=3, max_size=3)))
    decisions = []
    if draw(st.booleans()):
        decisions.append(
            Decision.model_validate(
                {
                    "kind": "decision",
                    "id": "d-1",
                    "dimension": "d",
                    "choice": [draw(st.sampled_from(OPTIONS))],
                    "status": "accepted",
                    "date": "2025-06-01",
                    "accommodations": [{"consumer": "a", "option": "y", "via": "adapter"}],
                }
            )
        )
    return raw, dimension(choose, costs), decisions


def build(raw: list[dict[str, Any]], confidence: str) -> list[Consumer]:
    """`drawn`: the drawn confidences; `one`: confidence 1 written; `none`: not written."""
    out = []
    for item in raw:
        demands = []
        for d in item["demands"]:
            written = dict(d)
            if confidence == "one":
                written["confidence"] = 1
            elif confidence == "none":
                del written["confidence"]
            demands.append(written)
        out.append(consumer(item["id"], item["importance"], item["side"], demands))
    return out


def v2_support(consumers: list[Consumer]) -> dict[str, float]:
    """The v2 formula written out: support = sum of importance x strength weight."""
    support = dict.fromkeys(OPTIONS, 0.0)
    for c in consumers:
        for d in c.demands:
            support[d.option] += c.importance * STRENGTH[d.strength]
    return support


@pytest.mark.parametrize("examples", fast_and_full(300))
def test_confidence_one_everywhere_gives_the_v2_figures(examples: int) -> None:
    @settings(max_examples=examples, deadline=None)
    @given(cases())
    def check(case: tuple[list[dict[str, Any]], Dimension, list[Decision]]) -> None:
        raw, dim, decisions = case
        one, none = build(raw, "one"), build(raw, "none")
        sides = ["client", "supply"]
        with_one = score(one, [dim], decisions, [], sides, today=TODAY)
        without = score(none, [dim], decisions, [], sides, today=TODAY)
        assert with_one == without  # every figure, to the last bit
        (scored,) = without.dimensions
        assert {o.id: o.support for o in scored.options} == v2_support(none)
        assert scored.uncertainty is None
        assert all(o.uncertain == 0 for o in scored.options)

    check()


@pytest.mark.parametrize("examples", fast_and_full(300))
def test_every_support_figure_counts_the_confidence(examples: int) -> None:
    @settings(max_examples=examples, deadline=None)
    @given(cases())
    def check(case: tuple[list[dict[str, Any]], Dimension, list[Decision]]) -> None:
        raw, dim, decisions = case
        consumers = build(raw, "drawn")
        result = score(consumers, [dim], decisions, [], ["client", "supply"], today=TODAY)
        (scored,) = result.dimensions
        expected = dict.fromkeys(OPTIONS, 0.0)
        demanded = {"client": 0.0, "supply": 0.0}
        for c in consumers:
            for d in c.demands:
                amount = c.importance * STRENGTH[d.strength] * d.confidence
                expected[d.option] += amount
                demanded[c.side or ""] += amount
        assert {o.id: o.support for o in scored.options} == pytest.approx(expected)
        assert scored.total == pytest.approx(sum(expected.values()))
        for side in result.sides:
            assert side.demanded == pytest.approx(demanded[side.id])
        if not decisions:  # the chosen set is the top by confidence-weighted support
            assert set(scored.chosen) == set(top(dim, expected))

    check()


def chosen_at(dim: Dimension, consumers: list[Consumer], confidences: dict[int, float]) -> set[str]:
    """The chosen set with the uncertain demands (numbered in order) at `confidences`."""
    changed = []
    n = 0
    for c in consumers:
        demands = []
        for d in c.demands:
            if d.confidence < 1:
                d = d.model_copy(update={"confidence": confidences[n]})
                n += 1
            demands.append(d)
        changed.append(c.model_copy(update={"demands": demands}))
    return set(score_dimension(dim, changed).chosen)


@pytest.mark.parametrize("examples", fast_and_full(200))
def test_a_choice_uncertain_demand_cannot_overturn_survives_every_confidence(
    examples: int,
) -> None:
    grid = [1e-6, 0.5, 1.0]

    @settings(max_examples=examples, deadline=None)
    @given(cases(), st.data())
    def check(
        case: tuple[list[dict[str, Any]], Dimension, list[Decision]], data: st.DataObject
    ) -> None:
        raw, dim, _ = case
        consumers = build(raw, "drawn")
        result = score_dimension(dim, consumers)
        uncertain = sum(d.confidence < 1 for c in consumers for d in c.demands)
        if result.uncertainty is None:
            assert uncertain == 0
            return
        if uncertain <= 3:  # every corner and midpoint
            trials = list(itertools.product(grid, repeat=uncertain))
        elif uncertain == 4:  # every corner: support is linear in each confidence
            trials = list(itertools.product([grid[0], grid[-1]], repeat=uncertain))
        else:  # a sample of them
            values = st.lists(st.sampled_from(grid), min_size=uncertain, max_size=uncertain)
            trials = [data.draw(values) for _ in range(8)]
        outcomes = [chosen_at(dim, consumers, dict(enumerate(t))) for t in trials]
        if result.uncertainty.overturn is None:
            assert all(chosen == set(result.chosen) for chosen in outcomes)
        else:
            o = result.uncertainty.overturn
            assert set(o.chosen) != set(result.chosen)
            assert set(o.lost) == set(result.chosen) - set(o.chosen)
            assert set(o.gained) == set(o.chosen) - set(result.chosen)
            assert o.doubtful or o.hoped

    check()


def scored(*consumers: Consumer, decided: bool = False) -> DimensionScore:
    decisions = []
    if decided:
        decisions.append(
            Decision.model_validate(
                {
                    "kind": "decision",
                    "id": "d-1",
                    "dimension": "d",
                    "choice": ["x"],
                    "status": "accepted",
                    "date": "2025-06-01",
                }
            )
        )
    return score_dimension(dimension(), list(consumers), decisions, StrengthWeights())


def demand(option: str, strength: str, confidence: float = 1.0) -> dict[str, Any]:
    return {"dimension": "d", "option": option, "strength": strength, "confidence": confidence}


NAMES = {"a": "Checkout", "b": "Billing", "c": "Search"}


def test_the_sentence_names_what_rests_on_uncertain_demand() -> None:
    result = scored(
        consumer("a", 5, "client", [demand("x", "must")]),
        consumer("c", 3, "client", [demand("y", "must", 0.8)]),
        consumer("b", 2, "supply", [demand("y", "should")]),
    )
    # y: 3 x 3 x 0.8 + 2 x 2 = 11.2 of which 7.2 uncertain; x: 15; total 26.2
    assert result.chosen == ("x",)
    assert result.uncertainty is not None and result.uncertainty.overturn is None
    assert uncertainty_sentence(result, NAMES) == (
        "Uncertain demand: 27% of the weighted demand here comes from demands we are not "
        "sure of; however they turn out, the choice stands."
    )
    (y,) = [o for o in result.options if o.id == "y"]
    assert [contribution_text(c, NAMES) for c in y.contributions] == [
        "Search must 7.2 (80% sure)",
        "Billing should 4",
    ]


def test_the_sentence_says_how_uncertain_demand_could_overturn_the_choice() -> None:
    result = scored(
        consumer("a", 5, "client", [demand("x", "must", 0.6)]),
        consumer("b", 4, "supply", [demand("y", "must", 0.5), demand("x", "could")]),
        consumer("c", 2, "client", [demand("y", "could", 0.5)]),
    )
    # x: 9 + 4 = 13 (9 uncertain); y: 6 + 1 = 7; uncertain 16 of 20; worst case x 4,
    # y 12 + 2 = 14
    assert result.chosen == ("x",)
    assert uncertainty_sentence(result, NAMES) == (
        "Uncertain demand: 80% of the weighted demand here comes from demands we are not "
        "sure of; x (69% of its support) rests mostly on it; if the uncertain demands for x "
        "(Checkout) are not real and those for y (Billing and Search) are, y would win "
        "instead of x."
    )


def test_a_decision_is_not_overturned_but_can_rest_on_uncertain_demand() -> None:
    result = scored(
        consumer("a", 5, "client", [demand("x", "must", 0.3)]),
        consumer("b", 4, "supply", [demand("y", "must")]),
        decided=True,
    )
    assert result.uncertainty is not None and result.uncertainty.overturn is None
    assert result.uncertainty.resting == ("x",)
    assert uncertainty_sentence(result, NAMES) == (
        "Uncertain demand: 27% of the weighted demand here comes from demands we are not "
        "sure of; x (100% of its support) rests mostly on it."
    )
    sure = scored(consumer("a", 5, "client", [demand("x", "must")]))
    assert sure.uncertainty is None and uncertainty_sentence(sure, NAMES) is None
