"""`bpstrat diff` on a temporary git repository with real commits (the `repo` fixture).

The text and Markdown reports are in tests/report/test_diff_report.py."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest

from bpstrat.cli.diff import run_diff
from bpstrat.errors import UsageError
from tests.helpers import EXAMPLES, TODAY, change_pricing, git


def diff_json(
    base: str, head: str | None, path: Path | None, format: str, today: dt.date
) -> dict[str, object]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run_diff(base, head, path, format=format, today=today) == 0
    result: dict[str, object] = json.loads(out.getvalue())
    return result


def test_working_tree_against_a_commit(repo: Path) -> None:
    change_pricing(repo)
    data = diff_json("HEAD", None, repo / "strategy", "json", TODAY)
    entities = {e["ref"]: e for e in data["entities"]}  # type: ignore[attr-defined]
    assert entities["consumer:hotel-connector"]["fields"] == ["importance: 4 → 5"]
    assert entities["goal:one-price-client"]["status"] == "removed"
    assert entities["problem:new-problem"]["status"] == "added"
    assert entities["stakeholder:raj-patel"]["fields"] == [
        "engagement.current: neutral → supportive"
    ]
    assert data["chosen"] == ["Price delivery: sync-api, price-events → sync-api, bulk-file"]
    assert data["coalition"] == "52% → 68%"
    assert data["flywheel_imbalance"] == "45% → 17%"
    introduced = {f["code"] for f in data["findings"]["introduced"]}  # type: ignore[index]
    assert introduced == {"BP411"}


def test_two_commits_and_from_a_subfolder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    change_pricing(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "change")
    monkeypatch.chdir(repo / "strategy" / "consumers")
    data = diff_json("HEAD~1", "HEAD", None, "json", TODAY)
    assert len(data["entities"]) == 4  # type: ignore[arg-type]
    reverse = diff_json("HEAD", "HEAD~1", None, "json", TODAY)
    assert reverse["coalition"] == "68% → 52%"
    fixed = {f["code"] for f in reverse["findings"]["fixed"]}  # type: ignore[index]
    assert fixed == {"BP411"}


def test_strategy_added_in_the_change(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("x\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "empty")
    shutil.copytree(EXAMPLES / "customer-data", tmp_path / "strategy")
    data = diff_json("HEAD", None, tmp_path / "strategy", "json", TODAY)
    assert len(data["entities"]) == 24  # type: ignore[arg-type]


def test_errors(repo: Path) -> None:
    with pytest.raises(UsageError, match="unknown revision 'nope'"):
        run_diff("nope", None, repo / "strategy", format="text", today=TODAY)
    shutil.rmtree(repo / ".git")
    with pytest.raises(UsageError, match="not inside a git repository"):
        run_diff("HEAD", None, repo / "strategy", format="text", today=TODAY)
