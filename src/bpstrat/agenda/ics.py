"""RFC 5545 (iCalendar) text: content lines, escaped TEXT values, folding, dates.

Only what an agenda of all-day events needs. Every line ends with CRLF; a line longer
than 75 octets is folded (CRLF, then one space) at a character boundary, never inside a
UTF-8 sequence. (A fold may fall inside an escape such as `\\,`: readers unfold
before they read values, as the RFC says.)
"""

from __future__ import annotations

import datetime as dt
import hashlib

from bpstrat.source.visible import has_control, visible

CRLF = "\r\n"
LINE_OCTETS = 75


def text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks
    escaped; any other control or bidi character shown as an escape, never passed on."""
    if has_control(value):
        lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        value = "\n".join(visible(line) for line in lines)
    # the backslash first, so the escapes added after it are not escaped again
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


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
    """One content line, folded at 75 octets, ending with CRLF.

    Each cut falls before a byte that starts a UTF-8 sequence (never before a
    continuation byte, 0b10xxxxxx), so every physical line is whole UTF-8 text."""
    # backslashreplace: a lone surrogate (no character) is written as its escape
    data = line.encode("utf-8", "backslashreplace")
    if len(data) <= LINE_OCTETS:
        return line + CRLF
    pieces: list[bytes] = []
    start, limit = 0, LINE_OCTETS
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # at most three steps back
            cut -= 1
        pieces.append(data[start:cut])
        start, limit = cut, LINE_OCTETS - 1  # a continuation line starts with a space
    pieces.append(data[start:])
    return (b"\r\n ".join(pieces) + b"\r\n").decode("utf-8")


def content_line(name: str, value: str, **params: str) -> str:
    """`NAME;PARAM=VALUE:value`, folded, with CRLF; `value` is written as given."""
    if params:
        name += "".join(f";{key.replace('_', '-')}={val}" for key, val in params.items())
    return fold(f"{name}:{value}")
