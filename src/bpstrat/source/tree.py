"""A tree of files to read a strategy from: a folder on disk, or a git revision in memory.

The loader asks a tree for two things only: which entity files it holds (`discover`) and
the bytes of one file (`read_bytes`). Both refuse to leave the strategy root: a file or
folder whose real path is outside the root is reported (BP105) and never opened, and
only regular files are read (a FIFO, socket or device is never opened, so nothing
blocks), at most MAX_FILE_BYTES of each.
"""

from __future__ import annotations

import os
import stat
from abc import ABC, abstractmethod
from pathlib import Path as FsPath

from bpstrat.findings import Issue
from bpstrat.source.globs import Globs

ROOT_FILE = "bpstrat.yaml"
MAX_FILE_BYTES = 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")

OUTSIDE = "symlink points outside the strategy root: not read"
TOO_LARGE = f"file is larger than {MAX_FILE_BYTES // 1024} KiB; split it into smaller files"
NOT_REGULAR = "not a regular file (a pipe, socket or device?); skipped, rename or remove it"
BROKEN_LINK = "broken symbolic link: its target does not exist; fix or remove the link"


class Tree(ABC):
    """The files below a strategy root; `root` is where they are (or were) on disk."""

    root: FsPath

    @abstractmethod
    def discover(self, exclude: list[str]) -> tuple[list[str], list[Issue]]:
        """Every entity file (root-relative, `/`-separated, in walk order) and the
        issues for entries that cannot be read."""

    @abstractmethod
    def read_bytes(self, rel: str) -> bytes | str:
        """The file's bytes (at most MAX_FILE_BYTES + 1 of them), or why it cannot be read."""

    def blob_key(self, rel: str) -> tuple[str, str] | None:
        """`rel` and an id of its exact content, when the tree knows one without reading
        the file (a git blob hash); None otherwise."""
        return None


def is_yaml_name(name: str) -> bool:
    return name.lower().endswith(YAML_SUFFIXES)


def inside(real: str, real_root: str) -> bool:
    """True when the resolved path `real` is `real_root` or below it."""
    if real == real_root:
        return True
    prefix = real_root if real_root.endswith(os.sep) else real_root + os.sep
    return real.startswith(prefix)


class FolderTree(Tree):
    """A strategy root on disk."""

    def __init__(self, root: FsPath) -> None:
        self.root = root
        self.real_root = os.path.realpath(root)
        self._plain: set[str] = set()  # found below the root through no link at all

    def discover(self, exclude: list[str]) -> tuple[list[str], list[Issue]]:
        globs = Globs(exclude)
        found: list[str] = []
        findings: list[Issue] = []
        seen_dirs: set[tuple[int, int]] = set()
        identity: list[tuple[int, int] | None] = []  # per found file, while links exist
        links = False

        def walk(folder: str, rel: str, plain: bool, state: int) -> None:
            nonlocal links
            try:
                info = os.stat(folder)
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
                child_state = globs.advance(state, name)
                if globs.matched(child_state):
                    continue
                outside = False
                link = True
                try:
                    link = entry.is_symlink()
                    if link:
                        outside = not inside(os.path.realpath(entry.path), self.real_root)
                    is_dir = entry.is_dir(follow_symlinks=True)
                except (OSError, ValueError):
                    is_dir = False
                if is_dir:
                    if outside:
                        findings.append(Issue("BP105", OUTSIDE, child_rel, mark=(1, 1)))
                    else:
                        below = globs.advance(child_state, "/")
                        walk(entry.path, child_rel + "/", plain and not link, below)
                    continue
                if not is_yaml_name(name) or child_rel == ROOT_FILE:
                    continue
                problem = OUTSIDE if outside else _not_regular(entry.path)
                if problem:
                    findings.append(Issue("BP105", problem, child_rel, mark=(1, 1)))
                    continue
                found.append(child_rel)
                if plain and not link:
                    self._plain.add(child_rel)
                identity.append(_identity(entry, info.st_dev, link))
                links = links or link

        walk(str(self.root), "", True, globs.start)
        if links:
            found = self._once(found, identity)
        return found, findings

    def _once(self, found: list[str], identity: list[tuple[int, int] | None]) -> list[str]:
        """`found` with a file reached under two names, one of them a link, read once:
        under its names without a link when it has any, else under its first (a hard
        link is an ordinary file: its names are all kept)."""
        names: dict[tuple[int, int], list[int]] = {}
        for index, key in enumerate(identity):
            if key is not None:
                names.setdefault(key, []).append(index)
        dropped: set[int] = set()
        for indexes in names.values():
            if len(indexes) < 2 or all(found[i] in self._plain for i in indexes):
                continue
            plain = [i for i in indexes if found[i] in self._plain]
            keep = set(plain) if plain else {indexes[0]}
            dropped.update(i for i in indexes if i not in keep)
        return [rel for index, rel in enumerate(found) if index not in dropped]

    def read_bytes(self, rel: str) -> bytes | str:
        if rel in self._plain:
            # no link on the way: open it without following one (nothing to resolve)
            return read_regular(os.path.join(self.root, rel), MAX_FILE_BYTES, follow=False)
        try:
            real = os.path.realpath(os.path.join(self.root, rel))
        except (OSError, ValueError) as error:
            return f"cannot be read: {error}"
        if not inside(real, self.real_root):
            return OUTSIDE
        problem = _not_regular(real)
        if problem:
            return problem
        return read_regular(real, MAX_FILE_BYTES)


def _identity(entry: os.DirEntry[str], device: int, link: bool) -> tuple[int, int] | None:
    """The file a directory entry names: its device and inode (a link's target's)."""
    if not link:
        return device, entry.inode()
    try:
        info = os.stat(entry.path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _not_regular(path: str) -> str | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return BROKEN_LINK
    except (OSError, ValueError) as error:
        return f"cannot be read: {getattr(error, 'strerror', None) or error}"
    if not stat.S_ISREG(info.st_mode):
        return NOT_REGULAR
    return None


def read_capped(fd: int, limit: int) -> bytes:
    """What an open file holds, read in chunks up to one byte past `limit`: enough to tell
    a file over the limit without reading all of it."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = os.read(fd, min(1 << 20, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read_regular(path: str, limit: int, follow: bool = True) -> bytes | str:
    """At most `limit` + 1 bytes of a regular file, or why not.

    The file is opened without blocking and checked to be regular before a byte is read:
    a FIFO put in its place after a check is never waited on. `follow=False` refuses a
    symbolic link as the last part of `path`.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return BROKEN_LINK
    except (OSError, ValueError) as error:
        return f"cannot be read: {getattr(error, 'strerror', None) or error}"
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return NOT_REGULAR
        return read_capped(fd, limit)
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    finally:
        os.close(fd)
