"""A syntax mistake in a real strategy gives one finding, at its line, that names the cause
and the fix: a key without a space after its colon, a value that needs quotes, a line
indented like the items of a list it is not part of."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpstrat.lint.linter import lint
from bpstrat.source.yaml_fast import parse
from tests.helpers import TODAY
from tests.lint.mistakes import Mistake, new_findings

CASES = [
    # a key glued to its value, at the top, nested, and in a list item
    Mistake(
        "customer-data",
        "consumers/billing.yaml",
        "importance: 4",
        "importance:4",
        line=4,
        says=["no space after the colon of `importance`", "(`importance: 4`)"],
    ),
    Mistake(
        "pricing-platform",
        "goals/fresh-prices.yaml",
        "  baseline: 900",
        "  baseline:900",
        line=11,
        says=["no space after the colon of `baseline`", "(`baseline: 900`)"],
    ),
    Mistake(
        "pricing-platform",
        "consumers/airline-connector.yaml",
        "  - dimension: interface",
        "  - dimension:interface",
        line=14,
        says=["no space after the colon of `dimension`", "(`- dimension: interface`)"],
    ),
    Mistake(
        "customer-data",
        "stakeholders/stakeholders.yaml",
        "interest: ",
        "interest ",
        line=None,
        says=["is not `key: value` (no `:` after the key)", "write `interest: "],
    ),
    # a value that starts with a character YAML reserves
    Mistake(
        "customer-data",
        "goals/goals.yaml",
        'unit: "%"',
        "unit: %",
        line=None,
        says=["a value cannot start with `%`", "quote the value (`unit: '%'`)"],
    ),
    Mistake(
        "pricing-platform",
        "goals/fresh-prices.yaml",
        "  unit: s",
        "  unit: @ seconds",
        line=10,
        says=["a value cannot start with `@`", "(`unit: '@ seconds'`)"],
    ),
    Mistake(
        "pricing-platform",
        "goals/fresh-prices.yaml",
        "  target: 60",
        "  target: >60",
        line=12,
        says=["a value cannot start with `>`", "(`target: '>60'`)"],
    ),
    # a value with `: ` in it, or text after a closing bracket or quote
    Mistake(
        "pricing-platform",
        "goals/fresh-prices.yaml",
        "title: Prices at checkout are never older than 60 seconds",
        "title: Fraud: every login",
        line=3,
        says=["the value of `title` at line 3 contains `: `", "(`title: 'Fraud: every login'`)"],
        not_says=["indent"],
    ),
    Mistake(
        "pricing-platform",
        "consumers/checkout-web.yaml",
        "    note: Needs the final price in the cart request, p99 under 80 ms.",
        "    note: Needs: the final price in the cart request",
        line=None,
        says=["the value of `note`", "contains `: `", "'Needs: the final price in the cart"],
        not_says=["indent"],
    ),
    Mistake(
        "customer-data",
        "problems/problems.yaml",
        "title: ",
        "title: [WIP] ",
        line=None,
        says=["starts with `[`", "quote the whole value (`title: '[WIP] "],
    ),
    # a line indented like the items of a list, or a list item among keys
    Mistake(
        "pricing-platform",
        "consumers/airline-connector.yaml",
        "    strength: should",
        "  strength: should",
        line=12,
        says=[
            "line 12 is indented like the items of the list that starts at line 10 (2 spaces)",
            "but does not start with `- `: indent it to 4 spaces",
        ],
        not_says=["does not match"],
    ),
    Mistake(
        "pricing-platform",
        "consumers/checkout-web.yaml",
        "    - Quarterly business review, checkout tribe, 2026-09",
        "  - Quarterly business review, checkout tribe, 2026-09",
        line=None,
        says=["is a list item (`- `) among the keys of the mapping"],
    ),
    Mistake(
        "pricing-platform",
        "consumers/airline-connector.yaml",
        "  - dimension: interface",
        "    - dimension: interface",
        line=None,
        says=[
            "is a list item (`- `) among the keys of the mapping that starts at line 10 (4 spaces)"
        ],
    ),
]


@pytest.mark.parametrize("mistake", CASES, ids=[m.id for m in CASES])
def test_a_syntax_mistake_is_one_finding_at_its_line_naming_cause_and_fix(
    mistake: Mistake, tmp_path: Path
) -> None:
    root, line = mistake.make(tmp_path)
    [found] = new_findings(mistake.example, root)
    assert (found.code, found.path, found.line) == ("BP101", mistake.rel, line)
    for words in mistake.says:
        assert words in found.message
    for words in mistake.not_says:
        assert words not in found.message
    assert found.message.index("(parser: ") > max(found.message.index(w) for w in mistake.says)


def test_a_realistic_file_without_the_mistake_is_clean(tmp_path: Path) -> None:
    # the cases above would pass on any finding if the copies were not clean before
    root, _ = CASES[0].make(tmp_path, apply=False)
    assert new_findings(CASES[0].example, root) == []
    assert not [f for f in lint(root, TODAY).findings if f.code == "BP101"]


def test_explanations_read_a_bounded_part_of_a_hostile_file() -> None:
    long = 200_000
    cases = {
        # a long glued line, and many glued lines above an unexpected colon
        "kind: g\n" + "a:" * long + "\n": "no space after the colon of `a` at line 2",
        "kind: g\nm:\n" + "  a:b\n" * long + "  c: d\n": "no space after the colon of `a` at line",
        # a long value with `: ` in it, and long runs of spaces and dashes
        "kind: g\ntitle: " + "x: " * long + "\n": "contains `: `",
        "kind: g\nid: x\n" + " " * long + "y: 1\n": "is indented under the value of line 2",
        "kind: g\nx:\n  - a\n" + "- " * long + "\n": "is a list item (`- `) among the keys",
        "kind: g\nunit: %" + " " * long + "\n": "a value cannot start with `%`",
    }
    for text, says in cases.items():
        _, error = parse(text)
        assert error is not None and says in error.message
