"""The console-script entry point: answers `--version` before importing anything heavy."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from bpstrat import __version__

        sys.stdout.write(f"bpstrat {__version__}\n")
        return
    from bpstrat.cli import main as cli_main

    cli_main()
