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
from bpstrat.cli.quick_args import answer, iso_date, scan
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
    paths: list[str] = []

    def path(arg: str) -> bool:
        if paths:  # one root only
            return False
        paths.append(arg)
        request.path = Path(arg)
        return True

    def no_cache() -> None:
        request.cache = False

    options = ("--days", "--format", "-f", "--today", "--output", "-o")
    plain = scan(
        args, options, lambda option, value: _accept(request, option, value), path, no_cache
    )
    return request if plain else None


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
    request.today = iso_date(value)
    return request.today is not None


def run(request: Request) -> int:
    """The agenda as `bpstrat agenda` writes it, and its exit code."""

    def agenda() -> int:
        from bpstrat.cli.agenda import run_agenda

        return run_agenda(
            request.path,
            days=request.days,
            format=request.format,
            today=request.today,
            output=request.output,
            cache=request.cache,
        )

    return answer(agenda)
