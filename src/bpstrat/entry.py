"""The console-script entry point: answers `--version` and `--help` before importing
anything heavy, and plain `lint` runs without the command-line framework."""

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
    if sys.argv[1:2] == ["lint"]:
        from bpstrat.cli.quick_lint import parse, run

        request = parse(sys.argv[2:])
        if request is not None:
            from bpstrat.cli.failures import tolerant_streams

            tolerant_streams()
            sys.exit(run(request))
    from bpstrat.cli.app import main as cli_main

    cli_main()
