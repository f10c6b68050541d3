"""RFC 5545 (iCalendar) text: content lines, escaped TEXT values, folding, dates.

Only what an agenda of all-day events needs. Every line ends with CRLF; a line longer
than 75 octets is folded (CRLF, then one space) at a character boundary, never inside a
UTF-8 sequence and never between a backslash and the character it escapes.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from bpstrat.source.visible import visible

CRLF = "\r\n"
LINE_OCTETS = 75

_TEXT_ESCAPES = {"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"}


def text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks
    escaped; any other control or bidi character shown as an escape, never passed on."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    shown = "\n".join(visible(line) for line in lines)
    return "".join(_TEXT_ESCAPES.get(char, char) for char in shown)


def date(day: dt.date) -> str:
    """A DATE value: YYYYMMDD, the year always four digits."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def midnight_utc(day: dt.date) -> str:
    """A DATE-TIME value in UTC at the start of `day`."""
    return f"{date(day)}T000000Z"


def uid(*parts: str) -> str:
    """A globally unique, stable UID from the parts that identify a thing."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{digest[:32]}@bpstrat"


def fold(line: str) -> str:
    """One content line, folded at 75 octets, ending with CRLF."""
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return line + CRLF
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = LINE_OCTETS
    for unit in _units(line):
        octets = len(unit.encode("utf-8"))
        if size + octets > limit and current:
            pieces.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1  # the leading space counts
        current.append(unit)
        size += octets
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces) + CRLF


def _units(line: str) -> list[str]:
    """The characters of `line`, a backslash kept with the character it escapes."""
    units: list[str] = []
    index = 0
    while index < len(line):
        step = 2 if line[index] == "\\" and index + 1 < len(line) else 1
        units.append(line[index : index + step])
        index += step
    return units


def content_line(name: str, value: str, **params: str) -> str:
    """`NAME;PARAM=VALUE:value`, folded, with CRLF; `value` is written as given."""
    head = name + "".join(f";{key.replace('_', '-')}={val}" for key, val in params.items())
    return fold(f"{head}:{value}")
