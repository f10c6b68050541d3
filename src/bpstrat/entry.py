"""The console-script entry point: answers `--version` and `--help` before importing
anything heavy."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from bpstrat import __version__

        sys.stdout.write(f"bpstrat {__version__}\n")
        return
    if sys.argv[1:] == ["--help"]:
        import shutil

        from bpstrat.cli.help_text import HELP, WIDTH

        if shutil.get_terminal_size().columns >= WIDTH:  # what click would measure
            sys.stdout.write(HELP)
            return
    from bpstrat.cli.app import main as cli_main

    cli_main()
