"""Where things are in a YAML document: 1-based line and column for a path inside it.

A path is a tuple of mapping keys (str) and list indexes (int), as pydantic reports
error locations. Parsers store 0-based marks; the conversion to 1-based happens here
and nowhere else.
"""

from __future__ import annotations

from typing import NamedTuple

from bpstrat.findings import Path, PathItem, path_name

__all__ = ["Path", "PathItem", "Pos", "Positions", "path_name"]


class Pos(NamedTuple):
    """A 1-based line and column."""

    line: int
    column: int

    @classmethod
    def from_mark(cls, line0: int, column0: int) -> Pos:
        """Convert a parser's 0-based mark."""
        return cls(line0 + 1, column0 + 1)


class Positions:
    """Positions of the keys and values of one document, by path.

    `key(path)` is where the key of a mapping entry starts, or the item itself for a list
    item; `value(path)` is where the value node starts (for a mapping: its first key).
    Paths not recorded (inside an alias, say) resolve to their nearest recorded ancestor.
    """

    __slots__ = ("keys", "values")

    def __init__(self) -> None:
        self.keys: dict[Path, Pos] = {}
        self.values: dict[Path, Pos] = {}

    def key(self, path: Path) -> Pos:
        """Position of the key (or list item) at `path`."""
        for n in range(len(path), -1, -1):
            found = self.keys.get(path[:n])
            if found is not None:
                return found
        return Pos(1, 1)

    def value(self, path: Path) -> Pos:
        """Position of the value at `path` (a mapping's start for a missing field)."""
        for n in range(len(path), -1, -1):
            found = self.values.get(path[:n])
            if found is not None:
                return found
        return Pos(1, 1)
