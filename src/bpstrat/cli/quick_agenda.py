"""`bpstrat agenda` without the command-line framework, for the plain invocations.

A scheduled job or a calendar export runs `bpstrat agenda [PATH] [--days N] [--format F]
[--today D] [-o FILE] [--no-cache]`; importing Typer is a large share of such a run on
a small root or a warm cache. Those invocations are answered here with the same
defaults, output and exit codes; anything else (help, `--opt=value`, a value Typer
would reject) returns None and goes through Typer, which words every usage error.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bpstrat.agenda.items import DEFAULT_DAYS
from bpstrat.report.formats import AGENDA


class Request:
    """The options of one plain agenda invocation."""

    def __init__(self) -> None:
        self.path = Path(".")
        self.days = DEFAULT_DAYS
        self.format = "text"
        self.today: dt.date | None = None
        self.output: Path | None = None
        self.cache = True


def parse(args: list[str]) -> Request | None:
    """The options after `agenda`, or None when Typer should handle the command line."""
    request = Request()
    paths = 0
    rest = iter(args)
    for arg in rest:
        if arg == "--no-cache":
            request.cache = False
        elif arg in ("--days", "--format", "-f", "--today", "--output", "-o"):
            value = next(rest, None)
            if value is None or not _accept(request, arg, value):
                return None
        elif arg.startswith("-") or arg == "" or paths:
            return None
        else:
            request.path, paths = Path(arg), 1
    return request


def _accept(request: Request, option: str, value: str) -> bool:
    if option == "--days":
        # digits only, at most as many as any day count needs: Typer words the rest
        if not (value.isascii() and value.isdigit() and len(value) <= 9):
            return False
        request.days = int(value)
        return True
    if option in ("--format", "-f"):
        request.format = value
        return value in AGENDA
    if option in ("--output", "-o"):
        request.output = Path(value)
        return value != "" and not value.startswith("-")
    try:
        request.today = dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def run(request: Request) -> int:
    """The agenda as `bpstrat agenda` writes it, and its exit code."""
    from bpstrat.cli.failures import exit_code_for
    from bpstrat.model.load import freeze_after_load

    freeze_after_load()
    try:
        from bpstrat.cli.agenda import run_agenda

        return run_agenda(
            request.path,
            days=request.days,
            format=request.format,
            today=request.today,
            output=request.output,
            cache=request.cache,
        )
    except (Exception, KeyboardInterrupt) as error:
        return exit_code_for(error)
