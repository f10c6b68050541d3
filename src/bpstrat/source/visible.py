"""User text made safe for a terminal or a CI log: control characters shown, not obeyed.

Keys, values and file names come from the strategy files, which anyone proposing a
change controls. Printed raw, an ESC starts a terminal escape sequence (retitle the
window, clear the screen), a newline starts a new log line that CI may read as a
command, and a bidi override reorders what the reader sees. `visible` writes each such
character as an escape (`\\x1b`, `\\n`, `\\u202e`) instead.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, the soft hyphen, bidi embeddings/overrides/isolates and
# marks, line and paragraph separators, zero-width characters (space, joiners, word
# joiner, invisible operators, the Mongolian vowel separator), the deprecated format
# characters, the byte-order mark / zero-width no-break space, and the tag characters
# (U+E0000-U+E007F, which hide text from a reader).
_INVISIBLE = (
    "\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\U000e0000-\U000e007f"
)
_CONTROL = re.compile("[\x00-\x1f" + _INVISIBLE + "]")
# In JSON text a tab, CR or LF is layout (inside a string JSON writes them as escapes).
_JSON_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f" + _INVISIBLE + "]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

ELLIPSIS = "…"


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: object) -> str:
    """`text` with every control, bidi and line-separator character written as an escape."""
    return _CONTROL.sub(_escape, str(text))


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair, as JSON writes characters past U+FFFF
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_visible(text: str) -> str:
    """JSON `text` with each character `visible` escapes written as a JSON escape
    (`\\u202e`): the same value to a JSON reader, nothing hidden or obeyed on a terminal.
    Only for JSON text, where such characters can stand only inside strings."""
    return _JSON_CONTROL.sub(_json_escape, text)


def has_control(text: str) -> bool:
    """True when `text` holds a character `visible` would escape."""
    return _CONTROL.search(text) is not None


def shorten(text: str, limit: int) -> str:
    """`text` cut to about `limit` characters, with `…` marking the cut."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + ELLIPSIS


def window(line: str, column: int, width: int = 100) -> tuple[str, int]:
    """A visible excerpt of `line` around 1-based `column`, at most ~`width` characters.

    Returns the excerpt and the 1-based column of the same place in it, so a caret can
    point at it. Cuts are marked with `…`; control characters are escaped.
    """
    index = max(min(column, len(line) + 1) - 1, 0)
    start = max(0, index - width // 2)
    end = min(len(line), start + width)
    start = max(0, min(start, end - width))
    head = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(line) else ""
    before = visible(line[start:index])
    after = visible(line[index:end])
    return head + before + after + tail, len(head) + len(before) + 1
