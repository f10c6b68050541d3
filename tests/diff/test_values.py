"""`bpstrat diff` compares validated values: defaults applied, only real changes, numbers."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest

from bpstrat.cli.diff import run_diff
from bpstrat.diff.compare import _percent_change
from tests.helpers import TODAY, write_root

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

DIMENSION = "kind: dimension\nid: d\nname: D\noptions: [{id: a}, {id: b}, {id: c}]\n"


def git(repo: Path, *args: str) -> None:
    import subprocess

    subprocess.run(
        ["git", "-C", str(repo), *args],
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.com",
            "PATH": "/usr/bin:/bin:/usr/local/bin",
            "HOME": str(repo),
        },
    )


def diff_of(
    tmp_path: Path, before: dict[str, str], after: dict[str, str], format: str = "json"
) -> str:
    root = write_root(tmp_path / "strategy", before)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    for name, text in after.items():
        (root / name).write_text(text)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run_diff("HEAD", None, root, format=format, today=TODAY) == 0
    return out.getvalue()


def test_a_value_changed_from_its_default_is_changed_not_added(tmp_path: Path) -> None:
    data = json.loads(
        diff_of(
            tmp_path,
            {"d.yaml": DIMENSION},
            {"d.yaml": DIMENSION.replace("options", "choose: 2\noptions")},
        )
    )
    [entity] = data["entities"]
    assert entity["status"] == "changed"
    assert entity["fields"] == ["choose: 1 → 2"]
    assert entity["changes"] == [{"field": "choose", "from": 1, "to": 2}]


def test_writing_out_a_default_is_no_change(tmp_path: Path) -> None:
    out = diff_of(
        tmp_path,
        {"d.yaml": DIMENSION},
        {"d.yaml": DIMENSION.replace("options", "choose: 1\noptions")},
        "text",
    )
    assert out.endswith(": none\n")


def test_scores_carry_numbers_and_rounding_never_prints_an_equal_change() -> None:
    assert _percent_change(0.07, 0.0701) is None
    change = _percent_change(0.071, 0.074)
    assert change is not None and change.text == "7.1% → 7.4%"
    assert change.as_json() == {"from": 0.071, "to": 0.074}
    assert _percent_change(0.52, 0.68) is not None
    assert _percent_change(0.52, 0.68).text == "52% → 68%"  # type: ignore[union-attr]


def test_json_scores_are_numbers(tmp_path: Path) -> None:
    person = (
        "kind: stakeholder\nid: bo\nname: Bo\npower: 5\ninterest: 3\n"
        "engagement: {current: neutral}\nreviewed: 2026-11-01\n"
    )
    data = json.loads(
        diff_of(tmp_path, {"bo.yaml": person}, {"bo.yaml": person.replace("neutral", "leading")})
    )
    assert isinstance(data["coalition"], str)  # the existing key stays
    numbers = data["scores"]["coalition"]
    assert numbers["to"] > numbers["from"]
    assert all(isinstance(numbers[k], float) for k in ("from", "to"))
