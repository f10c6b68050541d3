"""A long flow list written as a block list, without the round-trip reader.

A flow list of scalars on a line longer than the format's width (`evidence: [a, b, ...]`)
is written as a block list, one `- item` line per item, each item as it was written. The
round-trip reader would take seconds on a long line; this takes a pass over it
(fmt_rewrite says when the result is used).
"""

from __future__ import annotations

from bpstrat.edit.fmt_quick import MAX_KEY, flow_items
from bpstrat.source.roundtrip import WIDTH


def unflowed(text: str) -> str | None:
    """`text` (with `\\n` line breaks) with each long flow list of scalars under a key
    written as a block list; None when there is none."""
    lines = text.split("\n")
    out: list[str] = []
    changed = False
    for line in lines:
        block = _as_block(line) if len(line) > WIDTH else None
        if block is None:
            out.append(line)
        else:
            out.extend(block)
            changed = True
    if not changed:
        return None
    return "\n".join(out)


def _as_block(line: str) -> list[str] | None:
    """`key: [a, b]` at any indentation as `key:` and `  - a`, `  - b` lines, or None."""
    body = line.lstrip(" ")
    indent = line[: len(line) - len(body)]
    colon = body.find(": [")
    key = body[:colon]
    if colon <= 0 or colon > MAX_KEY or not _plain_key(key):
        return None
    items = flow_items(body[colon + 2 :])
    if items is None:
        return None
    return [f"{indent}{key}:", *(f"{indent}  - {item}" for item in items)]


def _plain_key(key: str) -> bool:
    return (key[0].isalpha() or key[0] == "_") and all(c.isalnum() or c in "_-" for c in key)
