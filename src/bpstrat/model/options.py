"""An option a demand or a decision names that its dimension does not define (BP303)."""

from __future__ import annotations

from bpstrat.findings import Issue, Path
from bpstrat.model.entities import Dimension
from bpstrat.model.strategy import E, Record, Strategy

SHOWN = 20  # names a message lists at most (a message per finding)


def names(listed: list[str], total: int | None = None) -> str:
    """`a, b, c`: the first SHOWN of `listed` (of `total` in all) and how many more."""
    more = (len(listed) if total is None else total) - SHOWN
    return ", ".join(listed[:SHOWN]) + (f" and {more:,} more" if more > 0 else "")


def unknown_option(
    strategy: Strategy, record: Record[E], path: Path, dimension_id: str, option: str
) -> Issue | None:
    """BP303 when `option` is not an option of the (valid) dimension `dimension_id`."""
    dimension = strategy.entity(Dimension, dimension_id)
    if dimension is None or strategy.option(dimension_id, option) is not None:
        return None  # an invalid dimension's own issues say why
    options = dimension.options
    known = names([o.id for o in options[:SHOWN]], len(options))
    close = strategy.closest_option(dimension_id, option)
    hint = f"did you mean {close!r}? " if close else ""
    return record.issue(
        "BP303",
        f"option {option!r} is not defined by dimension {dimension_id!r}; {hint}"
        f"its options are: {known}",
        path,
    )
