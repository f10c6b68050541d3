"""What the quick paths of `lint` and `agenda` share: reading a plain command line and
answering it with the exit codes Typer's commands give.

A quick path answers only command lines it reads completely; on anything else (help,
`--opt=value`, an option it does not know, a value Typer would reject) it gives None so
that Typer handles the command line and words every usage error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable


def scan(
    args: Iterable[str],
    takes_value: Iterable[str],
    accept: Callable[[str, str], bool],
    path: Callable[[str], bool],
    no_cache: Callable[[], None],
) -> bool:
    """Read `args`: `--no-cache`, the options of `takes_value` each with its value (`accept`
    says whether the value is one Typer would take) and positional paths (`path` says
    whether one more is welcome). False as soon as something is not plain."""
    options = frozenset(takes_value)
    rest = iter(args)
    for arg in rest:
        if arg == "--no-cache":
            no_cache()
        elif arg in options:
            value = next(rest, None)
            if value is None or not accept(arg, value):
                return False
        elif arg.startswith("-") or arg == "" or not path(arg):
            return False
    return True


def iso_date(value: str) -> dt.date | None:
    """A `--today` value as Typer's commands read it, or None when it is not a date."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def answer(command: Callable[[], int]) -> int:
    """Run a command as its Typer command would: after loading is frozen, with every
    failure turned into the exit code and message Typer's path gives."""
    from bpstrat.cli.failures import exit_code_for
    from bpstrat.model.load import freeze_after_load

    freeze_after_load()
    try:
        return command()
    except (Exception, KeyboardInterrupt) as error:
        return exit_code_for(error)
