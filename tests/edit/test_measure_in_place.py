"""`bpstrat measure` inserts lines and changes nothing else: indents, comments placed after
the list, line endings; out-of-range values and duplicate goal ids are refused."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from bpstrat.edit import measure as measure_module
from tests.helpers import EXAMPLES, bpstrat

GOAL = """\
kind: goal
id: gm
title: Measured
problems: [address-changes-lost]
metric:
  name: m   # the name
  baseline: 10
  target: 1
  by: 2027-06-30
{tail}"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    base = tmp_path / "root"
    shutil.copytree(EXAMPLES / "customer-data", base)
    return base


def measure(root: Path, *args: str) -> tuple[int, str]:
    result = bpstrat("measure", "--today", "2026-11-20", *args, root)
    return result.returncode, result.stderr


def test_a_block_list_gets_one_item_and_nothing_else_moves(root: Path) -> None:
    tail = "  measurements:\n  - date: 2026-01-01\n    value: 9\n  # tail comment\n\n# another\n"
    goal = root / "goals" / "gm.yaml"
    goal.write_text(GOAL.format(tail=tail))
    assert measure(root, "gm", "5", "--date", "2026-11-10")[0] == 0
    assert goal.read_text() == GOAL.format(
        tail="  measurements:\n  - date: 2026-01-01\n    value: 9\n"
        "  - date: 2026-11-10\n    value: 5\n  # tail comment\n\n# another\n"
    )


def test_a_missing_list_is_added_at_the_end_of_the_metric(root: Path) -> None:
    goal = root / "goals" / "gm.yaml"
    goal.write_text(GOAL.format(tail="# the end\n"))
    assert measure(root, "gm", "7.5", "--date", "2026-11-10")[0] == 0
    assert goal.read_text() == GOAL.format(
        tail="  measurements:\n    - {date: 2026-11-10, value: 7.5}\n# the end\n"
    )
    assert bpstrat("lint", root, "--today", "2026-11-20").returncode == 0


def test_crlf_line_endings_stay(root: Path) -> None:
    goal = root / "goals" / "gm.yaml"
    goal.write_bytes(GOAL.format(tail="").replace("\n", "\r\n").encode())
    assert measure(root, "gm", "3", "--date", "2026-11-10")[0] == 0
    assert goal.read_bytes().endswith(
        b"  by: 2027-06-30\r\n  measurements:\r\n    - {date: 2026-11-10, value: 3}\r\n"
    )
    assert b"\n" not in goal.read_bytes().replace(b"\r\n", b"")


def test_a_flow_metric_is_still_measured(root: Path) -> None:
    goal = root / "goals" / "gm.yaml"
    goal.write_text(
        "kind: goal\nid: gm\ntitle: Flow\nproblems: [address-changes-lost]\n"
        "metric: {name: m, baseline: 10, target: 1, by: 2027-06-30}\n"
    )
    assert measure(root, "gm", "4", "--date", "2026-11-10")[0] == 0
    assert "2026-11-10" in goal.read_text()
    assert bpstrat("lint", root, "--today", "2026-11-20").returncode == 0


@pytest.mark.parametrize("value", ["1e13", "-12345678901234"])
def test_a_value_out_of_range_is_refused(root: Path, value: str) -> None:
    goal = root / "goals" / "gm.yaml"
    goal.write_text(GOAL.format(tail=""))
    before = goal.read_bytes()
    code, err = measure(root, "--", "gm", value)
    assert code == 2 and "out of range" in err
    assert goal.read_bytes() == before


def test_a_goal_id_used_twice_is_refused(root: Path) -> None:
    (root / "goals" / "gm.yaml").write_text(GOAL.format(tail=""))
    (root / "goals" / "gm2.yaml").write_text(GOAL.format(tail=""))
    code, err = measure(root, "gm", "3")
    assert code == 2 and "used twice" in err


def test_lone_cr_line_endings_stay(root: Path) -> None:
    goal = root / "goals" / "gm.yaml"
    goal.write_bytes(GOAL.format(tail="").replace("\n", "\r").encode())
    assert measure(root, "gm", "3", "--date", "2026-11-10")[0] == 0
    assert goal.read_bytes().endswith(
        b"  by: 2027-06-30\r  measurements:\r    - {date: 2026-11-10, value: 3}\r"
    )
    assert b"\n" not in goal.read_bytes()


FLOW_GOALS = [
    # a flow metric beside block lists indented their own way, and a tag elsewhere
    (
        "metric: {name: m, baseline: 10, target: 1, by: 2027-06-30}  # flow\n"
        "notes:\n- one\n- !!str 2\n",
        "metric: {name: m, baseline: 10, target: 1, by: 2027-06-30, measurements: "
        "[{date: 2026-11-10, value: 4}]}  # flow\nnotes:\n- one\n- !!str 2\n",
    ),
    # a flow list of measurements inside a block metric indented by four
    (
        "metric:\n    name: m\n    baseline: 10\n    target: 1\n    by: 2027-06-30\n"
        "    measurements: [{date: 2026-01-01, value: 9}]\n",
        "metric:\n    name: m\n    baseline: 10\n    target: 1\n    by: 2027-06-30\n"
        "    measurements: [{date: 2026-01-01, value: 9}, {date: 2026-11-10, value: 4}]\n",
    ),
    # a tagged flow metric over several lines, with brackets in quotes and a comment
    (
        "metric: !!map {\n  name: 'it''s ]',\n  baseline: 10, target: 1,  # a } here\n"
        '  by: "2027-06-30"\n}\n',
        "metric: !!map {\n  name: 'it''s ]',\n  baseline: 10, target: 1,  # a } here\n"
        '  by: "2027-06-30", measurements: [{date: 2026-11-10, value: 4}]\n}\n',
    ),
    # an empty flow list, and a tagged block list
    (
        "metric:\n  name: m\n  baseline: 10\n  target: 1\n  by: 2027-06-30\n  measurements: []\n",
        "metric:\n  name: m\n  baseline: 10\n  target: 1\n  by: 2027-06-30\n"
        "  measurements: [{date: 2026-11-10, value: 4}]\n",
    ),
    (
        "metric:\n  name: m\n  baseline: 10\n  target: 1\n  by: 2027-06-30\n"
        "  measurements: !!seq\n  - {date: 2026-01-01, value: 9}\n",
        "metric:\n  name: m\n  baseline: 10\n  target: 1\n  by: 2027-06-30\n"
        "  measurements: !!seq\n  - {date: 2026-01-01, value: 9}\n"
        "  - {date: 2026-11-10, value: 4}\n",
    ),
]


@pytest.mark.parametrize(("before", "after"), FLOW_GOALS)
def test_flow_and_tagged_layouts_get_one_item_and_nothing_else_moves(
    root: Path, before: str, after: str
) -> None:
    head = "kind: goal\nid: gm\ntitle: Flow\nproblems: [address-changes-lost]\n"
    goal = root / "goals" / "gm.yaml"
    goal.write_text(head + before)
    code, err = measure(root, "gm", "4", "--date", "2026-11-10")
    assert code == 0, err
    assert goal.read_text() == head + after


def test_a_rewrite_keeps_line_endings_and_refuses_to_drop_a_tag() -> None:
    date = dt.date(2026, 11, 10)
    empty = "kind: goal\r\nmetric:\r\n  name: m\r\n  measurements:\r\nother: {tail}\r\n"
    # an empty `measurements:` goes through the round-trip writer: CRLF stays
    assert measure_module.add_measurement(empty.format(tail="5"), 0, date, 4) == (
        "kind: goal\r\nmetric:\r\n  name: m\r\n  measurements:\r\n"
        "    - {date: 2026-11-10, value: 4}\r\nother: 5\r\n"
    )
    assert measure_module.add_measurement(empty.format(tail="!!str 5"), 0, date, 4).endswith(
        "other: !!str 5\r\n"
    )
    for tag in ("!!int 5", "!!map {a: 1}", "!!bool true"):  # tags the writer would drop
        with pytest.raises(ValueError, match="drop a YAML tag"):
            measure_module.add_measurement(empty.format(tail=tag), 0, date, 4)
