"""Escaping user text for where it lands in Markdown."""

from __future__ import annotations

import functools
import re

from bpstrat.source.visible import visible

_MARKUP = re.compile(r"([\\`*_{}\[\]|#~!])")
# Runs of whitespace other than the no-break spaces that keep a number and its unit or
# currency together ('41\u00a0%', 'EUR\u00a0240,000'): those stay as the locale wrote them.
_SPACES = re.compile(r"[^\S\u00a0\u202f]+")
# An ampersand that would start a character reference ('&amp;', '&#38;'): only that one
# is escaped, so 'R&D' stays 'R&D' in the Markdown text.
_ENTITY_START = re.compile(r"&(?=#?[0-9A-Za-z]{1,32};)")
# A code span: text between two backticks (a backtick without its pair is escaped).
_CODE_SPAN = re.compile(r"`([^`]+)`")


def cell(value: object) -> str:
    """Text safe inside a Markdown table cell: one line, `|`, markup and HTML escaped
    (`<`, `>`, and `&` where it would start a character reference); text between two
    backticks stays a code span, where nothing but `|` needs escaping.

    Control and bidi characters are shown as escapes (`\\x1b`), never passed through.
    """
    return _markdown(str(value), True)


def inline(value: object) -> str:
    """Text safe in a paragraph, list item or heading: the same rules as a cell, but `|`
    inside a code span stays as it is (only a table reads `\\|` there as `|`)."""
    return _markdown(str(value), False)


def code(value: object, table: bool = False) -> str:
    """`value` as a code span (its backticks made quotes), for a file name or a path."""
    return "`" + _code_text(_line(str(value)).replace("`", "'"), table) + "`"


@functools.lru_cache(maxsize=4096)  # a brief repeats its names, options and dates
def _markdown(value: str, table: bool) -> str:
    text = _line(value)
    out: list[str] = []
    start = 0
    for match in _CODE_SPAN.finditer(text):
        out.append(_escaped(text[start : match.start()]))
        out.append("`" + _code_text(match[1], table) + "`")
        start = match.end()
    out.append(_escaped(text[start:]))
    return "".join(out)


def _line(value: str) -> str:
    return visible(_SPACES.sub(" ", value).strip())


def _escaped(text: str) -> str:
    text = _ENTITY_START.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    return _MARKUP.sub(r"\\\1", text)


def _code_text(text: str, table: bool) -> str:
    """The inside of a code span: Markdown shows it as it is, HTML included (`<` is text
    there), so only a table's `|` is escaped."""
    return text.replace("|", "\\|") if table else text
