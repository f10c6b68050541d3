"""Atomic file writes: a temporary file beside the target, then a rename.

An interrupted write leaves the old file or the new one, never half of each; the new
file keeps the old one's permissions. An editing command that read the file first passes
what it read (`FileState`): the rename happens only if the file is still exactly that, so
a change made meanwhile (an editor saving, an append) is never overwritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bpstrat.errors import UsageError


class FileChangedError(OSError):
    """The file changed between the moment it was read and the rename."""


@dataclass(frozen=True)
class FileState:
    """What a file was when it was read: enough to notice any later change."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    digest: str

    @classmethod
    def of(cls, info: os.stat_result, content: bytes) -> FileState:
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, _digest(content))


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def read_state(path: Path, limit: int) -> tuple[bytes, os.stat_result, FileState]:
    """Up to `limit` + 1 bytes of a regular file, its stat and its state (OSError if not)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(0, "not a regular file")
        content = handle.read(limit + 1)
    return content, info, FileState.of(info, content)


def _unchanged(path: Path, expect: FileState) -> bool:
    try:
        info = os.stat(path)
        if (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns) != (
            expect.device,
            expect.inode,
            expect.size,
            expect.mtime_ns,
        ):
            return False
        with open(path, "rb") as handle:
            return _digest(handle.read(expect.size + 1)) == expect.digest
    except OSError:
        return False


def write_output(path: Path, text: str | bytes) -> None:
    """write_atomic for a file the user named: failures are usage errors (exit 2)."""
    try:
        write_atomic(path, text)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None


def write_atomic(path: Path, text: str | bytes, expect: FileState | None = None) -> None:
    """Replace `path` with `text` (UTF-8; bytes as they are) atomically.

    With `expect`, the file must still be what was read (same inode, size, modification
    time and content) just before the rename; otherwise FileChangedError and no change.
    """
    folder = path.parent if str(path.parent) else Path(".")
    mode = None
    with contextlib.suppress(FileNotFoundError):
        mode = stat.S_IMODE(path.stat().st_mode)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        # backslashreplace: file names that are not UTF-8 appear escaped, never crash
        if isinstance(text, bytes):
            with os.fdopen(handle, "wb") as binary:
                binary.write(text)
                binary.flush()
                os.fsync(binary.fileno())
        else:
            with os.fdopen(
                handle, "w", encoding="utf-8", errors="backslashreplace", newline=""
            ) as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temp_name, mode)
        if expect is not None and not _unchanged(path, expect):
            raise FileChangedError(0, "the file changed since it was read")
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
