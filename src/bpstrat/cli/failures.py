"""What a command does with an exception: a message on stderr and an exit code.

Bad input is a usage error (2) and a bug is an internal error (3), never a bare
traceback. Shared by the Typer commands and the direct lint path (cli/quick_lint.py).
"""

from __future__ import annotations

import os
import sys

from bpstrat.errors import UsageError

INTERNAL_ERROR = 3  # a bug: not bad input (1: findings, 2: usage error)


def exit_code_for(error: BaseException) -> int:
    """Report `error` on stderr and return the exit code that goes with it."""
    if isinstance(error, UsageError):
        _say(f"bpstrat: error: {_shown(error)}")
        return 2
    if isinstance(error, BrokenPipeError):
        # The reader went away (`bpstrat ... | head`): stop quietly, as rich does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    if isinstance(error, KeyboardInterrupt):
        _say("bpstrat: interrupted")
        return 130
    if os.environ.get("BPSTRAT_DEBUG") == "1":
        import traceback

        traceback.print_exception(error)
    _say(
        f"bpstrat: internal error (a bug in bpstrat, not in your files): "
        f"{type(error).__name__}: {_shown(error)}; please report it with the command "
        "and the file that caused it (set BPSTRAT_DEBUG=1 to see the traceback)"
    )
    return INTERNAL_ERROR


def _shown(error: BaseException) -> str:
    """An error's message for the terminal: each line's control characters made visible."""
    from bpstrat.source.visible import visible

    return "\n".join(visible(line) for line in str(error).split("\n"))


def _say(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def tolerant_streams() -> None:
    """Write characters the terminal cannot show as escapes instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass
