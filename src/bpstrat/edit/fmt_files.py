"""`bpstrat fmt` over a root: which files, reading them safely, formatting them (in a
pool where it pays), and writing each one back atomically.

Each file ends in one of four ways: unchanged, reformatted (or "would reformat" as a
preview), left as is (a file fmt does not rewrite safely, with the reason: not an
error), or not formatted because of an error (unreadable, invalid YAML, a failed
write). A preview (`--check`, `--diff`) never writes.
"""

from __future__ import annotations

import codecs
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from bpstrat.edit.fmt import Formatted, format_full
from bpstrat.edit.fmt_pool import Unreadable, format_texts
from bpstrat.model.config import read_config
from bpstrat.source.atomic import FileChangedError, FileState, read_state, write_atomic
from bpstrat.source.files import MAX_FILE_BYTES, ROOT_FILE, decode, discover, find_root, read_file
from bpstrat.source.positions import editor_lines_keepends
from bpstrat.source.visible import visible

Ending = Literal["unchanged", "changed", "left", "failed"]


@dataclass
class FileOutcome:
    """How one file ended; `notes` come first, then `reason` (left or failed), and
    `diff` is the unified diff of a change when one was asked for."""

    rel: str
    ending: Ending
    reason: str = ""
    notes: list[str] = field(default_factory=list)
    diff: str = ""


@dataclass
class FmtRun:
    preview: bool
    outcomes: list[FileOutcome]

    def count(self, ending: Ending) -> int:
        return sum(1 for o in self.outcomes if o.ending == ending)

    @property
    def changed(self) -> list[str]:
        return [o.rel for o in self.outcomes if o.ending == "changed"]


class _Refused(Exception):
    """fmt leaves the file as it is, for the reason given."""


class _Failed(Exception):
    """The file could not be formatted; the message says why."""


def format_root(path: Path, preview: bool, show_diff: bool) -> FmtRun:
    """Format the strategy files of the root above `path` (only `path` when it is a
    file); with `preview` nothing is written; with `show_diff` each change's diff is kept."""
    root = find_root(path)
    reads: list[tuple[str, _Read | _Refused | _Failed]] = []
    for target in _targets(path, root):
        rel = _relative(target, root)
        try:
            reads.append((rel, _read(target, root)))
        except (_Refused, _Failed) as problem:
            reads.append((rel, problem))
    ready = [(read.text, rel == ROOT_FILE) for rel, read in reads if isinstance(read, _Read)]
    formatted = iter(format_texts(ready, format_full))
    outcomes: list[FileOutcome] = []
    for rel, read in reads:
        outcome = FileOutcome(rel, "unchanged")
        try:
            if not isinstance(read, _Read):
                raise read
            _finish(read, next(formatted), outcome, preview, show_diff)
        except _Refused as reason:
            outcome.ending, outcome.reason = "left", str(reason)
        except _Failed as error:
            outcome.ending, outcome.reason = "failed", str(error)
        outcomes.append(outcome)
    return FmtRun(preview, outcomes)


def _targets(path: Path, root: Path) -> list[Path]:
    config_file = read_file(root / ROOT_FILE, ROOT_FILE)
    config, _ = read_config(config_file.documents[0] if config_file.documents else None)
    files, _ = discover(root, config.exclude)
    if path.resolve() != root and path.resolve().is_file():
        return [path.absolute().parent.resolve() / path.name]  # a link stays a link
    return [root / ROOT_FILE, *files]


def _relative(target: Path, root: Path) -> str:
    try:
        return target.relative_to(root).as_posix()
    except ValueError:
        return str(target)


def _real_file(target: Path, root: Path) -> Path:
    """The file to rewrite: a symlink's target, which must lie inside the root."""
    try:
        real = target.resolve(strict=True)
    except (OSError, RuntimeError) as error:
        raise _Failed(f": cannot read: {error}; left as it is") from None
    if real != target and not real.is_relative_to(root.resolve()):
        raise _Refused(
            "it is a symbolic link to a file outside the strategy root; "
            "fmt never writes outside the root"
        )
    return real


@dataclass
class _Read:
    """A file read for formatting: its path to rewrite, bytes, text and state."""

    real: Path
    raw: bytes
    text: str
    nlink: int
    state: FileState


def _read(target: Path, root: Path) -> _Read:
    real = _real_file(target, root)
    try:
        raw, info, state = read_state(real, MAX_FILE_BYTES)
    except OSError as error:
        raise _Failed(f": cannot read: {error.strerror or error}; left as it is") from None
    if len(raw) > MAX_FILE_BYTES:
        raise _Refused(f"file is larger than {MAX_FILE_BYTES // 1024} KiB")
    text, problem = decode(raw)
    if text is None:
        raise _Failed(f":{problem[0]}:{problem[1]}: {problem[2]}; left as it is")
    return _Read(real, raw, text, info.st_nlink, state)


def _finish(
    read: _Read,
    result: Formatted | Unreadable,
    outcome: FileOutcome,
    preview: bool,
    show_diff: bool,
) -> None:
    """Preview or write one file's formatting result, recording how it ended."""
    if isinstance(result, Unreadable):
        raise _Failed(f":{result.where}: invalid YAML: {result.message}; left as it is")
    text = read.text
    outcome.notes.extend(result.notes)
    if result.refused is not None:
        raise _Refused(result.refused)
    if result.text == text:
        return
    if read.nlink > 1:
        raise _Refused(
            f"it has {read.nlink} hard links, and rewriting it would split them; "
            "format a copy by hand if needed"
        )
    if show_diff:
        outcome.diff = shown_diff(text, result.text, outcome.rel)
    if not preview:
        bom = "\ufeff" if read.raw.startswith(codecs.BOM_UTF8) else ""
        _write(read.real, bom + result.text, read.state)
    outcome.ending = "changed"


def shown_diff(before: str, after: str, rel: str) -> str:
    """The unified diff of `before` and `after`, safe to print: lines are split where an
    editor splits them (not at NEL, LS or PS), and every control, line-separator or
    invisible character inside a line, and in the file name, is written as an escape."""
    name = visible(rel)
    return "".join(
        _shown(line)
        for line in difflib.unified_diff(
            editor_lines_keepends(before), editor_lines_keepends(after), f"a/{name}", f"b/{name}"
        )
    )


def _shown(line: str) -> str:
    body = line.rstrip("\r\n")
    ending = line[len(body) :]
    return visible(body) + ("\r\n" if ending == "\r\n" else "\n")  # a last line too


def _write(real: Path, text: str, state: FileState) -> None:
    try:
        write_atomic(real, text, expect=state)
    except FileChangedError:
        raise _Failed(
            ": changed while fmt was formatting it; left as it is: run fmt again"
        ) from None
    except OSError as error:
        raise _Failed(f": cannot write: {error.strerror or error}; left as it is") from None
