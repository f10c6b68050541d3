"""Cells of the CSV outputs (`score --format csv`, `history --format csv`) that no
spreadsheet runs as a formula.

A name, an id or a commit subject comes from a pull request. A cell whose text starts
with `=`, `+`, `-`, `@`, a tab, a CR or an LF (or their full-width forms, which some
spreadsheets read as the same), also after leading spaces, quotes or invisible
characters, is written with a leading `'`, as OWASP recommends; numbers, negative ones
too, are written as they are.
"""

from __future__ import annotations

_FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
# What a spreadsheet may skip before it looks for a formula: quotes and invisible marks.
_SKIPPED = frozenset("\"'`\u200b\u200c\u200d\u2060\ufeff\u00ad")


def cell(text: str) -> str:
    """`text` as a cell no spreadsheet runs as a formula."""
    start = 0
    while start < len(text) and (text[start] in _SKIPPED or text[start].isspace()):
        if text[start] in _FORMULA_START:
            break  # a tab, CR or LF counts as a formula start itself
        start += 1
    if start < len(text) and text[start] in _FORMULA_START and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text


__all__ = ["cell"]
