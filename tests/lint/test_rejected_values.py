"""A value lint rejects takes effect nowhere, on a realistic strategy: a `supersedes` that
names a decision on another dimension is one BP202, and that decision still decides (no
false BP409 or BP420, no "undecided" score)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpstrat.findings import Finding
from bpstrat.lint.rules.base import RuleContext
from bpstrat.model.load import load_strategy
from tests.lint.bank_strategy import TODAY, Changes, changes, copy, edit

Bank = tuple[Path, list[Finding]]


@pytest.mark.parametrize(
    ("rel", "after", "named", "line", "own", "other"),
    [
        # an accepted decision names the deciding decision of another dimension
        (
            "decisions/auth-2026.yaml",
            "date: 2026-09-01\n",
            "interface-2027",
            6,
            "auth",
            "interface",
        ),
        # a proposed one names another dimension's accepted decision, one with accommodations
        (
            "decisions/notification-draft.yaml",
            "date: 2026-11-05\n",
            "freshness-2026",
            6,
            "notification",
            "freshness",
        ),
    ],
)
def test_a_supersedes_across_dimensions_is_one_finding_and_supersedes_nothing(
    bank: Bank,
    tmp_path: Path,
    rel: str,
    after: str,
    named: str,
    line: int,
    own: str,
    other: str,
) -> None:
    root = copy(bank[0], tmp_path / "strategy")
    edit(root, rel, after, f"{after}supersedes: {named}\n")
    assert changes(bank[1], root) == Changes(
        [
            (
                "BP202",
                rel,
                line + 1,
                1,
                f"`supersedes` names decision {named!r} on dimension {other!r}, but this "
                f"decision is on {own!r}; a decision supersedes one on its own dimension, so "
                f"{named!r} still counts: name the {own!r} decision this one replaces, or drop "
                "`supersedes`",
            )
        ],
        [],
    )
    score = RuleContext(load_strategy(root), TODAY).score
    decided = score.dimension(other)
    assert decided is not None and decided.decided


def test_a_decision_that_supersedes_itself_is_one_finding(bank: Bank, tmp_path: Path) -> None:
    root = copy(bank[0], tmp_path / "strategy")
    rel = "decisions/interface-2027.yaml"
    edit(root, rel, "supersedes: interface-2026\n", "supersedes: interface-2027\n")
    found = changes(bank[1], root)
    assert found.removed == []
    assert [f[:4] for f in found.added] == [("BP202", rel, 12, 1)]
    assert "supersedes itself" in found.added[0][4]


def test_a_rejected_supersedes_is_not_in_the_model(bank: Bank, tmp_path: Path) -> None:
    root = copy(bank[0], tmp_path / "strategy")
    edit(
        root,
        "decisions/auth-2026.yaml",
        "date: 2026-09-01\n",
        "date: 2026-09-01\nsupersedes: interface-2027\n",
    )
    strategy = load_strategy(root)
    auth = next(d for d in strategy.decisions if d.id == "auth-2026")
    assert auth.supersedes is None


@pytest.mark.parametrize(
    ("rel", "old", "new", "column", "typo", "dimension", "held"),
    [
        (
            "decisions/interface-2027.yaml",
            "choice: [rest-json]",
            "choice: [rest-jsn]",
            10,
            "rest-jsn",
            "interface",
            "the conflict on 'interface' and the flywheel balance are",
        ),
        # a decision with accommodations
        (
            "decisions/freshness-2026.yaml",
            "choice: [realtime]",
            "choice: [real-time]",
            10,
            "real-time",
            "freshness",
            "the conflict on 'freshness' and the flywheel balance are",
        ),
    ],
)
def test_a_choice_that_is_no_option_is_one_finding_that_says_what_waits(
    bank: Bank,
    tmp_path: Path,
    rel: str,
    old: str,
    new: str,
    column: int,
    typo: str,
    dimension: str,
    held: str,
) -> None:
    root = copy(bank[0], tmp_path / "strategy")
    edit(root, rel, old, new)
    found = changes(bank[1], root)
    assert [f[:4] for f in found.added] == [("BP303", rel, 4, column)]
    message = found.added[0][4]
    assert message.startswith(f"option {typo!r} is not defined by dimension {dimension!r}")
    assert message.endswith(
        f"; {held} not checked until its `choice` names only options of {dimension!r}"
    )
    # no false BP420 for the musts it chose: only the flywheel balance waits
    assert [f[0] for f in found.removed] == ["BP410"]


def test_a_proposal_that_names_no_option_holds_nothing_back(bank: Bank, tmp_path: Path) -> None:
    root = copy(bank[0], tmp_path / "strategy")
    rel = "decisions/notification-draft.yaml"
    edit(root, rel, "choice: [events]", "choice: [event]")
    found = changes(bank[1], root)
    assert found.removed == []
    assert [f[:4] for f in found.added] == [("BP303", rel, 4, 10)]
    assert "did you mean 'events'?" in found.added[0][4]


def test_one_good_option_beside_a_wrong_one_still_leaves_the_choice_unknown(
    bank: Bank, tmp_path: Path
) -> None:
    """Without the decision, the two demanded options of `auth` are chosen by weight: no
    conflict waits, and nothing else changes."""
    root = copy(bank[0], tmp_path / "strategy")
    rel = "decisions/auth-2026.yaml"
    edit(root, rel, "choice: [oauth2, mtls]", "choice: [oauth2, mtsl]")
    assert changes(bank[1], root) == Changes(
        [
            (
                "BP303",
                rel,
                4,
                18,
                "option 'mtsl' is not defined by dimension 'auth'; did you mean 'mtls'? its "
                "options are: oauth2, mtls, api-key",
            )
        ],
        [],
    )
    strategy = load_strategy(root)
    assert "auth-2026" not in {d.id for d in strategy.decisions}
