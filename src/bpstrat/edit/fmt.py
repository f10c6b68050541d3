"""Canonical formatting of strategy files, keeping every comment, value and separator.

The canonical form: keys in the order of the file format (unknown keys after the known
ones), mappings indented by 2 and list items by `  - `, `null` written out. The author's
choice between block and flow style (`[a, b]`, `{id: x}`) is kept, except that a flow
collection on a line longer than 88 characters becomes block. A mapping whose keys have
full-line comments between them keeps its key order, so no comment ends up beside the
wrong key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from bpstrat.model.config import RootConfig
from bpstrat.model.kinds import KINDS
from bpstrat.model.validate import model_at
from bpstrat.source.roundtrip import WIDTH, dump_all, load_all


@dataclass
class Formatted:
    text: str
    notes: list[str]


def format_text(text: str, is_root_config: bool = False) -> Formatted:
    """The canonical form of one file's text (raises RoundTripError on bad YAML)."""
    documents = load_all(text)
    lines = text.splitlines()
    comment_lines = _comment_lines(lines)
    notes: list[str] = []
    for document in documents:
        model: type[BaseModel] | None = RootConfig if is_root_config else None
        if isinstance(document, CommentedMap) and not is_root_config:
            kind = document.get("kind")
            found = KINDS.get(kind) if isinstance(kind, str) else None
            model = found.model if found is not None else None
        _format_node(document, model, (), comment_lines, notes, lines)
    explicit = text.lstrip("\ufeff").lstrip().startswith("---") or _starts_after_comments(text)
    out = dump_all(documents, explicit_start=explicit)
    if not documents:
        out = text
    if text.startswith("\ufeff"):
        out = "\ufeff" + out
    return Formatted(out, notes)


def _starts_after_comments(text: str) -> bool:
    """True when the first non-comment line is `---` (a separator after a header)."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return stripped.startswith("---")
    return False


def _comment_lines(lines: list[str]) -> set[int]:
    """0-based numbers of the lines that hold only a comment."""
    return {n for n, line in enumerate(lines) if line.lstrip().startswith("#")}


def _format_node(
    node: Any,
    model: type[BaseModel] | None,
    path: tuple[Any, ...],
    comments: set[int],
    notes: list[str],
    lines: list[str],
) -> None:
    if isinstance(node, CommentedMap):
        for key in list(node):
            child_model = _child_model(model, key)
            _format_node(node[key], child_model, (*path, key), comments, notes, lines)
        _reorder(node, model, path, comments, notes)
        _unflow_long(node, lines)
    elif isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            _format_node(item, model, (*path, index), comments, notes, lines)
        _unflow_long(node, lines)


def _unflow_long(node: CommentedMap | CommentedSeq, lines: list[str]) -> None:
    """A flow collection written on a line longer than WIDTH becomes block style."""
    if not node.fa.flow_style():
        return
    line = node.lc.line
    if line is not None and 0 <= line < len(lines) and len(lines[line]) > WIDTH:
        node.fa.set_block_style()


def _child_model(model: type[BaseModel] | None, key: Any) -> type[BaseModel] | None:
    if model is None or not isinstance(key, str):
        return None
    return model_at(model, (key,))


def _reorder(
    node: CommentedMap,
    model: type[BaseModel] | None,
    path: tuple[Any, ...],
    comments: set[int],
    notes: list[str],
) -> None:
    if model is None:
        return
    order = list(model.model_fields)
    keys = list(node)
    wanted = sorted(
        keys, key=lambda k: (order.index(k) if k in order else len(order), keys.index(k))
    )
    if wanted == keys:
        return
    first, last = _span(node)
    if any(first < line <= last for line in comments):
        where = ".".join(str(p) for p in path) or "document"
        notes.append(
            f"line {first + 1}: kept the key order of {where}: comments stand between its keys"
        )
        return
    for key in wanted:
        node.move_to_end(key)


def _span(node: Any) -> tuple[int, int]:
    """First and last (0-based) line of a collection's keys and items."""
    lines: list[int] = []

    def visit(value: Any) -> None:
        if isinstance(value, CommentedMap):
            for key in value:
                lines.append(value.lc.key(key)[0])
                val = value.lc.value(key)
                if val is not None:
                    lines.append(val[0])
                visit(value[key])
        elif isinstance(value, CommentedSeq):
            for index, item in enumerate(value):
                lines.append(value.lc.item(index)[0])
                visit(item)

    visit(node)
    return (min(lines), max(lines)) if lines else (node.lc.line, node.lc.line)
