"""The strategy root as it was at a git revision, materialised in a temporary folder."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from bpstrat.errors import UsageError


def _git(repo: Path, *args: str, input_: bytes | None = None) -> bytes:
    try:
        result = subprocess.run(
            ["git", "-C", str(repo), *args],
            input=input_,
            capture_output=True,
            timeout=120,
            check=False,
        )
    except FileNotFoundError:
        raise UsageError("git is not installed or not on PATH") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"git {' '.join(args)} took too long") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return result.stdout


class GitError(Exception):
    pass


def repo_top(path: Path) -> Path:
    folder = path if path.is_dir() else path.parent
    try:
        out = _git(folder, "rev-parse", "--show-toplevel")
    except GitError:
        raise UsageError(
            f"{path} is not inside a git repository; bpstrat diff compares git revisions"
        ) from None
    return Path(out.decode().strip()).resolve()


def resolve(repo: Path, revision: str) -> str:
    try:
        return (
            _git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
            .decode()
            .strip()
        )
    except GitError:
        raise UsageError(f"unknown revision {revision!r}") from None


def materialise(repo: Path, commit: str, subdir: str, into: Path) -> Path:
    """Write the files below `subdir` at `commit` into `into`; return that folder."""
    listing = _git(repo, "ls-tree", "-r", "-z", "--full-tree", commit, "--", subdir or ".")
    entries = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _, raw_name = record.partition(b"\t")
        mode, kind, sha = meta.split()
        if kind == b"blob" and mode != b"120000":
            entries.append((raw_name.decode("utf-8", "surrogateescape"), sha.decode()))
    if entries:
        batch = _git(
            repo, "cat-file", "--batch", input_="\n".join(s for _, s in entries).encode() + b"\n"
        )
        offset = 0
        for name, _ in entries:
            header_end = batch.index(b"\n", offset)
            size = int(batch[offset:header_end].split()[2])
            start = header_end + 1
            target = into / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(batch[start : start + size])
            offset = start + size + 1
    folder = into / subdir if subdir else into
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def temporary_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="bpstrat-diff-")
