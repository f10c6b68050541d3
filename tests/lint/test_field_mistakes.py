"""A mistake in a field gives one finding, at its line, that names the cause and the fix:
fields dedented out of the mapping they belong to, a misspelled key, a decimal comma, a
value outside a small set (with what each value means)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpstrat.source import yaml_fast
from tests.lint.mistakes import Mistake, new_findings

METRIC = """\
metric:
  name: p95 price age at checkout
  unit: s
  baseline: 900
  target: 60
  by: 2027-06-30
  influence: direct
  since: 2026-07-01
  measurements:
    - {date: 2026-09-30, value: 610}
    - {date: 2026-11-15, value: 420}
"""

STRATEGY = """\
strategy:
  summary: Moving to server-side rendering and event-driven cart updates in 2027.
  sources:
    - https://wiki.example.com/checkout/roadmap-2027
    - Quarterly business review, checkout tribe, 2026-09
"""


def dedent(text: str, keep: int = 0) -> str:
    """`text` with every line after the first `keep + 1` moved two spaces left."""
    lines = text.splitlines(keepends=True)
    return "".join(lines[: keep + 1]) + "".join(line[2:] for line in lines[keep + 1 :])


CASES = [
    # fields written at the indentation of the empty mapping (or list) they belong to
    Mistake(
        "pricing-platform",
        "goals/fresh-prices.yaml",
        METRIC,
        dedent(METRIC),
        line=9,
        code="BP203",
        says=["these look like the fields of `metric`: indent them under it", "`name`"],
    ),
    Mistake(
        "pricing-platform",
        "goals/fresh-prices.yaml",
        METRIC,
        dedent(METRIC, keep=2),
        line=11,
        code="BP203",
        says=[
            "these look like the fields of `metric`",
            "(`baseline`, `target`, `by` and 3 more are not",
        ],
    ),
    Mistake(
        "pricing-platform",
        "stakeholders/raj-patel.yaml",
        "plan:\n  channel: supply leadership weekly\n  next_step:",
        "plan:\nchannel: supply leadership weekly\nnext_step:",
        line=11,
        code="BP203",
        says=["these look like the fields of `plan`: indent them under it"],
    ),
    Mistake(
        "pricing-platform",
        "consumers/checkout-web.yaml",
        STRATEGY,
        dedent(STRATEGY),
        line=9,
        code="BP203",
        says=["these look like the fields of `strategy`: indent them under it", "`summary`"],
    ),
    Mistake(
        "customer-data",
        "consumers/fraud-detection.yaml",
        "demands:\n  - dimension: interface\n    option: rest-json\n    strength: should\n"
        "    confidence: 0.7                # heard in one talk; their roadmap does not say\n"
        "    problem: duplicate-customers\n  - dimension: integration-style\n"
        "    option: messaging\n    strength: must\n    problem: address-changes-lost\n",
        "demands:\ndimension: interface\noption: rest-json\nstrength: should\n"
        "problem: duplicate-customers\n",
        line=9,
        code="BP203",
        says=["the fields of an item of `demands`: indent them under it, the first with `- `"],
    ),
    # a misspelled key stands for the field it meant: that field is not also missing
    Mistake(
        "pricing-platform",
        "consumers/airline-connector.yaml",
        "strength: should",
        "stregth: could",
        line=None,
        code="BP203",
        says=["unknown field `stregth`", "did you mean `strength`? (a required field)"],
    ),
    Mistake(
        "pricing-platform",
        "stakeholders/raj-patel.yaml",
        "interest: 4",
        "intrest: 4",
        line=None,
        code="BP203",
        says=["did you mean `interest`? (a required field)"],
    ),
    Mistake(
        "pricing-platform",
        "goals/fresh-prices.yaml",
        "metric:",
        "metirc:",
        line=None,
        code="BP203",
        says=["did you mean `metric`?"],
        not_says=["required"],
    ),
    # a key glued to its value in a flow mapping reads as one key without a value
    Mistake(
        "pricing-platform",
        "stakeholders/raj-patel.yaml",
        "{current: neutral,",
        "{current:neutral,",
        line=None,
        code="BP203",
        says=["no space after the colon of `current`", "(`current: neutral`)"],
    ),
    Mistake(
        "pricing-platform",
        "dimensions/interface.yaml",
        "{id: grpc, name: gRPC, cost: 3}",
        "{id: grpc, name: gRPC, cost:3}",
        line=None,
        code="BP203",
        says=["no space after the colon of `cost`", "(`cost: 3`)"],
    ),
    # a decimal comma, in a flow mapping, in a block mapping, in a list item, in a whole number
    Mistake(
        "pricing-platform",
        "goals/fresh-prices.yaml",
        "{date: 2026-09-30, value: 610}",
        "{date: 2026-10-31, value: 94,1}",
        line=None,
        code="BP202",
        says=["has a decimal comma (got '94,1')", "write 94.1"],
    ),
    Mistake(
        "pricing-platform",
        "goals/fresh-prices.yaml",
        "baseline: 900",
        "baseline: 92,9",
        line=None,
        code="BP202",
        says=["`metric.baseline` has a decimal comma (got '92,9')", "write 92.9"],
    ),
    Mistake(
        "customer-data",
        "goals/goals.yaml",
        "    - {date: 2026-11-10, value: 1440}",
        "    - date: 2026-11-10\n      value: 1.440,5",
        line=20,
        code="BP202",
        says=["decimal comma (got '1.440,5')", "write 1440.5"],
    ),
    Mistake(
        "customer-data",
        "goals/goals.yaml",
        "confidence: 0.75",
        "confidence: 0,75",
        line=None,
        code="BP202",
        says=["`confidence` has a decimal comma", "write 0.75"],
    ),
    Mistake(
        "pricing-platform",
        "stakeholders/raj-patel.yaml",
        "power: 4",
        "power: 4,5",
        line=None,
        code="BP202",
        says=["`power` must be a whole number, got '4,5', a number with a decimal comma"],
    ),
    Mistake(
        "pricing-platform",
        "goals/fresh-prices.yaml",
        "baseline: 900",
        "baseline: 1,500",
        line=None,
        code="BP202",
        says=["write 1500 without the thousands comma, or 1.500 if the comma is a decimal comma"],
    ),
    # a value outside a small set: what each value means
    Mistake(
        "pricing-platform",
        "consumers/airline-connector.yaml",
        "strength: should",
        "strength: high",
        line=None,
        code="BP202",
        says=[
            "must (the consumer cannot do without it), should (",
            "could (it would like it); got 'high'",
        ],
    ),
    Mistake(
        "pricing-platform",
        "goals/fresh-prices.yaml",
        "influence: direct",
        "influence: partly",
        line=None,
        code="BP202",
        says=["direct (the team moves the metric itself), shared (", "got 'partly'"],
    ),
]


@pytest.mark.parametrize("mistake", CASES, ids=[m.id for m in CASES])
def test_a_field_mistake_is_one_finding_at_its_line_naming_cause_and_fix(
    mistake: Mistake, tmp_path: Path
) -> None:
    root, line = mistake.make(tmp_path)
    [found] = new_findings(mistake.example, root)
    assert (found.code, found.path, found.line) == (mistake.code, mistake.rel, line)
    for words in mistake.says:
        assert words in found.message
    for words in mistake.not_says:
        assert words not in found.message


def test_a_dedented_metric_is_not_also_reported_missing(tmp_path: Path) -> None:
    root, _ = CASES[0].make(tmp_path)
    assert not [f for f in new_findings(CASES[0].example, root) if f.code == "BP402"]


def test_a_comma_that_separates_entries_is_not_a_decimal_comma() -> None:
    [document], _ = yaml_fast.parse("m: {a: 94, 1: x, b: 2,c}\n")
    assert document.data == {"m": {"a": 94, "b": 2, "c": None}}
    assert ["key 1 is not text" in p.message for p in document.problems] == [True]
    assert yaml_fast.joined_number("{v: x,1}", 8) is None
    assert yaml_fast.joined_number("{v: 1,1}", 7) == "1,1"
    assert yaml_fast.joined_number("{v: -1.234,1 }", 12) == "-1.234,1"


def test_the_number_across_a_comma_is_read_in_one_pass_over_a_hostile_line() -> None:
    big = 200_000
    assert yaml_fast.joined_number("{v: " + "1" * big + "," + "2" * big + "}", big + 6) == (
        "1" * big + "," + "2" * big
    )
    assert yaml_fast.joined_number("." * big + ",1", big + 2) is None
