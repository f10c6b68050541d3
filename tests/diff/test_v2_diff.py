"""`bpstrat diff` shows v2 changes: goal status, accommodations, superseded decisions."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from bpstrat.cli.diff import run_diff
from tests.helpers import git
from tests.v2_strategy import FILES, TODAY, write


def committed(tmp_path: Path, **files: str) -> Path:
    base = write(tmp_path / "strategy", **files)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    return base


def diff(base: Path, format: str = "json") -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run_diff("HEAD", None, base, format=format, today=TODAY) == 0
    return out.getvalue()


def diff_json(base: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(diff(base))
    return data


OFF_TRACK = FILES["goal.yaml"].replace("value: 420", "value: 880")
NO_ACCOMMODATION = FILES["decisions.yaml"].split("accommodations:")[0]


@pytest.mark.slow
def test_new_measurement_moves_goal_on_track(tmp_path: Path) -> None:
    base = committed(tmp_path, **{"goal.yaml": OFF_TRACK})
    (base / "goal.yaml").write_text(OFF_TRACK + "    - {date: 2026-11-19, value: 400}\n")
    data = diff_json(base)
    assert data["goals"] == [
        "fresh-prices: off-track → on-track: progress 60%, expected 39% (latest 400 on 2026-11-19)"
    ]
    fixed = [f["code"] for f in data["findings"]["fixed"]]
    assert fixed == ["BP417"]
    assert "goal fresh-prices: off-track → on-track" in diff(base, "text")
    assert "- Goal: fresh-prices: off-track → on-track" in diff(base, "markdown")


@pytest.mark.slow
def test_accommodation_added_and_ended(tmp_path: Path) -> None:
    base = committed(tmp_path, **{"decisions.yaml": NO_ACCOMMODATION})
    (base / "decisions.yaml").write_text(FILES["decisions.yaml"])
    assert diff_json(base)["accommodations"] == [
        "Integration style: Billing (nightly-batch) accommodated: a nightly file generated "
        "from the event stream, until 2027-12-31"
    ]
    git(tmp_path, "commit", "-qam", "accommodate")
    ended = FILES["decisions.yaml"].replace("until: 2027-12-31", "until: 2026-11-01")
    (base / "decisions.yaml").write_text(ended)
    data = diff_json(base)
    assert data["accommodations"] == [
        "Integration style: Billing (nightly-batch) no longer accommodated "
        "(a nightly file generated from the event stream)"
    ]
    assert "accommodation Integration style: Billing" in diff(base, "text")


@pytest.mark.slow
def test_decision_superseded(tmp_path: Path) -> None:
    plain = FILES["decisions.yaml"].replace(
        "supersedes: integration-style-2026  # decision id (same dimension)\n", ""
    )
    base = committed(tmp_path, **{"decisions.yaml": plain})
    (base / "decisions.yaml").write_text(FILES["decisions.yaml"])
    data = diff_json(base)
    assert data["superseded"] == ["integration-style-2026 superseded by integration-style-2027"]
    assert "- Decision: integration-style-2026 superseded by" in diff(base, "markdown")
