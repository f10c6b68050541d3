"""Canonical formatting of strategy files, keeping every comment, value and separator.

The canonical form: keys in the order of the file format (unknown keys after the known
ones), mappings indented by 2 and list items by `  - `, `null` written out, every line
ending with the file's line ending (that of its first line, `\r\n` or `\n`). The author's
choice between block and flow style (`[a, b]`, `{id: x}`) is kept, except that a flow
collection on a line longer than 88 characters becomes block. A mapping whose keys have
full-line comments between them keeps its key order, so no comment ends up beside the
wrong key. A comment on a line of its own, written at the indentation of the line after
it, moves with that line when it is re-indented.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from bpstrat.edit.fmt_comments import realign_comments
from bpstrat.edit.fmt_quick import canonical_documents, is_canonical
from bpstrat.edit.fmt_rewrite import moved_lines, rewrite_lines
from bpstrat.edit.fmt_scan import Scan, scan
from bpstrat.edit.fmt_verify import alias_refusal, compare, read_checked
from bpstrat.edit.line_endings import ending, to_lf, written
from bpstrat.edit.order import child_model, document_model, key_rank
from bpstrat.source.roundtrip import (
    WIDTH,
    Key,
    RoundTripError,
    child,
    dump_all,
    is_flow,
    item_line,
    items,
    key_line,
    keys,
    load_all,
    move_to_end,
    node_line,
    set_block,
    value_line,
)


@dataclass
class Formatted:
    """The canonical text, or the input unchanged with `refused` saying why."""

    text: str
    notes: list[str]
    refused: str | None = None


def format_text(text: str, is_root_config: bool = False) -> Formatted:
    """The canonical form of one file's text: `format_quick`'s when it has one, else
    `format_full`'s."""
    return format_quick(text, is_root_config) or format_full(text, is_root_config)


def format_quick(text: str, is_root_config: bool = False) -> Formatted | None:
    """What `format_full` gives, when it is proven without the round-trip reader: the text
    itself when `is_canonical`, the text with keys moved into the format's order and blocks
    indented by 2 when that is its only change (`moved_lines`); None otherwise (a text
    that is not valid YAML included)."""
    bom, body, line_ending = _parts(text)
    try:
        documents = read_checked(body)
    except RoundTripError:
        return None
    if canonical_documents(text, is_root_config, documents) is not None:
        return Formatted(text, [])
    moved = moved_lines(body, documents, is_root_config)
    return None if moved is None else Formatted(bom + written(moved, line_ending), [])


def _parts(text: str) -> tuple[str, str, str]:
    """A text's byte order mark, its body with `\n` line breaks, and its line ending."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    return bom, to_lf(text[len(bom) :]), ending(text[len(bom) :])


def format_full(text: str, is_root_config: bool = False) -> Formatted:
    """The canonical form of one file's text through the round-trip reader and writer,
    checked before it is returned.

    Raises RoundTripError when the file is not valid YAML (a syntax error, a duplicate
    key, an alias bomb). Returns the text unchanged, with a reason in `refused`, when
    the file holds something fmt does not rewrite or when the formatted text would not
    read back to the same data and comments, or would change again on a second run.
    """
    bom, body, line_ending = _parts(text)
    documents = read_checked(body)
    moved = moved_lines(body, documents, is_root_config)
    if moved is not None:
        return Formatted(bom + written(moved, line_ending), [])
    try:
        layout = scan(body)
    except yaml.YAMLError as error:  # pragma: no cover - the fast reader accepted it
        return Formatted(text, [], f"its tokens could not be read ({error})")
    refusal = layout.refusal or (alias_refusal(documents) if layout.aliases else None)
    if refusal is not None:
        return Formatted(text, [], refusal)
    quick = rewrite_lines(body, is_root_config)
    if quick is not None and compare(body, documents, layout, quick) is None:
        return Formatted(bom + written(quick, line_ending), [])
    notes: list[str] = []
    try:
        out = _format_stream(body, layout, is_root_config, notes)
        if bom + written(out, line_ending) == text:
            return Formatted(text, notes)
        problem = compare(body, documents, layout, out)
        # A second format must not change it: proven without the round trip when the
        # output is in the quick proof's subset (a long flow line written as a block list).
        if (
            problem is None
            and not is_canonical(out, is_root_config)
            and _format_stream(out, scan(out), is_root_config, []) != out
        ):
            problem = "formatting it twice gives a different text (fmt would not be stable)"
    except RoundTripError as error:
        problem = f"the round-trip YAML reader cannot handle it ({error.message})"
    except yaml.YAMLError as error:
        problem = f"the formatted text would not read back ({error})"
    if problem is not None:
        return Formatted(text, [], problem)
    return Formatted(bom + written(out, line_ending), notes)


def _format_stream(text: str, layout: Scan, is_root_config: bool, notes: list[str]) -> str:
    """Format each document on its own; `---`/`...` lines and what stands between stay."""
    if not layout.markers:  # one document: its scan is the one already made
        return _format_body(text, is_root_config, notes, layout)
    pieces: list[str] = []
    done = 0
    for begin, end in layout.markers:
        pieces.append(_format_body(text[done:begin], is_root_config, notes))
        pieces.append(text[begin:end])
        done = end
    pieces.append(_format_body(text[done:], is_root_config, notes))
    return "".join(pieces)


def _format_body(
    text: str, is_root_config: bool, notes: list[str], layout: Scan | None = None
) -> str:
    """One document's text: comments before and after its content are kept verbatim.
    `layout` is the scan of `text` when it was already made."""
    span = (layout or scan(text)).content
    if span is None:
        return text
    first, tail = span
    core = text[first:tail]
    documents = load_all(core)
    if len(documents) != 1 or not isinstance(documents[0], (CommentedMap, CommentedSeq)):
        return text
    document = documents[0]
    lines = core.splitlines()
    comment_lines = _comment_lines(lines)
    kind: object = None
    if isinstance(document, CommentedMap) and "kind" in keys(document):
        kind = child(document, "kind")
    model = document_model(kind, is_root_config)
    _format_node(document, model, (), comment_lines, notes, lines)
    out = realign_comments(core, dump_all(documents))
    if tail < len(text) and not out.endswith("\n"):
        out += "\n"
    return text[:first] + out + text[tail:]


def _comment_lines(lines: list[str]) -> set[int]:
    """0-based numbers of the lines that hold only a comment."""
    return {n for n, line in enumerate(lines) if line.lstrip().startswith("#")}


def _format_node(
    node: object,
    model: type[BaseModel] | None,
    path: tuple[Key, ...],
    comments: set[int],
    notes: list[str],
    lines: list[str],
) -> None:
    if isinstance(node, CommentedMap):
        for key in keys(node):
            inner = child_model(model, key)
            _format_node(child(node, key), inner, (*path, key), comments, notes, lines)
        _reorder(node, model, path, comments, notes)
        _unflow_long(node, lines)
    elif isinstance(node, CommentedSeq):
        for index, item in enumerate(items(node)):
            _format_node(item, model, (*path, index), comments, notes, lines)
        _unflow_long(node, lines)


def _unflow_long(node: CommentedMap | CommentedSeq, lines: list[str]) -> None:
    """A flow collection written on a line longer than WIDTH becomes block style."""
    if not is_flow(node):
        return
    line = node_line(node)
    if line is not None and 0 <= line < len(lines) and len(lines[line]) > WIDTH:
        set_block(node)


def _reorder(
    node: CommentedMap,
    model: type[BaseModel] | None,
    path: tuple[Key, ...],
    comments: set[int],
    notes: list[str],
) -> None:
    if model is None:
        return
    present = keys(node)
    wanted = sorted(present, key=lambda k: (key_rank(model, k), present.index(k)))
    if wanted == present:
        return
    first, last = _span(node)
    if any(first < line <= last for line in comments):
        where = ".".join(str(p) for p in path) or "document"
        notes.append(
            f"line {first + 1}: kept the key order of {where}: comments stand between its keys"
        )
        return
    for key in wanted:
        move_to_end(node, key)


def _span(node: CommentedMap) -> tuple[int, int]:
    """First and last (0-based) line of a collection's keys and items."""
    lines: list[int] = []

    def visit(value: object) -> None:
        if isinstance(value, CommentedMap):
            for key in keys(value):
                lines.append(key_line(value, key))
                at = value_line(value, key)
                if at is not None:
                    lines.append(at)
                visit(child(value, key))
        elif isinstance(value, CommentedSeq):
            for index, item in enumerate(items(value)):
                lines.append(item_line(value, index))
                visit(item)

    visit(node)
    if lines:
        return min(lines), max(lines)
    line = node_line(node) or 0
    return line, line
