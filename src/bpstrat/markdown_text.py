"""Escaping user text for where it lands in Markdown and Mermaid."""

from __future__ import annotations

import html
import re

_INLINE = re.compile(r"([\\`*_{}\[\]<>|#~])")


def cell(value: object) -> str:
    """Text safe inside a Markdown table cell: one line, `|` and markup escaped."""
    text = " ".join(str(value).split())
    return _INLINE.sub(
        r"\\\1",
        html.escape(text, quote=False)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&"),
    )


def inline(value: object) -> str:
    """Text safe in a paragraph or heading: one line, markup and HTML escaped."""
    return cell(value)
