"""Where things are in a YAML document: 1-based line and column for a path inside it.

A path is a tuple of mapping keys (str) and list indexes (int), as pydantic reports
error locations. Parsers store 0-based marks; the conversion to 1-based happens here
and nowhere else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import NamedTuple

from bpstrat.findings import Path, PathItem, path_name

__all__ = [
    "Path",
    "PathItem",
    "Pos",
    "Positions",
    "editor_lines",
    "editor_lines_keepends",
    "path_name",
]

_LINE_END = re.compile("\r\n|\r|\n")  # the line breaks an editor shows, and only those


def editor_lines(text: str) -> list[str]:
    """The lines of `text` as an editor and the position table count them: broken at LF,
    CRLF and a lone CR only (not at NEL, LS, PS, form feed or the other characters
    `str.splitlines` also breaks at)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[-1] == "":
        lines.pop()  # a final line break ends the last line; it starts none
    return lines


def editor_lines_keepends(text: str) -> list[str]:
    """`editor_lines`, each line with its line break."""
    lines: list[str] = []
    start = 0
    for match in _LINE_END.finditer(text):
        lines.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


class Pos(NamedTuple):
    """A 1-based line and column."""

    line: int
    column: int

    @classmethod
    def from_mark(cls, line0: int, column0: int) -> Pos:
        """Convert a parser's 0-based mark."""
        return cls(line0 + 1, column0 + 1)


# A path's key and value positions packed in one integer: four 32-bit fields (key line,
# key column, value line, value column); a line is stored plus one, so 0 means "not
# recorded".
_BITS = 32
_MASK = (1 << _BITS) - 1
_FITS = sum(((1 << 24) - 1) << shift for shift in (0, 32, 64, 96))


def _pack(key: Pos | None, value: Pos | None) -> int:
    packed = 0
    for pos in (key, value):
        line, column = (pos.line + 1, pos.column) if pos is not None else (0, 0)
        packed = (((packed << _BITS) | line) << _BITS) | column
    return packed


def _unpack(packed: int, which: int) -> Pos | None:
    """which = 0: the key's position, 1: the value's."""
    shift = (1 - which) * 2 * _BITS
    line = (packed >> (shift + _BITS)) & _MASK
    if not line:
        return None
    return Pos(line - 1, (packed >> shift) & _MASK)


# One shared tuple per top-level path: every file has ("id",), ("kind",), ...
_TOP: dict[Path, Path] = {}


class _Table(Mapping[Path, Pos]):
    """The key (or value) positions of a packed table, read-only."""

    __slots__ = ("_packed", "_which")

    def __init__(self, packed: dict[Path, int], which: int) -> None:
        self._packed = packed
        self._which = which

    def __getitem__(self, path: Path) -> Pos:
        found = self._packed.get(path)
        pos = _unpack(found, self._which) if found is not None else None
        if pos is None:
            raise KeyError(path)
        return pos

    def __contains__(self, path: object) -> bool:
        found = self._packed.get(path)  # type: ignore[call-overload]
        return found is not None and _unpack(found, self._which) is not None

    def __iter__(self) -> Iterator[Path]:
        return (path for path in self._packed if path in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Positions:
    """Positions of the keys and values of one document, by path.

    `key(path)` is where the key of a mapping entry starts, or the item itself for a list
    item; `value(path)` is where the value node starts (for a mapping: its first key).
    Paths not recorded (inside an alias, say) resolve to their nearest recorded ancestor.

    Built from two tables (path -> position of the key, path -> position of the value)
    and kept as one table of packed integers: a large root holds hundreds of thousands.
    A `shallow` table keeps only the top-level keys and reads the rest again from the
    file's text the first time a deeper position is asked for (for a finding, mostly).
    """

    __slots__ = ("_load", "_packed")

    def __init__(
        self, keys: Mapping[Path, Pos] | None = None, values: Mapping[Path, Pos] | None = None
    ) -> None:
        keys = keys or {}
        values = values or {}
        packed: dict[Path, int] = {}
        for path in (*keys, *(p for p in values if p not in keys)):
            key, value = keys.get(path), values.get(path)
            for pos in (key, value):
                if pos is not None and not (0 <= pos.line < _MASK and 0 <= pos.column <= _MASK):
                    raise ValueError(f"position {pos} out of range")
            packed[path] = _pack(key, value)
        self._packed = packed
        self._load: Callable[[], Positions] | None = None

    def shallow(self, load: Callable[[], Positions]) -> Positions:
        """A table with the top-level entries of this one; `load()` gives the whole
        table again when a deeper path is asked for."""
        table = Positions.from_packed(
            {_TOP.setdefault(p, p): v for p, v in self._packed.items() if len(p) <= 1}
        )
        table._load = load
        return table

    def packed_top(self) -> dict[Path, int]:
        """The entries held now (only the top-level ones while the table is shallow)."""
        return self._packed

    def _full(self) -> dict[Path, int]:
        if self._load is not None:
            self._packed = self._load().packed()
            self._load = None
        return self._packed

    @classmethod
    def from_packed(cls, packed: dict[Path, int]) -> Positions:
        """A table from `packed()` output (each integer checked by the caller)."""
        positions = cls.__new__(cls)
        positions._packed = packed
        positions._load = None
        return positions

    def packed(self) -> dict[Path, int]:
        """Path -> packed key and value positions (for the parse cache)."""
        return self._full()

    @staticmethod
    def packed_fits(packed: int) -> bool:
        """Whether `packed` is four fields below 2**24 (far more lines and columns than
        a 1 MiB file has): one mask test, for the parse cache's hot loop."""
        return packed >= 0 and not packed & ~_FITS

    @property
    def keys(self) -> Mapping[Path, Pos]:
        """Path -> position of the key (or list item)."""
        return _Table(self._full(), 0)

    @property
    def values(self) -> Mapping[Path, Pos]:
        """Path -> position of the value."""
        return _Table(self._full(), 1)

    def has_key(self, path: Path) -> bool:
        """Whether the key (or list item) at `path` was recorded."""
        found = (self._packed if len(path) <= 1 else self._full()).get(path)
        return found is not None and _unpack(found, 0) is not None

    def moved(self, move: Callable[[Pos], Pos]) -> Positions:
        """The same table with every position passed through `move`."""
        keys = {path: move(pos) for path, pos in self.keys.items()}
        values = {path: move(pos) for path, pos in self.values.items()}
        return Positions(keys, values)

    def key(self, path: Path) -> Pos:
        """Position of the key (or list item) at `path`."""
        return self._nearest(path, 0)

    def value(self, path: Path) -> Pos:
        """Position of the value at `path` (a mapping's start for a missing field)."""
        return self._nearest(path, 1)

    def _nearest(self, path: Path, which: int) -> Pos:
        packed = self._packed if len(path) <= 1 else self._full()
        for n in range(len(path), -1, -1):
            found = packed.get(path[:n])
            if found is not None:
                pos = _unpack(found, which)
                if pos is not None:
                    return pos
        return Pos(1, 1)
