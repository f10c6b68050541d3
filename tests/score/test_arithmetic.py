"""Scoring: the spec's formulas on hand-checked numbers, and properties over random inputs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstrat.model.config import StrengthWeights
from bpstrat.model.entities import Consumer, Decision, Dimension, Stakeholder
from bpstrat.score.coalition import coalition
from bpstrat.score.dimension import option_contributions as _contributions
from bpstrat.score.dimension import score_dimension
from bpstrat.score.ranking import top
from bpstrat.score.strategy_score import score
from tests.helpers import fast_and_full

STRENGTHS = StrengthWeights()


def chosen_with(
    dimension: Dimension,
    consumers: Sequence[Consumer],
    strengths: StrengthWeights,
    factors: Mapping[str, float],
) -> tuple[str, ...]:
    """The chosen set by support alone, with the given weight factors (brute force)."""
    contributions = _contributions(dimension, consumers, strengths, factors)
    return top(dimension, {o: sum(c.support for c in cs) for o, cs in contributions.items()})


def dim(n_options: int = 3, choose: int = 1, costs: list[int] | None = None) -> Dimension:
    costs = costs or [3] * n_options
    return Dimension.model_validate(
        {
            "kind": "dimension",
            "id": "d",
            "name": "D",
            "choose": choose,
            "options": [{"id": f"o{i}", "cost": costs[i]} for i in range(n_options)],
        }
    )


def cons(
    id_: str,
    importance: int,
    *demands: tuple[str, str] | tuple[str, str, float],
    side: str | None = None,
    dimension: str = "d",
) -> Consumer:
    """A consumer; a demand is (option, strength) or (option, strength, confidence)."""
    return Consumer.model_validate(
        {
            "kind": "consumer",
            "id": id_,
            "name": id_.upper(),
            "importance": importance,
            "side": side,
            "demands": [
                {"dimension": dimension, "option": d[0], "strength": d[1], "confidence": d[2]}
                if len(d) == 3
                else {"dimension": dimension, "option": d[0], "strength": d[1]}
                for d in demands
            ],
        }
    )


def decision(
    choice: list[str], date: str = "2026-01-01", status: str = "accepted", id_: str = "x"
) -> Decision:
    return Decision.model_validate(
        {
            "kind": "decision",
            "id": id_,
            "dimension": "d",
            "choice": choice,
            "status": status,
            "date": date,
        }
    )


def test_hand_checked_example() -> None:
    consumers = [
        cons("a", 5, ("o0", "must")),
        cons("b", 4, ("o1", "must")),
        cons("c", 2, ("o1", "could"), ("o2", "should")),
    ]
    result = score_dimension(dim(), consumers)
    # o0: 5*3 = 15; o1: 4*3 + 2*1 = 14; o2: 2*2 = 4; total 33
    assert [(o.id, o.support) for o in result.options] == [("o0", 15), ("o1", 14), ("o2", 4)]
    assert result.total == 33
    assert result.chosen == ("o0",) and result.conflict and not result.decided
    assert result.intensity == pytest.approx(18 / 33)
    assert result.margin == pytest.approx(1 / 33)
    # a's weight x 14/15 ties o0 with o1 at 14 (same cost: id o0 stays), just below flips:
    # max(14/15, 15/14) = 1.071 beats b's x 15/12 = 1.25.
    assert result.flip is not None and result.flip.consumer == "a"
    assert result.flip.exact == pytest.approx(14 / 15, rel=1e-5)
    assert result.flip.factor == 0.933
    assert result.flip.chosen == ("o1",)
    assert result.unserved == ("b", "c")


def test_ties_break_on_cost_then_id() -> None:
    consumers = [cons("a", 2, ("o0", "must")), cons("b", 2, ("o1", "must"))]
    assert score_dimension(dim(2, costs=[3, 2]), consumers).chosen == ("o1",)
    assert score_dimension(dim(2, costs=[2, 2]), consumers).chosen == ("o0",)


def test_newest_accepted_decision_overrides_support() -> None:
    consumers = [cons("a", 5, ("o0", "must")), cons("b", 1, ("o1", "could"))]
    decisions = [
        decision(["o0"], "2026-01-01", id_="old"),
        decision(["o1"], "2026-06-01", id_="new"),
        decision(["o2"], "2026-09-01", status="proposed", id_="draft"),
    ]
    result = score_dimension(dim(), consumers, decisions)
    assert result.decided and result.decision == "new" and result.chosen == ("o1",)
    assert result.flip is None
    assert result.margin == pytest.approx((1 - 15) / 16)  # negative: against the weight
    assert result.unserved == ("a",)


def test_no_conflict_and_empty_dimension() -> None:
    result = score_dimension(dim(), [cons("a", 5, ("o0", "must"))])
    assert not result.conflict and result.intensity == 0 and result.flip is None
    empty = score_dimension(dim(), [])
    assert empty.total == 0 and empty.intensity == 0 and empty.margin is None
    assert all(o.share == 0 for o in empty.options)


def test_custom_strengths() -> None:
    consumers = [cons("a", 1, ("o0", "must")), cons("b", 1, ("o1", "could"))]
    weights = StrengthWeights(must=1, should=1, could=5)
    assert score_dimension(dim(), consumers, strengths=weights).chosen == ("o1",)


def test_sides_and_imbalance() -> None:
    consumers = [
        cons("a", 5, ("o0", "must"), side="client"),
        cons("b", 3, ("o1", "must"), ("o0", "could"), side="supply"),
    ]
    result = score(
        consumers,
        [dim()],
        [],
        [],
        ["client", "supply", "idle"],
        STRENGTHS,
        today=dt.date(2026, 11, 20),
    )
    sides = {s.id: s for s in result.sides}
    assert sides["client"].served_ratio == 1.0
    assert sides["supply"].demanded == 12 and sides["supply"].served == 3
    assert sides["idle"].served_ratio is None
    assert result.flywheel_imbalance == pytest.approx(0.75)


def test_coalition() -> None:
    people = [
        Stakeholder.model_validate(
            {
                "kind": "stakeholder",
                "id": i,
                "name": i,
                "power": p,
                "interest": 1,
                **({"engagement": {"current": c}} if c else {}),
            }
        )
        for i, p, c in [
            ("a", 5, "leading"),
            ("b", 3, "supportive"),
            ("c", 2, "resistant"),
            ("d", 2, None),
        ]
    ]
    result = coalition(people, 0.5)
    assert (result.supportive_power, result.total_power) == (8, 12)
    assert result.share == pytest.approx(8 / 12)
    assert coalition([], 0.5).share == 0.0


# --- properties ----------------------------------------------------------------------


@st.composite
def scenarios(draw: Any) -> tuple[Dimension, list[Consumer]]:
    n = draw(st.integers(2, 5))
    choose = draw(st.integers(1, n))
    costs = draw(st.lists(st.integers(1, 5), min_size=n, max_size=n))
    consumers = []
    for i in range(draw(st.integers(0, 6))):
        demands = draw(
            st.lists(
                st.tuples(
                    st.sampled_from([f"o{j}" for j in range(n)]),
                    st.sampled_from(["must", "should", "could"]),
                    # a third of the demands are uncertain: the flip weighs w * s * c
                    st.sampled_from([1.0, 1.0, 1.0, 1.0, 0.5, 0.8]),
                ),
                max_size=3,
            )
        )
        consumers.append(cons(f"c{i}", draw(st.integers(1, 5)), *demands))
    return dim(n, choose, costs), consumers


@pytest.mark.parametrize("examples", fast_and_full(300))
def test_supports_sum_to_total_and_shares_to_one(examples: int) -> None:
    @settings(max_examples=examples, deadline=None)
    @given(scenarios())
    def check(scenario: tuple[Dimension, list[Consumer]]) -> None:
        dimension, consumers = scenario
        result = score_dimension(dimension, consumers)
        assert sum(o.support for o in result.options) == pytest.approx(result.total)
        if result.total > 0:
            assert sum(o.share for o in result.options) == pytest.approx(1.0)
        assert len(result.chosen) == dimension.choose
        # highest support first; supports equal to 9 decimals (sums of w * s * c are not
        # exact) are ties, broken by lower cost, then id
        cost = {o.id: o.cost for o in dimension.options}
        support = {o.id: o.support for o in result.options}
        order = list(support)
        assert order == sorted(order, key=lambda i: (-round(support[i], 9), cost[i], i))
        assert 0 <= result.intensity <= 1 + 1e-12

    check()


@pytest.mark.slow  # a brute-force search over a grid of factors for every example
@settings(max_examples=300, deadline=None)
@given(scenarios())
def test_flip_flips_and_nothing_closer_does(scenario: tuple[Dimension, list[Consumer]]) -> None:
    dimension, consumers = scenario
    result = score_dimension(dimension, consumers)
    baseline = set(result.chosen)
    grid = sorted({round(1 + k / 50, 4) for k in range(-49, 400)} - {1.0})
    if result.flip is None:
        # Brute force: no consumer and factor on the grid changes the set.
        for c in consumers:
            for f in grid:
                assert set(chosen_with(dimension, consumers, STRENGTHS, {c.id: f})) == baseline
        return
    flip = result.flip
    flipped = chosen_with(dimension, consumers, STRENGTHS, {flip.consumer: flip.factor})
    assert set(flipped) != baseline and set(flipped) == set(flip.chosen)
    # Nothing closer to 1 flips (the reported factor has 3 decimals: allow that step).
    distance = max(flip.exact, 1 / flip.exact)
    for c in consumers:
        for f in grid:
            if max(f, 1 / f) < distance - 1e-4:
                assert set(chosen_with(dimension, consumers, STRENGTHS, {c.id: f})) == baseline


@pytest.mark.parametrize("examples", fast_and_full(200))
def test_decisions_override_support(examples: int) -> None:
    @settings(max_examples=examples, deadline=None)
    @given(scenarios(), st.data())
    def check(scenario: tuple[Dimension, list[Consumer]], data: st.DataObject) -> None:
        dimension, consumers = scenario
        ids = [o.id for o in dimension.options]
        choice = data.draw(
            st.lists(st.sampled_from(ids), min_size=1, max_size=dimension.choose, unique=True)
        )
        result = score_dimension(dimension, consumers, [decision(choice)])
        assert result.chosen == tuple(choice) and result.decided and result.flip is None

    check()


def test_dates_order_decisions() -> None:
    decisions = [decision(["o1"], "2027-01-01", id_="b"), decision(["o2"], "2026-12-31", id_="a")]
    assert score_dimension(dim(), [], decisions).chosen == ("o1",)
    assert dt.date(2027, 1, 1) > dt.date(2026, 12, 31)
