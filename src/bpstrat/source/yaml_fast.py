"""Fast, safe YAML reading for lint: libyaml's C parser events -> plain data with positions.

Why not a composer or a constructor: the event stream is the cheapest thing libyaml offers
(a round-trip load costs about 30x more), it is iterative (deep nesting cannot overflow
the C stack, which composing does), and building the data here lets us apply YAML 1.2
core-schema scalars (`no`, `on`, `NO` stay strings; dates stay text until a model asks
for a date), refuse every tag, bound alias expansion, and record where each key is.
Nothing is ever constructed from a tag.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from sys import intern
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from bpstrat.findings import Issue
from bpstrat.source.positions import Path, Pos, Positions
from bpstrat.source.yaml_errors import explain

try:  # libyaml bindings ship in PyYAML's wheels; the pure parser is the slow fallback.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _Parser  # type: ignore[assignment]

MAX_DEPTH = 100
MAX_NODES = 100_000  # nodes after alias expansion, per document

_CORE = "tag:yaml.org,2002:"
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


class YamlSyntaxError(Exception):
    """The text is not YAML we can read; `pos` is the parser's error mark."""

    def __init__(self, pos: Pos, message: str, real: bool = False) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message
        self.real = real  # `pos` already counts lines as editors do


def _problem(code: str, pos: Pos, message: str, path: Path) -> Issue:
    """Something wrong found while reading a document that is still usable."""
    return Issue(code, message, path=path, mark=(pos.line, pos.column))


@dataclass(slots=True)  # one per file: no per-object dict
class Document:
    """One YAML document: its plain data, where each part is, and what was wrong."""

    data: Any
    positions: Positions
    start: Pos
    problems: list[Issue] = field(default_factory=list)


_MAX_DIGITS = 400  # more decimal digits than any double holds: the value is infinite
_MAX_BITS = 1024  # integers this long are past the largest double


def _bounded(value: int) -> int | float:
    """An integer, or +-inf when it is too large for any number bpstrat uses.

    Every later step (str(), float(), a message quoting it) can then handle it; the model
    reports a non-finite number as out of range.
    """
    if value.bit_length() > _MAX_BITS:
        return math.inf if value > 0 else -math.inf
    return value


def resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema for a plain (unquoted, untagged) scalar."""
    if not text or (text[0] in "~nN" and _NULL.match(text)):
        return None
    first = text[0]
    if first in "tTfF" and text in _BOOL:
        return _BOOL[text]
    if first.isdigit() or first in "-+.":
        if _INT10.match(text):
            # Past 4,300 digits int() refuses; far past a double, the number is infinite.
            return _bounded(int(text)) if len(text) <= _MAX_DIGITS else float(text)
        if _INT8.match(text):
            return _bounded(int(text[2:], 8))
        if _INT16.match(text):
            return _bounded(int(text[2:], 16))
        if _FLOAT.match(text):
            return float(text)
        if _INF.match(text):
            return -math.inf if text[0] == "-" else math.inf
        if _NAN.match(text):
            return math.nan
    return text


def _resolve_tagged(tag: str, text: str, pos: Pos, problems: list[Issue], path: Path) -> Any:
    """A scalar with an explicit tag: core tags mean what they say, others are refused."""
    if tag in ("!", _CORE + "str"):
        return text
    value = resolve_plain(text)
    name = tag[len(_CORE) :] if tag.startswith(_CORE) else ""
    if name == "null" and value is None:
        return None
    if name == "bool" and isinstance(value, bool):
        return value
    if name == "int" and type(value) is int:
        return value
    if name == "float" and type(value) in (int, float):
        return float(value)
    if name in ("null", "bool", "int", "float"):
        problems.append(_problem("BP202", pos, f"{text!r} is not a valid {_short(tag)}", path))
        return text
    problems.append(_tag_problem(tag, pos, path))
    return text


def _short(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _tag_problem(tag: str, pos: Pos, path: Path) -> Issue:
    return _problem(
        "BP202",
        pos,
        f"YAML tag {_short(tag)!r} is not allowed: bpstrat reads plain data only; remove the tag",
        path,
    )


class _Frame:
    """A collection being built: its data, its path (None: not recorded), pending key."""

    __slots__ = (
        "anchor",
        "data",
        "flow",
        "have_key",
        "is_map",
        "key",
        "key_pos",
        "merges",
        "path",
        "seen",
        "size",
        "start",
    )

    def __init__(
        self, data: Any, path: Path | None, anchor: str | None, start: Pos, flow: bool
    ) -> None:
        self.data = data
        self.flow = flow
        self.path = path
        self.is_map = isinstance(data, dict)
        self.key: Any = None
        self.key_pos = start
        self.have_key = False
        self.seen: dict[str, Pos] = {}
        self.anchor = anchor
        self.merges: list[tuple[Any, Pos]] = []
        self.size = 1
        self.start = start


def parse(text: str) -> tuple[list[Document], YamlSyntaxError | None]:
    """Read every document of `text`; a syntax error stops reading and is returned.

    Documents completed before the error are returned too, so a multi-document file with
    one broken document still has its good documents checked.
    """
    docs, error = _parse(text)
    if _YAML11_BREAKS.search(text):
        _to_real_lines(text, docs, error)
    return docs, error


# libyaml counts NEL, LS and PS as line breaks (YAML 1.1); editors and YAML 1.2 do not.
_YAML11_BREAKS = re.compile("[\x85\u2028\u2029]")
_LIBYAML_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_REAL_BREAK = re.compile("\r\n|[\n\r]")


def _real_lines(text: str) -> Callable[[Pos], Pos]:
    """The position an editor shows for one of libyaml's positions in `text`."""
    libyaml_starts = [0] + [m.end() for m in _LIBYAML_BREAK.finditer(text)]
    real_starts = [0] + [m.end() for m in _REAL_BREAK.finditer(text)]

    def real(pos: Pos) -> Pos:
        line0 = min(pos.line - 1, len(libyaml_starts) - 1)
        offset = libyaml_starts[line0] + pos.column - 1
        real_line0 = bisect.bisect_right(real_starts, offset) - 1
        return Pos(real_line0 + 1, offset - real_starts[real_line0] + 1)

    return real


def _to_real_lines(text: str, docs: list[Document], error: YamlSyntaxError | None) -> None:
    """Turn libyaml's line numbers into the lines an editor shows, in place."""
    real = _real_lines(text)
    for doc in docs:
        doc.start = real(doc.start)
        doc.positions = doc.positions.moved(real)
        doc.problems = [_moved(p, real) for p in doc.problems]
    if error is not None and not error.real:
        error.pos = real(error.pos)


def _moved(issue: Issue, real: Callable[[Pos], Pos]) -> Issue:
    if issue.mark is None:
        return issue
    line, column = real(Pos(*issue.mark))
    return replace(issue, mark=(line, column))


def _parse(text: str) -> tuple[list[Document], YamlSyntaxError | None]:
    docs: list[Document] = []
    parser = _Parser(text)
    try:
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is DocumentStartEvent:
                docs.append(_read_document(parser, event, text))
            elif kind is StreamEndEvent:
                break
    except YamlSyntaxError as error:
        return docs, error
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        pos = Pos.from_mark(mark.line, mark.column) if mark else Pos(1, 1)
        start = error.context_mark
        context_pos = Pos.from_mark(start.line, start.column) if start else None
        if _YAML11_BREAKS.search(text):  # explained, and its lines named, as editors count
            real = _real_lines(text)
            pos = real(pos)
            context_pos = real(context_pos) if context_pos else None
        pos, message = explain(text, pos, error.problem or "", error.context or "", context_pos)
        return docs, YamlSyntaxError(pos, message, real=True)
    except yaml.YAMLError as error:  # reader errors (control characters) carry a position
        where = _reader_pos(text, error)
        return docs, YamlSyntaxError(where, _reader_message(error), real=True)
    finally:
        parser.dispose()
    return docs, None


def _reader_pos(text: str, error: yaml.YAMLError) -> Pos:
    index = getattr(error, "position", None)
    if not isinstance(index, int):
        return Pos(1, 1)
    before = text[:index]
    line = before.count("\n")
    return Pos.from_mark(line, index - (before.rfind("\n") + 1))


def _reader_message(error: yaml.YAMLError) -> str:
    character = getattr(error, "character", None)
    if isinstance(character, str):
        character = ord(character)
    if isinstance(character, int):
        return f"character {character:#06x} is not allowed in YAML text; remove it"
    return str(error).splitlines()[0] if str(error) else "invalid YAML"


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _read_document(parser: Any, start_event: Any, text: str) -> Document:
    keys: dict[Path, Pos] = {}  # path -> where its key (or list item) starts
    values: dict[Path, Pos] = {}  # path -> where its value starts
    problems: list[Issue] = []
    anchors: dict[str, tuple[Any, int]] = {}  # anchor -> (data, expanded size)
    building: set[str] = set()
    stack: list[_Frame] = []
    start = Pos.from_mark(start_event.start_mark.line, start_event.start_mark.column)
    line_of = _Lines(text)
    root: list[Any] = []
    total = 0

    def child_path() -> Path | None:
        """The path the next node will have; None when its position is not recorded."""
        if not stack:
            return ()
        top = stack[-1]
        if top.path is None:
            return None
        if not top.is_map:
            return top.path + (len(top.data),)
        key = top.key
        if not top.have_key or not isinstance(key, str) or key in top.seen or key == "<<":
            return None
        return top.path + (key,)

    def place(value: Any, size: int, pos: Pos) -> None:
        """Attach a finished node to its parent (or to the document)."""
        if not stack:
            root.append(value)
            return
        top = stack[-1]
        top.size += size
        if not top.is_map:
            if top.path is not None:
                path = top.path + (len(top.data),)
                keys[path] = pos
                values.setdefault(path, pos)
            top.data.append(value)
            return
        if not top.have_key:
            top.key, top.key_pos, top.have_key = value, pos, True
            return
        top.have_key = False
        key, key_pos = top.key, top.key_pos
        where = top.path if top.path is not None else ()
        if key == "<<":
            top.merges.append((value, key_pos))
            return
        if not isinstance(key, str):
            if value is None and top.flow and _decimal_comma(top, key, key_pos, line_of):
                return
            problems.append(
                _problem(
                    "BP202",
                    key_pos,
                    f"key {_describe(key)} is not text: "
                    "keys are plain names such as `id` or `name`",
                    where,
                )
            )
            return
        first = top.seen.get(key)
        if first is not None:
            problems.append(
                _problem(
                    "BP102",
                    key_pos,
                    f"duplicate key {key!r}: first defined at line {first.line}; "
                    "keep one of them (YAML keeps only one value)",
                    where + (key,),
                )
            )
            return
        top.seen[key] = key_pos
        top.data[key] = value
        if top.path is not None:
            path = top.path + (key,)
            keys[path] = key_pos
            values.setdefault(path, pos)

    aliased = 0  # nodes that aliases added

    def count(size: int, pos: Pos) -> None:
        nonlocal total
        total += size
        if total > MAX_NODES:
            if aliased:
                raise YamlSyntaxError(
                    pos,
                    f"aliases expand this document to more than {MAX_NODES} nodes "
                    "(an alias bomb?); write the data out instead of nesting aliases",
                )
            raise YamlSyntaxError(
                pos,
                f"this document holds more than {MAX_NODES} values; split it into "
                "smaller documents or files",
            )

    new_pos = tuple.__new__  # Pos(...) without NamedTuple's Python-level __new__
    get_event = parser.get_event
    while True:
        event = get_event()
        kind = type(event)
        mark = event.start_mark
        pos = new_pos(Pos, (mark.line + 1, mark.column + 1))
        if kind is ScalarEvent:
            tag = event.tag
            if tag is None:
                value = resolve_plain(event.value) if event.implicit[0] else event.value
            else:
                path = child_path()
                value = _resolve_tagged(tag, event.value, pos, problems, path or ())
            total += 1
            if total > MAX_NODES:
                count(0, pos)
            if event.anchor:
                anchors[event.anchor] = (value, 1)
            if stack:
                top = stack[-1]
                if top.is_map and not top.have_key:  # the common case: a mapping key
                    if type(value) is str:  # one shared string per key name, in every file
                        value = intern(value)
                    top.key, top.key_pos, top.have_key = value, pos, True
                    top.size += 1
                    continue
            place(value, 1, pos)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if len(stack) >= MAX_DEPTH:
                raise YamlSyntaxError(
                    pos, f"nesting deeper than {MAX_DEPTH} levels; flatten the data"
                )
            is_map = kind is MappingStartEvent
            path = child_path()
            tag = event.tag
            if tag is not None and tag not in ("!", _CORE + ("map" if is_map else "seq")):
                problems.append(_tag_problem(tag, pos, path or ()))
            count(1, pos)
            if path is not None:
                values[path] = pos
                if not path:
                    keys[()] = pos
            if event.anchor:
                building.add(event.anchor)
            stack.append(
                _Frame({} if is_map else [], path, event.anchor, pos, bool(event.flow_style))
            )
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = stack.pop()
            if frame.merges:
                _apply_merges(frame, keys, values, problems)
            if frame.anchor:
                building.discard(frame.anchor)
                anchors[frame.anchor] = (frame.data, frame.size)
            place(frame.data, frame.size, frame.start)
        elif kind is AliasEvent:
            name = event.anchor
            if name in building:
                raise YamlSyntaxError(pos, f"alias *{name} refers to itself; remove the loop")
            if name not in anchors:
                raise YamlSyntaxError(
                    pos,
                    f"alias *{name} names no anchor defined before it; to write text "
                    "that starts with `*`, quote it",
                )
            value, size = anchors[name]
            aliased += size
            count(size, pos)
            place(value, size, pos)
        elif kind is DocumentEndEvent:
            return Document(root[0] if root else None, Positions(keys, values), start, problems)


def _decimal_comma(frame: _Frame, key: Any, pos: Pos, line_of: Callable[[int], str]) -> bool:
    """`{date: 2026-10-31, value: 94,1}`: YAML reads `value: 94` and a key `1`. When the
    source shows a number, a comma and digits with no space, the value is what was written
    (`'94,1'`, text), so that its field says "a decimal comma; write 94.1"."""
    if type(key) is not int or not frame.data:
        return False
    last = next(reversed(frame.data))
    if type(frame.data[last]) not in (int, float):
        return False
    line = line_of(pos.line)
    written = joined_number(line, pos.column)
    if written is None:
        return False
    frame.data[last] = written
    return True


class _Lines:
    """The lines of a text as libyaml counts them, split once, when first asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []

    def __call__(self, number: int) -> str:
        """Line `number` (1-based), without its line break, or ''."""
        if not self.starts:
            self.starts = [0] + [m.end() for m in _LIBYAML_BREAK.finditer(self.text)]
        if not 0 < number <= len(self.starts):
            return ""
        start = self.starts[number - 1]
        end = self.starts[number] if number < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n\x85\u2028\u2029")


def joined_number(line: str, column: int) -> str | None:
    """The number written across a comma that ends just before `column` (1-based), with
    no space on either side (`94,1`, `1.234,5`), or None."""
    start = column - 1
    if not (0 < start < len(line)) or line[start - 1] != ",":
        return None
    end = start
    while end < len(line) and line[end].isdigit():
        end += 1
    if end == start or (end < len(line) and line[end] not in ",}] \t"):
        return None
    first = start - 1
    while first > 0 and (line[first - 1].isdigit() or line[first - 1] == "."):
        first -= 1
    if (
        first == start - 1
        or not line[first].isdigit()
        or (first > 0 and line[first - 1] not in " :\t-+")
    ):
        return None
    if first > 0 and line[first - 1] in "-+":
        first -= 1
    return line[first:end]


def _apply_merges(
    frame: _Frame, keys: dict[Path, Pos], values: dict[Path, Pos], problems: list[Issue]
) -> None:
    """`<<: *base` (or a list of aliases): copy the keys the mapping does not set itself."""
    where = frame.path if frame.path is not None else ()
    for value, key_pos in frame.merges:
        for source in value if isinstance(value, list) else [value]:
            if not isinstance(source, dict):
                problems.append(
                    _problem(
                        "BP202",
                        key_pos,
                        "`<<` merges mappings only: give it an alias of a mapping",
                        where,
                    )
                )
                continue
            for key, item in source.items():
                if key not in frame.data:
                    frame.data[key] = item
                    keys[where + (key,)] = key_pos
                    values[where + (key,)] = key_pos
