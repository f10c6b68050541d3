"""git's object database read by two long-running processes, one object at a time.

`git cat-file --batch-check` says an object's type and size before anything is read, and
`git cat-file --batch` reads it: a blob above the limit is never loaded, whatever the
history holds. Objects are asked for by hash only (never by a path, which could hold a
newline), so nothing a commit holds can change what is asked. Nothing is written to disk.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from types import TracebackType
from typing import IO

from bpstrat.errors import UsageError
from bpstrat.source.git_tree import MISSING
from bpstrat.source.tree import TOO_LARGE

MAX_TREE_BYTES = 64 * 1024 * 1024  # a tree object larger than this is not read
TREE = 0o040000
LINK = 0o120000
GITLINK = 0o160000  # a submodule
BATCH = 500  # hashes per write: their lines fit in a pipe's buffer


class ObjectReader:
    """Objects of the repository at `repo`; use as a context manager (the processes end)."""

    def __init__(self, repo: Path) -> None:
        self.repo = repo
        self._check: subprocess.Popen[bytes] | None = None
        self._batch: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> ObjectReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        for process in (self._check, self._batch):
            if process is None:
                continue
            if process.stdin is not None:
                process.stdin.close()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()
        self._check = self._batch = None

    def _start(self, mode: str) -> subprocess.Popen[bytes]:
        try:
            return subprocess.Popen(
                ["git", "-C", str(self.repo), "cat-file", mode],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            raise UsageError("git is not installed or not on PATH") from None

    def _send(self, process: subprocess.Popen[bytes], shas: list[str]) -> None:
        """Ask for `shas` in one write: small enough to sit in the pipe while git answers."""
        stdin = process.stdin
        assert stdin is not None
        try:
            stdin.write("".join(f"{sha}\n" for sha in shas).encode("ascii"))
            stdin.flush()
        except (BrokenPipeError, OSError):
            raise UsageError("git cat-file stopped while reading the history") from None

    def _header(self, process: subprocess.Popen[bytes]) -> list[str]:
        stdout = process.stdout
        assert stdout is not None
        header = stdout.readline()
        if not header.endswith(b"\n"):
            raise UsageError("git cat-file stopped while reading the history")
        return header.decode("ascii", "replace").split()

    def info(self, shas: list[str]) -> dict[str, tuple[str, int]]:
        """The type and size of each object of `shas` that git has."""
        if self._check is None:
            self._check = self._start("--batch-check")
        found: dict[str, tuple[str, int]] = {}
        for start in range(0, len(shas), BATCH):
            chunk = shas[start : start + BATCH]
            self._send(self._check, chunk)
            for sha in chunk:
                fields = self._header(self._check)
                if len(fields) == 3 and fields[2].isdigit():
                    found[sha] = (fields[1], int(fields[2]))
        return found

    def _contents(self, shas: list[str], limit: int, kind: str) -> dict[str, bytes | str]:
        """The contents of the objects `shas` of type `kind`, read with --batch; one above
        `limit` bytes is read from the pipe in pieces and dropped (only trees are asked
        for before their size is known)."""
        if self._batch is None:
            self._batch = self._start("--batch")
        stdout = self._batch.stdout
        assert stdout is not None
        out: dict[str, bytes | str] = {}
        for start in range(0, len(shas), BATCH):
            chunk = shas[start : start + BATCH]
            self._send(self._batch, chunk)
            for sha in chunk:
                fields = self._header(self._batch)
                if len(fields) != 3 or not fields[2].isdigit():
                    out[sha] = MISSING
                    continue
                size = int(fields[2])
                if size > limit:
                    _drop(stdout, size + 1)
                    out[sha] = TOO_LARGE
                    continue
                content = _read_exactly(stdout, size + 1)[:-1]  # the content and a newline
                out[sha] = content if fields[1] == kind else f"is a git {fields[1]}"
        return out

    def fetch(self, shas: list[str], limit: int) -> dict[str, bytes | str]:
        """Blobs for a GitTree (see source.git_tree.BlobStore): sizes first, then the
        contents of those within `limit`."""
        found = self.info(shas)
        out: dict[str, bytes | str] = {}
        small: list[str] = []
        for sha in shas:
            kind, size = found.get(sha, ("", -1))
            if size < 0:
                out[sha] = MISSING
            elif kind != "blob":
                out[sha] = f"is a git {kind}, not a file"
            elif size > limit:
                out[sha] = TOO_LARGE
            else:
                small.append(sha)
        out.update(self._contents(small, limit, "blob"))
        return out

    def trees(self, shas: list[str]) -> dict[str, list[tuple[int, str, str]] | None]:
        """The entries (mode, name, hash) of each tree of `shas`; None for an object that
        is not a readable tree."""
        out: dict[str, list[tuple[int, str, str]] | None] = {}
        for sha, raw in self._contents(shas, MAX_TREE_BYTES, "tree").items():
            out[sha] = None if isinstance(raw, str) else parse_tree(raw, len(sha) // 2)
        return out


def _drop(stream: IO[bytes], size: int) -> None:
    left = size
    while left > 0:
        chunk = stream.read(min(left, 1 << 20))
        if not chunk:
            raise UsageError("git cat-file stopped while reading the history")
        left -= len(chunk)


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    chunks: list[bytes] = []
    left = size
    while left > 0:
        chunk = stream.read(left)
        if not chunk:
            raise UsageError("git cat-file stopped while reading the history")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def parse_tree(raw: bytes, hash_bytes: int) -> list[tuple[int, str, str]] | None:
    """A tree object's entries: `<octal mode> <name>\\0<hash>` each; None when malformed."""
    entries: list[tuple[int, str, str]] = []
    offset = 0
    while offset < len(raw):
        space = raw.find(b" ", offset)
        nul = raw.find(b"\0", space + 1) if space >= 0 else -1
        if space < 0 or nul < 0 or nul + 1 + hash_bytes > len(raw):
            return None
        mode_text = raw[offset:space]
        if not mode_text or not mode_text.isdigit() or len(mode_text) > 7:
            return None
        try:
            mode = int(mode_text, 8)
        except ValueError:
            return None
        name = raw[space + 1 : nul].decode("utf-8", "surrogateescape")
        sha = raw[nul + 1 : nul + 1 + hash_bytes].hex()
        entries.append((mode, name, sha))
        offset = nul + 1 + hash_bytes
    return entries
