"""Prove that a file is already in canonical form without the round-trip reader.

`fmt --check` on a formatted repository spends its time proving that files do not change,
and the round-trip reader and writer cost milliseconds per file. `is_canonical` proves it
for the usual strategy file in a small fraction of that. It accepts only a strict subset
of YAML, every line of which the round-trip writer (source/roundtrip.py) writes back
exactly as it stands, and answers False for anything else, which then goes through the
full format. A True is the full format's "unchanged, nothing to note"; a False decides
nothing.

The subset:
- documents holding a block mapping each, separated by `---` lines; `\\n` line breaks
  (or `\\r\\n` throughout) and a final one; printable characters (no tab); no blank at
  a line's end; no line over 4,000 characters;
- keys are plain words; a mapping is indented by 2 under its key, list items by `  - `;
  a list item is a scalar, a flow collection, or a mapping that starts on the dash line;
- values are written as they are written back: `null`, `true`, `false`, integers and
  decimals of up to 15 digits in their plain form, ISO dates, plain text that reads as
  text, quoted text without escapes, flow collections of such scalars on a line of at
  most 88 characters (the format's width), and literal or folded block scalars under a
  key;
- comments on their own lines and after values, and empty lines, anywhere outside block
  scalars (but no comment after a flow collection that is a list item: the writer may
  drop the empty lines before it);
- every mapping's keys in the order of the file format (unknown keys after the known).

What the subset reads (keys, list lengths, each value's type and text) must also be what
the fast reader, which lint uses, reads: a file the subset would misread is not proven.
The property tests in tests/edit/test_fmt_quick.py hold this against the full format on
every YAML file of the project and on thousands of generated variants.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from pydantic import BaseModel

from bpstrat.edit.line_endings import to_lf, uniform
from bpstrat.edit.order import child_model, document_model, key_rank
from bpstrat.source.roundtrip import WIDTH
from bpstrat.source.yaml_fast import Document, parse

MAX_LINE = 4000  # far below the writer's line width (4096): it never re-wraps
MAX_KEY = 100  # the writer turns keys over 128 characters into explicit `? key` entries

ENTRY = re.compile(rf"([A-Za-z_][A-Za-z0-9_-]{{0,{MAX_KEY - 1}}}):((?: .*)?)")
_AFTER = re.compile(r"(?: +#.*)?")  # what may follow a value on its line
_COMMENT_ONLY = re.compile(r" +#.*")
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
_DOUBLE = re.compile(r'"([^"\\]*)"')
_FLOW_PLAIN = re.compile(r"[^,\[\]{}'\"#][^,\[\]{}]*")
_BLOCK_HEADERS = frozenset({"|", "|-", ">", ">-"})
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBERISH = re.compile(r"[-+.0-9]")
# Text that starts like a number is text for sure when it holds a character no number,
# date or time has, or a blank after something that cannot start a date.
_SURELY_TEXT = re.compile(r"[^0-9a-zA-Z_.:+ -]|^(?![0-9]{4}-)[^ ]* ")
_RESERVED = frozenset(
    {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~", "nan", "inf"}
)
_FIRST_OK = frozenset("($/")  # besides letters and digits, what plain text may start with

# A leaf is (style, text): style "" plain, "'" or '"' quoted, "|" a block scalar.
Leaf = tuple[str, str]
Shape = dict[str, "Shape"] | list["Shape"] | Leaf


class _NotProven(Exception):
    """The text is outside the subset: only the full format can tell."""


def is_canonical(text: str, is_root_config: bool = False) -> bool:
    """True only when formatting `text` would leave it exactly as it is, with no note."""
    return canonical_documents(text, is_root_config) is not None


def canonical_documents(
    text: str, is_root_config: bool = False, read: list[Document] | None = None
) -> list[Document] | None:
    """What the fast reader reads from `text` when `is_canonical(text)`; None otherwise.
    `read` is what the fast reader read from `text` (with `\n` line breaks), if known."""
    body = text[1:] if text.startswith("\ufeff") else text
    if "\r" in body:  # written with `\r\n` throughout: canonical when the `\n` text is
        if not uniform(body):
            return None
        body = to_lf(body)
    if not body.endswith("\n") or " \n" in body or not body.replace("\n", "").isprintable():
        return None
    lines = body[:-1].split("\n")
    if any(len(line) > MAX_LINE for line in lines):
        return None
    try:
        shapes = [_Reader(part).document() for part in _documents(lines)]
    except _NotProven:
        return None
    found = [shape for shape in shapes if shape is not None]
    documents, error = (read, None) if read is not None else parse(body)
    if error is not None or len(documents) != len(found) or not found:
        return None
    for shape, document in zip(found, documents, strict=True):
        data = document.data
        if document.problems or not isinstance(data, dict) or not _same(shape, data):
            return None
        if not _in_order(data, document_model(data.get("kind"), is_root_config)):
            return None
    return documents


def _documents(lines: list[str]) -> list[list[str]]:
    """The lines of each document, split at `---` lines (the format keeps those as they are)."""
    parts: list[list[str]] = [[]]
    for line in lines:
        if line == "---":
            parts.append([])
        elif line.startswith(("---", "...")):
            raise _NotProven  # a marker with more on its line, or a document end
        else:
            parts[-1].append(line)
    return parts


class _Reader:
    """Reads the lines of the subset, raising _NotProven at the first line outside it."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.at = 0  # the next line to read

    def document(self) -> dict[str, Shape] | None:
        """The document's mapping, or None when it holds only comments and empty lines."""
        start = self._next()
        if start is None:
            return None
        if _indent(self.lines[start]) != 0:
            raise _NotProven
        shape = self._mapping(0, None)
        if self._next() is not None:
            raise _NotProven
        return shape

    def _next(self) -> int | None:
        """The number of the next line with content (not empty, not a comment)."""
        number = self.at
        while number < len(self.lines):
            stripped = self.lines[number].lstrip(" ")
            if stripped and not stripped.startswith("#"):
                return number
            number += 1
        self.at = number
        return None

    def _take(self, column: int) -> str | None:
        """The next line with content, read, when it stands at `column`; None where the
        block ends (the text ends or a line is indented less); deeper is outside."""
        number = self._next()
        if number is None:
            return None
        line = self.lines[number]
        lead = _indent(line)
        if lead < column:
            return None
        if lead > column:
            raise _NotProven
        self.at = number + 1
        return line

    def _mapping(self, column: int, first: str | None) -> dict[str, Shape]:
        """Entries at `column`; `first` is an entry already read on a list item's line."""
        shape: dict[str, Shape] = {}
        entry = first
        while True:
            if entry is None:
                line = self._take(column)
                if line is None:
                    break
                entry = line[column:]
            match = ENTRY.fullmatch(entry)
            if match is None or match[1] in shape:
                raise _NotProven
            shape[match[1]] = self._value(match[2], column)
            entry = None
        return shape

    def _value(self, rest: str, column: int) -> Shape:
        """The value after `key:` of a key at `column`."""
        if rest == "" or _COMMENT_ONLY.fullmatch(rest):
            return self._nested(column + 2)
        if not rest.startswith(" ") or rest.startswith("  "):
            raise _NotProven
        if rest[1:] in _BLOCK_HEADERS:
            return self._block(column + 2)
        return _inline(rest[1:], self.lines[self.at - 1])

    def _nested(self, column: int) -> Shape:
        number = self._next()
        if number is None or _indent(self.lines[number]) != column:
            raise _NotProven  # an empty value, written back as `null`, or a misindent
        if self.lines[number].startswith("- ", column):
            return self._sequence(column)
        return self._mapping(column, None)

    def _sequence(self, column: int) -> list[Shape]:
        shape: list[Shape] = []
        while True:
            line = self._take(column)
            if line is None:
                break
            if not line.startswith("- ", column):
                raise _NotProven
            item = line[column + 2 :]
            if item.startswith(" "):
                raise _NotProven
            if ENTRY.fullmatch(item) is not None:
                shape.append(self._mapping(column + 2, item))
            else:
                shape.append(_inline(item, line, in_list=True))
        return shape

    def _block(self, column: int) -> Leaf:
        """A block scalar's lines: indented by exactly `column`, empty lines between."""
        start = end = self.at
        number = start
        indent = " " * column
        while number < len(self.lines):
            line = self.lines[number]
            if line and not line.startswith(indent):
                break
            number += 1
            if line:
                end = number
        first = self.lines[start] if start < end else ""
        if not first or first.startswith(" ", column):
            raise _NotProven  # empty, or its first line sets a deeper indentation
        self.at = end
        return ("|", "")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _inline(text: str, line: str, in_list: bool = False) -> Shape:
    """A value written on the key's or the dash's line, and what follows it."""
    shape: Shape
    first = text[:1]
    if first in ("[", "{"):
        if len(line) > WIDTH:
            raise _NotProven  # the format writes it in block style
        shape, used = _flow(text)
        if in_list and used < len(text):
            raise _NotProven  # the writer may drop empty lines before such an item
    elif first in ("'", '"'):
        shape, used = _quoted(text)
    else:
        cut = text.find(" #")
        value = text if cut < 0 else text[:cut].rstrip(" ")
        if not _plain_ok(value) or ": " in value or value.endswith(":"):
            raise _NotProven
        shape, used = ("", value), len(value)
    if _AFTER.fullmatch(text, used) is None:
        raise _NotProven
    return shape


def _quoted(text: str, at: int = 0) -> tuple[Leaf, int]:
    match = (_SINGLE if text[at] == "'" else _DOUBLE).match(text, at)
    if match is None:
        raise _NotProven
    return (text[at], match[1]), match.end()


def _flow(text: str) -> tuple[Shape, int]:
    """`[a, b]` or `{k: a, j: b}` of scalars, items separated by `, `."""
    closing = "]" if text[0] == "[" else "}"
    at = 1
    items: list[Shape] = []
    mapping: dict[str, Shape] = {}
    while not text.startswith(closing, at):
        if items or mapping:
            if not text.startswith(", ", at):
                raise _NotProven
            at += 2
        if closing == "}":
            key = ENTRY.match(text, at)
            if key is None or not text.startswith(": ", key.end(1)):
                raise _NotProven
            name, at = key[1], key.end(1) + 2
            if name in mapping:
                raise _NotProven
        leaf, at = _flow_scalar(text, at)
        if closing == "}":
            mapping[name] = leaf
        else:
            items.append(leaf)
    return (mapping if closing == "}" else items), at + 1


def flow_items(text: str) -> list[str] | None:
    """The items of `text`, a flow list of scalars (`[a, 'b, c', "d"]`) and nothing after
    it, each as written; None for anything else (an empty list included)."""
    if not text.startswith("[") or text == "[]":
        return None
    items: list[str] = []
    at = 1
    try:
        while not text.startswith("]", at):
            if items:
                if not text.startswith(", ", at):
                    return None
                at += 2
            _, end = _flow_scalar(text, at)
            items.append(text[at:end])
            at = end
    except _NotProven:
        return None
    return items if at + 1 == len(text) else None


def _flow_scalar(text: str, at: int) -> tuple[Leaf, int]:
    if text[at : at + 1] in ("'", '"'):
        return _quoted(text, at)
    match = _FLOW_PLAIN.match(text, at)
    if match is None:
        raise _NotProven
    value = match[0]
    if not _plain_ok(value) or ": " in value or value.endswith(":") or " #" in value:
        raise _NotProven
    return ("", value), match.end()


def _plain_ok(value: str) -> bool:
    """Plain text the writer writes back as it is (its type is checked later)."""
    if not value or value != value.strip(" "):
        return False
    return value[0].isalnum() or value[0] in _FIRST_OK


def _same(shape: Shape, value: object) -> bool:
    """Whether the subset read what the fast reader read."""
    if isinstance(shape, dict):  # the same keys in the same order, the same values
        return (
            isinstance(value, dict)
            and list(value) == list(shape)
            and all(_same(child, value[key]) for key, child in shape.items())
        )
    if isinstance(shape, list):
        return (
            isinstance(value, list)
            and len(value) == len(shape)
            and all(_same(item, found) for item, found in zip(shape, value, strict=True))
        )
    return _leaf_ok(shape, value)


def _leaf_ok(leaf: Leaf, value: object) -> bool:
    style, text = leaf
    if style == "'":
        return value == text.replace("''", "'")
    if style in ('"', "|"):
        return isinstance(value, str) and (style == "|" or value == text)
    if value is None:
        return text == "null"
    if isinstance(value, bool):
        return text == ("true" if value else "false")
    if isinstance(value, int):
        return text == str(value)
    if isinstance(value, float):  # at most 15 digits: a double keeps every one of them
        return len(text) <= 16 and _FLOAT.fullmatch(text) is not None
    if not isinstance(value, str) or value != text:
        return False
    if _DATE.fullmatch(text):
        return _is_date(text)
    if _NUMBERISH.match(text) is not None and _SURELY_TEXT.search(text) is None:
        return False
    return text.lower() not in _RESERVED


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _in_order(value: object, model: type[BaseModel] | None) -> bool:
    """Whether every mapping's keys already stand in the order the format gives them."""
    if isinstance(value, dict):
        if model is not None:
            ranks = [key_rank(model, key) for key in value]
            if any(later < earlier for earlier, later in pairwise(ranks)):
                return False
        return all(_in_order(child, child_model(model, key)) for key, child in value.items())
    if isinstance(value, list):
        return all(_in_order(item, model) for item in value)
    return True
