"""Real git repositories for the history tests, built with the git CLI: files written,
commits made at given committer dates (with their time zones), branches merged."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

from tests.v2_strategy import CONFIG, FILES

__all__ = ["CONFIG", "FILES", "Repo"]


class Repo:
    def __init__(self, top: Path) -> None:
        self.top = top
        top.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def env(self, date: str) -> dict[str, str]:
        return {
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.com",
            "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_DATE": date,
            "GIT_CONFIG_GLOBAL": "/dev/null",
            "GIT_CONFIG_NOSYSTEM": "1",
            "PATH": "/usr/bin:/bin:/usr/local/bin",
            "HOME": str(self.top),
        }

    def git(
        self, *args: str, date: str = "2026-01-01T12:00:00+00:00", data: bytes | None = None
    ) -> str:
        done = subprocess.run(
            ["git", "-C", str(self.top), *args],
            check=True,
            capture_output=True,
            input=data,
            env=self.env(date),
        )
        return done.stdout.decode("utf-8", "surrogateescape").strip()

    def write(self, files: dict[str, str | bytes], under: str = "strategy") -> None:
        for name, content in files.items():
            target = self.top / under / name if under else self.top / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(textwrap.dedent(content), encoding="utf-8")

    def edit(self, rel: str, old: str, new: str) -> None:
        target = self.top / rel
        text = target.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        target.write_text(text.replace(old, new, 1), encoding="utf-8")

    def commit(self, subject: str, date: str) -> str:
        """Commit everything at committer date `date` (ISO 8601 with its offset)."""
        self.git("add", "-A", date=date)
        self.git("commit", "-q", "--allow-empty", "-m", subject, date=date)
        return self.git("rev-parse", "HEAD")

    def export(self, commit: str, into: Path) -> Path:
        """The files of `commit`, written to `into` (as a checkout would leave them)."""
        into.mkdir(parents=True)
        archive = subprocess.run(
            ["git", "-C", str(self.top), "archive", "--format=tar", commit],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
        return into


def base_strategy(repo: Repo) -> None:
    """The hand-written v2 strategy in strategy/."""
    repo.write({"bpstrat.yaml": CONFIG, **FILES})
