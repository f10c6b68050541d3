"""Two `bpstrat measure` runs at once never lose a value: each holds the goal file's lock
from its read to its rename, and a change by a program that takes no lock (an editor
saving) between the read and the rename is refused, never overwritten."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bpstrat.edit import file_lock
from bpstrat.edit import measure as measure_module
from tests.edit.test_measure_in_place import GOAL
from tests.helpers import EXAMPLES, bpstrat


@pytest.fixture
def root(tmp_path: Path) -> Path:
    base = tmp_path / "root"
    shutil.copytree(EXAMPLES / "customer-data", base)
    (base / "goals" / "gm.yaml").write_text(GOAL.format(tail=""))
    return base


def values(goal: Path) -> list[str]:
    return sorted(
        line.split("value: ")[1].rstrip("}\n")
        for line in goal.read_text().splitlines()
        if "value: " in line
    )


def test_a_change_between_read_and_write_is_refused_and_kept(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal = root / "goals" / "gm.yaml"
    edited = GOAL.format(tail="  measurements:\n  - {date: 2026-11-01, value: 8}\n")
    original = measure_module.add_measurement

    def someone_saves_meanwhile(text: str, *args: object) -> str:
        goal.write_text(edited)  # another program, which takes no lock, saves the file
        return original(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(measure_module, "add_measurement", someone_saves_meanwhile)
    result = bpstrat("measure", "--today", "2026-11-20", "gm", "3", root)
    assert result.returncode == 2
    assert "goals/gm.yaml changed while the measurement was being added" in result.stderr
    assert goal.read_text() == edited  # their change is kept, ours is not half-written


def test_a_run_waits_for_the_lock_and_then_refuses(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal = root / "goals" / "gm.yaml"
    before = goal.read_bytes()
    monkeypatch.setattr(file_lock, "LOCK_WAIT", 0.1)
    with open(goal, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # another run is editing it
        result = bpstrat("measure", "--today", "2026-11-20", "gm", "3", root)
    assert result.returncode == 2
    assert "goals/gm.yaml is being edited by another bpstrat run" in result.stderr
    assert goal.read_bytes() == before
    assert bpstrat("measure", "--today", "2026-11-20", "gm", "3", root).returncode == 0


def test_a_waiter_edits_the_file_the_first_run_wrote(root: Path) -> None:
    goal = root / "goals" / "gm.yaml"
    seen: list[bytes] = []

    def second_run() -> None:
        with file_lock.editing(goal, "goals/gm.yaml", 1 << 20) as (content, _state):
            seen.append(content)

    with file_lock.editing(goal, "goals/gm.yaml", 1 << 20) as (content, _state):
        waiter = threading.Thread(target=second_run)
        waiter.start()  # it opens the file the first run is about to replace, and waits
        time.sleep(0.2)
        assert not seen
        new = content + b"  measurements:\n  - {date: 2026-11-01, value: 8}\n"
        (goal.parent / "gm.tmp").write_bytes(new)
        os.replace(goal.parent / "gm.tmp", goal)
    waiter.join(timeout=30)
    assert seen == [new]  # it read the new file, not the one it first opened


@pytest.mark.slow
def test_runs_started_together_record_every_value(root: Path) -> None:
    goal = root / "goals" / "gm.yaml"
    for attempt in range(3):
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "bpstrat", "measure", "--today", "2026-11-20"]
                + ["gm", str(100 * attempt + n), str(root)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in range(6)
        ]
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
    assert len(values(goal)) == 18
    assert values(goal) == sorted(str(100 * a + n) for a in range(3) for n in range(6))
    assert bpstrat("lint", root, "--today", "2026-11-20").returncode == 0
