"""The typer application in-process: --version, --help and the pre-rendered help text.

The real process and its fast paths are in test_entry.py (slow).
"""

from __future__ import annotations

import pytest

from bpstrat import __version__
from bpstrat.cli.help_text import HELP, render_live
from tests.helpers import bpstrat


def test_prerendered_help_matches_typer() -> None:
    """`bpstrat --help` prints a pre-rendered text; it must be exactly what typer renders."""
    assert render_live() == HELP, "regenerate with: python -m bpstrat.cli.help_text"


def test_version() -> None:
    result = bpstrat("--version")
    assert result.returncode == 0 and result.stdout == f"bpstrat {__version__}\n"


@pytest.mark.parametrize("command", [[], ["lint"], ["score"], ["brief"], ["diff"]])
def test_help(command: list[str]) -> None:
    result = bpstrat(*command, "--help")
    assert result.returncode == 0 and "Usage: bpstrat" in result.stdout
