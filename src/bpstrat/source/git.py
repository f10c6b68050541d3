"""Git plumbing: the repository, revisions, and reading objects into memory.

Nothing here writes to disk: trees are listed with `git ls-tree` and blobs read with
`git cat-file --batch` (see git_tree.py).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from bpstrat.errors import UsageError


def run_git(repo: Path, *args: str, input_: bytes | None = None, timeout: float = 120) -> bytes:
    """git's output; a failing git is a GitError, a missing or stuck one a usage error."""
    try:
        result = subprocess.run(
            ["git", "-C", str(repo), *args],
            input=input_,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except OSError:
        raise UsageError("git is not installed or not on PATH") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"git {' '.join(args)} took too long") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return result.stdout


class GitError(Exception):
    """git itself failed; the message is its last line of error output."""


def repo_top(path: Path) -> Path:
    folder = path if path.is_dir() else path.parent
    try:
        out = run_git(folder, "rev-parse", "--show-toplevel")
    except GitError:
        raise UsageError(
            f"{path} is not inside a git repository; bpstrat diff compares git revisions"
        ) from None
    return Path(out.decode().strip()).resolve()


def resolve(repo: Path, revision: str) -> str:
    """The commit `revision` names; an unknown revision is a usage error."""
    if not revision or revision.startswith("-") or "\0" in revision:
        raise UsageError(f"unknown revision {revision!r}")
    try:
        return (
            run_git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
            .decode()
            .strip()
        )
    except GitError:
        raise UsageError(f"unknown revision {revision!r}") from None
