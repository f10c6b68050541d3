"""Shared helpers: build a strategy root on disk and lint it."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from bpstrat.lint.linter import LintResult, lint

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TODAY = dt.date(2026, 11, 20)

ROOT_CONFIG = """\
product:
  id: demo
  name: Demo Platform
  owner: ana
"""

ANA = """\
kind: stakeholder
id: ana
name: Ana
power: 3
interest: 5
engagement: {current: leading, desired: leading}
reviewed: 2026-11-01
"""

Writer = Callable[..., Path]


def write_root(base: Path, files: dict[str, str | bytes], config: str = ROOT_CONFIG,
               with_ana: bool = True) -> Path:
    """Write bpstrat.yaml and `files` (dedented) below `base`."""
    base.mkdir(parents=True, exist_ok=True)
    (base / "bpstrat.yaml").write_text(textwrap.dedent(config), encoding="utf-8")
    if with_ana:
        (base / "ana.yaml").write_text(ANA, encoding="utf-8")
    for name, content in files.items():
        target = base / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content), encoding="utf-8")
    return base


@pytest.fixture(autouse=True)
def private_cache_home(tmp_path_factory: pytest.TempPathFactory,
                       monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test keeps its parse cache in its own folder, never in the user's."""
    home = tmp_path_factory.mktemp("cache-home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture
def root(tmp_path: Path) -> Writer:
    def make(files: dict[str, str | bytes] | None = None, **kwargs: object) -> Path:
        return write_root(tmp_path / "strategy", files or {}, **kwargs)  # type: ignore[arg-type]
    return make


def where(result: LintResult, code: str | None = None,
          practice: bool = False) -> list[tuple[str, str, int, int]]:
    """(code, path, line, column) of each finding: one code, or all file and field
    findings (BP1xx-BP3xx), plus the practice rules (BP4xx) when `practice` is set."""
    return [(f.code, f.path, f.line, f.column) for f in result.findings
            if (f.code == code if code else practice or not f.code.startswith("BP4"))]


def run(path: Path) -> LintResult:
    """Lint, keeping the file and field findings (BP1xx-BP3xx) only."""
    result = lint(path, TODAY)
    result.findings = [f for f in result.findings if not f.code.startswith("BP4")]
    return result


def run_all(path: Path, today: dt.date = TODAY) -> LintResult:
    """Lint with every finding, practice rules included."""
    return lint(path, today)
