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

    def _ask(self, process: subprocess.Popen[bytes], sha: str) -> list[str]:
        """Send one hash; the header line git answers, split."""
        stdin, stdout = process.stdin, process.stdout
        assert stdin is not None and stdout is not None
        try:
            stdin.write(sha.encode("ascii") + b"\n")
            stdin.flush()
        except (BrokenPipeError, OSError):
            raise UsageError("git cat-file stopped while reading the history") from None
        header = stdout.readline()
        if not header.endswith(b"\n"):
            raise UsageError("git cat-file stopped while reading the history")
        return header.decode("ascii", "replace").split()

    def info(self, sha: str) -> tuple[str, int] | None:
        """The object's type and size, or None when it is missing."""
        if self._check is None:
            self._check = self._start("--batch-check")
        fields = self._ask(self._check, sha)
        if len(fields) == 3 and fields[2].isdigit():
            return fields[1], int(fields[2])
        return None

    def read(self, sha: str, kind: str, limit: int) -> bytes | str:
        """The content of the object `sha` of type `kind` and at most `limit` bytes, or
        why it cannot be read."""
        found = self.info(sha)
        if found is None:
            return MISSING
        if found[0] != kind:
            return f"is a git {found[0]}, not a {kind}"
        if found[1] > limit:
            return TOO_LARGE
        if self._batch is None:
            self._batch = self._start("--batch")
        fields = self._ask(self._batch, sha)
        if len(fields) != 3 or not fields[2].isdigit():
            return MISSING
        stdout = self._batch.stdout
        assert stdout is not None
        content = _read_exactly(stdout, int(fields[2]) + 1)  # the content and its newline
        return content[:-1]

    def fetch(self, shas: list[str], limit: int) -> dict[str, bytes | str]:
        """Blobs for a GitTree (see source.git_tree.BlobStore)."""
        return {sha: self.read(sha, "blob", limit) for sha in shas}

    def tree(self, sha: str) -> list[tuple[int, str, str]] | None:
        """The entries (mode, name, hash) of the tree `sha`, or None when it is not a
        readable tree."""
        raw = self.read(sha, "tree", MAX_TREE_BYTES)
        if isinstance(raw, str):
            return None
        return parse_tree(raw, len(sha) // 2)


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
