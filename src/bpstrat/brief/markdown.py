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


def cell(value: object) -> str:
    """Text safe inside a Markdown table cell: one line, `|`, markup and HTML escaped
    (`<`, `>`, and `&` where it would start a character reference).

    Control and bidi characters are shown as escapes (`\\x1b`), never passed through.
    """
    return _cell(str(value))


@functools.lru_cache(maxsize=4096)  # a brief repeats its names, options and dates
def _cell(value: str) -> str:
    text = visible(_SPACES.sub(" ", value).strip())
    text = _ENTITY_START.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    return _MARKUP.sub(r"\\\1", text)


def inline(value: object) -> str:
    """Text safe in a paragraph, list item or heading: the same rules as a cell."""
    return cell(value)
