"""The commits of a strategy's history: the first-parent line of a revision, and of it the
commits that changed a file under the root, each with its tree read from git's objects.

A commit changed the root when the root's tree hash differs from its first parent's (a
file added, removed or edited anywhere below it). Trees are read by hash through one
ObjectReader and remembered while the walk still sees them, so a commit costs the trees
it changed, and memory follows the size of one tree, not the number of commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bpstrat.errors import UsageError
from bpstrat.history.objects import GITLINK, LINK, TREE, ObjectReader
from bpstrat.source.git import GitError, run_git

FIELD = "\x1f"
FORMAT = f"--format=%H{FIELD}%P{FIELD}%T{FIELD}%ct{FIELD}%s"


@dataclass(frozen=True)
class Commit:
    sha: str
    parent: str | None  # the first parent
    tree: str  # the commit's root tree
    date: dt.date  # the committer date, in UTC
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:7]


def first_parent_line(repo: Path, until: str, since: str | None = None) -> list[Commit]:
    """The commits on the first-parent line of `until`, oldest first; with `since` (a
    commit), only those not reachable from it."""
    args = ["log", "--first-parent", "-z", FORMAT]
    args += [until] if since is None else [until, f"^{since}"]
    try:
        out = run_git(repo, *args, "--")
    except GitError as error:
        raise UsageError(f"cannot read the history of {until!r}: {error}") from None
    commits = _parse_log(out)
    commits.reverse()
    return commits


def one_commit(repo: Path, sha: str) -> Commit | None:
    """The commit `sha` alone, or None when it cannot be read (a shallow clone's edge)."""
    try:
        found = _parse_log(run_git(repo, "log", "-1", "-z", FORMAT, sha, "--"))
    except GitError:
        return None
    return found[0] if found else None


def _parse_log(out: bytes) -> list[Commit]:
    commits: list[Commit] = []
    for record in out.decode("utf-8", "replace").split("\0"):
        fields = record.split(FIELD, 4)
        if len(fields) != 5:
            continue
        sha, parents, tree, stamp, subject = fields
        commits.append(
            Commit(sha, parents.split()[0] if parents else None, tree, _utc_date(stamp), subject)
        )
    return commits


def _utc_date(stamp: str) -> dt.date:
    try:
        return dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc).date()
    except (ValueError, OverflowError, OSError):
        return dt.date(1970, 1, 1)  # a commit with no usable date


class TreeWalker:
    """The root's tree at each commit, and the files below it."""

    def __init__(self, reader: ObjectReader, subdir: str) -> None:
        self.reader = reader
        self.parts = [p for p in subdir.split("/") if p] if subdir else []
        self.prefix = f"{subdir}/" if subdir else ""
        self._trees: dict[str, list[tuple[int, str, str]] | None] = {}
        self._seen: set[str] = set()
        self._listed: set[str] = set()  # the trees of the last listing, kept for the next

    def _tree(self, sha: str) -> list[tuple[int, str, str]] | None:
        self._seen.add(sha)
        if sha not in self._trees:
            self._trees.update(self.reader.trees([sha]))
        return self._trees.get(sha)

    def root_tree(self, commit_tree: str) -> str | None:
        """The hash of the root's tree below the commit's tree `commit_tree`; None when
        the root is not a folder there."""
        sha = commit_tree
        for part in self.parts:
            entries = self._tree(sha)
            found = next((e for e in entries or () if e[1] == part), None)
            if found is None or found[0] != TREE:
                return None
            sha = found[2]
        return sha

    def listing(self, root: str) -> list[tuple[str, str, str]]:
        """(mode, hash, full path) of every file, link and submodule below the root's
        tree `root`, as `git ls-tree -r` lists them. The trees of each depth are read
        in one request."""
        out: list[tuple[str, str, str]] = []
        level: list[tuple[str, str]] = [(root, self.prefix)]
        self._listed = set()
        while level:
            unknown = [sha for sha, _ in level if sha not in self._trees]
            if unknown:
                self._trees.update(self.reader.trees(list(dict.fromkeys(unknown))))
            below: list[tuple[str, str]] = []
            for sha, prefix in level:
                self._listed.add(sha)
                self._seen.add(sha)
                for mode, name, child in self._trees.get(sha) or ():
                    if mode == TREE:
                        below.append((child, f"{prefix}{name}/"))
                    elif mode in (LINK, GITLINK) or mode >> 12 == 0o10:  # 0o10xxxx: a file
                        out.append((f"{mode:06o}", child, f"{prefix}{name}"))
                    else:  # a mode git never writes: listed as it is, and never read
                        out.append((f"{mode:o}", child, f"{prefix}{name}"))
            level = below
        return out

    def sweep(self) -> None:
        """Forget the trees not read since the last sweep, but those of the last listing."""
        keep = self._seen | self._listed
        self._trees = {k: v for k, v in self._trees.items() if k in keep}
        self._seen = set()


@dataclass(frozen=True)
class Step:
    """A commit that changed the root, with the root's tree there (None: no root)."""

    commit: Commit
    root: str | None


def root_changes(walker: TreeWalker, commits: list[Commit], before: str | None) -> Iterator[Step]:
    """The commits of `commits` (a first-parent line, oldest first) that changed the root;
    `before` is the root's tree at the first one's parent."""
    previous = before
    for commit in commits:
        root = walker.root_tree(commit.tree)
        if root != previous:
            yield Step(commit, root)
        previous = root
        walker.sweep()
