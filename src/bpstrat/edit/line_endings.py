"""A file's line ending, so that fmt writes every line with the one the file uses.

The file's ending is that of its first line break: `\r\n` (Windows) or `\n`. fmt formats
the text with `\n` and writes every line break back as the file's ending, comments and
empty lines included, so a file never ends up with both.
"""

from __future__ import annotations

CRLF = "\r\n"


def ending(text: str) -> str:
    """`\r\n` when the first line break of `text` is one, else `\n`."""
    first = text.find("\n")
    return CRLF if first > 0 and text[first - 1] == "\r" else "\n"


def to_lf(text: str) -> str:
    """`text` with every `\r\n` written `\n` (a lone `\r` stays: YAML reads it as a break,
    and the full format handles it)."""
    return text.replace(CRLF, "\n") if "\r" in text else text


def uniform(text: str) -> bool:
    """Whether every line break of `text` is `\r\n`, or every one is `\n`."""
    crlf = text.count(CRLF)
    return text.count("\r") == crlf and (crlf == 0 or text.count("\n") == crlf)


def written(text: str, line_ending: str) -> str:
    """`text` (with `\n` breaks) written with `line_ending`."""
    return text.replace("\n", line_ending) if line_ending != "\n" else text
