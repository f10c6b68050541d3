"""Append a dated measurement to a goal's metric, in place, keeping every comment.

The file is edited with the round-trip reader (comments, order and quotes survive) and
written atomically. A new item copies the style of the last one (a flow mapping
`{date: ..., value: ...}` unless the list uses block mappings); `measurements:` is
created when the metric has none.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from bpstrat.errors import UsageError
from bpstrat.source.atomic import write_output
from bpstrat.source.roundtrip import RoundTripError, dump_all, load_all


def add_measurement(text: str, document: int, date: dt.date, value: float | int) -> str:
    """`text` with {date, value} appended to `metric.measurements` of document `document`."""
    documents = load_all(text)
    goal = documents[document]
    metric = goal.get("metric") if isinstance(goal, dict) else None
    if not isinstance(metric, CommentedMap):
        raise ValueError("the goal has no `metric` mapping")
    item = CommentedMap([("date", date), ("value", value)])
    measurements = metric.get("measurements")
    if measurements is None:
        measurements = CommentedSeq()
        metric["measurements"] = measurements
        item.fa.set_flow_style()
    elif not isinstance(measurements, CommentedSeq):
        raise ValueError("`metric.measurements` is not a list")
    else:
        last = measurements[-1] if measurements else None
        block = isinstance(last, CommentedMap) and last.fa.flow_style() is False
        if not block:
            item.fa.set_flow_style()
    measurements.append(item)
    explicit = text.lstrip().startswith("---")
    return dump_all(documents, explicit_start=explicit)


def measure_file(path: Path, rel: str, document: int, date: dt.date, value: float | int) -> None:
    """Edit the goal's file on disk, atomically; unreadable YAML is a usage error."""
    text = path.read_text(encoding="utf-8")
    try:
        updated = add_measurement(text, document, date, value)
    except RoundTripError as error:
        raise UsageError(f"{rel}:{error.where}: cannot edit: {error.message}") from None
    except (ValueError, IndexError) as error:
        raise UsageError(f"{rel}: cannot add a measurement: {error}") from None
    write_output(path, updated)


def parse_value(text: str) -> int | float:
    """'420' -> 420, '0.5' -> 0.5; anything else (nan, inf, words) is a usage error."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        number = float(text)
    except ValueError:
        number = float("nan")
    if number != number or number in (float("inf"), float("-inf")):
        raise UsageError(f"VALUE {text!r} is not a number; write it like 420 or 0.85")
    return number


def parse_date(text: str | None, today: dt.date) -> dt.date:
    """--date as a date no later than today (default: today)."""
    if text is None:
        return today
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date {text!r} is not a date written YYYY-MM-DD") from None
    if len(text) != 10:
        raise UsageError(f"--date {text!r} is not a date written YYYY-MM-DD")
    if date > today:
        raise UsageError(
            f"--date {date} is after today ({today}); a measurement records a value already seen"
        )
    return date
