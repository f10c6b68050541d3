"""`bpstrat lint` without the command-line framework, for the plain invocations.

Pre-commit and editors run `bpstrat lint [PATH]... [--format F] [--fail-on L] [--today D]
[--no-cache]` on every commit; importing Typer (and building every command's options)
is a large share of such a run on a small root. Those invocations are answered here with
the same defaults, the same output and the same exit codes; anything else (help, other
options, a value Typer would reject) returns None and goes through Typer, which words
every usage error.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bpstrat.findings import LEVELS
from bpstrat.report.formats import LINT


class Request:
    """The options of one plain lint invocation."""

    def __init__(self) -> None:
        self.paths: list[Path] = []
        self.format: str | None = None
        self.fail_on = "error"
        self.today: dt.date | None = None
        self.cache = True


def parse(args: list[str]) -> Request | None:
    """The options after `lint`, or None when Typer should handle the command line."""
    request = Request()
    rest = iter(args)
    for arg in rest:
        if arg == "--no-cache":
            request.cache = False
        elif arg in ("--format", "-f", "--fail-on", "--today"):
            value = next(rest, None)
            if value is None or not _accept(request, arg, value):
                return None
        elif arg.startswith("-") or arg == "":
            return None
        else:
            request.paths.append(Path(arg))
    return request


def _accept(request: Request, option: str, value: str) -> bool:
    if option in ("--format", "-f"):
        request.format = value
        return value in LINT
    if option == "--fail-on":
        request.fail_on = value
        return value in LEVELS
    try:
        request.today = dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def run(request: Request) -> int:
    """Lint as `bpstrat lint` does and return its exit code."""
    from bpstrat.cli.failures import exit_code_for
    from bpstrat.model.load import freeze_after_load

    freeze_after_load()
    try:
        from bpstrat.cli.lint import run_lint

        return run_lint(
            request.paths or [Path(".")],
            format=request.format,
            fail_on=request.fail_on,
            today=request.today,
            cache=request.cache,
        )
    except (Exception, KeyboardInterrupt) as error:
        return exit_code_for(error)
