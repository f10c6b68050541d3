"""bpstrat.yaml's mistakes stay in bpstrat.yaml, on a realistic strategy: a side
misspelled in `product.sides` is one finding at that item (not one at every consumer on
the side it meant), and a syntax error leaves BP410 on its line, with its fingerprint."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpstrat.findings import Finding
from bpstrat.lint.linter import lint
from tests.lint.bank_strategy import TODAY, Changes, changes, copy, edit

Bank = tuple[Path, list[Finding]]

SIDES = "  sides: [retail, business]\n"


@pytest.mark.parametrize(
    ("sides", "line", "column", "typo", "meant", "count"),
    [
        ("  sides: [retail, busines]\n", 9, 19, "busines", "business", 3),
        ("  sides: [retial, business]\n", 9, 11, "retial", "retail", 5),
        ("  sides:\n    - retail\n    - bussiness\n", 11, 7, "bussiness", "business", 3),
    ],
)
def test_a_misspelled_side_is_one_finding_in_bpstrat_yaml(
    bank: Bank,
    tmp_path: Path,
    sides: str,
    line: int,
    column: int,
    typo: str,
    meant: str,
    count: int,
) -> None:
    root = copy(bank[0], tmp_path / "strategy")
    edit(root, "bpstrat.yaml", SIDES, sides)
    found = changes(bank[1], root)
    added = [
        (
            "BP202",
            "bpstrat.yaml",
            line,
            column,
            f"side {typo!r} in `product.sides` is on no consumer, and {count} consumers have "
            f"`side: {meant}`; did you mean {meant!r}?",
        )
    ]
    # the consumers' sides count, as they say them: the flywheel balance is unchanged
    assert found == Changes(added, [])


def test_one_consumer_with_a_side_close_to_a_declared_one_is_the_mistake(
    bank: Bank, tmp_path: Path
) -> None:
    root = copy(bank[0], tmp_path / "strategy")
    rel = "consumers/open-banking-gateway.yaml"
    edit(root, rel, "side: business\n", "side: busines\n")
    found = changes(bank[1], root)
    errors = [f for f in found.added if f[0] == "BP202"]
    assert [f[:4] for f in errors] == [("BP202", rel, 4, 1)]
    assert "(got 'busines')" in errors[0][4]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  stale_after_days: 90\n", "  stale_after_days 90\n  max_payback_months: 24\n"),
        ("  vision: Every channel", "  vision: Every: channel"),
    ],
)
def test_a_syntax_error_in_bpstrat_yaml_leaves_bp410_where_it_was(
    bank: Bank, tmp_path: Path, old: str, new: str
) -> None:
    root = copy(bank[0], tmp_path / "strategy")
    edit(root, "bpstrat.yaml", old, new)
    before = [f for f in bank[1] if f.code == "BP410"]
    found = lint(root, TODAY).findings
    after = [f for f in found if f.code == "BP410"]
    assert [(f.line, f.column, f.fingerprint) for f in after] == [
        (f.line, f.column, f.fingerprint) for f in before
    ]
    assert [(f.line, f.column) for f in before] == [(9, 3)]
    assert [f.code for f in found if f.severity == "error"] == ["BP101"]
