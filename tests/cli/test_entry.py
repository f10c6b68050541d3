"""The real process: the console script, `python -m bpstrat`, the --version and --help
fast paths (answered before typer is imported) and exit codes as a shell sees them.

Slow: each test starts Python. Everything else on the command line runs in-process
(tests.helpers.bpstrat, typer's CliRunner).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bpstrat.cli.help_text import HELP
from tests.helpers import BROKEN, EXAMPLES, Writer

pytestmark = pytest.mark.slow


def bpstrat(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m bpstrat ARGS` in a new process."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("GITHUB_ACTIONS", None) if "GITHUB_ACTIONS" not in (env or {}) else None
    return subprocess.run(
        [sys.executable, "-m", "bpstrat", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=60,
    )


def test_version_and_console_script() -> None:
    result = bpstrat("--version")
    assert result.returncode == 0 and result.stdout.startswith("bpstrat ")
    script = shutil.which("bpstrat", path=str(Path(sys.executable).parent))
    if script:
        assert subprocess.run([script, "--version"], capture_output=True).returncode == 0


@pytest.mark.parametrize("command", [[], ["lint"]])
def test_help(command: list[str]) -> None:
    result = bpstrat(*command, "--help")
    assert result.returncode == 0 and "Usage" in result.stdout


def test_prerendered_help_is_printed_when_it_fits() -> None:
    """`bpstrat --help` prints the pre-rendered text when the terminal is wide enough,
    and lets typer render it otherwise (tests/cli/test_app.py checks the text itself)."""
    fast = bpstrat("--help", env={"COLUMNS": "100"})
    assert fast.returncode == 0 and fast.stdout == HELP
    narrow = bpstrat("--help", env={"COLUMNS": "60"})
    assert narrow.returncode == 0 and narrow.stdout != HELP and "Usage: bpstrat" in narrow.stdout


def test_exit_codes(root: Writer, tmp_path: Path) -> None:
    """0 clean, 1 findings, 2 usage error: what CI scripts see, never a traceback."""
    clean = bpstrat("lint", EXAMPLES / "customer-data", "--today", "2026-11-20")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    broken = bpstrat("lint", root(BROKEN))
    assert broken.returncode == 1 and "BP302" in broken.stdout
    for args in (["lint", tmp_path / "nowhere"], ["lint", "--format", "xml"], ["nonsense"]):
        usage = bpstrat(*args, cwd=tmp_path)
        assert usage.returncode == 2, args
        assert usage.stderr and "Traceback" not in usage.stderr + usage.stdout
