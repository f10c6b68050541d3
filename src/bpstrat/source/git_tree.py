"""A strategy root as it was at a git revision, read in memory and never written anywhere.

The tree is listed with `git ls-tree -r -z`; an entry whose name is absolute or holds
`..`, `.git`, a backslash or NUL is reported (BP105) and never read. Sizes come from
`git cat-file --batch-check` before any content: only the YAML files the strategy needs,
each at most MAX_FILE_BYTES, are read with `git cat-file --batch`; a 300 MB binary beside
them is never loaded. A symbolic link is followed inside the tree only; one that leaves
the root is reported like a link out of a folder.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Protocol

from bpstrat.errors import UsageError
from bpstrat.findings import Issue
from bpstrat.source.git import GitError, run_git
from bpstrat.source.globs import Globs
from bpstrat.source.tree import (
    BROKEN_LINK,
    MAX_FILE_BYTES,
    OUTSIDE,
    ROOT_FILE,
    TOO_LARGE,
    Tree,
    is_yaml_name,
)

LINK = "120000"
FILE_MODES = ("100644", "100755", "100664")
MAX_LINK_BYTES = 4096
MAX_LINK_HOPS = 8
NO_STRATEGY = b"# the strategy did not exist yet\n"

UNSAFE = "unsafe file name in the git tree (absolute, `..`, `.git`, `\\` or NUL): not read"
MISSING = (
    "the file's git object is missing from the repository "
    "(a shallow or partial clone?); fetch the revision and try again"
)
_SHA = re.compile(r"^[0-9a-f]{40}(?:[0-9a-f]{24})?$")


@dataclass(frozen=True)
class _Entry:
    mode: str
    sha: str


def unsafe_name(name: str) -> bool:
    """A tree entry name that must never become a path: absolute, `..`, `.git`, NUL, `\\`."""
    if not name or name.startswith("/") or "\0" in name or "\\" in name:
        return True
    for part in name.split("/"):
        if part in ("", ".", "..") or part.lower().rstrip(". ") == ".git":
            return True
    return False


def shown(name: str) -> str:
    """A name as it may appear in a message: undecodable bytes and control characters escaped."""
    raw = name.encode("utf-8", "surrogateescape")
    text = raw.decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


class BlobStore(Protocol):
    """Where a GitTree's blobs come from."""

    def fetch(self, shas: list[str], limit: int) -> dict[str, bytes | str]:
        """The blobs `shas` of at most `limit` bytes; for the others, why not."""
        ...


class GitTree(Tree):
    """The files below `subdir` at `commit`; `root` is where they live in the work tree.

    `listing` (mode, hash, full path) is the tree's own `git ls-tree -r` when not given,
    and `store` reads blobs with one `git cat-file --batch` per request when not given:
    a walk over many revisions passes both, from one long-running reader, and the files
    it `known`s already ((path, hash) pairs), which are then never fetched."""

    def __init__(
        self,
        repo: FsPath,
        commit: str,
        subdir: str,
        revision: str,
        listing: Iterable[tuple[str, str, str]] | None = None,
        store: BlobStore | None = None,
        known: Container[tuple[str, str]] = (),
    ) -> None:
        self.root = repo / subdir if subdir else repo
        self.repo = repo
        self.revision = revision
        self.entries: dict[str, _Entry] = {}
        self.folders: set[str] = set()
        self.unsafe: list[str] = []
        self.notes: list[str] = []
        self._blobs: dict[str, bytes | str] = {}
        self._wanted: list[str] = []
        self._store: BlobStore = store or _BatchStore(repo)
        self._known = known
        prefix = f"{subdir}/" if subdir else ""
        for mode, sha, name in (
            listing if listing is not None else _ls_tree(repo, commit, subdir, revision)
        ):
            if subdir and name == subdir:
                self.notes.append(
                    f"at {revision}, {subdir} is a file, not a folder: "
                    "compared as if the strategy did not exist yet"
                )
                continue
            if unsafe_name(name) or not name.startswith(prefix) or not _SHA.match(sha):
                self.unsafe.append(shown(name[len(prefix) :] if name.startswith(prefix) else name))
                continue
            rel = name[len(prefix) :]
            if mode not in FILE_MODES and mode != LINK:
                continue  # a submodule: not part of this repository's files
            self.entries[rel] = _Entry(mode, sha)
            parts = rel.split("/")
            for depth in range(1, len(parts)):
                self.folders.add("/".join(parts[:depth]))
        links = [e.sha for e in self.entries.values() if e.mode == LINK]
        if links:
            self._fetch(links, MAX_LINK_BYTES)

    def blob_key(self, rel: str) -> tuple[str, str] | None:
        target = self._resolve(rel)
        return None if isinstance(target, str) else (rel, target.sha)

    def discover(self, exclude: list[str]) -> tuple[list[str], list[Issue]]:
        globs = Globs(exclude)
        findings = [Issue("BP105", UNSAFE, name, mark=(1, 1)) for name in self.unsafe]
        found: list[str] = []
        named: list[_Entry] = []  # the file each found name reads
        # The automaton's state after each folder of the current path (entries come in
        # depth-first order): each name is read once, not the whole path per glob.
        folders: list[tuple[str, int]] = [("", globs.start)]
        for rel in sorted(self.entries, key=lambda r: tuple(r.split("/"))):
            parts = rel.split("/")
            if rel == ROOT_FILE or any(p.startswith(".") for p in parts):
                continue
            if globs.patterns and _excluded(globs, folders, parts):
                continue
            if not is_yaml_name(parts[-1]):
                continue
            target = self._resolve(rel)
            if isinstance(target, str):
                findings.append(Issue("BP105", target, rel, mark=(1, 1)))
                continue
            found.append(rel)
            named.append(target)
            if (rel, target.sha) not in self._known:
                self._wanted.append(target.sha)
        return self._once(found, named), findings

    def _once(self, found: list[str], named: list[_Entry]) -> list[str]:
        """`found` with a file a link names a second time read once, under its own name
        (as on disk, source/tree.py)."""
        linked = [rel for rel in found if self.entries[rel].mode == LINK]
        if not linked:
            return found
        own = {id(target) for rel, target in zip(found, named, strict=True) if rel not in linked}
        return [
            rel
            for rel, target in zip(found, named, strict=True)
            if self.entries[rel].mode != LINK or id(target) not in own
        ]

    def read_bytes(self, rel: str) -> bytes | str:
        if rel == ROOT_FILE and rel not in self.entries:
            if ROOT_FILE in self.folders:
                return (
                    f"{ROOT_FILE} is a folder at {self.revision}, not a file; "
                    "the configuration could not be read"
                )
            return NO_STRATEGY
        target = self._resolve(rel)
        if isinstance(target, str):
            return target
        if target.sha not in self._blobs:
            self._fetch([*self._wanted, target.sha], MAX_FILE_BYTES)
            self._wanted = []
        return self._blobs.pop(target.sha, MISSING)

    def _resolve(self, rel: str) -> _Entry | str:
        """The regular file `rel` names, following links inside the tree; or why not."""
        entry = self.entries.get(rel)
        current = rel
        for _ in range(MAX_LINK_HOPS + 1):
            if entry is None:
                return "points to a folder, not a file" if current in self.folders else BROKEN_LINK
            if entry.mode != LINK:
                return entry
            content = self._blobs.get(entry.sha)
            if not isinstance(content, bytes):
                return BROKEN_LINK
            target = content.decode("utf-8", "surrogateescape")
            if target.startswith("/") or "\0" in target:
                return OUTSIDE
            current = posixpath.normpath(posixpath.join(posixpath.dirname(current), target))
            if current == ".." or current.startswith("../"):
                return OUTSIDE
            entry = self.entries.get(current)
        return f"symbolic link loop (more than {MAX_LINK_HOPS} links in a row); fix the link"

    def _fetch(self, shas: list[str], limit: int) -> None:
        """Read the blobs `shas` of at most `limit` bytes into memory; note why others fail."""
        wanted = [s for s in dict.fromkeys(shas) if s not in self._blobs]
        if wanted:
            self._blobs.update(self._store.fetch(wanted, limit))


def _ls_tree(repo: FsPath, commit: str, subdir: str, revision: str) -> list[tuple[str, str, str]]:
    """(mode, hash, full path) of every entry below `subdir` at `commit`."""
    try:
        listing = run_git(repo, "ls-tree", "-r", "-z", "--full-tree", commit, "--", subdir or ".")
    except GitError as error:
        raise UsageError(f"cannot read revision {revision!r}: {error}") from None
    out: list[tuple[str, str, str]] = []
    for record in listing.split(b"\0"):
        meta, tab, raw_name = record.partition(b"\t")
        fields = meta.decode("ascii", "replace").split()
        if not tab or len(fields) != 3:
            continue
        mode, _kind, sha = fields
        out.append((mode, sha, raw_name.decode("utf-8", "surrogateescape")))
    return out


class _BatchStore:
    """Blobs read with one `git cat-file --batch-check` and one `--batch` per request."""

    def __init__(self, repo: FsPath) -> None:
        self.repo = repo

    def fetch(self, shas: list[str], limit: int) -> dict[str, bytes | str]:
        blobs: dict[str, bytes | str] = {}
        try:
            checked = run_git(
                self.repo, "cat-file", "--batch-check", input_="\n".join(shas).encode() + b"\n"
            )
        except GitError as error:
            return {sha: f"cannot be read from git: {error}" for sha in shas}
        small: list[str] = []
        for line in checked.decode("ascii", "replace").splitlines():
            fields = line.split()
            if len(fields) == 3 and fields[1] == "blob" and fields[2].isdigit():
                if int(fields[2]) > limit:
                    blobs[fields[0]] = TOO_LARGE
                else:
                    small.append(fields[0])
            elif fields and fields[0] in shas:
                blobs[fields[0]] = MISSING
        if not small:
            return blobs
        try:
            batch = run_git(
                self.repo, "cat-file", "--batch", input_="\n".join(small).encode() + b"\n"
            )
        except GitError as error:
            blobs.update({sha: f"cannot be read from git: {error}" for sha in small})
            return blobs
        offset = 0
        while offset < len(batch):
            header_end = batch.find(b"\n", offset)
            if header_end < 0:
                break
            fields = batch[offset:header_end].decode("ascii", "replace").split()
            if len(fields) != 3 or not fields[2].isdigit():
                offset = header_end + 1
                continue
            size = int(fields[2])
            start = header_end + 1
            blobs[fields[0]] = batch[start : start + size]
            offset = start + size + 1
        return blobs


def _excluded(globs: Globs, folders: list[tuple[str, int]], parts: list[str]) -> bool:
    """Whether the path `parts` or a folder above it matches a glob; `folders` holds the
    states after the folders of the previous path and is updated for this one."""
    depth = 0
    while depth + 1 < len(folders) and depth < len(parts) - 1:
        if folders[depth + 1][0] != parts[depth]:
            break
        depth += 1
    del folders[depth + 1 :]
    state = folders[depth][1]
    for name in parts[depth:-1]:
        state = globs.advance(state, name)
        if globs.matched(state):
            return True
        state = globs.advance(state, "/")
        folders.append((name, state))
    return globs.matched(globs.advance(state, parts[-1]))
