"""A consumer without a side when sides are declared, and a review dated in the future."""

from __future__ import annotations

from pathlib import Path

from bpstrat.lint.linter import lint
from tests.helpers import TODAY, write_root

SIDES = "product:\n  id: demo\n  name: Demo\n  owner: ana\n  sides: [client, supply]\n"


def found(root: Path, code: str) -> list[tuple[str, int, str]]:
    return [(f.path, f.line, f.message) for f in lint(root, TODAY).findings if f.code == code]


def test_a_consumer_without_side_is_reported_when_sides_are_declared(tmp_path: Path) -> None:
    root = write_root(
        tmp_path,
        {
            "a.yaml": "kind: consumer\nid: a\nname: A\nimportance: 5\n",
            "b.yaml": "kind: consumer\nid: b\nname: B\nimportance: 5\nside: client\n",
        },
        config=SIDES,
    )
    [(path, line, message)] = found(root, "BP201")
    assert (path, line) == ("a.yaml", 1)
    assert "missing `side`; declared sides: client, supply" in message


def test_no_side_needed_without_declared_sides(tmp_path: Path) -> None:
    root = write_root(tmp_path, {"a.yaml": "kind: consumer\nid: a\nname: A\nimportance: 5\n"})
    assert found(root, "BP201") == []


def test_an_invalid_side_is_one_finding_not_also_missing(tmp_path: Path) -> None:
    root = write_root(
        tmp_path,
        {
            "a.yaml": "kind: consumer\nid: a\nname: A\nimportance: 5\nside: Client Side\n",
        },
        config=SIDES,
    )
    assert found(root, "BP201") == []
    assert len(found(root, "BP202")) == 1


def test_a_review_dated_in_the_future_is_bp202(tmp_path: Path) -> None:
    root = write_root(
        tmp_path,
        {
            "bo.yaml": "kind: stakeholder\nid: bo\nname: Bo\npower: 2\ninterest: 2\n"
            "reviewed: 2062-11-01\n",
        },
    )
    [(path, line, message)] = found(root, "BP202")
    assert (path, line) == ("bo.yaml", 6)
    assert "after today (2026-11-20)" in message
    assert [f for f in lint(root, TODAY).findings if f.code == "BP406"] == []


def test_a_review_dated_today_is_fine(tmp_path: Path) -> None:
    root = write_root(
        tmp_path,
        {
            "bo.yaml": "kind: stakeholder\nid: bo\nname: Bo\npower: 2\ninterest: 2\n"
            "reviewed: 2026-11-20\n",
        },
    )
    assert found(root, "BP202") == []
