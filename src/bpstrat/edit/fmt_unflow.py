"""The canonical form of a file whose only departure from it is a long flow list, without
the round-trip reader.

A flow list of scalars on a line longer than the format's width (`evidence: [a, b, ...]`)
is written as a block list, one `- item` line per item, each item as it was written. The
round-trip reader would take seconds on a long line; this takes a pass over it. The
result is used only when the quick proof (fmt_quick) shows it is canonical, so the rest of
the file needed no change and a second format leaves it as it is; the caller then checks
it reads back to the same data and comments, like any format.
"""

from __future__ import annotations

from bpstrat.edit.fmt_quick import MAX_KEY, flow_items, is_canonical
from bpstrat.source.roundtrip import WIDTH


def unflow_long_lists(text: str, is_root_config: bool = False) -> str | None:
    """`text` (with `\\n` line breaks) with each long flow list of scalars under a key
    written as a block list, when that gives the canonical form; else None."""
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
    result = "\n".join(out)
    return result if is_canonical(result, is_root_config) else None


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
