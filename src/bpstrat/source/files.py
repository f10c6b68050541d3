"""Files -> YAML documents with positions, and the BP101-BP105 findings of reading them.

Reading never blocks (FIFOs and devices are not opened), never follows a symlink loop,
never reads more than MAX_FILE_BYTES, and one bad file never stops the others.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import TYPE_CHECKING

from bpstrat.errors import UsageError
from bpstrat.findings import Issue
from bpstrat.source.yaml_fast import Document, parse

if TYPE_CHECKING:
    from bpstrat.source.parse_cache import ParseCache

ROOT_FILE = "bpstrat.yaml"
MAX_FILE_BYTES = 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class SourceFile:
    """One YAML file below the root: its text and documents (empty when unreadable)."""

    path: FsPath
    rel: str
    text: str = ""
    documents: list[Document] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    _lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.splitlines()
        return self._lines

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


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A gitignore-like glob: `**` spans folders, `*` and `?` stay within one name.

    A pattern also matches everything below a folder it matches (`drafts` = `drafts/**`).
    """
    out = ""
    i = 0
    pattern = pattern.strip().lstrip("/")
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
            continue
        if pattern.startswith("**", i):
            out += ".*"
            i += 2
            continue
        out += "[^/]*" if char == "*" else "[^/]" if char == "?" else re.escape(char)
        i += 1
    anchored = "" if "/" in pattern.rstrip("/") else "(?:.*/)?"
    return re.compile(f"^{anchored}{out.rstrip('/')}(?:/.*)?$")


def discover(root: FsPath, exclude: list[str]) -> tuple[list[FsPath], list[Issue]]:
    """Every entity file below `root` (sorted), plus issues for what cannot be read."""
    patterns = [glob_regex(p) for p in exclude if p.strip()]
    found: list[FsPath] = []
    issues: list[Issue] = []
    seen_dirs: set[tuple[int, int]] = set()

    def excluded(rel: str) -> bool:
        return any(p.match(rel) for p in patterns)

    def walk(folder: FsPath, rel: str) -> None:
        try:
            info = folder.stat()
        except OSError:
            return
        if (info.st_dev, info.st_ino) in seen_dirs:
            return  # a symlink loop or a second way into the same folder
        seen_dirs.add((info.st_dev, info.st_ino))
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            child_rel = f"{rel}{name}"
            if excluded(child_rel):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                walk(FsPath(entry.path), child_rel + "/")
                continue
            if not name.lower().endswith(YAML_SUFFIXES) or child_rel == ROOT_FILE:
                continue
            problem = _not_regular(FsPath(entry.path))
            if problem:
                issues.append(Issue("BP105", problem, child_rel, mark=(1, 1)))
                continue
            found.append(FsPath(entry.path))

    walk(root, "")
    return found, issues


def _not_regular(path: FsPath) -> str | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return "broken symbolic link: its target does not exist; fix or remove the link"
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a pipe, socket or device?); skipped, rename or remove it"
    return None


def read_file(path: FsPath, rel: str, cache: ParseCache | None = None) -> SourceFile:
    """Read and parse one file; every problem becomes an issue of the file."""
    source = SourceFile(path, rel)

    def unreadable(message: str, line: int = 1, column: int = 1) -> SourceFile:
        source.issues.append(Issue("BP105", message, rel, mark=(line, column)))
        return source

    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return unreadable(f"cannot be read: {error.strerror or error}")
    if len(raw) > MAX_FILE_BYTES:
        return unreadable(
            f"file is larger than {MAX_FILE_BYTES // 1024} KiB; split it into smaller files"
        )
    text, problem = decode(raw)
    if text is None:
        line, column, message = problem
        return unreadable(message, line, column)
    source.text = text
    documents, syntax = cache.parse(text) if cache is not None else parse(text)
    source.documents = documents
    if syntax is not None:
        mark = (syntax.pos.line, syntax.pos.column)
        source.issues.append(Issue("BP101", f"invalid YAML: {syntax.message}", rel, mark=mark))
    for index, document in enumerate(documents):
        source.issues.extend(issue.located(rel, index) for issue in document.problems)
    return source


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
