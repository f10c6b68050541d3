"""A broken document only removes what depends on it, and says so, on a realistic
strategy: a stakeholder without `kind` is one finding and leaves the undecided conflict
elsewhere reported; a decision that could settle a conflict says that the conflict waits."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpstrat.findings import Finding
from tests.lint.bank_strategy import Changes, changes, copy, edit, shown

Bank = tuple[Path, list[Finding]]


@pytest.mark.parametrize(
    ("rel", "kind", "waiting"),
    [
        # consulted on the interface decision
        ("stakeholders/noah-fischer.yaml", "stakeholder", "1 reference to 'noah-fischer'"),
        # a goal and the open banking consumer's demands name it
        ("problems/partner-onboarding.yaml", "problem", "4 references to 'partner-onboarding'"),
    ],
)
def test_a_document_without_kind_is_one_finding_that_names_its_kind(
    bank: Bank, tmp_path: Path, rel: str, kind: str, waiting: str
) -> None:
    root = copy(bank[0], tmp_path / "strategy")
    edit(root, rel, f"kind: {kind}\n", "")
    verb = "is" if waiting.startswith("1 ") else "are"
    assert changes(bank[1], root) == Changes(
        [
            (
                "BP103",
                rel,
                1,
                1,
                f"document has no `kind`; its fields are a {kind}'s: add `kind: {kind}`; "
                f"{waiting} {verb} not checked until it has a `kind`",
            )
        ],
        [],
    )


def test_an_unknown_kind_names_the_kind_its_fields_are(bank: Bank, tmp_path: Path) -> None:
    root = copy(bank[0], tmp_path / "strategy")
    rel = "stakeholders/jonas-weber.yaml"
    edit(root, rel, "kind: stakeholder\n", "kind: person\n")
    found = changes(bank[1], root)
    assert found.removed == []
    assert [f[:4] for f in found.added] == [("BP104", rel, 1, 1)]
    message = found.added[0][4]
    assert "unknown kind 'person'; its fields are a stakeholder's: write `kind: stakeholder`" in (
        message
    )
    assert "3 references to 'jonas-weber' are not checked until its `kind` is fixed" in message


def test_a_proposed_decision_without_kind_holds_no_conflict_back(
    bank: Bank, tmp_path: Path
) -> None:
    root = copy(bank[0], tmp_path / "strategy")
    rel = "decisions/notification-draft.yaml"
    edit(root, rel, "kind: decision\n", "")
    assert changes(bank[1], root) == Changes(
        [
            (
                "BP103",
                rel,
                1,
                1,
                "document has no `kind`; its fields are a decision's: add `kind: decision`",
            )
        ],
        [],
    )


def test_a_deciding_decision_without_kind_says_what_waits_for_it(
    bank: Bank, tmp_path: Path
) -> None:
    """Without it the interface is undecided and its accommodations gone: the conflict
    and the flywheel balance wait, and its finding says so; nothing else changes."""
    root = copy(bank[0], tmp_path / "strategy")
    rel = "decisions/interface-2027.yaml"
    edit(root, rel, "kind: decision\n", "")
    flywheel = [f for f in bank[1] if f.code == "BP410"]
    assert changes(bank[1], root) == Changes(
        [
            (
                "BP103",
                rel,
                1,
                1,
                "document has no `kind`; its fields are a decision's: add `kind: decision`; "
                "the conflict on 'interface' and the flywheel balance are not checked until "
                "it has a `kind`",
            )
        ],
        [shown(f) for f in flywheel],
    )
    assert len(flywheel) == 1


def test_a_consumer_without_kind_says_its_demands_are_not_counted(
    bank: Bank, tmp_path: Path
) -> None:
    """Its demands count nowhere: the figures they were in change, and nothing else."""
    root = copy(bank[0], tmp_path / "strategy")
    rel = "consumers/call-center.yaml"
    edit(root, rel, "kind: consumer\n", "")
    found = changes(bank[1], root)
    new = [f for f in found.added if f[1] == rel]
    assert new == [
        (
            "BP103",
            rel,
            1,
            1,
            "document has no `kind`; its fields are a consumer's: add `kind: consumer`; 5 "
            "references to 'call-center' and its 2 demands are not checked until it has a "
            "`kind`",
        )
    ]
    moved = sorted(f[:4] for f in found.added if f[1] != rel)
    assert moved == sorted(f[:4] for f in found.removed)
    assert {f[0] for f in found.removed} == {"BP409", "BP410"}
