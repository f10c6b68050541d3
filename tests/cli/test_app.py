"""The typer application in-process: --version, --help and the pre-rendered help text.

The real process and its fast paths are in test_entry.py (slow).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bpstrat import __version__
from bpstrat.cli import help_text
from bpstrat.cli.help_text import HELP, WIDTH
from tests.helpers import bpstrat


def render_live() -> str:
    """What typer prints for `bpstrat --help` in a terminal of WIDTH columns."""
    code = "import sys; sys.argv = ['bpstrat', '--help']; from bpstrat.cli.app import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": str(WIDTH)},
        check=True,
    )
    return result.stdout


def regenerate(live: str) -> None:
    """Rewrite HELP in cli/help_text.py from typer's live rendering."""
    path = Path(help_text.__file__)
    text = path.read_text(encoding="utf-8")
    start = text.index('HELP = """\\\n') + len('HELP = """\\\n')
    end = text.index('"""', start)
    path.write_text(text[:start] + live + text[end:], encoding="utf-8")


def test_prerendered_help_matches_typer() -> None:
    """`bpstrat --help` prints a pre-rendered text; it must be exactly what typer renders."""
    live = render_live()
    if os.environ.get("BPSTRAT_UPDATE_GOLDEN") == "1":
        regenerate(live)
    assert live == HELP, (
        "regenerate with: BPSTRAT_UPDATE_GOLDEN=1 python -m pytest tests/cli/test_app.py"
    )


def test_version() -> None:
    result = bpstrat("--version")
    assert result.returncode == 0 and result.stdout == f"bpstrat {__version__}\n"


@pytest.mark.parametrize("command", [[], ["lint"], ["score"], ["brief"], ["diff"]])
def test_help(command: list[str]) -> None:
    result = bpstrat(*command, "--help")
    assert result.returncode == 0 and "Usage: bpstrat" in result.stdout
