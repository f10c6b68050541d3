"""Where a finding about an id lands, on a realistic strategy: a misspelled `id:` is one
BP302 at that `id` (not one at every correct reference), a copied file is one BP301 on
the copy (not on the original), and neither takes any other finding away."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bpstrat.findings import Finding
from bpstrat.model.load import load_strategy
from tests.lint.bank_strategy import Changes, changes, copy, edit

Bank = tuple[Path, list[Finding]]


def misspell(bank: Bank, tmp_path: Path, rel: str, old: str, new: str) -> Changes:
    root = copy(bank[0], tmp_path / "strategy")
    edit(root, rel, f"\nid: {old}\n", f"\nid: {new}\n")
    return changes(bank[1], root)


@pytest.mark.parametrize(
    ("rel", "meant", "typo", "count"),
    [
        ("consumers/mobile-banking.yaml", "mobile-banking", "moblie-banking", 5),
        # no id is close to it: the hint is not `bpstrat new problem ...`, which would fail
        ("problems/late-fraud-signals.yaml", "late-fraud-signals", "account-takeover-lag", 4),
        # named from bpstrat.yaml (sponsor) and from decisions (decided_by)
        ("stakeholders/cto-martin.yaml", "cto-martin", "cto-martn", 4),
        ("dimensions/freshness.yaml", "freshness", "data-freshness", 7),
    ],
)
def test_a_misspelled_id_is_one_finding_at_the_id(
    bank: Bank, tmp_path: Path, rel: str, meant: str, typo: str, count: int
) -> None:
    found = misspell(bank, tmp_path, rel, meant, typo)
    name = rel.rpartition("/")[2]
    assert found == Changes(
        [
            (
                "BP302",
                rel,
                2,
                1,
                f"`id` is {typo!r}, which nothing refers to, but the file is {name} and "
                f"{count} references name {meant!r}; did you mean `id: {meant}`?",
            )
        ],
        [],
    )


def test_one_reference_to_a_misspelled_id_is_said_in_the_singular(
    bank: Bank, tmp_path: Path
) -> None:
    found = misspell(bank, tmp_path, "decisions/interface-2026.yaml", "interface-2026", "if-26")
    assert found.removed == []
    assert [(code, path, line) for code, path, line, _, _ in found.added] == [
        ("BP302", "decisions/interface-2026.yaml", 2)
    ]
    assert (
        "1 reference names 'interface-2026'; did you mean `id: interface-2026`?"
        in (found.added[0][4])
    )


def test_score_and_rules_see_the_entity_under_the_id_its_references_use(
    bank: Bank, tmp_path: Path
) -> None:
    root = copy(bank[0], tmp_path / "strategy")
    edit(root, "problems/late-fraud-signals.yaml", "\nid: late-fraud-signals\n", "\nid: x\n")
    strategy = load_strategy(root)
    problems = {p.id for p in strategy.problems}
    assert "late-fraud-signals" in problems and "x" not in problems
    assert not strategy.exists("problem", "x")


def test_a_typo_in_one_reference_is_still_found_at_that_reference(
    bank: Bank, tmp_path: Path
) -> None:
    root = copy(bank[0], tmp_path / "strategy")
    edit(
        root,
        "goals/live-balances.yaml",
        "consumers: [mobile-banking, web-banking]",
        "consumers: [mobile-bankin, web-banking]",
    )
    assert changes(bank[1], root) == Changes(
        [
            (
                "BP302",
                "goals/live-balances.yaml",
                7,
                13,
                "`consumers[0]` refers to consumer 'mobile-bankin', which does not exist; "
                "did you mean 'mobile-banking'?",
            )
        ],
        [],
    )


def test_an_id_is_not_taken_from_a_file_that_holds_several_of_its_kind(
    bank: Bank, tmp_path: Path
) -> None:
    """`architects.yaml` holds two stakeholders: its name is not an id one of them meant."""
    root = copy(bank[0], tmp_path / "strategy")
    people = root / "stakeholders"
    (people / "architects.yaml").write_text(
        (people / "noah-fischer.yaml").read_text(encoding="utf-8")
        + "---\n"
        + (people / "petra-schulz.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    (people / "noah-fischer.yaml").unlink()
    (people / "petra-schulz.yaml").unlink()
    edit(root, "decisions/auth-2026.yaml", "[petra-schulz,", "[architects,")
    found = changes(bank[1], root)
    assert [(code, path) for code, path, *_ in found.added] == [
        ("BP302", "decisions/auth-2026.yaml")
    ]


@pytest.mark.parametrize(
    ("original", "duplicate", "line"),
    [
        # the copy sorts before the original, and is read first
        ("consumers/web-banking.yaml", "consumers/web-banking-business.yaml", 2),
        ("stakeholders/noah-fischer.yaml", "people/noah-fischer-2.yaml", 2),
        # the copy sorts after the original
        ("decisions/auth-2026.yaml", "decisions/auth-2027.yaml", 2),
        ("goals/one-login.yaml", "goals/one-login-partners.yaml", 2),
    ],
)
def test_a_copied_file_is_one_finding_on_the_copy(
    bank: Bank, tmp_path: Path, original: str, duplicate: str, line: int
) -> None:
    root = copy(bank[0], tmp_path / "strategy")
    (root / duplicate).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(root / original, root / duplicate)
    kind = original.split("/")[0].rstrip("s")
    id_ = original.rpartition("/")[2].removesuffix(".yaml")
    own = duplicate.rpartition("/")[2].removesuffix(".yaml")
    assert changes(bank[1], root) == Changes(
        [
            (
                "BP301",
                duplicate,
                line,
                1,
                f"duplicate {kind} id {id_!r}: {original}:2 has it too, in the file named "
                f"for it; this file looks like a copy: give it its own id (`id: {own}`, as "
                "its file is named?)",
            )
        ],
        [],
    )


def test_the_original_of_a_copy_is_the_entity_kept(bank: Bank, tmp_path: Path) -> None:
    root = copy(bank[0], tmp_path / "strategy")
    text = (root / "consumers/web-banking.yaml").read_text(encoding="utf-8")
    (root / "consumers/web-banking-business.yaml").write_text(
        text.replace("name: Web Banking", "name: Web Banking for Business"), encoding="utf-8"
    )
    strategy = load_strategy(root)
    kept = [c for c in strategy.consumers if c.id == "web-banking"]
    assert [c.name for c in kept] == ["Web Banking"]


def test_a_duplicate_in_files_named_for_neither_is_found_at_the_second(
    bank: Bank, tmp_path: Path
) -> None:
    root = copy(bank[0], tmp_path / "strategy")
    people = root / "stakeholders"
    (people / "noah-fischer.yaml").rename(people / "lead-architect.yaml")
    shutil.copyfile(people / "lead-architect.yaml", people / "architects.yaml")
    found = changes(bank[1], root)
    assert found.removed == []
    assert found.added == [
        (
            "BP301",
            "stakeholders/lead-architect.yaml",
            2,
            1,
            "duplicate stakeholder id 'noah-fischer': first defined at "
            "stakeholders/architects.yaml:2; rename one of them",
        )
    ]


def test_the_hint_never_says_to_create_a_file_that_exists(bank: Bank, tmp_path: Path) -> None:
    """The id changed in the file and in the goal, not in the demands: the references
    that were left are BP302, and `bpstrat new` (which would refuse) is not the fix."""
    root = copy(bank[0], tmp_path / "strategy")
    rel = "problems/late-fraud-signals.yaml"
    edit(root, rel, "\nid: late-fraud-signals\n", "\nid: account-takeover-lag\n")
    edit(root, "goals/real-time-fraud.yaml", "[late-fraud-signals]", "[account-takeover-lag]")
    found = changes(bank[1], root)
    assert found.removed == []
    assert [(code, path) for code, path, *_ in found.added] == [
        ("BP302", "consumers/fraud-scoring.yaml")
    ] * 3
    for *_, message in found.added:
        assert message.endswith(
            "; problems/late-fraud-signals.yaml holds problem 'account-takeover-lag': did you "
            "mean 'account-takeover-lag'? or write problem 'late-fraud-signals' in a file of "
            "another name (`bpstrat new` would write problems/late-fraud-signals.yaml)"
        )
