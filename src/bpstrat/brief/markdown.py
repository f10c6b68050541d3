"""Escaping user text for where it lands in Markdown."""

from __future__ import annotations

import functools
import html
import re

from bpstrat.source.visible import visible

_MARKUP = re.compile(r"([\\`*_{}\[\]|#~!])")


def cell(value: object) -> str:
    """Text safe inside a Markdown table cell: one line, `|`, markup and HTML escaped.

    Control and bidi characters are shown as escapes (`\\x1b`), never passed through.
    """
    return _cell(str(value))


@functools.lru_cache(maxsize=4096)  # a brief repeats its names, options and dates
def _cell(value: str) -> str:
    text = visible(" ".join(value.split()))
    return _MARKUP.sub(r"\\\1", html.escape(text, quote=False))


def inline(value: object) -> str:
    """Text safe in a paragraph, list item or heading: the same rules as a cell."""
    return cell(value)
