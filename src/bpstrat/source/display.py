"""How paths inside a strategy root are shown: from the current folder (clickable in a
terminal) or from the git repository's top folder (GitHub resolves annotation and SARIF
paths from there, whatever folder bpstrat ran in)."""

from __future__ import annotations

from pathlib import Path

from bpstrat.errors import UsageError


def display_prefix(root: Path) -> str:
    """How to reach the root from the current folder ('' when it is the current folder)."""
    try:
        rel = root.relative_to(Path.cwd().resolve())
    except ValueError:
        return f"{root}/"
    text = rel.as_posix()
    return "" if text == "." else f"{text}/"


def repository_prefix(root: Path) -> str:
    """How to reach the root from the git repository's top folder ('' when it is the
    top); outside git, from the current folder."""
    from bpstrat.source.git import GitError, run_git  # subprocess: only for these formats

    try:
        top = run_git(root, "rev-parse", "--show-toplevel", timeout=30).decode().strip()
    except (GitError, UsageError, UnicodeDecodeError):
        return display_prefix(root)
    if not top:
        return display_prefix(root)
    try:
        rel = root.relative_to(Path(top).resolve()).as_posix()
    except ValueError:
        return display_prefix(root)
    return "" if rel == "." else f"{rel}/"
