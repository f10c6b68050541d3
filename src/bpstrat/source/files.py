"""Files -> YAML documents with positions, and the BP101-BP105 issues of reading them.

Reading goes through a Tree (source/tree.py): it never blocks (FIFOs and devices are not
opened), never follows a symlink loop or a link out of the root, never reads more than
MAX_FILE_BYTES, and one bad file never stops the others.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path as FsPath
from typing import TYPE_CHECKING

from bpstrat.errors import UsageError
from bpstrat.findings import Issue
from bpstrat.source.positions import Positions, editor_lines
from bpstrat.source.tree import (
    MAX_FILE_BYTES,
    ROOT_FILE,
    TOO_LARGE,
    YAML_SUFFIXES,
    FolderTree,
    Tree,
)
from bpstrat.source.yaml_fast import Document, parse

if TYPE_CHECKING:
    from bpstrat.source.parse_cache import ParseCache

__all__ = [
    "MAX_FILE_BYTES",
    "ROOT_FILE",
    "YAML_SUFFIXES",
    "SourceFile",
    "decode",
    "discover",
    "find_root",
    "read_file",
    "read_source",
]


@dataclass(slots=True)  # one per file: no per-object dict
class SourceFile:
    """One YAML file below the root: its text and documents (empty when unreadable)."""

    root: FsPath  # the strategy root (one object shared by every file)
    rel: str
    text: str = ""
    documents: list[Document] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    _lines: list[str] | None = None

    @property
    def path(self) -> FsPath:
        return self.root / self.rel

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = editor_lines(self.text)
        return self._lines

    def forget_lines(self) -> None:
        self._lines = None

    def line(self, number: int) -> str:
        """The text of 1-based line `number`, or '' when out of range."""
        lines = self.lines
        return lines[number - 1] if 0 < number <= len(lines) else ""


def find_root(start: FsPath) -> FsPath:
    """Walk up from `start` to the nearest folder holding bpstrat.yaml."""
    try:
        here = start.resolve()
    except (OSError, RuntimeError) as error:
        raise UsageError(f"{start}: cannot resolve path ({error})") from None
    if not here.exists():
        raise UsageError(f"{start}: no such file or folder")
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        if (folder / ROOT_FILE).is_file():
            return folder
    raise UsageError(
        f"no {ROOT_FILE} found in {here} or any folder above it; "
        "run `bpstrat init` to start a strategy, or pass the strategy's folder as PATH"
    )


def discover(root: FsPath, exclude: list[str]) -> tuple[list[FsPath], list[Issue]]:
    """Every entity file below the folder `root` (sorted), plus issues for what cannot be read."""
    rels, issues = FolderTree(root).discover(exclude)
    return [root / rel for rel in rels], issues


def read_file(path: FsPath, rel: str, cache: ParseCache | None = None) -> SourceFile:
    """Read and parse the file `rel` at `path` (the root is `path` less `rel`)."""
    root = path
    for _ in rel.split("/"):
        root = root.parent
    return read_source(FolderTree(root), rel, cache)


def read_source(
    tree: Tree, rel: str, cache: ParseCache | None = None, deep: bool = False
) -> SourceFile:
    """Read and parse one file of `tree`; every problem becomes an issue of the file.

    `deep` keeps every position a fresh parse found, for a command that asks for many
    positions below the top level (the agenda); otherwise only the top-level ones are
    kept and the rest read again when asked for."""
    source = SourceFile(tree.root, rel)

    def unreadable(message: str, line: int = 1, column: int = 1) -> SourceFile:
        source.issues.append(Issue("BP105", message, rel, mark=(line, column)))
        return source

    raw = tree.read_bytes(rel)
    if isinstance(raw, str):
        return unreadable(raw)
    if len(raw) > MAX_FILE_BYTES:
        return unreadable(TOO_LARGE)
    text, problem = decode(raw)
    if text is None:
        line, column, message = problem
        return unreadable(message, line, column)
    source.text = text
    if cache is not None:
        (documents, syntax), whole = cache.parse_marked(text)
    else:
        (documents, syntax), whole = parse(text), True
    source.documents = documents
    if syntax is not None:
        mark = (syntax.pos.line, syntax.pos.column)
        source.issues.append(Issue("BP101", f"invalid YAML: {syntax.message}", rel, mark=mark))
    again = _DeepPositions(text)
    for index, document in enumerate(documents):
        source.issues.extend(issue.located(rel, index) for issue in document.problems)
        if deep and whole:
            continue
        # Deeper positions are read again from the text when a finding needs them.
        document.positions = document.positions.shallow(partial(again.table, index))
    return source


class _DeepPositions:
    """The full position tables of every document of one text, from one parse made when
    the first is asked for (parsing is deterministic): a file of many documents is parsed
    again once, not once per document a finding points into."""

    __slots__ = ("tables", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tables: list[Positions] | None = None

    def table(self, index: int) -> Positions:
        if self.tables is None:
            self.tables = [document.positions for document in parse(self.text)[0]]
            self.text = ""
        return self.tables[index]


def decode(raw: bytes) -> tuple[str | None, tuple[int, int, str]]:
    """UTF-8 text (a BOM is dropped); else None and where the first bad byte is."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)):
        return None, (1, 1, "file is UTF-16 or UTF-32; save it as UTF-8")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8"), (0, 0, "")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        kind = "binary data" if b"\x00" in raw[:8192] else "text that is not UTF-8"
        return None, (
            line,
            column,
            f"file holds {kind} (byte {raw[error.start]:#04x} at line {line}); "
            "save it as UTF-8 text",
        )
