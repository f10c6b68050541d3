"""`bpstrat lint` on the command line (in this process): exit codes, --fail-on, paths
relative to the current folder, usage errors.

The report formats are in tests/report/test_lint_reports.py; the real process, its entry
points and exit codes in test_entry.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import BROKEN, EXAMPLES, Writer, bpstrat


@pytest.mark.parametrize("example", ["pricing-platform", "customer-data"])
def test_examples_have_no_errors(example: str) -> None:
    result = bpstrat("lint", EXAMPLES / example, "--today", "2026-11-20")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.splitlines()[-1]


def test_text_paths_are_relative_to_cwd(root: Writer) -> None:
    base = root(BROKEN)
    result = bpstrat("lint", base.name, cwd=base.parent)
    assert f"{base.name}/consumers/web.yaml" in result.stdout


def test_fail_on(root: Writer) -> None:
    base = root(
        {"x.yaml": "kind: consumer\nid: web\nname: Web\nimportance: 3\nzzz: 1\n"},
        config="product: {id: d, name: D}\nlint:\n  severity: {BP203: warning}\n",
        with_ana=False,
    )
    assert bpstrat("lint", base).returncode == 0
    assert bpstrat("lint", base, "--fail-on", "warning").returncode == 1
    assert bpstrat("lint", base, "--fail-on", "info").returncode == 1


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["lint", "--today", "tomorrow"], "YYYY-MM-DD"),
        (["lint", "--format", "xml"], "xml"),
        (["lint", "--fail-on", "never"], "never"),
        (["lint", "/definitely/not/here"], "no such file"),
        (["nonsense"], "No such command"),
    ],
)
def test_usage_errors_exit_2(root: Writer, args: list[str], words: str) -> None:
    base = root({})
    result = bpstrat(*args, cwd=base)
    assert result.returncode == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_no_root_exits_2(tmp_path: Path) -> None:
    result = bpstrat("lint", tmp_path)
    assert result.returncode == 2
    assert "no bpstrat.yaml found" in result.stderr
    assert "Traceback" not in result.stderr
