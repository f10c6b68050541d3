"""Escaping user text for where it lands in Markdown."""

from __future__ import annotations

import html
import re

from bpstrat.source.visible import visible

_MARKUP = re.compile(r"([\\`*_{}\[\]|#~!])")


def cell(value: object) -> str:
    """Text safe inside a Markdown table cell: one line, `|`, markup and HTML escaped.

    Control and bidi characters are shown as escapes (`\\x1b`), never passed through.
    """
    text = visible(" ".join(str(value).split()))
    return _MARKUP.sub(r"\\\1", html.escape(text, quote=False))


def inline(value: object) -> str:
    """Text safe in a paragraph, list item or heading: the same rules as a cell."""
    return cell(value)
