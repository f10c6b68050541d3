"""Keys put in the file format's order and blocks indented by 2, by moving and re-indenting
lines, without the round-trip reader.

A mapping's entries are moved as whole blocks of lines: the key's line, its value's lines
and the empty lines after it, which is where the round-trip writer puts them too (an end
of line comment stays on its key's line, empty lines after a value go with it). Nested
mappings and lists are re-indented to 2 under their key (`key:` then `- item` becomes
`  - item`), a block scalar's lines keep their indentation relative to its first, and a
list item's mapping gets its first key on the dash's line. A comment on a line of its own
written at the indentation of the line after it takes that line's new indentation, as
fmt_comments does after the round trip; any other keeps its column. The round-trip reader
takes milliseconds per file; this takes a pass over the lines per level of nesting.

Only what the round-trip writer is known to write the same way is rewritten. `_Unsure`
hands the file to the round-trip format: a comment line among the keys that move (the
format then keeps their order and says so), empty lines after a flow collection, a block
scalar at the end of a document with lines after it or with a comment after it, a value
that goes on over more lines than its own, a list in a list, an end of line comment after
a quote, a `...` or a marker with more on its line. The caller uses the result only when
the quick proof (fmt_quick) shows it is canonical and it reads back to the same data and
comments.
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
    """The source lines of one mapping, list or value, in their new order."""

    lines: list[int]
    fragile: bool  # moving it may place its empty lines unlike the round-trip writer


def relayout(text: str, is_root_config: bool = False) -> str | None:
    """`text` (with `\\n` line breaks, ending in one) with every mapping's keys in the
    order of the file format and every block indented by 2, when moving and re-indenting
    lines is known to give what the round-trip format gives; None when nothing changes or
    when only the round trip can tell."""
    if not text.endswith("\n"):
        return None
    lines = text[:-1].split("\n")
    out: list[str] = []
    begin = 0
    try:
        for number, line in enumerate([*lines, "---"]):
            if line == "---":
                out.extend(_Document(lines[begin:number], is_root_config).written())
                if number < len(lines):
                    out.append(line)
                begin = number + 1
            elif line.startswith(("---", "...")):
                raise _Unsure  # a marker with more on its line, or a document end
    except _Unsure:
        return None
    if out == lines:
        return None
    return "\n".join(out) + "\n"


def _is_content(line: str) -> bool:
    stripped = line.lstrip(" ")
    return bool(stripped) and not stripped.startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _shifted(line: str, at: int, prefix: str) -> str:
    """`prefix` and what stood at `at` in `line`. The writer keeps an end of line comment
    at its column, a blank after the value at least; a comment whose start is not plain
    to see (a quote or a `#` before it) is left to it."""
    content = line[at:]
    written = prefix + content
    cut = content.find(" #")
    if cut < 0 or len(prefix) == at:
        return written
    value = content[:cut].rstrip(" ")
    if "'" in value or '"' in value or "#" in value:
        raise _Unsure
    comment = content[cut:].lstrip(" ")
    column = len(line) - len(comment)
    end = len(prefix) + len(value)
    return written[:end] + " " * max(1, column - end) + comment


class _Document:
    """One document's lines and what each becomes."""

    def __init__(self, lines: list[str], is_root_config: bool) -> None:
        self.lines = lines
        self.is_root_config = is_root_config
        self.new: dict[int, str] = {}  # source line -> its new text (content lines)

    def written(self) -> list[str]:
        lines = self.lines
        content = [n for n, line in enumerate(lines) if _is_content(line)]
        if not content:
            return lines
        first, last = content[0], content[-1]
        if _indent(lines[first]) != 0:
            raise _Unsure
        model = document_model(self._kind(first, last), self.is_root_config)
        tail = lines[last + 1 :]
        if tail and self._may_be_in_block_scalar(first, last):
            raise _Unsure  # the round-trip writer may move the lines after it with it
        body = self._mapping(first, last + 1, 0, 0, model, 0)
        return [*lines[:first], *self._texts(body.lines), *tail]

    def _texts(self, order: list[int]) -> list[str]:
        """The new text of each line, full-line comments re-indented with the content line
        after them when they stood at its indentation."""
        lines, new = self.lines, self.new
        following: int | None = None
        out = [""] * len(order)
        for place in range(len(order) - 1, -1, -1):
            number = order[place]
            text = new.get(number)
            if text is None:
                line = lines[number]
                text = line
                aligned = following is not None and _indent(line) == _indent(lines[following])
                if line.strip(" ") and following is not None and aligned:
                    text = " " * _indent(new[following]) + line.lstrip(" ")
            elif text.strip(" "):
                following = number
            out[place] = text
        return out

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
        target: int,
        model: type[BaseModel] | None,
        depth: int,
        dash: bool = False,
    ) -> _Block:
        """The entries at `column` in lines[begin:end], written at `target`. With `dash`,
        lines[begin] is a list item's line, its first entry after the dash (at `column`)."""
        if depth > MAX_NESTING:
            raise _Unsure
        lines = self.lines
        starts: list[int] = []
        names: list[str] = []
        seen: set[str] = set()
        for number in range(begin, end):
            line = lines[number]
            if number == begin or _is_content(line):
                lead = column if number == begin else _indent(line)
                if lead < column:
                    raise _Unsure
                if lead == column and starts and line.startswith("- ", column):
                    continue  # an item of a list under the entry before (`key:` then `- a`)
                if lead == column:
                    match = ENTRY.fullmatch(line, column)
                    if match is None or match[1] in seen:
                        raise _Unsure
                    starts.append(number)
                    names.append(match[1])
                    seen.add(match[1])
        chunks: list[list[int]] = []
        fragile = False
        for index, (start, stop) in enumerate(zip(starts, [*starts[1:], end], strict=True)):
            self.new[start] = _shifted(lines[start], column, " " * target)
            inner = child_model(model, names[index])
            value = self._value(start, stop, column, target, inner, depth)
            chunks.append([start, *value.lines])
            fragile = fragile or value.fragile
        order = list(range(len(names)))
        if model is not None:
            order.sort(key=lambda i: key_rank(model, names[i]))
        if order != sorted(order):
            if fragile or any(not _is_content(lines[n]) and lines[n] for n in range(begin, end)):
                raise _Unsure
            chunks = [chunks[i] for i in order]
        if dash:
            first = chunks[0][0]
            self.new[first] = _shifted(lines[first], column, " " * (target - 2) + "- ")
        return _Block([n for chunk in chunks for n in chunk], fragile)

    def _value(
        self,
        start: int,
        stop: int,
        column: int,
        target: int,
        model: type[BaseModel] | None,
        depth: int,
    ) -> _Block:
        """The lines after an entry's key line (start) up to the next entry (stop)."""
        lines = self.lines
        rest = lines[start][column:].split(":", 1)[1]
        after = list(range(start + 1, stop))
        inner = [n for n in after if _is_content(lines[n])]
        if rest == "" or rest.lstrip(" ").startswith("#"):
            if not inner:
                raise _Unsure  # an empty value
            nested = inner[0]
            lead = _indent(lines[nested])
            kept = list(range(start + 1, nested))
            if lines[nested].startswith("- ", lead) and lead >= column:
                block = self._sequence(nested, stop, lead, target + 2, model, depth + 1)
            elif lead > column:
                block = self._mapping(nested, stop, lead, target + 2, model, depth + 1)
            else:
                raise _Unsure
            return _Block([*kept, *block.lines], block.fragile)
        value = rest[1:].split(" #", 1)[0].rstrip(" ")
        if rest[1:] in _BLOCK_HEADERS:
            self._block_scalar(after, column, target)
            return _Block(after, False)  # its lines, and the empty lines after it
        if inner:
            raise _Unsure  # a value that goes on over more lines, or an odd header
        flow = value[:1] in ("[", "{")
        return _Block(after, flow and bool(after))

    def _block_scalar(self, after: list[int], column: int, target: int) -> None:
        """A block scalar's lines, re-indented to start at `target` + 2."""
        lines = self.lines
        filled = [n for n in after if lines[n].strip(" ")]
        indent = _indent(lines[filled[0]]) if filled else 0
        if indent <= column:
            raise _Unsure  # an empty block scalar
        shift = target + 2 - indent
        for n in after:
            line = lines[n]
            if line.strip(" ") and _indent(line) < indent:
                raise _Unsure  # a comment after it: the writer may keep it with the scalar
            self.new[n] = " " * (_indent(line) + shift) + line.lstrip(" ") if line else ""

    def _sequence(
        self,
        begin: int,
        end: int,
        column: int,
        target: int,
        model: type[BaseModel] | None,
        depth: int,
    ) -> _Block:
        """The items at `column` in lines[begin:end], in their order, written at `target`."""
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
                if not line.startswith("- ", column):
                    raise _Unsure
                starts.append(number)
        out: list[int] = []
        fragile = False
        for start, stop in zip(starts, [*starts[1:], end], strict=True):
            line = lines[start]
            at = _indent(line[column + 1 :]) + column + 1  # where the item starts
            if line.startswith(("- ", "-\t"), at) or line[at:] == "-":
                raise _Unsure  # a list in a list
            if ENTRY.fullmatch(line, at) is not None:
                block = self._mapping(start, stop, at, target + 2, model, depth + 1, dash=True)
            else:
                after = list(range(start + 1, stop))
                if any(_is_content(lines[n]) for n in after):
                    raise _Unsure
                self.new[start] = _shifted(line, at, " " * target + "- ")
                flow = line[at : at + 1] in ("[", "{")
                block = _Block([start, *after], flow and bool(after))
            out.extend(block.lines)
            fragile = fragile or block.fragile
        return _Block(out, fragile)
