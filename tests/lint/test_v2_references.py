"""v2 fields: validation, references (BP302/BP303) and date checks (BP202)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import TODAY, Writer, run, where

DIMENSION = """\
kind: dimension
id: integration-style
name: Integration style
options: [{id: messaging}, {id: nightly-batch}, {id: rest-pull}]
"""

BILLING = """\
kind: consumer
id: billing
name: Billing
importance: 4
demands:
  - {dimension: integration-style, option: nightly-batch, strength: must}
"""

RAJ = """\
kind: stakeholder
id: raj-patel
name: Raj Patel
power: 4
interest: 4
reviewed: 2026-11-01
"""


def decision(extra: str, choice: str = "messaging") -> str:
    return (
        "kind: decision\n"
        "id: style-2027\n"
        "dimension: integration-style\n"
        f"choice: [{choice}]\n"
        "status: accepted\n"
        "date: 2026-10-20\n" + extra
    )


def files(extra: str, **more: str) -> dict[str, str | bytes]:
    out: dict[str, str | bytes] = {
        "dimension.yaml": DIMENSION,
        "billing.yaml": BILLING,
        "raj.yaml": RAJ,
        "decision.yaml": decision(extra),
    }
    out.update(more)
    return out


def codes(base: Path) -> list[tuple[str, str, int, int]]:
    return where(run(base))


def test_valid_v2_decision_has_no_findings(root: Writer) -> None:
    extra = (
        "decided_by: raj-patel\n"
        "consulted: [ana, raj-patel]\n"
        "revisit: 2027-06-30\n"
        "accommodations:\n"
        "  - consumer: billing\n"
        "    option: nightly-batch\n"
        "    via: a nightly file generated from the event stream\n"
        "    until: 2027-12-31\n"
    )
    assert codes(root(files(extra))) == []


def test_decided_by_unknown_is_bp302_with_did_you_mean(root: Writer) -> None:
    result = run(root(files("decided_by: raj-patle\n")))
    assert where(result) == [("BP302", "decision.yaml", 7, 1)]
    assert "did you mean 'raj-patel'" in result.findings[0].message


def test_consulted_unknown_is_bp302_at_the_item(root: Writer) -> None:
    assert codes(root(files("consulted: [ana, nobody]\n"))) == [("BP302", "decision.yaml", 7, 18)]


def test_supersedes_unknown_is_one_bp302(root: Writer) -> None:
    from tests.helpers import run_all

    result = run_all(root(files("supersedes: style-2026\n")))
    assert where(result, "BP302") == [("BP302", "decision.yaml", 7, 1)]
    assert where(result, "BP424") == []


def test_supersedes_on_another_dimension_is_bp202(root: Writer) -> None:
    other = (
        "kind: dimension\nid: other\nname: Other\noptions: [{id: a}]\n---\n"
        "kind: decision\nid: other-2026\ndimension: other\nchoice: [a]\n"
        "status: superseded\ndate: 2026-01-01\n"
    )
    assert codes(root(files("supersedes: other-2026\n", **{"other.yaml": other}))) == [
        ("BP202", "decision.yaml", 7, 1)
    ]


def test_accommodation_consumer_unknown_is_bp302(root: Writer) -> None:
    extra = "accommodations:\n  - {consumer: biling, option: nightly-batch, via: a file}\n"
    result = run(root(files(extra)))
    assert where(result) == [("BP302", "decision.yaml", 8, 6)]
    assert "did you mean 'billing'" in result.findings[0].message


def test_accommodation_option_not_demanded_is_bp303_at_option(root: Writer) -> None:
    extra = "accommodations:\n  - {consumer: billing, option: rest-pull, via: a file}\n"
    result = run(root(files(extra)))
    assert where(result) == [("BP303", "decision.yaml", 8, 25)]
    assert "nightly-batch" in result.findings[0].message


def test_accommodation_option_chosen_is_bp303(root: Writer) -> None:
    extra = "accommodations:\n  - {consumer: billing, option: messaging, via: a file}\n"
    assert codes(root(files(extra))) == [("BP303", "decision.yaml", 8, 25)]


def test_accommodation_needs_via(root: Writer) -> None:
    extra = "accommodations:\n  - {consumer: billing, option: nightly-batch}\n"
    assert [c for c, *_ in codes(root(files(extra)))] == ["BP201"]


def test_problem_value_chain_must_be_a_declared_step(root: Writer) -> None:
    config = (
        "product:\n  id: demo\n  name: Demo\n  owner: ana\n"
        "  value_chain: [search, checkout, payment]\n"
    )
    problem = "kind: problem\nid: slow\ntitle: Slow\nvalue_chain: chekout\n"
    result = run(root({"problem.yaml": problem}, config=config))
    assert where(result) == [("BP302", "problem.yaml", 4, 1)]
    assert "did you mean 'checkout'" in result.findings[0].message
    problem_ok = "kind: problem\nid: slow\ntitle: Slow\nvalue_chain: checkout\n"
    assert codes(root({"problem.yaml": problem_ok}, config=config)) == []


def test_problem_value_chain_free_text_without_declared_chain(root: Writer) -> None:
    problem = "kind: problem\nid: slow\ntitle: Slow\nvalue_chain: Check-out step\n"
    assert codes(root({"problem.yaml": problem})) == []


def test_stakeholder_consumers_unknown_is_bp302(root: Writer) -> None:
    person = RAJ + "consumers: [bilinng]\n"
    result = run(root({"billing.yaml": BILLING, "dimension.yaml": DIMENSION, "raj.yaml": person}))
    assert where(result) == [("BP302", "raj.yaml", 7, 13)]


GOAL = """\
kind: goal
id: fresh-prices
title: Fresh prices
key: true
metric:
  name: p95 price age
  baseline: 900
  target: {target}
  by: 2027-06-30
  measurements:
    - {{date: 2026-09-30, value: 610}}
    - {{date: {date}, value: 420}}
"""


def test_target_equal_to_baseline_is_bp202_at_target(root: Writer) -> None:
    base = root({"goal.yaml": GOAL.format(target=900, date="2026-11-15")})
    assert codes(base) == [("BP202", "goal.yaml", 8, 3)]


def test_measurement_after_today_is_bp202_at_its_date(root: Writer) -> None:
    base = root({"goal.yaml": GOAL.format(target=60, date="2026-11-21")})
    assert codes(base) == [("BP202", "goal.yaml", 12, 8)]
    # on today itself it is fine
    base = root({"goal.yaml": GOAL.format(target=60, date=TODAY.isoformat())})
    assert codes(base) == []


def test_measurement_needs_a_number_and_a_date(root: Writer) -> None:
    bad = GOAL.format(target=60, date="2026-11-15").replace("value: 420", "value: lots")
    assert [c for c, *_ in codes(root({"goal.yaml": bad}))] == ["BP202"]


def test_new_settings_are_validated(root: Writer) -> None:
    config = (
        "product: {id: demo, name: Demo, owner: ana}\n"
        "scoring: {accommodation: 1.5}\nlint: {track_tolerance: -0.1}\n"
    )
    found = codes(root({}, config=config))
    assert sorted(c for c, *_ in found) == ["BP202", "BP202"]


def test_consumer_strategy_reviewed_is_a_date(root: Writer) -> None:
    consumer = BILLING + "strategy: {summary: Steady, reviewed: last week}\n"
    found = codes(root({"billing.yaml": consumer, "dimension.yaml": DIMENSION}))
    assert [c for c, *_ in found] == ["BP202"]
