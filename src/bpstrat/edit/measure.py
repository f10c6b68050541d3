"""Append a dated measurement to a goal's metric, in place, keeping every comment.

The new item is inserted as text after the last measurement (or as a new
`measurements:` at the end of the metric), so nothing else in the file changes: not an
indent, a comment, a tag, a line ending (LF, CRLF or a lone CR). It copies the style of
the last item (a flow mapping `{date: ..., value: ...}` unless the list uses block
mappings); into a flow-style metric or list it is inserted before the closing bracket.
Only a layout insertion cannot handle goes through the round-trip reader, whose output
keeps the file's line endings. Either way the result must read back as the old data plus
the new measurement, with the same types (a tag such as `!!float` that a rewrite dropped
would change one), and the file is written atomically.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from bpstrat.edit import file_lock
from bpstrat.errors import UsageError
from bpstrat.model.types import NUMBER_LIMIT
from bpstrat.source.atomic import FileChangedError, write_atomic
from bpstrat.source.positions import Pos, editor_lines_keepends
from bpstrat.source.roundtrip import RoundTripError, dump_all, load_all
from bpstrat.source.tree import MAX_FILE_BYTES, TOO_LARGE
from bpstrat.source.yaml_fast import Document, parse


def add_measurement(text: str, document: int, date: dt.date, value: float | int) -> str:
    """`text` with {date, value} appended to `metric.measurements` of document `document`."""
    inserted = _insert_lines(text, document, date, value)
    if inserted is not None and _adds_exactly(text, inserted, document, date, value):
        return inserted
    updated = _with_newline(_round_trip(text, document, date, value), _newline(text))
    if _tag_count(updated) != _tag_count(text):
        raise ValueError("rewriting the file would drop a YAML tag; add the measurement by hand")
    if not _adds_exactly(text, updated, document, date, value):
        raise ValueError("the edited file would not read back as before plus the measurement")
    return updated


def _newline(text: str) -> str:
    """The file's line ending: CRLF, a lone CR, else LF."""
    if "\r\n" in text:
        return "\r\n"
    return "\r" if "\r" in text else "\n"


def _with_newline(text: str, newline: str) -> str:
    return text if newline == "\n" else text.replace("\n", newline)


def _insert_lines(text: str, document: int, date: dt.date, value: float | int) -> str | None:
    """The edit as inserted lines, or None when the layout needs the round-trip reader."""
    documents, error = parse(text)
    if error is not None or document >= len(documents):
        return None
    doc = documents[document]
    data = doc.data
    metric = data.get("metric") if isinstance(data, dict) else None
    if not isinstance(metric, dict) or not metric:
        return None
    lines = editor_lines_keepends(text)
    newline = _newline(text)
    positions = doc.positions
    metric_at = _past_tag(lines, positions.value(("metric",)))
    measurements = metric.get("measurements")
    flow = f"{{date: {date.isoformat()}, value: {_number(value)}}}"
    if _char(lines, metric_at) == "{":  # a flow mapping: insert before its `}`
        if measurements is None:
            return _insert_in_flow(lines, metric_at, f"measurements: [{flow}]")
        if isinstance(measurements, list):
            list_at = _past_tag(lines, positions.value(("metric", "measurements")))
            if _char(lines, list_at) == "[":
                return _insert_in_flow(lines, list_at, flow)
        return None
    if measurements is None:
        indent = " " * (metric_at.column - 1)
        after = _block_end(lines, positions.key(("metric",)).line, metric_at.column)
        new = [f"{indent}measurements:{newline}", f"{indent}  - {flow}{newline}"]
    elif isinstance(measurements, list):
        list_at = _past_tag(lines, positions.value(("metric", "measurements")))
        if _char(lines, list_at) == "[":
            return _insert_in_flow(lines, list_at, flow)
        if _char(lines, list_at) != "-" or not measurements:
            return None
        dash = list_at.column
        last = positions.key(("metric", "measurements", len(measurements) - 1))
        after = _block_end(lines, last.line, dash + 1)
        indent = " " * (dash - 1)
        if _char(lines, last) == "{" or not isinstance(measurements[-1], dict):
            new = [f"{indent}- {flow}{newline}"]
        else:
            new = [
                f"{indent}- date: {date.isoformat()}{newline}",
                f"{indent}  value: {_number(value)}{newline}",
            ]
    else:
        return None
    if after > 0 and not lines[after - 1].endswith(("\n", "\r")):
        lines[after - 1] += newline
    return "".join(lines[:after] + new + lines[after:])


def _insert_in_flow(lines: list[str], opening: Pos, item: str) -> str | None:
    """The text with `item` added as the last entry of the flow collection whose opening
    bracket is at `opening`, or None when its end cannot be found."""
    text = "".join(lines)
    start = sum(len(line) for line in lines[: opening.line - 1]) + opening.column - 1
    end = _flow_end(text, start)
    if end is None:
        return None
    head = text[:end]
    last = head.rstrip()  # the entry before the closing bracket; what follows it stays
    separator = "" if len(last) == start + 1 or last.endswith(",") else ", "
    return last + separator + item + head[len(last) :] + text[end:]


_QUOTE_AFTER = frozenset("[{,:?- \t\r\n")  # where a quote starts a quoted scalar


def _flow_end(text: str, start: int) -> int | None:
    """The index of the bracket that closes the flow collection opening at `start`,
    skipping quoted scalars and comments; None when there is none. One pass."""
    depth = 0
    index = start
    length = len(text)
    while index < length:
        char = text[index]
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return index
        elif char in "'\"" and text[index - 1] in _QUOTE_AFTER:
            index = _quote_end(text, index)
            if index < 0:
                return None
        elif char == "#" and text[index - 1] in " \t\r\n":
            ends = [i for i in (text.find("\n", index), text.find("\r", index)) if i >= 0]
            if not ends:
                return None
            index = min(ends)
        index += 1
    return None


def _quote_end(text: str, start: int) -> int:
    """The index of the quote that closes the quoted scalar opening at `start`, or -1."""
    quote = text[start]
    index = start + 1
    while True:
        index = text.find(quote, index)
        if index < 0:
            return -1
        if quote == "'":
            if text.startswith("''", index):
                index += 2
                continue
            return index
        slashes = 0
        while text[index - 1 - slashes] == "\\":
            slashes += 1
        if slashes % 2 == 0:
            return index
        index += 1


def _past_tag(lines: list[str], pos: Pos) -> Pos:
    """Where the collection at `pos` starts when a tag comes first (`!!map {`, or `!!seq`
    at the end of the line before a block list)."""
    line = lines[pos.line - 1] if 0 < pos.line <= len(lines) else ""
    if line[pos.column - 1 : pos.column] != "!":
        return pos
    rest = line[pos.column - 1 :].split(None, 1)
    if len(rest) == 2 and not rest[1].startswith("#"):
        return Pos(pos.line, len(line) - len(rest[1]) + 1)
    if pos.line < len(lines):
        following = lines[pos.line]
        return Pos(pos.line + 1, len(following) - len(following.lstrip(" ")) + 1)
    return pos


def _tag_count(text: str) -> int:
    """How many explicit tags the text holds (core tags too, which read as no problem)."""
    import yaml

    loader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    return sum(getattr(event, "tag", None) is not None for event in yaml.parse(text, loader))


def _char(lines: list[str], pos: Pos) -> str:
    line = lines[pos.line - 1] if 0 < pos.line <= len(lines) else ""
    return line[pos.column - 1 : pos.column]


def _block_end(lines: list[str], first: int, column: int) -> int:
    """The number of lines up to the end of the block whose content starts at 1-based
    line `first` and is indented to at least `column`: trailing blank and comment lines
    belong to what follows."""
    end = first
    for number in range(first + 1, len(lines) + 1):
        line = lines[number - 1]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(line) - len(line.lstrip(" ")) < column - 1 or stripped in ("---", "..."):
            break
        end = number
    return end


def _number(value: float | int) -> str:
    return str(value) if isinstance(value, int) else repr(value)


def _adds_exactly(before: str, after: str, document: int, date: dt.date, value: float) -> bool:
    old, old_error = parse(before)
    new, new_error = parse(after)
    if old_error is not None or new_error is not None or len(old) != len(new):
        return False
    for index, (a, b) in enumerate(zip(old, new, strict=True)):
        if _tags(a) != _tags(b):
            return False  # a tag the rewrite dropped, or one it added
        if index != document:
            if not _same(a.data, b.data):
                return False
            continue
        if not isinstance(a.data, dict) or not isinstance(b.data, dict):
            return False
        metric_a, metric_b = a.data.get("metric"), b.data.get("metric")
        if not isinstance(metric_a, dict) or not isinstance(metric_b, dict):
            return False
        added = {"date": date.isoformat(), "value": value}
        expected = {**metric_a, "measurements": [*(metric_a.get("measurements") or []), added]}
        if not _same(metric_b, expected) or not _same({**a.data, "metric": expected}, b.data):
            return False
    return True


def _tags(document: Document) -> list[str]:
    return [p.message for p in document.problems if "YAML tag" in p.message]


def _same(a: object, b: object) -> bool:
    """Equal, and of the same types all the way down (`1.0` is not `1`, `True` not `1`)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[key], b[key]) for key in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b or (a != a and b != b)  # NaN is itself


def _round_trip(text: str, document: int, date: dt.date, value: float | int) -> str:
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
    """Edit the goal's file on disk, atomically, holding its lock (edit/file_lock.py) from
    the read to the rename; unreadable YAML, or a change by another program meanwhile, is
    a usage error and nothing is written."""
    with file_lock.editing(path, rel, MAX_FILE_BYTES) as (raw, state):
        if len(raw) > MAX_FILE_BYTES:
            raise UsageError(f"{rel}: {TOO_LARGE}")
        try:
            text = raw.decode("utf-8")  # as written: keep its line endings
        except UnicodeDecodeError:
            raise UsageError(f"{rel}: not UTF-8 text; save it as UTF-8") from None
        try:
            updated = add_measurement(text, document, date, value)
        except RoundTripError as error:
            raise UsageError(f"{rel}:{error.where}: cannot edit: {error.message}") from None
        except (ValueError, IndexError) as error:
            raise UsageError(f"{rel}: cannot add a measurement: {error}") from None
        try:
            write_atomic(path, updated, expect=state)
        except FileChangedError:
            raise UsageError(
                f"{rel} changed while the measurement was being added (another program "
                "saved it); nothing was written, run the command again"
            ) from None
        except OSError as error:
            raise UsageError(f"cannot write {rel}: {error.strerror or error}") from None


def parse_value(text: str) -> int | float:
    """'420' -> 420, '0.5' -> 0.5; anything else (nan, inf, words) is a usage error."""
    try:
        return _bounded(int(text), text)
    except ValueError:
        pass
    try:
        number = float(text)
    except ValueError:
        number = float("nan")
    if number != number or number in (float("inf"), float("-inf")):
        raise UsageError(f"VALUE {text!r} is not a number; write it like 420 or 0.85")
    return _bounded(number, text)


def _bounded(number: int | float, text: str) -> int | float:
    if abs(number) > NUMBER_LIMIT:
        raise UsageError(
            f"VALUE {text!r} is out of range: metric values lie between -{NUMBER_LIMIT:.0e} "
            f"and {NUMBER_LIMIT:.0e}"
        )
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
