"""Keys put in the file format's order by moving lines, without the round-trip reader.

A mapping's entries are moved as whole blocks of lines: the key's line, its value's lines
and the empty lines after it, which is where the round-trip writer puts them too (an end
of line comment stays on its key's line, empty lines after a value go with it). A list
item's mapping gets its new first key on the dash's line. The round-trip reader takes
milliseconds per file; this takes a pass over the lines per level of nesting.

Only what the round-trip writer is known to write the same way is moved. `_Unsure` hands
the file to the round-trip format: a comment line among the keys that move (the format
then keeps their order and says so), empty lines after a flow collection or a block
scalar whose end is not plain, a value that goes on over more lines than its own, a
`...` or a marker with more on its line. The caller uses the result only when the quick
proof (fmt_quick) shows it is canonical and it reads back to the same data and comments.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from bpstrat.edit.fmt_quick import ENTRY
from bpstrat.edit.fmt_scan import MAX_NESTING
from bpstrat.edit.order import child_model, document_model, key_rank

_BLOCK_HEADERS = frozenset({"|", "|-", ">", ">-"})


class _Unsure(Exception):
    """Only the round-trip format can tell how this text is written."""


@dataclass
class _Block:
    """The lines of one mapping or sequence, rewritten, and what moving them risks."""

    lines: list[str]
    fragile: bool  # moving it may place its empty lines unlike the round-trip writer
    moved: bool  # some key in it changed place


def reorder_keys(text: str, is_root_config: bool = False) -> str | None:
    """`text` (with `\\n` line breaks, ending in one) with every mapping's keys in the
    order of the file format, when moving lines is known to give what the round-trip
    format gives; None when nothing moved or when only the round trip can tell."""
    if not text.endswith("\n"):
        return None
    lines = text[:-1].split("\n")
    out: list[str] = []
    moved = False
    begin = 0
    try:
        for number, line in enumerate([*lines, "---"]):
            if line == "---":
                block = _Reader(lines[begin:number], is_root_config).document()
                out.extend(block.lines)
                moved = moved or block.moved
                if number < len(lines):
                    out.append(line)
                begin = number + 1
            elif line.startswith(("---", "...")):
                raise _Unsure  # a marker with more on its line, or a document end
    except _Unsure:
        return None
    return "\n".join(out) + "\n" if moved else None


def _is_content(line: str) -> bool:
    stripped = line.lstrip(" ")
    return bool(stripped) and not stripped.startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class _Reader:
    """One document's lines."""

    def __init__(self, lines: list[str], is_root_config: bool) -> None:
        self.lines = lines
        self.is_root_config = is_root_config

    def document(self) -> _Block:
        lines = self.lines
        content = [n for n, line in enumerate(lines) if _is_content(line)]
        if not content:
            return _Block(lines, False, False)
        first, last = content[0], content[-1]
        if _indent(lines[first]) != 0:
            raise _Unsure
        model = document_model(self._kind(first, last), self.is_root_config)
        if model is None:
            return _Block(lines, False, False)
        tail = lines[last + 1 :]
        if tail and self._may_be_in_block_scalar(first, last):
            raise _Unsure  # the round-trip writer may move the lines after it with it
        body = self._mapping(first, last + 1, 0, model, "", 0)
        return _Block([*lines[:first], *body.lines, *tail], body.fragile, body.moved)

    def _kind(self, first: int, last: int) -> object:
        """The document's `kind` as the reader reads it, when it is written plainly."""
        for line in self.lines[first : last + 1]:
            if line.startswith("kind:"):
                value = line[5:].split(" #", 1)[0].strip(" ")
                if value[:1] in ("'", '"') and value[-1:] == value[:1] and len(value) > 1:
                    return value[1:-1]
                return value
        return None

    def _may_be_in_block_scalar(self, first: int, last: int) -> bool:
        """Whether line `last` may belong to a block scalar: some line above it, less
        indented than everything between them, ends with a block scalar's header."""
        column = _indent(self.lines[last])
        for number in range(last - 1, first - 1, -1):
            line = self.lines[number]
            lead = _indent(line)
            if not line.strip(" ") or lead >= column:
                continue
            if line.rstrip(" ").rsplit(" ", 1)[-1][:1] in ("|", ">"):
                return True
            column = lead
            if column == 0:
                return False
        return False

    def _mapping(
        self,
        begin: int,
        end: int,
        column: int,
        model: type[BaseModel] | None,
        dash: str,
        depth: int,
    ) -> _Block:
        """The entries at `column` in lines[begin:end]; `dash` is the `- ` a list item's
        mapping starts with on its first line (then lines[begin] is read as if it were
        blank there)."""
        if depth > MAX_NESTING:
            raise _Unsure
        lines = self.lines
        first_line = lines[begin]
        if dash:
            first_line = first_line[: column - 2] + "  " + first_line[column:]
        starts: list[int] = []
        names: list[str] = []
        seen: set[str] = set()
        for number in range(begin, end):
            line = first_line if number == begin else lines[number]
            if not _is_content(line):
                continue
            lead = _indent(line)
            if lead < column:
                raise _Unsure
            if lead == column:
                match = ENTRY.fullmatch(line, column)
                if match is None or match[1] in seen:
                    raise _Unsure
                starts.append(number)
                names.append(match[1])
                seen.add(match[1])
        if not starts or starts[0] != begin:
            raise _Unsure
        bounds = [*starts[1:], end]
        chunks: list[list[str]] = []
        fragile = moved = False
        for index, (start, stop) in enumerate(zip(starts, bounds, strict=True)):
            head = first_line if start == begin else lines[start]
            value = self._value(head, start, stop, column, child_model(model, names[index]), depth)
            chunks.append([head, *value.lines])
            fragile = fragile or value.fragile
            moved = moved or value.moved
        order = list(range(len(names)))
        if model is not None:
            order.sort(key=lambda i: key_rank(model, names[i]))
        if order != sorted(order):
            if fragile or any(line.lstrip(" ").startswith("#") for line in lines[begin:end]):
                raise _Unsure
            chunks = [chunks[i] for i in order]
            moved = True
        out = [line for chunk in chunks for line in chunk]
        if dash:
            out[0] = out[0][: column - 2] + dash + out[0][column:]
        return _Block(out, fragile, moved)

    def _value(
        self,
        head: str,
        start: int,
        stop: int,
        column: int,
        model: type[BaseModel] | None,
        depth: int,
    ) -> _Block:
        """The lines after an entry's key line (start) up to the next entry (stop)."""
        lines = self.lines
        rest = head[column:].split(":", 1)[1]
        after = lines[start + 1 : stop]
        inner = [n for n in range(start + 1, stop) if _is_content(lines[n])]
        if rest == "" or rest.lstrip(" ").startswith("#"):
            if not inner:
                raise _Unsure  # an empty value
            nested = inner[0]
            if _indent(lines[nested]) != column + 2:
                raise _Unsure
            kept = lines[start + 1 : nested]
            if lines[nested].startswith("- ", column + 2):
                block = self._sequence(nested, stop, column + 2, model, depth + 1)
            else:
                block = self._mapping(nested, stop, column + 2, model, "", depth + 1)
            return _Block([*kept, *block.lines], block.fragile, block.moved)
        value = rest[1:].split(" #", 1)[0].rstrip(" ")
        if rest[1:] in _BLOCK_HEADERS:
            # A block scalar: its lines, and the empty lines after it, are its own.
            return _Block(after, not after, False)
        if inner:
            raise _Unsure  # a value that goes on over more lines, or an odd header
        flow = value[:1] in ("[", "{")
        return _Block(after, flow and bool(after), False)

    def _sequence(
        self,
        begin: int,
        end: int,
        column: int,
        model: type[BaseModel] | None,
        depth: int,
    ) -> _Block:
        """The items at `column` in lines[begin:end], in their order."""
        if depth > MAX_NESTING:
            raise _Unsure
        lines = self.lines
        starts: list[int] = []
        for number in range(begin, end):
            line = lines[number]
            if not _is_content(line):
                continue
            lead = _indent(line)
            if lead < column:
                raise _Unsure
            if lead == column:
                if not line.startswith("- ", column) or line.startswith(" ", column + 2):
                    raise _Unsure
                starts.append(number)
        out: list[str] = []
        fragile = moved = False
        for start, stop in zip(starts, [*starts[1:], end], strict=True):
            line = lines[start]
            if ENTRY.fullmatch(line, column + 2) is not None:
                block = self._mapping(start, stop, column + 2, model, "- ", depth + 1)
            else:
                after = lines[start + 1 : stop]
                if any(_is_content(other) for other in after):
                    raise _Unsure
                flow = line[column + 2 : column + 3] in ("[", "{")
                block = _Block([line, *after], flow and bool(after), False)
            out.extend(block.lines)
            fragile = fragile or block.fragile
            moved = moved or block.moved
        return _Block(out, fragile, moved)
