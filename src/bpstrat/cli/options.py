"""What the command line's values mean, resolved once at the edge and passed down.

No Typer here: the plain lint path (quick_lint.py) reads the same values without the
command-line framework. "Today" is the only place bpstrat reads the clock.
"""

from __future__ import annotations

import datetime as dt
import math

from bpstrat.errors import UsageError
from bpstrat.findings import LEVELS, Level


def parse_today(value: str | None) -> dt.date | None:
    """--today as a date, or None when it was not given."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--today {value!r} is not a date written YYYY-MM-DD") from None


def resolve_today(given: dt.date | None, recorded: dt.date | None = None) -> dt.date:
    """The one "today" of a run: --today, else the date the output being checked records
    (so a committed brief goes out of date only when its inputs change), else the
    system date."""
    return given or recorded or dt.date.today()


def fail_level(name: str) -> Level:
    """A --fail-on value as a level; an unknown one is a usage error."""
    for level in LEVELS:
        if level == name:
            return level
    raise UsageError(f"--fail-on {name!r} is not one of {', '.join(LEVELS)}")


MIN_FACTOR = 1e-6
MAX_FACTOR = 1e6
"""What-if factors are finite and within these bounds, so weights stay finite."""


def parse_what_if(values: list[str]) -> dict[str, float]:
    """--what-if CONSUMER=FACTOR values as factors by consumer id."""
    factors: dict[str, float] = {}
    for value in values:
        consumer, sep, number = value.partition("=")
        try:
            factor = float(number)
        except ValueError:
            factor = math.nan
        # NaN fails every comparison, so it is refused with the rest.
        if not sep or not consumer.strip() or not MIN_FACTOR <= factor <= MAX_FACTOR:
            raise UsageError(
                f"--what-if {value!r}: write CONSUMER=FACTOR with a factor above 0 "
                f"({MIN_FACTOR:g} to {MAX_FACTOR:g}), e.g. --what-if billing=1.5"
            )
        name = consumer.strip()
        if name in factors:
            raise UsageError(
                f"--what-if names {name!r} twice; give one factor per consumer "
                f"(e.g. --what-if {name}={factor:g})"
            )
        factors[name] = factor
    return factors
