"""`bpstrat history`: one point per commit that changed the root on the first-parent line,
each checked field by field against `score` and `lint` run on that commit's files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bpstrat.cli.app import app
from bpstrat.history.timeline import History, Window, read_history
from tests.history.conftest import Story

runner = CliRunner()


def _json(*args: str) -> Any:
    result = runner.invoke(app, [*args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def history(story: Story) -> History:
    return read_history(story.root)


@pytest.fixture(scope="module")
def points(story: Story) -> list[dict[str, Any]]:
    return _json("history", str(story.root), "--format", "json")["points"]  # type: ignore[no-any-return]


def test_one_point_per_commit_that_changed_the_root_oldest_first(
    story: Story, points: list[dict[str, Any]]
) -> None:
    c = story.commits
    # readme changed nothing under the root; at `unrooted` there is no bpstrat.yaml; the
    # branch's own commit is not on the first-parent line, its merge is.
    assert [p["commit"] for p in points] == [
        c["start"],
        c["win"],
        c["measure"],
        c["merge"],
        c["restore"],
    ]
    assert [p["date"] for p in points] == [
        "2026-09-01",
        "2026-09-11",
        "2026-10-01",
        "2026-10-21",
        "2026-11-10",
    ]
    assert [p["subject"] for p in points] == [
        "Start the strategy",
        "Win over Raj",
        "Measure the price age",
        "Merge the decisions",
        "Restore the configuration, add Dana",
    ]


def test_the_json_shape_is_the_contracts(points: list[dict[str, Any]]) -> None:
    assert all(
        list(p)
        == [
            "commit",
            "date",
            "subject",
            "coalition",
            "factions",
            "flywheel_imbalance",
            "dimensions",
            "goals",
            "findings",
        ]
        for p in points
    )
    assert set(points[0]["dimensions"]["integration-style"]) == {"chosen", "intensity", "decided"}
    assert set(points[0]["goals"]["fresh-prices"]) == {"status", "progress"}
    assert set(points[0]["findings"]) == {"error", "warning", "info"}


def test_figures_worked_out_by_hand(points: list[dict[str, Any]]) -> None:
    start, win, measure, merge, restore = points
    # power 5 leading + 2 supportive of 10; finance: 5 of 8
    assert (start["coalition"], start["factions"]) == (0.7, {"finance": 0.625})
    # no decision: messaging (5 x 3) beats nightly-batch (4 x 3); 12 of 27 unserved
    assert start["dimensions"] == {
        "integration-style": {"chosen": ["messaging"], "intensity": 0.444, "decided": False}
    }
    # the measurements lie after the commit's date: left out, no data yet
    assert start["goals"] == {"fresh-prices": {"status": "no-data", "progress": None}}
    assert start["flywheel_imbalance"] is None  # no sides declared
    assert win["coalition"] == 1.0 and win["factions"] == {"finance": 1.0}
    # 600 measured on 2026-09-30: (600 - 900) / (60 - 900); expected 91 / 364 days
    assert measure["goals"] == {"fresh-prices": {"status": "on-track", "progress": 0.357}}
    # decided, Billing accommodated at half: 1 - (15 + 0.5 x 12) / 27
    assert merge["dimensions"]["integration-style"] == {
        "chosen": ["messaging"],
        "intensity": 0.222,
        "decided": True,
    }
    # Dana (power 4, resistant) joins: 10 of 14; her faction has no support
    assert restore["coalition"] == 0.714
    assert restore["factions"] == {"finance": 1.0, "sales": 0.0}


def test_every_point_is_score_and_lint_at_that_commit(
    story: Story, points: list[dict[str, Any]], tmp_path: Path
) -> None:
    """Held out: each commit's files written out and scored and linted as of its date."""
    for point in points:
        files = story.repo.export(point["commit"], tmp_path / point["commit"]) / "strategy"
        today = ["--today", point["date"], "--no-cache"]
        score = _json("score", str(files), "--format", "json", *today)
        lint = _json("lint", str(files), "--format", "json", *today)
        coalition = score["coalition"]
        assert point["coalition"] == (coalition["share"] if coalition["total_power"] else None)
        assert point["factions"] == {f["id"]: f["share"] for f in coalition["factions"]}
        assert point["flywheel_imbalance"] == score["flywheel_imbalance"]
        assert point["dimensions"] == {
            d["id"]: {"chosen": d["chosen"], "intensity": d["intensity"], "decided": d["decided"]}
            for d in score["dimensions"]
        }
        assert point["goals"] == {
            g["id"]: {"status": g["status"], "progress": g["progress"]}
            for g in score["goals"]
            if g["key"]
        }
        summary = lint["summary"]
        assert point["findings"] == {k: summary[k] for k in ("error", "warning", "info")}


def test_since_a_revision_starts_after_it(story: Story, history: History) -> None:
    c = story.commits
    since = read_history(story.root, Window(since=c["win"]))
    assert [p.commit.sha for p in since.points] == [c["measure"], c["merge"], c["restore"]]
    assert since.base is not None and since.base.commit.sha == c["win"]
    assert since.points[0].as_json() == history.points[2].as_json()


def test_since_a_date_keeps_the_commits_of_that_day_and_after(
    story: Story, history: History
) -> None:
    c = story.commits
    since = read_history(story.root, Window(since="2026-10-01"))
    assert [p.commit.sha for p in since.points] == [c["measure"], c["merge"], c["restore"]]
    assert since.base is not None and since.base.commit.sha == c["win"]
    assert read_history(story.root, Window(since="2027-01-01")).points == []


def test_until_ends_the_line_there(story: Story) -> None:
    c = story.commits
    until = read_history(story.root, Window(until=c["merge"]))
    assert [p.commit.sha for p in until.points] == [c["start"], c["win"], c["measure"], c["merge"]]
    assert until.base is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "no-such-rev"], "unknown revision 'no-such-rev'"),
        (["--until", "-x"], "unknown revision '-x'"),
        (["--since", "2026-02-30"], "not a date"),
        (["--format", "yaml"], "not one of"),
    ],
)
def test_bad_options_are_usage_errors(story: Story, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["history", str(story.root), *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_folder_outside_git_is_a_usage_error(root: Any) -> None:
    result = runner.invoke(app, ["history", str(root({}))])
    assert result.exit_code == 2 and "not inside a git repository" in result.output
