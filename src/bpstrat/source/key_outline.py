"""Where the keys of a file that does not parse are: its outline, read line by line.

When bpstrat.yaml has a syntax error, findings about it that have no mark of their own
(BP410 at `product.sides`, say) still point where the key is written, so a syntax error
elsewhere in the file moves neither their line nor their fingerprint. The outline knows
block mappings only (`key: value` lines, nested by indentation); list items, flow
collections and block scalars' text add nothing (a key inside a block scalar's text is
recorded under it, where no finding looks). One pass, no pattern: linear in the text.
"""

from __future__ import annotations

from bpstrat.findings import Path
from bpstrat.source.positions import Pos, Positions

_KEY_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")


def outline_positions(text: str) -> Positions:
    """The key and value positions of every `key:` line of `text`, by path."""
    keys: dict[Path, Pos] = {}
    values: dict[Path, Pos] = {}
    stack: list[tuple[int, str]] = []  # (indent, key) of the mappings holding this line
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if not stripped or stripped[0] in "#-":
            continue
        indent = len(line) - len(stripped)
        colon = _key_end(stripped)
        if colon < 0:
            continue
        while stack and stack[-1][0] >= indent:
            stack.pop()
        key = stripped[:colon]
        path: Path = (*(k for _, k in stack), key)
        keys.setdefault(path, Pos(number, indent + 1))
        rest = stripped[colon + 1 :]
        value = len(rest) - len(rest.lstrip(" \t"))
        if rest.strip() and not rest.lstrip(" \t").startswith("#"):
            values.setdefault(path, Pos(number, indent + colon + 2 + value))
        stack.append((indent, key))
    return Positions(keys, values)


def _key_end(stripped: str) -> int:
    """Where the `:` after a plain key starts the line's value, or -1."""
    for index, character in enumerate(stripped):
        if character == ":":
            after = stripped[index + 1 : index + 2]
            return index if index > 0 and after in ("", " ", "\t") else -1
        if character not in _KEY_CHARACTERS:
            return -1
    return -1
