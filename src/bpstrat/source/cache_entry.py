"""One parse-cache entry <-> parsed documents, checked as strictly as a parse.

An entry is plain JSON. Decoding accepts only the exact shape `encode` writes: the right
keys, the right types (a bool is not a line number), positions in range (each path's key
and value line and column packed in one integer, as source/positions.py keeps them), a known finding
code, data no deeper than the YAML reader allows and no larger; anything else raises
BadEntry and the caller parses the file again. The walk over the data is iterative, so
a deep entry cannot exhaust the stack.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bpstrat.findings import Issue
from bpstrat.source.positions import Pos, Positions
from bpstrat.source.yaml_fast import MAX_DEPTH, MAX_NODES, Document, YamlSyntaxError

Parsed = tuple[list[Document], YamlSyntaxError | None]

MAX_POSITION = 10_000_000  # more lines or columns than a 1 MiB file can have
MAX_TEXT = 1024 * 1024
_CODE = re.compile(r"^BP[0-9]{3}$")


class BadEntry(ValueError):
    """The entry is not exactly what encode() writes."""


def encode(result: Parsed) -> dict[str, Any]:
    """The entry of a parse: its data and top-level positions (as a cold read keeps them:
    deeper positions are read again from the text when a finding asks for one)."""
    documents, error = result
    return {
        "documents": [
            {
                "data": d.data,
                "positions": [
                    [list(p), packed] for p, packed in d.positions.packed().items() if len(p) <= 1
                ],
                "start": [d.start.line, d.start.column],
                "problems": [
                    [p.code, *(p.mark or (1, 1)), p.message, list(p.path)] for p in d.problems
                ],
            }
            for d in documents
        ],
        "error": None if error is None else [error.pos.line, error.pos.column, error.message],
    }


def decode(entry: object) -> Parsed:
    """The parsed documents `entry` holds; BadEntry unless it is exactly encode()'s shape."""
    fields = _mapping(entry, ("documents", "error"))
    documents = [_document(d) for d in _list(fields["documents"], MAX_NODES)]
    error = fields["error"]
    if error is None:
        return documents, None
    line, column, message = _list(error, 3, exact=True)
    return documents, YamlSyntaxError(_pos(line, column), _text(message))


def _document(value: object) -> Document:
    d = _mapping(value, ("data", "positions", "start", "problems"))
    data = d["data"]
    _check_data(data)
    positions = Positions.from_packed(_places(d["positions"]))
    line, column = _list(d["start"], 2, exact=True)
    problems = []
    for item in _list(d["problems"], MAX_NODES):
        code, p_line, p_column, message, path = _list(item, 5, exact=True)
        if not isinstance(code, str) or not _CODE.match(code):
            raise BadEntry("finding code")
        mark = _pos(p_line, p_column)
        problems.append(
            Issue(code, _text(message), path=_path(path), mark=(mark.line, mark.column))
        )
    return Document(data, positions, _pos(line, column), problems)


def _places(value: object) -> dict[tuple[str | int, ...], int]:
    """[[path, packed], ...] -> packed positions (the hot loop of a warm run: kept flat)."""
    if type(value) is not list or len(value) > MAX_NODES:
        raise BadEntry("positions")
    out: dict[tuple[str | int, ...], int] = {}
    fits = Positions.packed_fits
    for item in value:
        if type(item) is not list or len(item) != 2:
            raise BadEntry("position")
        path, packed = item
        if (
            type(packed) is not int
            or not fits(packed)
            or type(path) is not list
            or len(path) > MAX_DEPTH + 1
        ):
            raise BadEntry("position")
        for part in path:
            if type(part) is not str and (type(part) is not int or part < 0):
                raise BadEntry("path")
        out[tuple(path)] = packed
    return out


def _mapping(value: object, keys: tuple[str, ...]) -> dict[str, object]:
    if not isinstance(value, dict) or set(value) != set(keys):
        raise BadEntry("shape")
    return value


def _list(value: object, limit: int, exact: bool = False) -> list[object]:
    if not isinstance(value, list) or len(value) > limit or (exact and len(value) != limit):
        raise BadEntry("list")
    return value


def _int(value: object) -> int:
    if type(value) is not int or not 0 < value <= MAX_POSITION:
        raise BadEntry("position")
    return value


def _pos(line: object, column: object) -> Pos:
    return Pos(_int(line), _int(column))


def _text(value: object) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise BadEntry("text")
    return value


def _path(value: object) -> tuple[str | int, ...]:
    out: list[str | int] = []
    for part in _list(value, MAX_DEPTH + 1):
        if isinstance(part, str) or (type(part) is int and part >= 0):
            out.append(part)
        else:
            raise BadEntry("path")
    return tuple(out)


_SCALARS = frozenset({type(None), bool, int, float, str})


def _check_data(data: object) -> None:
    """Plain JSON data no deeper than MAX_DEPTH and with at most MAX_NODES nodes (a warm
    run checks every entry: the walk visits containers only, scalars by their type)."""
    if type(data) in _SCALARS:
        return
    stack: list[tuple[object, int]] = [(data, 0)]
    nodes = 1
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH + 1:
            raise BadEntry("too large or too deep")
        if type(value) is dict:
            children: Iterable[object] = value.values()
        elif type(value) is list:
            children = value
        else:
            raise BadEntry("data type")
        nodes += len(children)  # type: ignore[arg-type]
        if nodes > MAX_NODES:
            raise BadEntry("too large or too deep")
        for child in children:
            if type(child) not in _SCALARS:
                stack.append((child, depth + 1))
