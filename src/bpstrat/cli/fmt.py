"""`bpstrat fmt`: rewrite strategy files in canonical form, or check that they are.

Each file ends in one of four ways: unchanged, reformatted (or "would reformat" with
`--check`), left as is (a file fmt does not rewrite safely: a reason is printed, and this
is not an error), or not formatted because of an error (unreadable, invalid YAML, a
failed write): only errors, and files that would change under `--check`, exit 1.
`--check` and `--diff` never write.
"""

from __future__ import annotations

import codecs
import difflib
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bpstrat.edit.fmt import Formatted, format_full
from bpstrat.edit.fmt_pool import Unreadable, format_texts
from bpstrat.model.config import read_config
from bpstrat.source.atomic import FileChangedError, FileState, read_state, write_atomic
from bpstrat.source.files import MAX_FILE_BYTES, ROOT_FILE, decode, discover, find_root, read_file


def _files(count: int) -> str:
    return f"{count} file{'' if count == 1 else 's'}"


@dataclass
class _Tally:
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    left: int = 0
    failed: int = 0


class _Refused(Exception):
    """fmt leaves the file as it is, for the reason given."""


class _Failed(Exception):
    """The file could not be formatted; the message says why."""


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


def run_fmt(path: Path, check: bool, show_diff: bool) -> int:
    root = find_root(path)
    tally = _Tally()
    preview = check or show_diff
    reads: list[tuple[Path, str, _Read | _Refused | _Failed]] = []
    for target in _targets(path, root):
        rel = _relative(target, root)
        try:
            reads.append((target, rel, _read(target, root)))
        except (_Refused, _Failed) as outcome:
            reads.append((target, rel, outcome))
    ready = [(read.text, rel == ROOT_FILE) for _, rel, read in reads if isinstance(read, _Read)]
    formatted = iter(format_texts(ready, format_full))
    for _target, rel, read in reads:
        try:
            if not isinstance(read, _Read):
                raise read
            _finish(read, next(formatted), rel, preview, show_diff, tally)
        except _Refused as reason:
            sys.stderr.write(f"{rel}: left as is: {reason}\n")
            tally.left += 1
        except _Failed as error:
            sys.stderr.write(f"{rel}{error}\n")
            tally.failed += 1
    verb = "would reformat" if preview else "reformatted"
    for rel in tally.changed:
        sys.stderr.write(f"{verb} {rel}\n")
    summary = [f"{verb} {_files(len(tally.changed))}", f"{_files(tally.unchanged)} unchanged"]
    if tally.left:
        summary.append(f"{_files(tally.left)} left as is (reasons above)")
    if tally.failed:
        verb = "it is" if tally.failed == 1 else "they are"
        summary.append(f"{_files(tally.failed)} left as {verb} (errors above)")
    sys.stderr.write(", ".join(summary) + "\n")
    if tally.failed or (check and tally.changed):
        return 1
    return 0


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
    rel: str,
    preview: bool,
    show_diff: bool,
    tally: _Tally,
) -> None:
    """Report, preview or write one file's formatting result."""
    if isinstance(result, Unreadable):
        raise _Failed(f":{result.where}: invalid YAML: {result.message}; left as it is")
    text = read.text
    for note in result.notes:
        sys.stderr.write(f"{rel}: {note}\n")
    if result.refused is not None:
        raise _Refused(result.refused)
    if result.text == text:
        tally.unchanged += 1
        return
    if read.nlink > 1:
        raise _Refused(
            f"it has {read.nlink} hard links, and rewriting it would split them; "
            "format a copy by hand if needed"
        )
    if show_diff:
        sys.stdout.writelines(
            difflib.unified_diff(
                text.splitlines(keepends=True),
                result.text.splitlines(keepends=True),
                f"a/{rel}",
                f"b/{rel}",
            )
        )
    if not preview:
        bom = "\ufeff" if read.raw.startswith(codecs.BOM_UTF8) else ""
        _write(read.real, bom + result.text, read.state)
    tally.changed.append(rel)


def _write(real: Path, text: str, state: FileState) -> None:
    try:
        write_atomic(real, text, expect=state)
    except FileChangedError:
        raise _Failed(
            ": changed while fmt was formatting it; left as it is: run fmt again"
        ) from None
    except OSError as error:
        raise _Failed(f": cannot write: {error.strerror or error}; left as it is") from None
