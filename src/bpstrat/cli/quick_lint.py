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

from bpstrat.cli.quick_args import answer, iso_date, scan
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

    def path(arg: str) -> bool:
        request.paths.append(Path(arg))
        return True

    def no_cache() -> None:
        request.cache = False

    options = ("--format", "-f", "--fail-on", "--today")
    plain = scan(
        args, options, lambda option, value: _accept(request, option, value), path, no_cache
    )
    return request if plain else None


def _accept(request: Request, option: str, value: str) -> bool:
    if option in ("--format", "-f"):
        request.format = value
        return value in LINT
    if option == "--fail-on":
        request.fail_on = value
        return value in LEVELS
    request.today = iso_date(value)
    return request.today is not None


def run(request: Request) -> int:
    """Lint as `bpstrat lint` does and return its exit code."""

    def lint() -> int:
        from bpstrat.cli.lint import run_lint

        return run_lint(
            request.paths or [Path(".")],
            format=request.format,
            fail_on=request.fail_on,
            today=request.today,
            cache=request.cache,
        )

    return answer(lint)
