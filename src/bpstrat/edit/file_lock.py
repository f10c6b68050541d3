"""One editor of a file at a time: `bpstrat measure` runs started together never lose a value.

`editing(path)` holds an exclusive lock (`flock`) on the file itself while its content is
read, changed and written back, so a second run waits for the first and then edits the
file the first wrote. The lock is taken on the file that is at `path` once locked (an
atomic write replaces the file, so a waiter checks it locked the current one). What was
read is returned with its state: the write is a compare-and-swap (source/atomic.py), so a
change by a program that takes no lock (an editor saving) is refused, never overwritten.
Where `flock` does not exist, the compare-and-swap alone refuses the later writer.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bpstrat.errors import UsageError
from bpstrat.source.atomic import FileState
from bpstrat.source.tree import read_capped

LOCK_WAIT = 10.0  # seconds to wait for another run to finish with the file
_POLL = 0.02


@contextmanager
def editing(path: Path, shown: str, limit: int) -> Iterator[tuple[bytes, FileState]]:
    """The content (at most `limit` + 1 bytes) and state of `path`, read under a lock
    held until the block ends; a usage error when another run keeps it past LOCK_WAIT."""
    try_lock = _locker()
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        fd = _open(path, shown)
        try:
            if try_lock is not None:
                _lock(try_lock, fd, shown, deadline)
                if not _same_file(fd, path):
                    os.close(fd)  # replaced while we waited: lock the new one
                    continue
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise UsageError(f"{shown} is not a regular file")
            content = read_capped(fd, limit)
        except BaseException:
            os.close(fd)
            raise
        break
    try:
        yield content, FileState.of(info, content)
    finally:
        os.close(fd)  # closing releases the lock


def _open(path: Path, shown: str) -> int:
    try:
        return os.open(
            path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        )
    except OSError as error:
        raise UsageError(f"cannot read {shown}: {error.strerror or error}") from None


def _locker() -> Callable[[int], None] | None:
    """A call that takes an exclusive lock without waiting (BlockingIOError when held)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        return None

    def try_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    return try_lock


def _lock(try_lock: Callable[[int], None], fd: int, shown: str, deadline: float) -> None:
    while True:
        try:
            try_lock(fd)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise UsageError(
                    f"{shown} is being edited by another bpstrat run; nothing was written, "
                    "run the command again when it has finished"
                ) from None
            time.sleep(_POLL)
        except OSError:
            return  # a file system without locks: the compare-and-swap still holds


def _same_file(fd: int, path: Path) -> bool:
    try:
        now = os.stat(path)
    except OSError:
        return False
    held = os.fstat(fd)
    return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)


__all__ = ["LOCK_WAIT", "editing"]
